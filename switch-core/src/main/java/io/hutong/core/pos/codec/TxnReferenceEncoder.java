package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hutong.core.pos.codec.PosFrameDescriptor.ID_LENGTH;
import static io.hutong.core.pos.codec.TxnReferenceDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.TxnReferenceDescriptor.TERMINAL_TXN_ID_OFFSET;

/**
 * Encoder of a Query or Reverse body ({@link TxnReferenceDescriptor}); usually obtained from
 * {@link PosFrameEncoder#query} or {@link PosFrameEncoder#reverse}, which set the template.
 * <p>
 * Not thread-safe; allocation free.
 */
public final class TxnReferenceEncoder extends PosBodyEncoder
{
    /**
     * Create an encoder; wrap it before use.
     */
    public TxnReferenceEncoder()
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
    public TxnReferenceEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapBody(buffer, offset);
        return this;
    }

    /**
     * @param terminalTxnId up to 32 identifier characters.
     * @return this.
     */
    public TxnReferenceEncoder terminalTxnId(final CharSequence terminalTxnId)
    {
        PosText.putFixed(buffer, offset + TERMINAL_TXN_ID_OFFSET, ID_LENGTH, terminalTxnId, "terminalTxnId");
        return this;
    }

    /**
     * @param source    holding the terminal txn id.
     * @param srcOffset first byte.
     * @param length    up to 32 identifier characters.
     * @return this.
     */
    public TxnReferenceEncoder terminalTxnId(final DirectBuffer source, final int srcOffset, final int length)
    {
        PosText.putFixed(
            buffer, offset + TERMINAL_TXN_ID_OFFSET, ID_LENGTH, source, srcOffset, length, "terminalTxnId");
        return this;
    }
}
