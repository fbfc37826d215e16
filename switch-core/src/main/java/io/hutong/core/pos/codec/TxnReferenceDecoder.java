package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;

import static io.hutong.core.pos.codec.PosFrameDescriptor.ID_LENGTH;
import static io.hutong.core.pos.codec.TxnReferenceDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.TxnReferenceDescriptor.TERMINAL_TXN_ID_OFFSET;

/**
 * Flyweight decoder of a Query or Reverse body ({@link TxnReferenceDescriptor}). Rules: exactly the fixed block
 * (MALFORMED); terminal txn id 1..32 identifier characters then NUL padding (INVALID_FIELD).
 * <p>
 * Not thread-safe; allocation free except the {@code String} accessor.
 */
public final class TxnReferenceDecoder extends PosBodyDecoder
{
    private static final String TERMINAL_TXN_ID = "terminalTxnId must be 1..32 printable ASCII, NUL-padded";

    private int terminalTxnIdLength;

    /**
     * Point at a body. Nothing is read until {@link #decode()}.
     *
     * @param buffer holding the body.
     * @param offset first byte of the body.
     * @param length body length.
     * @return this decoder.
     * @throws IllegalArgumentException if the region lies outside the buffer (a caller bug).
     */
    public TxnReferenceDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
        terminalTxnIdLength = PosText.fixedLength(buffer, offset + TERMINAL_TXN_ID_OFFSET, ID_LENGTH);
        if (terminalTxnIdLength < 1)
        {
            return fail(PosReason.INVALID_FIELD, offset + TERMINAL_TXN_ID_OFFSET, TERMINAL_TXN_ID);
        }
        return checkEnd(offset + BLOCK_LENGTH);
    }

    /**
     * @return offset in {@link #buffer()} of the 32-byte terminal txn id field (padding included).
     */
    public int terminalTxnIdOffset()
    {
        return offset + TERMINAL_TXN_ID_OFFSET;
    }

    /**
     * @return length of the terminal txn id, padding excluded.
     */
    public int terminalTxnIdLength()
    {
        return terminalTxnIdLength;
    }

    /**
     * @return the terminal txn id; allocates, for logs and tests.
     */
    public String terminalTxnId()
    {
        return buffer.getStringWithoutLengthAscii(offset + TERMINAL_TXN_ID_OFFSET, terminalTxnIdLength);
    }
}
