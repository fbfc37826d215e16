package io.hutong.sim.ledger;

/**
 * The result of one ledger operation: expected outcomes are values, never exceptions. Immutable and thread-safe.
 *
 * @param status   what happened.
 * @param decline  why, when {@link Status#DECLINED} (or the stored reason of a resent declined payment).
 * @param order    the order after the operation, or {@code null} when there is none.
 * @param refundId the wallet's refund id of a refund, else {@code null}.
 */
public record LedgerResult(Status status, Decline decline, OrderSnapshot order, String refundId)
{
    /**
     * What a ledger operation did.
     */
    public enum Status
    {
        /** Done now; {@link LedgerResult#order()} shows the new state. */
        DONE,
        /** The same request was seen before: nothing was done again; the order shows its current state. */
        RESEND,
        /** Not done yet, call again (a reverse while the consumer was confirming: the confirmation was cancelled). */
        CALL_AGAIN,
        /** Refused; {@link LedgerResult#decline()} says why; nothing was done. */
        DECLINED
    }

    static LedgerResult done(final OrderSnapshot order)
    {
        return new LedgerResult(Status.DONE, null, order, null);
    }

    static LedgerResult resend(final OrderSnapshot order)
    {
        return new LedgerResult(Status.RESEND, order.decline(), order, null);
    }

    static LedgerResult declined(final Decline decline, final OrderSnapshot order)
    {
        return new LedgerResult(Status.DECLINED, decline, order, null);
    }

    /**
     * @return true for {@link Status#DONE} and {@link Status#RESEND}.
     */
    public boolean isOk()
    {
        return Status.DONE == status || Status.RESEND == status;
    }
}
