package io.hutong.core.journal;

/**
 * The fixed-capacity ASCII text slots of a journal record, with where each lives (see
 * {@link JournalRecordDescriptor}). Each slot has a length byte in the length table and {@link #capacity()}
 * bytes, zero-padded, in the text block. Printable ASCII only (0x20..0x7E).
 * <p>
 * Immutable; thread-safe.
 */
public enum JournalText
{
    /** The POS terminal id (or API client id), at most 16. */
    TERMINAL_ID("terminalId", 0, 104, 16),
    /** The terminal's own transaction id (or the HTTP {@code Idempotency-Key}), at most 32. */
    TERMINAL_TXN_ID("terminalTxnId", 1, 120, 32),
    /** The issuer/payer wallet id (registry id such as {@code wechat}), at most 8. */
    WALLET_ID("walletId", 2, 152, 8),
    /** The acquirer/payee wallet id, the other side of a settlement position, at most 8. */
    COUNTERPARTY_WALLET_ID("counterpartyWalletId", 3, 160, 8),
    /** The payment code, masked by {@link CodeMasking} (never a full code), at most 24. */
    MASKED_CODE("maskedCode", 4, 168, 24),
    /** The wallet's own result code (WeChat {@code err_code}, Alipay {@code sub_code}), at most 32. */
    WALLET_CODE("walletCode", 5, 192, 32),
    /** The wallet's transaction id, at most 64. */
    WALLET_TXN_ID("walletTxnId", 6, 224, 64),
    /** The order number the switch gave the wallet ({@code out_trade_no}), at most 32. */
    WALLET_ORDER_NO("walletOrderNo", 7, 288, 32);

    private static final JournalText[] VALUES = values();

    private final String jsonName;
    private final int lengthOffset;
    private final int offset;
    private final int capacity;

    JournalText(final String jsonName, final int lengthIndex, final int offset, final int capacity)
    {
        this.jsonName = jsonName;
        this.lengthOffset = JournalRecordDescriptor.TEXT_LENGTHS_OFFSET + lengthIndex;
        this.offset = offset;
        this.capacity = capacity;
    }

    /**
     * @return the field name used by {@code journal dump} (a contract, see docs/journal.md).
     */
    public String jsonName()
    {
        return jsonName;
    }

    /**
     * @return offset of this slot's length byte, from the start of the record.
     */
    public int lengthOffset()
    {
        return lengthOffset;
    }

    /**
     * @return offset of this slot's first byte, from the start of the record.
     */
    public int offset()
    {
        return offset;
    }

    /**
     * @return most bytes the slot holds.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * Lookup by ordinal without allocating (unlike {@link #values()}).
     *
     * @param ordinal the ordinal.
     * @return the constant.
     */
    public static JournalText get(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /**
     * @return how many slots a record has.
     */
    public static int count()
    {
        return VALUES.length;
    }

    /**
     * Whether a value can be stored in a slot as it is: at most {@code capacity} characters of printable ASCII.
     * Front ends and connectors check values that come from outside with this before journaling them, since the
     * encoder refuses anything else.
     *
     * @param value the candidate value, may be null (stored as empty).
     * @return true if the encoder will accept it.
     */
    public boolean fits(final CharSequence value)
    {
        if (null == value)
        {
            return true;
        }
        final int length = value.length();
        if (length > capacity)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (!isPrintableAscii(value.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    static boolean isPrintableAscii(final int c)
    {
        return c >= 0x20 && c <= 0x7E;
    }
}
