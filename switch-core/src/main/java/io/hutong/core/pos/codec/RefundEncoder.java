package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hutong.core.pos.codec.PosFrameDescriptor.ID_LENGTH;
import static io.hutong.core.pos.codec.RefundDescriptor.AMOUNT_OFFSET;
import static io.hutong.core.pos.codec.RefundDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.RefundDescriptor.ORIGINAL_TXN_ID_OFFSET;
import static io.hutong.core.pos.codec.RefundDescriptor.REFUND_TXN_ID_OFFSET;

/**
 * Encoder of a Refund body ({@link RefundDescriptor}); usually obtained from {@link PosFrameEncoder#refund}.
 * <p>
 * Not thread-safe; allocation free.
 */
public final class RefundEncoder extends PosBodyEncoder
{
    /**
     * Create an encoder; wrap it before use.
     */
    public RefundEncoder()
    {
        super(BLOCK_LENGTH, 0);
    }

    /**
     * Start a body at {@code offset}, zeroing the fixed block.
     *
     * @param buffer to write into.
     * @param offset first byte of the body.
     * @return this.
     */
    public RefundEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapBody(buffer, offset);
        return this;
    }

    /**
     * @param amount refund amount in fen.
     * @return this.
     */
    public RefundEncoder amount(final long amount)
    {
        putI64(offset + AMOUNT_OFFSET, amount);
        return this;
    }

    /**
     * @param originalTxnId the Pay's terminal txn id, up to 32 identifier characters.
     * @return this.
     */
    public RefundEncoder originalTxnId(final CharSequence originalTxnId)
    {
        PosText.putFixed(buffer, offset + ORIGINAL_TXN_ID_OFFSET, ID_LENGTH, originalTxnId, "originalTxnId");
        return this;
    }

    /**
     * @param source    holding the Pay's terminal txn id.
     * @param srcOffset first byte.
     * @param length    up to 32 identifier characters.
     * @return this.
     */
    public RefundEncoder originalTxnId(final DirectBuffer source, final int srcOffset, final int length)
    {
        PosText.putFixed(
            buffer, offset + ORIGINAL_TXN_ID_OFFSET, ID_LENGTH, source, srcOffset, length, "originalTxnId");
        return this;
    }

    /**
     * @param refundTxnId this refund's terminal txn id, up to 32 identifier characters.
     * @return this.
     */
    public RefundEncoder refundTxnId(final CharSequence refundTxnId)
    {
        PosText.putFixed(buffer, offset + REFUND_TXN_ID_OFFSET, ID_LENGTH, refundTxnId, "refundTxnId");
        return this;
    }

    /**
     * @param source    holding this refund's terminal txn id.
     * @param srcOffset first byte.
     * @param length    up to 32 identifier characters.
     * @return this.
     */
    public RefundEncoder refundTxnId(final DirectBuffer source, final int srcOffset, final int length)
    {
        PosText.putFixed(
            buffer, offset + REFUND_TXN_ID_OFFSET, ID_LENGTH, source, srcOffset, length, "refundTxnId");
        return this;
    }
}
