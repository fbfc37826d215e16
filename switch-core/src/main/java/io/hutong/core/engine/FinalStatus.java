package io.hutong.core.engine;

/**
 * The one final state every payment ends in, and what a client is told before that.
 */
public enum FinalStatus
{
    /** Not final yet: the switch is still driving it (reply: in progress, ask again). */
    PENDING,
    /** The wallet debited (CPM) or credited (MPM); for a refund: refunded. */
    APPROVED,
    /** Refused; nothing was taken. */
    DECLINED,
    /** Cancelled after being sent: any debit was undone. */
    REVERSED;

    private static final FinalStatus[] VALUES = values();

    /**
     * @param ordinal an ordinal.
     * @return the constant, without allocating.
     */
    public static FinalStatus get(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
