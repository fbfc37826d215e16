package io.hutong.codec.emv.cpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.DecodeError;
import org.agrona.DirectBuffer;

/**
 * Flyweight cursor over the BER-TLV data objects of one buffer region (ISO/IEC 8825-1 as profiled by EMV Book 3
 * Annex B), one level deep. Strict, because every parsing bug seen in the wild on CPM payloads came from a
 * lenient reader:
 * <ul>
 *   <li>tags of one to {@value #MAX_TAG_LENGTH} bytes: a first byte with low five bits {@code 11111} is followed
 *       by subsequent bytes with bit 8 set except the last; a first subsequent byte of {@code 0x80} (a padded,
 *       non-minimal tag number) and the tag {@code 0x00} (end-of-contents / EMV filler) are refused;</li>
 *   <li>definite lengths only: short form {@code 0x00..0x7F} and long form {@code 0x81..0x84}. The indefinite
 *       form {@code 0x80}, the reserved {@code 0x85..0xFF}, and values above {@link Integer#MAX_VALUE} (which a
 *       reader using {@code int} would see as negative) are refused. A non-minimal long form such as
 *       {@code 0x81 0x05} is accepted: it is unambiguous and some issuers' encoders emit it;</li>
 *   <li>every value must end inside its enclosing region, checked with subtraction so a huge length cannot wrap
 *       an {@code int} and pass.</li>
 * </ul>
 * Failures are recorded in the {@link DecodeError} given at construction as {@link CodeError#MALFORMED}, with
 * the offset <em>relative to the {@code origin} given to {@link #wrap(DirectBuffer, int, int, int)}</em> of the
 * tag or length field at fault. Pass the start of the whole decoded binary as origin when reading a nested
 * template so offsets stay comparable. Nothing allocates after construction.
 * <p>
 * Not thread-safe: one reader per decoding thread, reused across payloads.
 */
public final class BerTlvReader
{
    /** Longest tag accepted, in bytes. EMV uses at most two; four covers every tag number an {@code int} holds. */
    public static final int MAX_TAG_LENGTH = 4;
    /** Most length-of-length bytes accepted in the long form ({@code 0x84}), so a length always fits 32 bits. */
    public static final int MAX_LENGTH_OF_LENGTH = 4;
    /** Deepest nesting of constructed data objects {@link #validateTree()} follows; CPM needs three levels. */
    public static final int MAX_DEPTH = 8;

    private static final String TRUNCATED_TAG = "BER-TLV tag runs past the end of its region";
    private static final String TAG_TOO_LONG = "BER-TLV tag longer than 4 bytes";
    private static final String NON_MINIMAL_TAG = "BER-TLV tag number padded with a leading 0x80 byte";
    private static final String ZERO_TAG = "BER-TLV tag 0x00 (end-of-contents or filler) not allowed";
    private static final String TRUNCATED_LENGTH = "BER-TLV length runs past the end of its region";
    private static final String INDEFINITE_LENGTH = "BER-TLV indefinite length (0x80) not allowed";
    private static final String LENGTH_OF_LENGTH_TOO_BIG = "BER-TLV length uses more than 4 bytes";
    private static final String LENGTH_OVERFLOW = "BER-TLV length does not fit a signed 32-bit int";
    private static final String VALUE_PAST_END = "BER-TLV value runs past the end of its enclosing data object";
    private static final String TOO_DEEP = "BER-TLV constructed data objects nested too deep";

    private final DecodeError error;
    private final int[] limits = new int[MAX_DEPTH + 1];

    private DirectBuffer buffer;
    private int origin;
    private int start;
    private int limit;
    private int position;
    private boolean failed;

    private int tag;
    private int tagOffset;
    private int tagLength;
    private int valueOffset;
    private int valueLength;
    private boolean constructed;

    /**
     * Create a reader that reports into the given error.
     *
     * @param error receives {@link CodeError#MALFORMED} and the offset when the region is not well formed.
     */
    public BerTlvReader(final DecodeError error)
    {
        this.error = error;
    }

    /**
     * Point the reader at a region, before its first data object. Offsets in errors are relative to
     * {@code origin}.
     *
     * @param buffer holding the TLV bytes.
     * @param offset first byte of the region.
     * @param length number of bytes in the region.
     * @param origin buffer index that error offsets count from (usually the start of the whole payload).
     * @return this reader.
     */
    public BerTlvReader wrap(final DirectBuffer buffer, final int offset, final int length, final int origin)
    {
        this.buffer = buffer;
        this.origin = origin;
        this.start = offset;
        this.limit = offset + length;
        rewind();
        return this;
    }

