package io.hutong.core.pos.codec;

import org.agrona.MutableDirectBuffer;

/**
 * Allocation-free UTF-8 encoding of a {@code CharSequence} into a buffer (Agrona's UTF-8 writers go through
 * {@code String.getBytes}, which allocates). Stateless; thread-safe.
 */
final class Utf8Writer
{
    private Utf8Writer()
    {
    }

    /**
     * @param value the text.
     * @return its UTF-8 length in bytes, or -1 when it holds an unpaired surrogate.
     */
    static int encodedLength(final CharSequence value)
    {
        int bytes = 0;
        for (int i = 0, n = value.length(); i < n; i++)
        {
            final char c = value.charAt(i);
            if (c < 0x80)
            {
                bytes += 1;
            }
            else if (c < 0x800)
            {
                bytes += 2;
            }
            else if (Character.isHighSurrogate(c))
            {
                if (i + 1 >= n || !Character.isLowSurrogate(value.charAt(i + 1)))
                {
                    return -1;
                }
                bytes += 4;
                i++;
            }
            else if (Character.isLowSurrogate(c))
            {
                return -1;
            }
            else
            {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Write a value already checked by {@link #encodedLength}.
     *
     * @param value  the text.
     * @param buffer destination.
     * @param offset first byte.
     * @return offset after the last byte written.
     */
    static int write(final CharSequence value, final MutableDirectBuffer buffer, final int offset)
    {
        int position = offset;
        for (int i = 0, n = value.length(); i < n; i++)
        {
            final char c = value.charAt(i);
            if (c < 0x80)
            {
                buffer.putByte(position++, (byte)c);
            }
            else if (c < 0x800)
            {
                buffer.putByte(position++, (byte)(0xC0 | (c >> 6)));
                buffer.putByte(position++, (byte)(0x80 | (c & 0x3F)));
            }
            else if (Character.isHighSurrogate(c))
            {
                final int codePoint = Character.toCodePoint(c, value.charAt(++i));
                buffer.putByte(position++, (byte)(0xF0 | (codePoint >> 18)));
                buffer.putByte(position++, (byte)(0x80 | ((codePoint >> 12) & 0x3F)));
                buffer.putByte(position++, (byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                buffer.putByte(position++, (byte)(0x80 | (codePoint & 0x3F)));
            }
            else
            {
                buffer.putByte(position++, (byte)(0xE0 | (c >> 12)));
                buffer.putByte(position++, (byte)(0x80 | ((c >> 6) & 0x3F)));
                buffer.putByte(position++, (byte)(0x80 | (c & 0x3F)));
            }
        }
        return position;
    }
}
