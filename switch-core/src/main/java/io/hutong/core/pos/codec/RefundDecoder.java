package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;

import static io.hutong.core.pos.codec.PosFrameDescriptor.ID_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.MAX_AMOUNT;
import static io.hutong.core.pos.codec.RefundDescriptor.AMOUNT_OFFSET;
import static io.hutong.core.pos.codec.RefundDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.RefundDescriptor.ORIGINAL_TXN_ID_OFFSET;
import static io.hutong.core.pos.codec.RefundDescriptor.REFUND_TXN_ID_OFFSET;

/**
 * Flyweight decoder of a Refund body ({@link RefundDescriptor}). Rules: exactly the fixed block (MALFORMED);
 * amount 1..{@value PosFrameDescriptor#MAX_AMOUNT}, both txn ids 1..32 identifier characters then NUL padding,
 * and the refund's txn id not the original's (INVALID_FIELD).
 * <p>
 * Not thread-safe; allocation free except the {@code String} accessors.
 */
public final class RefundDecoder extends PosBodyDecoder
{
    private static final String AMOUNT = "amount must be 1..99999999999 fen";
    private static final String ORIGINAL_TXN_ID = "originalTxnId must be 1..32 printable ASCII, NUL-padded";
    private static final String REFUND_TXN_ID = "refundTxnId must be 1..32 printable ASCII, NUL-padded";
    private static final String SAME_TXN_ID = "refundTxnId must differ from originalTxnId";

    private int originalTxnIdLength;
    private int refundTxnIdLength;

    /**
     * Point at a body. Nothing is read until {@link #decode()}.
     *
     * @param buffer holding the body.
     * @param offset first byte of the body.
     * @param length body length.
     * @return this decoder.
     * @throws IllegalArgumentException if the region lies outside the buffer (a caller bug).
     */
    public RefundDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        wrapRegion(buffer, offset, length);
        return this;
    }

    @Override
    public PosReason decode()
    {
        final PosReason block = checkBlock(BLOCK_LENGTH);
        if (block != PosReason.NONE)
        {
            return block;
        }
        final long amount = amount();
        if (amount < 1 || amount > MAX_AMOUNT)
        {
            return fail(PosReason.INVALID_FIELD, offset + AMOUNT_OFFSET, AMOUNT);
        }
        originalTxnIdLength = PosText.fixedLength(buffer, offset + ORIGINAL_TXN_ID_OFFSET, ID_LENGTH);
        if (originalTxnIdLength < 1)
        {
            return fail(PosReason.INVALID_FIELD, offset + ORIGINAL_TXN_ID_OFFSET, ORIGINAL_TXN_ID);
        }
        refundTxnIdLength = PosText.fixedLength(buffer, offset + REFUND_TXN_ID_OFFSET, ID_LENGTH);
        if (refundTxnIdLength < 1)
        {
            return fail(PosReason.INVALID_FIELD, offset + REFUND_TXN_ID_OFFSET, REFUND_TXN_ID);
        }
        if (PosText.fixedEquals(buffer, offset + ORIGINAL_TXN_ID_OFFSET, buffer, offset + REFUND_TXN_ID_OFFSET, ID_LENGTH))
        {
            return fail(PosReason.INVALID_FIELD, offset + REFUND_TXN_ID_OFFSET, SAME_TXN_ID);
        }
        return checkEnd(offset + BLOCK_LENGTH);
    }

    /**
     * @return the refund amount in fen.
     */
    public long amount()
    {
        return i64(offset + AMOUNT_OFFSET);
    }

    /**
     * @return offset in {@link #buffer()} of the 32-byte original txn id field (padding included).
     */
    public int originalTxnIdOffset()
    {
        return offset + ORIGINAL_TXN_ID_OFFSET;
    }

    /**
     * @return length of the original payment's terminal txn id, padding excluded.
     */
    public int originalTxnIdLength()
    {
        return originalTxnIdLength;
    }

    /**
     * @return the original payment's terminal txn id; allocates, for logs and tests.
     */
    public String originalTxnId()
    {
        return buffer.getStringWithoutLengthAscii(offset + ORIGINAL_TXN_ID_OFFSET, originalTxnIdLength);
    }

    /**
     * @return offset in {@link #buffer()} of the 32-byte refund txn id field (padding included).
     */
    public int refundTxnIdOffset()
    {
        return offset + REFUND_TXN_ID_OFFSET;
    }

    /**
     * @return length of this refund's terminal txn id, padding excluded.
     */
    public int refundTxnIdLength()
    {
        return refundTxnIdLength;
    }

    /**
     * @return this refund's terminal txn id; allocates, for logs and tests.
     */
    public String refundTxnId()
    {
        return buffer.getStringWithoutLengthAscii(offset + REFUND_TXN_ID_OFFSET, refundTxnIdLength);
    }
}
