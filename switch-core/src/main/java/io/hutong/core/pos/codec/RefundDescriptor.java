package io.hutong.core.pos.codec;

/**
 * Body of Refund (template 13, terminal to switch): refund part or all of an approved Pay, in its currency.
 * <pre>
 *   offset size  field           type      rule
 *    0      8    amount          i64       fen, 1..99,999,999,999
 *    8     32    originalTxnId   char[32]  terminal txn id of the Pay, 1..32 printable ASCII, NUL-padded
 *   40     32    refundTxnId     char[32]  new terminal txn id of this refund, same rule, not the original's
 * </pre>
 * Constants only; thread-safe.
 */
public final class RefundDescriptor
{
    /** Offset of the refund amount in fen. */
    public static final int AMOUNT_OFFSET = 0;
    /** Offset of the original payment's terminal txn id. */
    public static final int ORIGINAL_TXN_ID_OFFSET = 8;
    /** Offset of this refund's terminal txn id. */
    public static final int REFUND_TXN_ID_OFFSET = 40;
    /** Length of the fixed block. */
    public static final int BLOCK_LENGTH = 72;

    private RefundDescriptor()
    {
    }
}
