package io.hutong.connector;

/**
 * Return part or all of a successful pay. The refund number is the idempotency key: resending it never
 * refunds twice. Immutable.
 *
 * @param orderNo      the order number of the pay.
 * @param refundNo     the switch's refund number, 1-32 of {@code [0-9A-Za-z_-]}.
 * @param paidAmount   the pay's amount in fen.
 * @param refundAmount the amount to return in fen, at most {@code paidAmount}.
 */
public record RefundCommand(String orderNo, String refundNo, long paidAmount, long refundAmount)
{
    /**
     * @throws IllegalArgumentException if a field breaks its rule.
     */
    public RefundCommand
    {
        CommandChecks.orderNo("orderNo", orderNo);
        CommandChecks.orderNo("refundNo", refundNo);
        CommandChecks.amount("paidAmount", paidAmount);
        CommandChecks.amount("refundAmount", refundAmount);
        if (refundAmount > paidAmount)
        {
            throw new IllegalArgumentException("refundAmount=" + refundAmount + ": must be <= paidAmount=" + paidAmount);
        }
    }
}
