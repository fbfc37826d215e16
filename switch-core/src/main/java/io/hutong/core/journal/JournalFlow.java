package io.hutong.core.journal;

/**
 * Which kind of exchange a journal record belongs to. Names and codes are a contract (see {@link JournalHop});
 * 0 is never written.
 * <p>
 * Immutable; thread-safe.
 */
public enum JournalFlow
{
    /** Consumer-presented: the POS scanned the consumer's code; the issuer wallet is debited. */
    CPM(1),
    /** Merchant-presented: the payer wallet scanned a merchant code; the payee wallet is credited. */
    MPM(2),
    /** A refund of an earlier payment. */
    REFUND(3),
    /** Audit and admin events, not a payment. */
    ADMIN(4);

    private static final JournalFlow[] BY_CODE = {null, CPM, MPM, REFUND, ADMIN};

    private final int code;

    JournalFlow(final int code)
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
     * Lookup by code without allocating.
     *
     * @param code the numeric code read from a record.
     * @return the flow, or null when the code is unknown.
     */
    public static JournalFlow get(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
