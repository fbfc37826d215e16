package io.hutong.core.pos.codec;

/**
 * The status of a Result, with its stable u8 wire code. Codes are a wire contract: never renumber, only add.
 * <pre>
 *   code  status        final?  meaning for the terminal
 *     1   APPROVED      yes     the payment went through
 *     2   DECLINED      yes     the payment failed; reasonCode says why (1xx wallet, 2xx switch)
 *     3   REVERSED      yes     the payment was cancelled (by Reverse, or by the switch after doubt)
 *     4   REFUNDED      yes     the refund went through
 *     5   IN_PROGRESS   no      not final yet: Query again later (reasonCode DUPLICATE for a repeat)
 *     6   BUSY          -       nothing was done: retry later with the same terminal txn id
 *     7   REJECTED      -       the request was refused and changed nothing (reasonCode says why)
 * </pre>
 * Immutable; thread-safe.
 */
public enum PosStatus
{
    /** The payment went through. */
    APPROVED(1),
    /** The payment failed; the reason code says why. */
    DECLINED(2),
    /** The payment was cancelled. */
    REVERSED(3),
    /** The refund went through. */
    REFUNDED(4),
    /** Not final yet; query again later. */
    IN_PROGRESS(5),
    /** Nothing was done because the switch is at a limit; retry later. */
    BUSY(6),
    /** The request was refused and changed nothing. */
    REJECTED(7);

    private static final int MAX_CODE = 7;
    private static final PosStatus[] BY_CODE = new PosStatus[MAX_CODE + 1];

    static
    {
        for (final PosStatus status : values())
        {
            BY_CODE[status.code] = status;
        }
    }

    private final int code;

    PosStatus(final int code)
    {
        this.code = code;
    }

    /**
     * @return the u8 wire code.
     */
    public int code()
    {
        return code;
    }

    /**
     * @return true for APPROVED, DECLINED, REVERSED and REFUNDED: the state will not change any more.
     */
    public boolean isFinal()
    {
        return code >= APPROVED.code && code <= REFUNDED.code;
    }

    /**
     * Lookup by wire code without allocating.
     *
     * @param code a wire code.
     * @return the status, or null for a code this version does not define.
     */
    public static PosStatus get(final int code)
    {
        return code >= 0 && code <= MAX_CODE ? BY_CODE[code] : null;
    }
}
