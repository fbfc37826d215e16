package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;

import static io.hutong.core.pos.codec.PosFrameDescriptor.BYTE_ORDER;
import static io.hutong.core.pos.codec.PosFrameDescriptor.VAR_LENGTH_FIELD_LENGTH;

/**
 * What every message body flyweight shares: the wrapped region, the refusal detail, and bounds-checked reads of
 * variable-length fields. A subclass's {@code decode()} checks the whole body, layout first, then every field's
 * domain, and returns {@link PosReason#NONE} or the first rule broken; it never throws for any bytes and allocates
 * nothing. Field accessors are valid only after {@code decode()} returned {@code NONE}.
 * <p>
 * Not thread-safe: one decoder per thread (or per connection), reused across frames.
 */
public abstract class PosBodyDecoder
{
    static final String SHORTER_THAN_BLOCK = "body shorter than the fixed block";
    static final String VAR_LENGTH_MISSING = "variable-length field: length missing";
    static final String VAR_OVERRUNS_BODY = "variable-length field overruns the body";
    static final String TRAILING_BYTES = "bytes after the last field";

    DirectBuffer buffer;
    int offset;
    int length;
    int varLength;
    private int errorOffset;
    private String detail = "";

    PosBodyDecoder()
    {
    }

    final void wrapRegion(final DirectBuffer buffer, final int offset, final int length)
    {
        if (offset < 0 || length < 0 || offset > buffer.capacity() - length)
        {
            throw new IllegalArgumentException(
                "offset=" + offset + " length=" + length + ": outside buffer of capacity " + buffer.capacity());
        }
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        errorOffset = 0;
        detail = "";
    }

    /**
     * Check the wrapped body.
     *
     * @return {@link PosReason#NONE}, or why the body is refused ({@link #detail()}, {@link #errorOffset()}).
     */
    public abstract PosReason decode();

    /**
     * @return the buffer wrapped.
     */
    public final DirectBuffer buffer()
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
     * @return length of the body.
     */
    public final int length()
    {
        return length;
    }

    /**
     * @return a constant explanation of the last refusal, "" after success.
     */
    public final String detail()
    {
        return detail;
    }

    /**
     * @return offset of the last refusal from the start of the body.
     */
    public final int errorOffset()
    {
        return errorOffset;
    }

    final PosReason fail(final PosReason reason, final int absoluteOffset, final String detail)
    {
        this.errorOffset = absoluteOffset - offset;
        this.detail = detail;
        return reason;
    }

    final PosReason checkBlock(final int blockLength)
    {
        return length < blockLength ? fail(PosReason.MALFORMED, offset + length, SHORTER_THAN_BLOCK) : PosReason.NONE;
    }

    /**
     * Read the length of the variable-length field at {@code position} into {@link #varLength}.
     *
     * @param position offset of the field's u16 length.
     * @return offset of the value, or -1 after recording MALFORMED.
     */
    final int varValueOffset(final int position)
    {
        final int end = offset + length;
        if (end - position < VAR_LENGTH_FIELD_LENGTH)
        {
            fail(PosReason.MALFORMED, position, VAR_LENGTH_MISSING);
            return -1;
        }
        varLength = u16(position);
        if (varLength > end - position - VAR_LENGTH_FIELD_LENGTH)
        {
            fail(PosReason.MALFORMED, position, VAR_OVERRUNS_BODY);
            return -1;
        }
        return position + VAR_LENGTH_FIELD_LENGTH;
    }

    final PosReason checkEnd(final int position)
    {
        return position != offset + length ? fail(PosReason.MALFORMED, position, TRAILING_BYTES) : PosReason.NONE;
    }

    final int u16(final int index)
    {
        return buffer.getShort(index, BYTE_ORDER) & 0xFFFF;
    }

    final long u32(final int index)
    {
        return buffer.getInt(index, BYTE_ORDER) & 0xFFFF_FFFFL;
    }

    final long i64(final int index)
    {
        return buffer.getLong(index, BYTE_ORDER);
    }

    final boolean isAllZero(final int index, final int count)
    {
        for (int i = index, end = index + count; i < end; i++)
        {
            if (buffer.getByte(i) != 0)
            {
                return false;
            }
        }
        return true;
    }
}
