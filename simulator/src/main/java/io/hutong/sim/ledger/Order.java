package io.hutong.sim.ledger;

/**
 * One order. Mutable; guarded by the owning {@link Ledger}'s lock.
 */
final class Order
{
    /** Content hash of a tombstone: it matches no request. */
    static final long NO_CONTENT = 0;

    final Merchant merchant;
    final String orderNo;
    final OrderKind kind;
    final ConsumerAccount consumer;
    final Merchant payee;
    final long amount;
    final long contentHash;
    final String walletTxnId;
    final long createdAt;
    OrderState state;
    long refunded;
    long finalAt = -1;
    long confirmAt;
    boolean cancels;
    Decline decline;

    Order(
        final Merchant merchant,
        final String orderNo,
        final OrderKind kind,
        final ConsumerAccount consumer,
        final Merchant payee,
        final long amount,
        final long contentHash,
        final String walletTxnId,
        final long createdAt)
    {
        this.merchant = merchant;
        this.orderNo = orderNo;
        this.kind = kind;
        this.consumer = consumer;
        this.payee = payee;
        this.amount = amount;
        this.contentHash = contentHash;
        this.walletTxnId = walletTxnId;
        this.createdAt = createdAt;
    }

    void finish(final OrderState finalState, final long at)
    {
        state = finalState;
        finalAt = at;
    }

    OrderSnapshot snapshot()
    {
        final String account = null != consumer ? consumer.id : null != payee ? payee.id : null;
        return new OrderSnapshot(null == merchant ? null : merchant.id, orderNo, kind, account, amount, state,
            walletTxnId, refunded, createdAt, finalAt, decline);
    }
}
