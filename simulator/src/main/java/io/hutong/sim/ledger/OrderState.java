package io.hutong.sim.ledger;

/**
 * The states of a ledger order (docs/simulated-wallets.md, "Ledger rules"). Immutable and thread-safe.
 *
 * <pre>
 *  PAY:   (new) --&gt; SUCCESS --reverse--&gt; REVERSED
 *           |          +--refund--&gt; REFUNDED (partial or full, refunded total kept)
 *           +--&gt; USERPAYING --confirm--&gt; SUCCESS
 *           |        +--cancel / reverse / auto-close--&gt; CLOSED --reverse--&gt; REVERSED
 *           +--&gt; PAYERROR (declined: nothing debited)
 *  CREDIT: (new) --&gt; SUCCESS
 *  HOLD:   (new) --&gt; HELD --release--&gt; RELEASED
 *                       +--capture--&gt; CAPTURED
 * </pre>
 */
public enum OrderState
{
    /** The consumer is confirming (password); funds are reserved, not yet taken. */
    USERPAYING(false),
    /** Paid (PAY) or credited (CREDIT). */
    SUCCESS(true),
    /** Closed unpaid: the consumer cancelled, the wallet closed it, or a reverse cancelled the confirmation. */
    CLOSED(true),
    /** Reversed: any debit was returned and the order number is dead. */
    REVERSED(true),
    /** Paid, then refunded in part or in full. */
    REFUNDED(true),
    /** The payment was declined; nothing was debited. */
    PAYERROR(true),
    /** A payer hold in place: the amount is unavailable to the consumer. */
    HELD(false),
    /** A payer hold released: the amount is available again. */
    RELEASED(true),
    /** A payer hold made final: the amount left the consumer's balance. */
    CAPTURED(true);

    private final boolean isFinal;

    OrderState(final boolean isFinal)
    {
        this.isFinal = isFinal;
    }

    /**
     * @return true when no further transition happens without a new request (reverse, refund, release, capture).
     */
    public boolean isFinal()
    {
        return isFinal;
    }
}
