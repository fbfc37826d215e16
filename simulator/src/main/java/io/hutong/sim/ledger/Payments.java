package io.hutong.sim.ledger;

import io.hutong.sim.codes.CodeBook;

/**
 * The consumer-presented (CPM) operations of a {@link Ledger}: pay, query, reverse, close and refund. Not
 * thread-safe: the ledger calls every method under its lock. The rules are documented on the {@link Ledger}
 * methods that call these.
 */
final class Payments
{
    private final LedgerBook book;

    Payments(final LedgerBook book)
    {
        this.book = book;
    }

    LedgerResult pay(
        final String merchantId,
        final String orderNo,
        final String code,
        final long amount,
        final long contentHash,
        final long userPayingMs,
        final boolean userCancels,
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
            return repeatedPay(existing, contentHash, now);
        }
        book.pays++;
        // The code is consumed here, before any other check: a code is single-use even when the payment fails.
        final int checked = book.codes.check(code, now);
        final ConsumerAccount consumer = checked > 0 ? book.accountsByNumber.get(checked) : null;
        final long today = ConsumerAccount.dayOf(now);
        final Decline decline = null == consumer ? codeDecline(checked) : consumer.checkDebit(amount, today);
        final Order order =
            book.newOrder(merchant, orderNo, OrderKind.PAY, consumer, null, amount, contentHash, now, null == decline);
        if (null != decline)
        {
            book.paysDeclined++;
            order.decline = decline;
            order.finish(OrderState.PAYERROR, now);
            return LedgerResult.declined(decline, order.snapshot());
        }
        consumer.spend(amount, today);
        if (userPayingMs >= 0)
        {
            book.userPaying++;
            consumer.held += amount;
            order.state = OrderState.USERPAYING;
            // An unconfirmed payment is closed by the wallet when its window ends (WeChat: 45 s).
            final long autoCloseMs = book.settings.autoCloseMs();
            order.confirmAt = now + Math.min(userPayingMs, autoCloseMs);
            order.cancels = userCancels || userPayingMs >= autoCloseMs;
        }
        else
        {
            consumer.balance -= amount;
            merchant.balance += amount;
            order.finish(OrderState.SUCCESS, now);
        }
        return LedgerResult.done(order.snapshot());
    }

    LedgerResult query(final String merchantId, final String orderNo, final long now)
    {
        final Merchant merchant = book.merchants.get(merchantId);
        if (null == merchant)
        {
            return LedgerResult.declined(Decline.MERCHANT_UNKNOWN, null);
        }
        return book.found(merchant.orders.get(orderNo), now);
    }

    LedgerResult reverse(final String merchantId, final String orderNo, final long now)
    {
        final Merchant merchant = book.merchants.get(merchantId);
        if (null == merchant)
        {
            return LedgerResult.declined(Decline.MERCHANT_UNKNOWN, null);
        }
        Order order = merchant.orders.get(orderNo);
        if (null == order)
        {
            // A tombstone: the pay may still be on its way, and must then be refused.
            order = book.newOrder(merchant, orderNo, OrderKind.PAY, null, null, 0, Order.NO_CONTENT, now, false);
            order.finish(OrderState.REVERSED, now);
            book.reversals++;
            return LedgerResult.done(order.snapshot());
        }
        if (OrderKind.CREDIT == order.kind)
        {
            return reverseCredit(order, now);
        }
        if (OrderKind.PAY != order.kind)
        {
            return LedgerResult.declined(Decline.ORDER_CONFLICT, order.snapshot());
        }
        book.settle(order, now);
        switch (order.state)
        {
            case USERPAYING:
                book.cancelPending(order, now);
                return new LedgerResult(LedgerResult.Status.CALL_AGAIN, null, order.snapshot(), null);
            case SUCCESS:
                order.consumer.balance += order.amount;
                order.merchant.balance -= order.amount;
                order.consumer.unspend(order.amount, ConsumerAccount.dayOf(order.createdAt));
                book.reversals++;
                order.finish(OrderState.REVERSED, now);
                return LedgerResult.done(order.snapshot());
            case CLOSED:
            case PAYERROR:
                book.reversals++;
                order.finish(OrderState.REVERSED, now);
                return LedgerResult.done(order.snapshot());
            case REVERSED:
                return LedgerResult.resend(order.snapshot());
            default:
                return LedgerResult.declined(Decline.ALREADY_REFUNDED, order.snapshot());
        }
    }

    /**
     * An MPM credit whose outcome the switch never learned: taken back from the payee, so the payer (whose hold
     * the switch releases) and the payee agree that nothing moved.
     */
    private LedgerResult reverseCredit(final Order order, final long now)
    {
        if (OrderState.REVERSED == order.state)
        {
            return LedgerResult.resend(order.snapshot());
        }
        order.payee.balance -= order.amount;
        book.reversals++;
        order.finish(OrderState.REVERSED, now);
        return LedgerResult.done(order.snapshot());
    }

    LedgerResult close(final String merchantId, final String orderNo, final long now)
    {
        final Merchant merchant = book.merchants.get(merchantId);
        final Order order = null == merchant ? null : merchant.orders.get(orderNo);
        if (null == order || OrderKind.PAY != order.kind)
        {
            return LedgerResult.declined(Decline.ORDER_NOT_FOUND, null == order ? null : order.snapshot());
        }
        book.settle(order, now);
        switch (order.state)
        {
            case USERPAYING:
                book.cancelPending(order, now);
                return LedgerResult.done(order.snapshot());
            case PAYERROR:
                order.finish(OrderState.CLOSED, now);
                return LedgerResult.done(order.snapshot());
            case CLOSED:
                return LedgerResult.resend(order.snapshot());
            case REVERSED:
                return LedgerResult.declined(Decline.ORDER_REVERSED, order.snapshot());
            default:
                return LedgerResult.declined(Decline.ORDER_PAID, order.snapshot());
        }
    }

    LedgerResult refund(
        final String merchantId, final String orderNo, final String refundNo, final long amount, final long now)
    {
        final Merchant merchant = book.merchants.get(merchantId);
        if (null == merchant)
        {
            return LedgerResult.declined(Decline.MERCHANT_UNKNOWN, null);
        }
        final Order order = merchant.orders.get(orderNo);
        final Merchant.Refund earlier = merchant.refunds.get(refundNo);
        if (null != earlier)
        {
            if (earlier.order() != order || earlier.amount() != amount)
            {
                return LedgerResult.declined(Decline.REFUND_CONFLICT, null == order ? null : order.snapshot());
            }
            book.resends++;
            return new LedgerResult(LedgerResult.Status.RESEND, null, order.snapshot(), earlier.refundId());
        }
        if (null == order || OrderKind.PAY != order.kind || null == order.consumer)
        {
            return LedgerResult.declined(Decline.ORDER_NOT_FOUND, null == order ? null : order.snapshot());
        }
        book.settle(order, now);
        if (OrderState.SUCCESS != order.state && OrderState.REFUNDED != order.state)
        {
            return LedgerResult.declined(Decline.NOT_REFUNDABLE, order.snapshot());
        }
        if (amount <= 0 || order.refunded + amount > order.amount)
        {
            return LedgerResult.declined(Decline.REFUND_EXCEEDED, order.snapshot());
        }
        order.refunded += amount;
        order.consumer.balance += amount;
        merchant.balance -= amount;
        order.finish(OrderState.REFUNDED, now);
        final String refundId = book.nextTxnId("R");
        merchant.refunds.put(refundNo, new Merchant.Refund(order, amount, refundId));
        book.refunds++;
        return new LedgerResult(LedgerResult.Status.DONE, null, order.snapshot(), refundId);
    }

    private LedgerResult repeatedPay(final Order existing, final long contentHash, final long now)
    {
        if (OrderKind.PAY != existing.kind)
        {
            return LedgerResult.declined(Decline.ORDER_CONFLICT, existing.snapshot());
        }
        book.settle(existing, now);
        if (existing.contentHash == contentHash)
        {
            book.resends++;
            return LedgerResult.resend(existing.snapshot());
        }
        final Decline decline;
        switch (existing.state)
        {
            case SUCCESS:
            case REFUNDED:
                decline = Decline.ORDER_PAID;
                break;
            case REVERSED:
                decline = Decline.ORDER_REVERSED;
                break;
            case CLOSED:
                decline = Decline.ORDER_CLOSED;
                break;
            default:
                decline = Decline.ORDER_CONFLICT;
                break;
        }
        return LedgerResult.declined(decline, existing.snapshot());
    }

    private static Decline codeDecline(final int checked)
    {
        return CodeBook.EXPIRED == checked ? Decline.CODE_EXPIRED :
            CodeBook.USED == checked ? Decline.CODE_USED : Decline.CODE_INVALID;
    }
}
