package io.hutong.sim.ledger;

import io.hutong.sim.codes.CodeBook;

import java.util.ArrayList;
import java.util.HashMap;

/**
 * The state of one {@link Ledger} and the helpers its operations share: accounts, merchants, orders, holds,
 * counters and id sequences. Not thread-safe: every method runs under the ledger's lock.
 */
final class LedgerBook
{
    final LedgerSettings settings;
    final CodeBook codes;
    final HashMap<String, ConsumerAccount> accounts = new HashMap<>();
    final ArrayList<ConsumerAccount> accountsByNumber = new ArrayList<>();
    final HashMap<String, Merchant> merchants = new HashMap<>();
    final HashMap<String, Order> byTxnId = new HashMap<>();
    final HashMap<String, Order> holds = new HashMap<>();
    final ArrayList<Order> all = new ArrayList<>();
    long pays;
    long paysDeclined;
    long userPaying;
    long resends;
    long reversals;
    long refunds;
    long credits;
    long holdsPlaced;
    long releases;
    long captures;
    private long txnSequence;

    LedgerBook(final LedgerSettings settings)
    {
        this.settings = settings;
        this.codes = new CodeBook(settings.codeFormat());
        accountsByNumber.add(null); // account numbers start at 1
    }

    Order newOrder(
        final Merchant merchant,
        final String orderNo,
        final OrderKind kind,
        final ConsumerAccount consumer,
        final Merchant payee,
        final long amount,
        final long contentHash,
        final long now,
        final boolean withTxnId)
    {
        // Declined payments and tombstones moved no money, so the wallet gives them no transaction id.
        final String txnId = withTxnId ? nextTxnId("") : null;
        final Order order = new Order(merchant, orderNo, kind, consumer, payee, amount, contentHash, txnId, now);
        if (null != merchant)
        {
            merchant.orders.put(orderNo, order);
        }
        else
        {
            holds.put(orderNo, order);
        }
        if (null != txnId)
        {
            byTxnId.put(txnId, order);
        }
        all.add(order);
        return order;
    }

    /**
     * Moves a payment waiting for its consumer to where the clock says it is by now: confirmed (SUCCESS) or
     * cancelled (CLOSED) at its confirmation time.
     */
    void settle(final Order order, final long now)
    {
        if (OrderState.USERPAYING != order.state || now - order.confirmAt < 0)
        {
            return;
        }
        final ConsumerAccount consumer = order.consumer;
        consumer.held -= order.amount;
        if (order.cancels)
        {
            consumer.unspend(order.amount, ConsumerAccount.dayOf(order.createdAt));
            order.finish(OrderState.CLOSED, order.confirmAt);
        }
        else
        {
            consumer.balance -= order.amount;
            order.merchant.balance += order.amount;
            order.finish(OrderState.SUCCESS, order.confirmAt);
        }
    }

    /**
     * Cancels the confirmation of a payment waiting for its consumer: the reserved amount is free again.
     */
    void cancelPending(final Order order, final long now)
    {
        order.consumer.held -= order.amount;
        order.consumer.unspend(order.amount, ConsumerAccount.dayOf(order.createdAt));
        order.finish(OrderState.CLOSED, now);
    }

    LedgerResult found(final Order order, final long now)
    {
        if (null == order)
        {
            return LedgerResult.declined(Decline.ORDER_NOT_FOUND, null);
        }
        settle(order, now);
        return LedgerResult.done(order.snapshot());
    }

    /**
     * A transaction id: the wallet's prefix, a marker, then the sequence zero-padded to 28 characters (the length
     * of a WeChat transaction_id).
     */
    String nextTxnId(final String marker)
    {
        final String digits = Long.toString(++txnSequence);
        final StringBuilder id = new StringBuilder(28).append(settings.txnPrefix()).append(marker);
        for (int i = id.length() + digits.length(); i < 28; i++)
        {
            id.append('0');
        }
        return id.append(digits).toString();
    }

    LedgerCounters counters()
    {
        return new LedgerCounters(all.size(), pays, paysDeclined, userPaying, resends, reversals, refunds, credits,
            holdsPlaced, releases, captures);
    }

    /**
     * A 64-bit FNV-1a of the request content that must match for a resend; never {@link Order#NO_CONTENT}.
     */
    static long contentHash(final String text, final long amount)
    {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0, n = null == text ? 0 : text.length(); i < n; i++)
        {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        hash = (hash ^ amount) * 0x100000001b3L;
        return Order.NO_CONTENT == hash ? 1 : hash;
    }
}
