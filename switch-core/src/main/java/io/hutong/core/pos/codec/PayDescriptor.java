package io.hutong.core.pos.codec;

/**
 * Body of Pay (template 10, terminal to switch): pay a scanned consumer code.
 * <pre>
 *   offset size  field           type      rule
 *    0      8    amount          i64       fen, 1..99,999,999,999
 *    8      2    currency        u16       ISO 4217 numeric, 156 (CNY)
 *   10     32    terminalTxnId   char[32]  1..32 printable ASCII 0x21..0x7E, NUL-padded; unique per terminal
 *   42     32    merchantId      char[32]  1..32 printable ASCII 0x21..0x7E, NUL-padded
 *   74      2+n  code            var       n = 1..512 printable ASCII 0x21..0x7E: the scanned code as read
 *   ..      2+m  subject         var       m = 0..128 bytes of UTF-8 without control characters; 0 = none
 * </pre>
 * Constants only; thread-safe.
 */
public final class PayDescriptor
{
    /** Offset of the amount in fen. */
    public static final int AMOUNT_OFFSET = 0;
    /** Offset of the currency. */
    public static final int CURRENCY_OFFSET = 8;
    /** Offset of the terminal's transaction id. */
    public static final int TERMINAL_TXN_ID_OFFSET = 10;
    /** Offset of the merchant id. */
    public static final int MERCHANT_ID_OFFSET = 42;
    /** Length of the fixed block. */
    public static final int BLOCK_LENGTH = 74;
    /** Longest scanned code (EMV QR payloads are at most 512 bytes). */
    public static final int MAX_CODE_LENGTH = 512;
    /** Longest subject, bytes of UTF-8. */
    public static final int MAX_SUBJECT_LENGTH = 128;

    private PayDescriptor()
    {
    }
}
