package io.hutong.core.journal;

/**
 * What one journal record says happened: one hop of a payment, or an audit/admin event. The names and the
 * numeric codes are a contract (the journal files, {@code journal dump} JSON and every tool that reads them):
 * a code is never reused or renumbered; new hops get new codes.
 * <p>
 * Payment hops are 1..99, audit and admin events 100..199; 0 is never written.
 * <p>
 * Immutable; thread-safe.
 */
public enum JournalHop
{
    /** A payment request arrived (POS frame or HTTP call), before anything else was decided. */
    RECEIVED(1),
    /** The payment code was decoded and classified. */
    DECODED(2),
    /** The payment was routed to a wallet's connector. */
    ROUTED(3),
    /** A pay call went to the issuer wallet. */
    WALLET_SENT(10),
    /** The issuer wallet's answer to the pay call (or its absence). */
    WALLET_RESULT(11),
    /** A query went to the wallet. */
    QUERY_SENT(12),
    /** The wallet's answer to a query. */
    QUERY_RESULT(13),
    /** A reversal went to the wallet. */
    REVERSE_SENT(14),
    /** The wallet's answer to a reversal. */
    REVERSE_RESULT(15),
    /** A refund went to the wallet. */
    REFUND_SENT(16),
    /** The wallet's answer to a refund. */
    REFUND_RESULT(17),
    /** A credit went to the payee wallet (MPM). */
    CREDIT_SENT(18),
    /** The payee wallet's answer to a credit. */
    CREDIT_RESULT(19),
    /** A release of the payer's hold went to the payer wallet (MPM compensation). */
    RELEASE_SENT(20),
    /** The payer wallet's answer to a release. */
    RELEASE_RESULT(21),
    /** The payment reached its one final state (APPROVED, DECLINED or REVERSED). */
    FINAL(30),
    /** The answer went back to the POS or HTTP caller. */
    REPLIED(31),
    /** A terminal logged on. */
    LOGON(100),
    /** A terminal or API caller failed authentication (bad MAC, replay, unknown terminal). */
    AUTH_FAILURE(101),
    /** Configuration was loaded (the detail names the source). */
    CONFIG_LOADED(102),
    /** The switch started; monotonic timestamps restart from here. */
    STARTED(103),
    /** The switch stopped cleanly. */
    STOPPED(104),
    /** Something an operator must look at (e.g. a late success after a reverse decision). */
    ALERT(105);

    /** Codes at or above this are audit and admin events. */
    public static final int FIRST_AUDIT_CODE = 100;

    private static final JournalHop[] BY_CODE;

    static
    {
        int max = 0;
        for (final JournalHop hop : values())
        {
            max = Math.max(max, hop.code);
        }
        BY_CODE = new JournalHop[max + 1];
        for (final JournalHop hop : values())
        {
            BY_CODE[hop.code] = hop;
        }
    }

    private final int code;

    JournalHop(final int code)
    {
        this.code = code;
    }

    /**
     * @return the stable numeric code written in the record (u16).
     */
    public int code()
    {
        return code;
    }

    /**
     * @return true for audit and admin events (not a hop of a payment).
     */
    public boolean isAudit()
    {
        return code >= FIRST_AUDIT_CODE;
    }

    /**
     * Lookup by code without allocating.
     *
     * @param code the numeric code read from a record.
     * @return the hop, or null when the code is unknown to this version.
     */
    public static JournalHop get(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
