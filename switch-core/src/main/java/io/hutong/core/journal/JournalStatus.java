package io.hutong.core.journal;

import io.hutong.connector.OutcomeStatus;

/**
 * The status a journal record carries (u8). Three ranges keep "where the payment is", "how it ended" and "what
 * one wallet call said" apart, so a reader never confuses a wallet's approval of a reversal with an approved
 * payment:
 * <pre>
 *    0        NONE                 sent hops and audit events carry no status
 *    1..9     payment in progress  RECEIVED, PENDING, IN_DOUBT
 *   10..19    payment final        APPROVED, DECLINED, REVERSED     (FINAL and REPLIED hops)
 *   20..29    wallet call outcome  WALLET_APPROVED, WALLET_DECLINED, WALLET_IN_PROGRESS, WALLET_UNKNOWN
 *                                  (*_RESULT hops; mirrors io.hutong.connector.OutcomeStatus)
 * </pre>
 * Names and codes are a contract; codes are never reused.
 * <p>
 * Immutable; thread-safe.
 */
public enum JournalStatus
{
    /** No status: sent hops and audit events. */
    NONE(0),
    /** Accepted, nothing sent to a wallet yet. */
    RECEIVED(1),
    /** Sent to a wallet, waiting for its answer. */
    PENDING(2),
    /** The wallet's answer is unknown or "still confirming": the switch queries, then reverses. */
    IN_DOUBT(3),
    /** Final: the payment was approved. */
    APPROVED(10),
    /** Final: the payment was declined; the record's reason says why. */
    DECLINED(11),
    /** Final: the payment was reversed (never completed, or undone after an unknown outcome). */
    REVERSED(12),
    /** A wallet call was approved. */
    WALLET_APPROVED(20),
    /** A wallet call was declined; the record's reason says why. */
    WALLET_DECLINED(21),
    /** The consumer is still confirming (WeChat USERPAYING, Alipay 10003). */
    WALLET_IN_PROGRESS(22),
    /** No usable answer from the wallet: timeout, 5xx, broken connection, unverifiable answer. */
    WALLET_UNKNOWN(23);

    private static final JournalStatus[] BY_CODE;
    private static final JournalStatus[] BY_OUTCOME = new JournalStatus[OutcomeStatus.values().length];

    static
    {
        int max = 0;
        for (final JournalStatus status : values())
        {
            max = Math.max(max, status.code);
        }
        BY_CODE = new JournalStatus[max + 1];
        for (final JournalStatus status : values())
        {
            BY_CODE[status.code] = status;
        }
        BY_OUTCOME[OutcomeStatus.APPROVED.ordinal()] = WALLET_APPROVED;
        BY_OUTCOME[OutcomeStatus.DECLINED.ordinal()] = WALLET_DECLINED;
        BY_OUTCOME[OutcomeStatus.IN_PROGRESS.ordinal()] = WALLET_IN_PROGRESS;
        BY_OUTCOME[OutcomeStatus.UNKNOWN.ordinal()] = WALLET_UNKNOWN;
    }

    private final int code;

    JournalStatus(final int code)
    {
        this.code = code;
    }

    /**
     * @return the stable numeric code written in the record (u8).
     */
    public int code()
    {
        return code;
    }

    /**
     * @return true for the three final payment states.
     */
    public boolean isFinal()
    {
        return code >= APPROVED.code && code <= REVERSED.code;
    }

    /**
     * @return true for the outcome of one wallet call.
     */
    public boolean isWalletOutcome()
    {
        return code >= WALLET_APPROVED.code;
    }

    /**
     * Lookup by code without allocating.
     *
     * @param code the numeric code read from a record.
     * @return the status, or null when the code is unknown.
     */
    public static JournalStatus get(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /**
     * The record status for a connector's outcome, without allocating.
     *
     * @param outcome what the wallet said.
     * @return the matching {@code WALLET_*} status.
     */
    public static JournalStatus of(final OutcomeStatus outcome)
    {
        return BY_OUTCOME[outcome.ordinal()];
    }
}
