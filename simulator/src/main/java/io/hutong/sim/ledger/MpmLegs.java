package io.hutong.sim.ledger;

/**
 * The merchant-presented (MPM) operations of a {@link Ledger}: crediting a payee merchant, and placing, capturing and
 * releasing payer holds. Not thread-safe: the ledger calls every method under its lock. The rules are documented on
 * the {@link Ledger} methods that call these.
 */
final class MpmLegs
{
    private final LedgerBook book;

    MpmLegs(final LedgerBook book)
    {
        this.book = book;
    }

    LedgerResult credit(
        final String merchantId,
        final String orderNo,
        final String payeeId,
        final long amount,
        final long contentHash,
        final long now)
    {
        final Merchant merchant = book.merchants.get(merchantId);
        if (null == merchant)
        {
            return LedgerResult.declined(Decline.MERCHANT_UNKNOWN, null);
        }
        final Order existing = merchant.orders.get(orderNo);
        if (null != existing)
        {
            if (OrderState.REVERSED == existing.state)
            {
                // Reversed (or a tombstone left by a reverse that overtook this credit): closed for good.
                return LedgerResult.declined(Decline.ORDER_REVERSED, existing.snapshot());
            }
            if (OrderKind.CREDIT != existing.kind || existing.contentHash != contentHash)
            {
                return LedgerResult.declined(Decline.ORDER_CONFLICT, existing.snapshot());
            }
            book.resends++;
            return LedgerResult.resend(existing.snapshot());
        }
        final Merchant payee = book.merchants.get(payeeId);
        if (null == payee)
        {
            return LedgerResult.declined(Decline.PAYEE_UNKNOWN, null);
        }
        final Order order =
            book.newOrder(merchant, orderNo, OrderKind.CREDIT, null, payee, amount, contentHash, now, true);
        payee.balance += amount;
        order.finish(OrderState.SUCCESS, now);
        book.credits++;
        return LedgerResult.done(order.snapshot());
    }

    LedgerResult hold(final String accountId, final String orderNo, final long amount, final long now)
    {
        final ConsumerAccount consumer = book.accounts.get(accountId);
        final Order existing = book.holds.get(orderNo);
        if (null != existing)
        {
            if (null == existing.consumer)
            {
                return LedgerResult.declined(Decline.HOLD_RELEASED, existing.snapshot());
            }
            if (existing.consumer != consumer || existing.amount != amount)
            {
                return LedgerResult.declined(Decline.ORDER_CONFLICT, existing.snapshot());
            }
            book.resends++;
            return LedgerResult.resend(existing.snapshot());
        }
        if (null == consumer)
        {
            return LedgerResult.declined(Decline.ACCOUNT_UNKNOWN, null);
        }
        final long today = ConsumerAccount.dayOf(now);
        final Decline decline = consumer.checkDebit(amount, today);
        if (null != decline)
        {
            return LedgerResult.declined(decline, null);
        }
        final Order order = book.newOrder(null, orderNo, OrderKind.HOLD, consumer, null, amount, amount, now, true);
        consumer.spend(amount, today);
        consumer.held += amount;
        order.state = OrderState.HELD;
        book.holdsPlaced++;
        return LedgerResult.done(order.snapshot());
    }

    LedgerResult capture(final String orderNo, final long now)
    {
        final Order order = book.holds.get(orderNo);
        if (null == order)
        {
            return LedgerResult.declined(Decline.ORDER_NOT_FOUND, null);
        }
        switch (order.state)
        {
            case HELD:
                order.consumer.held -= order.amount;
                order.consumer.balance -= order.amount;
                order.finish(OrderState.CAPTURED, now);
                book.captures++;
                return LedgerResult.done(order.snapshot());
            case CAPTURED:
                book.resends++;
                return LedgerResult.resend(order.snapshot());
            default:
                return LedgerResult.declined(Decline.HOLD_RELEASED, order.snapshot());
        }
    }

    LedgerResult release(final String orderNo, final long amount, final long now)
    {
        Order order = book.holds.get(orderNo);
        if (null == order)
        {
            // A tombstone: the hold may be placed late (the payer wallet's app is slow), and must then be refused.
            order = book.newOrder(null, orderNo, OrderKind.HOLD, null, null, amount, amount, now, false);
            order.finish(OrderState.RELEASED, now);
            book.releases++;
            return LedgerResult.done(order.snapshot());
        }
        if (order.amount != amount)
        {
            return LedgerResult.declined(Decline.ORDER_CONFLICT, order.snapshot());
        }
        switch (order.state)
        {
            case HELD:
                order.consumer.held -= order.amount;
                order.consumer.unspend(order.amount, ConsumerAccount.dayOf(order.createdAt));
                order.finish(OrderState.RELEASED, now);
                book.releases++;
                return LedgerResult.done(order.snapshot());
            case RELEASED:
                book.resends++;
                return LedgerResult.resend(order.snapshot());
            default:
                return LedgerResult.declined(Decline.HOLD_CAPTURED, order.snapshot());
        }
    }
}
