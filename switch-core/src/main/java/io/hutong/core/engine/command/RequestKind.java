package io.hutong.core.engine.command;

/**
 * What a front end asks the engine to do. The numeric codes are the ring-buffer encoding.
 */
public enum RequestKind
{
    /** A POS scanned a consumer's code: debit that consumer's wallet (CPM). */
    CPM_PAY(1),
    /** The state of a payment, by terminal txn id or switch txn id. */
    QUERY(2),
    /** Cancel a payment (merchant-initiated void). */
    REVERSE(3),
    /** Return part or all of an approved payment. */
    REFUND(4),
    /** A payer wallet's user scanned a merchant code and approved: credit the merchant's wallet (MPM). */
    MPM_PAY(5);

    private static final RequestKind[] BY_CODE = new RequestKind[6];

    static
    {
        for (final RequestKind kind : values())
        {
            BY_CODE[kind.code] = kind;
        }
    }

    private final int code;

    RequestKind(final int code)
    {
        this.code = code;
    }

    /**
     * @return the wire code.
     */
    public int code()
    {
        return code;
    }

    /**
     * @param code a wire code.
     * @return the kind, or null for an unknown code. Does not allocate.
     */
    public static RequestKind get(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
