package io.hutong.core.pos.codec;

import org.agrona.MutableDirectBuffer;

import static io.hutong.core.pos.codec.ErrorDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.ErrorDescriptor.ERROR_CODE_OFFSET;
import static io.hutong.core.pos.codec.ErrorDescriptor.MAX_TEXT_LENGTH;
import static io.hutong.core.pos.codec.ErrorDescriptor.REF_SEQUENCE_OFFSET;
import static io.hutong.core.pos.codec.ErrorDescriptor.REF_TEMPLATE_ID_OFFSET;

/**
 * Encoder of an Error body ({@link ErrorDescriptor}); usually obtained from {@link PosFrameEncoder#error}.
 * <p>
 * Not thread-safe; allocation free.
 */
public final class ErrorEncoder extends PosBodyEncoder
{
    /**
     * Create an encoder; wrap it before use.
     */
    public ErrorEncoder()
    {
        super(BLOCK_LENGTH, 1);
    }

    /**
     * Start a body at {@code offset}, zeroing the fixed block.
     *
     * @param buffer to write into.
     * @param offset first byte of the body.
     * @return this.
     */
    public ErrorEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapBody(buffer, offset);
        return this;
    }

    /**
     * @param reason the error.
     * @return this.
     */
    public ErrorEncoder errorCode(final PosReason reason)
    {
        return errorCode(reason.code());
    }

    /**
     * @param code raw error code (u16).
     * @return this.
     */
    public ErrorEncoder errorCode(final int code)
    {
        putU16(offset + ERROR_CODE_OFFSET, code, "errorCode");
        return this;
    }

    /**
     * @param templateId template id of the refused frame, 0 when none.
     * @return this.
     */
    public ErrorEncoder refTemplateId(final int templateId)
    {
        putU16(offset + REF_TEMPLATE_ID_OFFSET, templateId, "refTemplateId");
        return this;
    }

    /**
     * @param sequence sequence of the refused frame, 0 when none.
     * @return this.
     */
    public ErrorEncoder refSequence(final long sequence)
    {
        putU32(offset + REF_SEQUENCE_OFFSET, sequence, "refSequence");
        return this;
    }

    /**
     * @param text 0..128 printable ASCII.
     * @return this.
     */
    public ErrorEncoder text(final CharSequence text)
    {
        putAsciiVar(0, text, MAX_TEXT_LENGTH, true, "text");
        return this;
    }
}
