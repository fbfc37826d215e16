package io.hutong.core.pos.codec;

/**
 * Body of Query (template 11) and Reverse (template 12), terminal to switch: name an earlier transaction.
 * <pre>
 *   offset size  field           type      rule
 *    0     32    terminalTxnId   char[32]  1..32 printable ASCII 0x21..0x7E, NUL-padded
 * </pre>
 * Query names a Pay or a Refund; Reverse names a Pay.
 * <p>
 * Constants only; thread-safe.
 */
public final class TxnReferenceDescriptor
{
    /** Offset of the terminal's transaction id. */
    public static final int TERMINAL_TXN_ID_OFFSET = 0;
    /** Length of the fixed block. */
    public static final int BLOCK_LENGTH = 32;

    private TxnReferenceDescriptor()
    {
    }
}
