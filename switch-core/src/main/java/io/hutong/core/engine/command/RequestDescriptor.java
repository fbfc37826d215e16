package io.hutong.core.engine.command;

/**
 * Layout of a front end's request to the engine, as it sits in the engine's inbound ring buffer (message type
 * {@link #MSG_TYPE_ID}). Little-endian. A fixed block, then variable fields each as a u16 length and bytes,
 * always all of them, in this order (an unused field has length 0):
 * <pre>
 *   0                   8                   16                  24        28   29   30        32
 *   +-------------------+-------------------+-------------------+---------+----+----+---------+
 *   | sessionId i64     | switchTxnId i64   | amount i64 (fen)  | client  |kind|src | currency|
 *   |                   | (0 = by terminal  |                   | index   | u8 | u8 | u16     |
 *   |                   |  txn id)          |                   | i32     |    |    |         |
 *   +-------------------+-------------------+-------------------+---------+----+----+---------+
 *   32: terminalId | terminalTxnId | merchantId | code | subject | refTxnId | walletId   (u16 length + bytes)
 * </pre>
 * {@code sessionId} tells the front end where the reply goes; {@code clientIndex} is the terminal's (or API
 * client's) slot for admission control. {@code refTxnId} is the refund's own txn id (REFUND) or the payer
 * wallet's reference of the held payment (MPM_PAY); {@code walletId} is the payer wallet (MPM_PAY).
 */
public final class RequestDescriptor
{
    /** Ring-buffer message type of a request. */
    public static final int MSG_TYPE_ID = 1;

    static final int SESSION_ID_OFFSET = 0;
    static final int SWITCH_TXN_ID_OFFSET = 8;
    static final int AMOUNT_OFFSET = 16;
    static final int CLIENT_INDEX_OFFSET = 24;
    static final int KIND_OFFSET = 28;
    static final int SOURCE_OFFSET = 29;
    static final int CURRENCY_OFFSET = 30;
    static final int BLOCK_LENGTH = 32;

    /** Longest terminal or API client id. */
    public static final int MAX_TERMINAL_ID = 16;
    /** Longest terminal txn id, refund txn id or payer reference. */
    public static final int MAX_TXN_ID = 32;
    /** Longest merchant id. */
    public static final int MAX_MERCHANT_ID = 32;
    /** Longest scanned code: EMV payloads are at most 512 bytes. */
    public static final int MAX_CODE = 512;
    /** Longest subject, in bytes of UTF-8. */
    public static final int MAX_SUBJECT = 256;
    /** Longest wallet id. */
    public static final int MAX_WALLET_ID = 8;

    /** Index of the terminal id among the variable fields. */
    public static final int TERMINAL_ID = 0;
    /** Index of the terminal txn id. */
    public static final int TERMINAL_TXN_ID = 1;
    /** Index of the merchant id. */
    public static final int MERCHANT_ID = 2;
    /** Index of the scanned code. */
    public static final int CODE = 3;
    /** Index of the subject. */
    public static final int SUBJECT = 4;
    /** Index of the reference txn id. */
    public static final int REF_TXN_ID = 5;
    /** Index of the wallet id. */
    public static final int WALLET_ID = 6;
    /** Number of variable fields. */
    public static final int VAR_FIELDS = 7;

    static final int[] MAX_LENGTHS = {
        MAX_TERMINAL_ID, MAX_TXN_ID, MAX_MERCHANT_ID, MAX_CODE, MAX_SUBJECT, MAX_TXN_ID, MAX_WALLET_ID };

    /** Largest encoded request. */
    public static final int MAX_LENGTH;

    static
    {
        int max = BLOCK_LENGTH;
        for (final int length : MAX_LENGTHS)
        {
            max += 2 + length;
        }
        MAX_LENGTH = max;
    }

    /** The request came from the POS TCP front end. */
    public static final int SOURCE_POS = 1;
    /** The request came from the HTTP API. */
    public static final int SOURCE_HTTP = 2;

    private RequestDescriptor()
    {
    }
}
