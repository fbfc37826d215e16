package io.hutong.connector;

/**
 * What a wallet said about a payment call. Only {@link #APPROVED} and {@link #DECLINED} are final; the
 * engine queries {@link #IN_PROGRESS} and {@link #UNKNOWN} payments on the wallet's schedule and reverses
 * them when the window closes.
 */
public enum OutcomeStatus
{
    /** The wallet debited (or credited) and gave its transaction id. */
    APPROVED(true),
    /** The wallet refused; a {@link DeclineReason} says why. */
    DECLINED(true),
    /** The consumer is still confirming (WeChat USERPAYING, Alipay 10003): ask again later. */
    IN_PROGRESS(false),
    /** No usable answer: timeout, 5xx, broken connection or an answer that did not parse or verify. */
    UNKNOWN(false);

    private final boolean isFinal;

    OutcomeStatus(final boolean isFinal)
    {
        this.isFinal = isFinal;
    }

    /**
     * @return true if no further wallet call can change the outcome.
     */
    public boolean isFinal()
    {
        return isFinal;
    }
}
