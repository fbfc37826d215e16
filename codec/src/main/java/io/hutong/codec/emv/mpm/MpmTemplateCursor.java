package io.hutong.codec.emv.mpm;

import io.hutong.codec.text.Ascii;
import io.hutong.codec.text.Utf8;
import org.agrona.DirectBuffer;

/**
 * Flyweight cursor over the data objects nested inside one template value (IDs 26..51, 62, 64, 80..99):
 * {@link #next()} steps to the following ID-length-value, with lengths counted in characters.
 * <p>
 * Not thread-safe; reused.
 */
public final class MpmTemplateCursor
{
    private DirectBuffer buffer;
    private int position;
    private int end;
    private int id;
    private int valueOffset;
    private int valueLength;
    private int characters;
    private String malformed;
    private int malformedOffset;
    private long seenLow;
    private long seenHigh;
    private boolean duplicate;

    /**
     * Start iterating a template value.
     *
     * @param buffer holding the payload.
     * @param offset of the template's value.
     * @param length of the template's value in bytes.
     * @return this.
     */
    public MpmTemplateCursor wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
        this.id = -1;
        this.malformed = null;
        this.malformedOffset = 0;
        this.seenLow = 0;
        this.seenHigh = 0;
        this.duplicate = false;
        return this;
    }

    /**
     * Step to the next nested data object.
     *
     * @return true if one was read; false at the end of the template or when it is malformed
     * (see {@link #isMalformed()}).
     */
    public boolean next()
    {
        if (position >= end || malformed != null)
        {
            return false;
        }
        if (end - position < MpmDescriptor.HEADER_LENGTH)
        {
            return fail(position, "truncated nested data object");
        }
        final int nestedId = Ascii.parseTwoDigits(buffer, position);
        if (nestedId < 0)
        {
            return fail(position, "nested data object ID is not two digits");
        }
        final int declared = Ascii.parseTwoDigits(buffer, position + 2);
        if (declared <= 0)
        {
            return fail(position + 2, "nested data object length is not 01..99");
        }
        final int valueStart = position + MpmDescriptor.HEADER_LENGTH;
        final int valueEnd = Utf8.skipCharacters(buffer, valueStart, end, declared);
        if (valueEnd < 0)
        {
            return fail(position, "nested value runs past the end of its template");
        }
        final long bit = 1L << (nestedId & 63);
        if (nestedId < 64)
        {
            duplicate = (seenLow & bit) != 0;
            seenLow |= bit;
        }
        else
        {
            duplicate = (seenHigh & bit) != 0;
            seenHigh |= bit;
        }
        id = nestedId;
        valueOffset = valueStart;
        valueLength = valueEnd - valueStart;
        characters = declared;
        position = valueEnd;
        return true;
    }

    /**
     * @return true when the current nested ID already appeared earlier in this template.
     */
    public boolean isDuplicate()
    {
        return duplicate;
    }

    /**
     * @param subId a nested ID.
     * @return true if the iteration so far has passed it.
     */
    public boolean hasSeen(final int subId)
    {
        return ((subId < 64 ? seenLow : seenHigh) & (1L << (subId & 63))) != 0;
    }

    /**
     * @return true when iteration stopped on a structural error.
     */
    public boolean isMalformed()
    {
        return malformed != null;
    }

    /**
     * @return what was wrong, or null.
     */
    public String malformedDetail()
    {
        return malformed;
    }

    /**
     * @return absolute offset of the structural error.
     */
    public int malformedOffset()
    {
        return malformedOffset;
    }

    /**
     * @return the current nested ID.
     */
    public int id()
    {
        return id;
    }

    /**
     * @return absolute offset of the current nested value.
     */
    public int valueOffset()
    {
        return valueOffset;
    }

    /**
     * @return length in bytes of the current nested value.
     */
    public int valueLength()
    {
        return valueLength;
    }

    /**
     * @return length in characters of the current nested value.
     */
    public int characters()
    {
        return characters;
    }

    /**
     * @return absolute offset of the current nested data object's ID.
     */
    public int objectOffset()
    {
        return valueOffset - MpmDescriptor.HEADER_LENGTH;
    }

    /**
     * @return the current value as a string. Allocates.
     */
    public String value()
    {
        return buffer.getStringWithoutLengthUtf8(valueOffset, valueLength);
    }

    private boolean fail(final int offset, final String detail)
    {
        malformed = detail;
        malformedOffset = offset;
        return false;
    }
}
