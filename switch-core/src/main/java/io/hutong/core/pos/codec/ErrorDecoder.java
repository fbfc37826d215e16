package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;

import static io.hutong.core.pos.codec.ErrorDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.ErrorDescriptor.ERROR_CODE_OFFSET;
import static io.hutong.core.pos.codec.ErrorDescriptor.MAX_TEXT_LENGTH;
import static io.hutong.core.pos.codec.ErrorDescriptor.REF_SEQUENCE_OFFSET;
import static io.hutong.core.pos.codec.ErrorDescriptor.REF_TEMPLATE_ID_OFFSET;

/**
 * Flyweight decoder of an Error body ({@link ErrorDescriptor}). Rules: error code not 0 (INVALID_FIELD); text
 * 0..128 printable ASCII (INVALID_FIELD); nothing after it (MALFORMED). Codes this version does not know are
 * accepted (read {@link #errorCode()} by range), so a newer switch can add codes without breaking terminals.
 * <p>
 * Not thread-safe; allocation free except the {@code String} accessor.
 */
public final class ErrorDecoder extends PosBodyDecoder
{
    private static final String CODE_ZERO = "errorCode must not be 0";
    private static final String TEXT = "text must be 0..128 printable ASCII";

    private int textOffset;
    private int textLength;

    /**
     * Point at a body. Nothing is read until {@link #decode()}.
     *
     * @param buffer holding the body.
     * @param offset first byte of the body.
     * @param length body length.
     * @return this decoder.
     * @throws IllegalArgumentException if the region lies outside the buffer (a caller bug).
     */
    public ErrorDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
        if (errorCode() == 0)
        {
            return fail(PosReason.INVALID_FIELD, offset + ERROR_CODE_OFFSET, CODE_ZERO);
        }
        final int position = offset + BLOCK_LENGTH;
        final int value = varValueOffset(position);
        if (value < 0)
        {
            return PosReason.MALFORMED;
        }
        if (varLength > MAX_TEXT_LENGTH || !PosText.isPrintable(buffer, value, varLength, true))
        {
            return fail(PosReason.INVALID_FIELD, position, TEXT);
        }
        textOffset = value;
        textLength = varLength;
        return checkEnd(value + varLength);
    }

    /**
     * @return the raw error code (u16).
     */
    public int errorCode()
    {
        return u16(offset + ERROR_CODE_OFFSET);
    }

    /**
     * @return the error as a reason, or null for a code this version does not define.
     */
    public PosReason reason()
    {
        return PosReason.get(errorCode());
    }

    /**
     * @return template id of the refused frame, 0 when none.
     */
    public int refTemplateId()
    {
        return u16(offset + REF_TEMPLATE_ID_OFFSET);
    }

    /**
     * @return sequence of the refused frame, 0 when none.
     */
    public long refSequence()
    {
        return u32(offset + REF_SEQUENCE_OFFSET);
    }

    /**
     * @return offset in {@link #buffer()} of the text.
     */
    public int textOffset()
    {
        return textOffset;
    }

    /**
     * @return length of the text.
     */
    public int textLength()
    {
        return textLength;
    }

    /**
     * @return the text; allocates, for logs and tests.
     */
    public String text()
    {
        return buffer.getStringWithoutLengthAscii(textOffset, textLength);
    }
}
