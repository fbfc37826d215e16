package io.hutong.codec.text;

import org.agrona.DirectBuffer;

/**
 * Allocation-free UTF-8 walking. EMVCo MPM lengths count characters, not bytes (a four-character Chinese
 * merchant name has length 04 and is twelve bytes), so the decoder must step over characters. Only
 * well-formed UTF-8 is accepted: no overlong forms, no surrogates, nothing above U+10FFFF.
 * Thread-safe (stateless).
 */
public final class Utf8
{
    /** Returned by {@link #skipCharacters} and {@link #sequenceLength} when the bytes are not valid UTF-8. */
    public static final int INVALID = -1;
    /** Returned by {@link #skipCharacters} when the region ends before the requested characters. */
    public static final int TRUNCATED = -2;

    private Utf8()
    {
    }

    /**
     * Step over a number of characters.
     *
     * @param buffer     holding UTF-8.
     * @param offset     where to start.
     * @param limit      first offset past the readable region.
     * @param characters how many characters to step over.
     * @return the offset after the last character, {@link #INVALID} or {@link #TRUNCATED}.
     */
    public static int skipCharacters(final DirectBuffer buffer, final int offset, final int limit, final int characters)
    {
        int position = offset;
        for (int i = 0; i < characters; i++)
        {
            if (position >= limit)
            {
                return TRUNCATED;
            }
            final int length = sequenceLength(buffer, position, limit);
            if (length < 0)
            {
                return length;
            }
            position += length;
        }
        return position;
    }

    /**
     * Count the characters in a region.
     *
     * @param buffer holding UTF-8.
     * @param offset first byte.
     * @param length number of bytes.
     * @return the number of characters, or {@link #INVALID} / {@link #TRUNCATED}.
     */
    public static int countCharacters(final DirectBuffer buffer, final int offset, final int length)
    {
        final int limit = offset + length;
        int count = 0;
        int position = offset;
        while (position < limit)
        {
            final int sequence = sequenceLength(buffer, position, limit);
            if (sequence < 0)
            {
                return sequence;
            }
            position += sequence;
            count++;
        }
        return count;
    }

    /**
     * Length of the well-formed UTF-8 sequence that starts at {@code offset}.
     *
     * @param buffer holding UTF-8.
     * @param offset first byte of the sequence.
     * @param limit  first offset past the readable region.
     * @return 1..4, {@link #INVALID} or {@link #TRUNCATED}.
     */
    public static int sequenceLength(final DirectBuffer buffer, final int offset, final int limit)
    {
        final int b0 = buffer.getByte(offset) & 0xFF;
        if (b0 < 0x80)
        {
            return 1;
        }

        final int length;
        final int min;
        final int max;
        if (b0 >= 0xC2 && b0 <= 0xDF)
        {
            length = 2;
            min = 0x80;
            max = 0xBF;
        }
        else if (b0 >= 0xE0 && b0 <= 0xEF)
        {
            length = 3;
            min = b0 == 0xE0 ? 0xA0 : 0x80;
            max = b0 == 0xED ? 0x9F : 0xBF;
        }
        else if (b0 >= 0xF0 && b0 <= 0xF4)
        {
            length = 4;
            min = b0 == 0xF0 ? 0x90 : 0x80;
            max = b0 == 0xF4 ? 0x8F : 0xBF;
        }
        else
        {
            return INVALID;
        }

        if (offset + length > limit)
        {
            return TRUNCATED;
        }
        final int b1 = buffer.getByte(offset + 1) & 0xFF;
        if (b1 < min || b1 > max)
        {
            return INVALID;
        }
        for (int i = 2; i < length; i++)
        {
            final int b = buffer.getByte(offset + i) & 0xFF;
            if (b < 0x80 || b > 0xBF)
            {
                return INVALID;
            }
        }
        return length;
    }

    /**
     * Number of characters in a Java string as EMVCo counts them (Unicode code points).
     *
     * @param text the text.
     * @return code point count.
     */
    public static int characterCount(final CharSequence text)
    {
        return Character.codePointCount(text, 0, text.length());
    }
}