    /**
     * Point the reader at a region, with error offsets relative to its start.
     *
     * @param buffer holding the TLV bytes.
     * @param offset first byte of the region.
     * @param length number of bytes in the region.
     * @return this reader.
     */
    public BerTlvReader wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        return wrap(buffer, offset, length, offset);
    }

    /**
     * Go back before the first data object of the wrapped region and clear the failed state.
     */
    public void rewind()
    {
        position = start;
        failed = false;
        tag = 0;
        tagOffset = start;
        tagLength = 0;
        valueOffset = start;
        valueLength = 0;
        constructed = false;
    }

    /**
     * Step to the next data object of this level, skipping the value of the current one.
     *
     * @return true if positioned on a data object; false at the end of the region or when the next header is
     * malformed (then {@link #hasFailed()} is true and the error has been recorded).
     */
    public boolean next()
    {
        if (failed || position >= limit)
        {
            return false;
        }
        if (!parseHeader(position, limit))
        {
            return false;
        }
        position = valueOffset + valueLength;
        return true;
    }

    /**
     * Check that the whole region is well-formed TLV, descending into every constructed data object (tag bit 6
     * set) up to {@link #MAX_DEPTH} levels. Iterative with a preallocated stack, so hostile nesting cannot
     * overflow the thread stack. Leaves the reader rewound to the start of the region.
     *
     * @return true if well formed; false with the error recorded otherwise.
     */
    public boolean validateTree()
    {
        rewind();
        int depth = 0;
        limits[0] = limit;
        int cursor = start;
        boolean ok = true;
        while (ok)
        {
            if (cursor >= limits[depth])
            {
                if (depth == 0)
                {
                    break;
                }
                depth--;
                continue;
            }

            if (!parseHeader(cursor, limits[depth]))
            {
                ok = false;
            }
            else if (constructed)
            {
                if (depth == MAX_DEPTH)
                {
                    fail(tagOffset, TOO_DEEP);
                    ok = false;
                }
                else
                {
                    limits[++depth] = valueOffset + valueLength;
                    cursor = valueOffset;
                }
            }
            else
            {
                cursor = valueOffset + valueLength;
            }
        }

        if (ok)
        {
            rewind();
        }
        return ok;
    }

    /**
     * @return true if a malformed header stopped the reader; the {@link DecodeError} says where.
     */
    public boolean hasFailed()
    {
        return failed;
    }

    /**
     * @return the current tag, its bytes big-endian in an {@code int} ({@code 0x5F20} for tag 5F 20); a four-byte
     * tag may read negative.
     */
    public int tag()
    {
        return tag;
    }

    /**
     * @return buffer index of the current tag's first byte.
     */
    public int tagOffset()
    {
        return tagOffset;
    }

    /**
     * @return number of bytes in the current tag, 1..{@value #MAX_TAG_LENGTH}.
     */
    public int tagLength()
    {
        return tagLength;
    }

    /**
     * @return buffer index of the current value's first byte.
     */
    public int valueOffset()
    {
        return valueOffset;
    }

    /**
     * @return number of bytes in the current value, never negative and never past the region.
     */
    public int valueLength()
    {
        return valueLength;
    }

    /**
     * @return true if the current tag is constructed (bit 6 of its first byte), so its value is TLV again.
     */
    public boolean isConstructed()
    {
        return constructed;
    }

    /**
     * @return the current tag's offset relative to the origin, as reported in errors.
     */
    public int relativeTagOffset()
    {
        return tagOffset - origin;
    }

    private boolean parseHeader(final int headerOffset, final int regionLimit)
    {
        tagOffset = headerOffset;
        final int first = buffer.getByte(headerOffset) & 0xFF;
        if (first == 0)
        {
            return fail(headerOffset, ZERO_TAG);
        }

        int p = headerOffset + 1;
        int value = first;
        if ((first & 0x1F) == 0x1F)
        {
            int subsequent;
            do
            {
                if (p - headerOffset == MAX_TAG_LENGTH)
                {
                    return fail(headerOffset, TAG_TOO_LONG);
                }
                if (p >= regionLimit)
                {
                    return fail(headerOffset, TRUNCATED_TAG);
                }
                subsequent = buffer.getByte(p) & 0xFF;
                if (p == headerOffset + 1 && subsequent == 0x80)
                {
                    return fail(headerOffset, NON_MINIMAL_TAG);
                }
                value = value << 8 | subsequent;
                p++;
            }
            while ((subsequent & 0x80) != 0);
        }
        tag = value;
        tagLength = p - headerOffset;
        constructed = (first & 0x20) != 0;

        return parseLength(p, regionLimit);
    }

    private boolean parseLength(final int lengthOffset, final int regionLimit)
    {
        if (lengthOffset >= regionLimit)
        {
            return fail(lengthOffset, TRUNCATED_LENGTH);
        }

        final int first = buffer.getByte(lengthOffset) & 0xFF;
        int p = lengthOffset + 1;
        final long length;
        if (first < 0x80)
        {
            length = first;
        }
        else if (first == 0x80)
        {
            return fail(lengthOffset, INDEFINITE_LENGTH);
        }
        else
        {
            final int count = first & 0x7F;
            if (count > MAX_LENGTH_OF_LENGTH)
            {
                return fail(lengthOffset, LENGTH_OF_LENGTH_TOO_BIG);
            }
            if (count > regionLimit - p)
            {
                return fail(lengthOffset, TRUNCATED_LENGTH);
            }
            // Accumulate in a long: 0x84 FF FF FF FF is 4294967295, which an int would read as -1.
            long accumulated = 0;
            for (int i = 0; i < count; i++)
            {
                accumulated = accumulated << 8 | (buffer.getByte(p++) & 0xFF);
            }
            if (accumulated > Integer.MAX_VALUE)
            {
                return fail(lengthOffset, LENGTH_OVERFLOW);
            }
            length = accumulated;
        }

        if (length > regionLimit - p)
        {
            return fail(lengthOffset, VALUE_PAST_END);
        }
        valueOffset = p;
        valueLength = (int)length;
        return true;
    }

    private boolean fail(final int bufferIndex, final String detail)
    {
        failed = true;
        error.set(CodeError.MALFORMED, bufferIndex - origin, DecodeError.NO_FIELD, DecodeError.NO_FIELD, detail);
        return false;
    }
}
