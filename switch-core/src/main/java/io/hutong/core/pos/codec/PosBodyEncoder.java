package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hutong.core.pos.codec.PosFrameDescriptor.BYTE_ORDER;
import static io.hutong.core.pos.codec.PosFrameDescriptor.VAR_LENGTH_FIELD_LENGTH;

/**
 * What every message body encoder shares: the fixed block, zeroed on wrap so unset fields and padding are 0, and
 * the variable-length fields, written in the order the layout lists them; a field skipped is written empty, and
 * {@link #encodedLength()} writes any left. Encoders enforce the layout (lengths, the characters a field may hold)
 * and throw {@link IllegalArgumentException} for a value that breaks it, a caller bug; value rules such as amount
 * ranges are the decoder's, so a test can build a frame the switch will refuse. Exception messages name the field
 * and length, never the value.
 * <p>
 * Not thread-safe; allocation free on success.
 */
public abstract class PosBodyEncoder
{
    MutableDirectBuffer buffer;
    int offset;
    private final int blockLength;
    private final int varCount;
    private int limit;
    private int nextVar;

    PosBodyEncoder(final int blockLength, final int varCount)
    {
        this.blockLength = blockLength;
        this.varCount = varCount;
    }

    final void wrapBody(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        buffer.setMemory(offset, blockLength, (byte)0);
        limit = offset + blockLength;
        nextVar = 0;
    }

    /**
     * Complete the body: write any variable-length field not yet written as empty.
     *
     * @return the body length, fixed block and variable-length fields.
     */
    public final int encodedLength()
    {
        while (nextVar < varCount)
        {
            beginVar(nextVar, 0);
        }
        return limit - offset;
    }

    /**
     * @return the buffer written to.
     */
    public final MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return offset of the body in {@link #buffer()}.
     */
    public final int offset()
    {
        return offset;
    }

    /**
     * Start variable-length field {@code index}: write skipped fields empty, then this field's length.
     *
     * @return offset where the value goes.
     */
    final int beginVar(final int index, final int length)
    {
        if (index < nextVar)
        {
            throw new IllegalStateException("variable-length field index=" + index + ": already written or passed");
        }
        while (nextVar < index)
        {
            writeLength(0);
        }
        return writeLength(length);
    }

    private int writeLength(final int length)
    {
        buffer.putShort(limit, (short)length, BYTE_ORDER);
        final int valueOffset = limit + VAR_LENGTH_FIELD_LENGTH;
        limit = valueOffset + length;
        nextVar++;
        return valueOffset;
    }

    final void putAsciiVar(
        final int index,
        final CharSequence value,
        final int maxLength,
        final boolean allowSpace,
        final String fieldName)
    {
        final int length = value.length();
        checkLength(length, maxLength, fieldName);
        for (int i = 0; i < length; i++)
        {
            final char c = value.charAt(i);
            if (allowSpace ? !PosText.isTextCharacter(c) : !PosText.isIdCharacter(c))
            {
                throw new IllegalArgumentException(fieldName + " index=" + i + ": must be printable ASCII");
            }
        }
        final int valueOffset = beginVar(index, length);
        for (int i = 0; i < length; i++)
        {
            buffer.putByte(valueOffset + i, (byte)value.charAt(i));
        }
    }

    final void putAsciiVar(
        final int index,
        final DirectBuffer source,
        final int srcOffset,
        final int length,
        final int maxLength,
        final boolean allowSpace,
        final String fieldName)
    {
        checkLength(length, maxLength, fieldName);
        if (!PosText.isPrintable(source, srcOffset, length, allowSpace))
        {
            throw new IllegalArgumentException(fieldName + ": must be printable ASCII");
        }
        final int valueOffset = beginVar(index, length);
        buffer.putBytes(valueOffset, source, srcOffset, length);
    }

    final void putBytesVar(
        final int index, final DirectBuffer source, final int srcOffset, final int length, final int maxLength,
        final String fieldName)
    {
        checkLength(length, maxLength, fieldName);
        final int valueOffset = beginVar(index, length);
        buffer.putBytes(valueOffset, source, srcOffset, length);
    }

    final void putUtf8Var(final int index, final CharSequence value, final int maxLength, final String fieldName)
    {
        final int length = Utf8Writer.encodedLength(value);
        if (length < 0)
        {
            throw new IllegalArgumentException(fieldName + ": holds an unpaired surrogate");
        }
        checkLength(length, maxLength, fieldName);
        final int valueOffset = beginVar(index, length);
        Utf8Writer.write(value, buffer, valueOffset);
    }

    private static void checkLength(final int length, final int maxLength, final String fieldName)
    {
        if (length < 0 || length > maxLength)
        {
            throw new IllegalArgumentException(fieldName + " length=" + length + ": must be 0.." + maxLength);
        }
    }

    final void putU16(final int index, final int value, final String fieldName)
    {
        if (value < 0 || value > 0xFFFF)
        {
            throw new IllegalArgumentException(fieldName + "=" + value + ": must be 0..65535");
        }
        buffer.putShort(index, (short)value, BYTE_ORDER);
    }

    final void putU32(final int index, final long value, final String fieldName)
    {
        if (value < 0 || value > 0xFFFF_FFFFL)
        {
            throw new IllegalArgumentException(fieldName + "=" + value + ": must be 0..4294967295");
        }
        buffer.putInt(index, (int)value, BYTE_ORDER);
    }

    final void putI64(final int index, final long value)
    {
        buffer.putLong(index, value, BYTE_ORDER);
    }
}
