package io.hutong.core.pos.codec;

import io.hutong.codec.text.Utf8;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Allocation-free checks, reads and writes of the protocol's text fields: fixed-width ASCII right-padded with NUL
 * (0x00), and printable ASCII or UTF-8 variable-length values. The {@code String} readers are for tests, logs and
 * tools, not the hot path. Writers throw {@link IllegalArgumentException} for values that break the layout (a
 * caller bug); the message names the field and the length, never the value, since values may be consumer codes.
 * <p>
 * Stateless; thread-safe.
 */
public final class PosText
{
    /** Padding byte of fixed-width text fields. */
    public static final byte PAD = 0;

    private PosText()
    {
    }

    /**
     * @param b a byte value.
     * @return true for printable ASCII without space, 0x21..0x7E: identifiers and codes.
     */
    public static boolean isIdCharacter(final int b)
    {
        return b >= 0x21 && b <= 0x7E;
    }

    /**
     * @param b a byte value.
     * @return true for printable ASCII with space, 0x20..0x7E: texts for people.
     */
    public static boolean isTextCharacter(final int b)
    {
        return b >= 0x20 && b <= 0x7E;
    }

    /**
     * Length of the value in a fixed-width field: identifier characters, then only padding.
     *
     * @param buffer holding the field.
     * @param offset first byte of the field.
     * @param width  field width.
     * @return 0..width, or -1 when a byte is neither an identifier character nor trailing padding.
     */
    public static int fixedLength(final DirectBuffer buffer, final int offset, final int width)
    {
        int length = 0;
        while (length < width && isIdCharacter(buffer.getByte(offset + length)))
        {
            length++;
        }
        for (int i = length; i < width; i++)
        {
            if (buffer.getByte(offset + i) != PAD)
            {
                return -1;
            }
        }
        return length;
    }

    /**
     * @param buffer     holding the bytes.
     * @param offset     first byte.
     * @param length     number of bytes.
     * @param allowSpace true to allow 0x20 (texts), false for identifiers and codes.
     * @return true when every byte is printable ASCII (an empty region is printable).
     */
    public static boolean isPrintable(
        final DirectBuffer buffer, final int offset, final int length, final boolean allowSpace)
    {
        final int low = allowSpace ? 0x20 : 0x21;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final int b = buffer.getByte(i);
            if (b < low || b > 0x7E)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param buffer holding the bytes.
     * @param offset first byte.
     * @param length number of bytes.
     * @return true for well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF) without C0
     *     or C1 control characters or DEL.
     */
    public static boolean isCleanUtf8(final DirectBuffer buffer, final int offset, final int length)
    {
        final int limit = offset + length;
        int position = offset;
        while (position < limit)
        {
            final int first = buffer.getByte(position) & 0xFF;
            if (first < 0x20 || first == 0x7F)
            {
                return false;
            }
            final int sequence = Utf8.sequenceLength(buffer, position, limit);
            if (sequence < 0)
            {
                return false;
            }
            // C1 controls U+0080..U+009F are the two-byte sequences C2 80..C2 9F.
            if (first == 0xC2 && (buffer.getByte(position + 1) & 0xFF) < 0xA0)
            {
                return false;
            }
            position += sequence;
        }
        return true;
    }

    /**
     * Read a fixed-width field as a {@code String}, padding removed. Allocates: for tests, logs and tools.
     *
     * @param buffer holding the field.
     * @param offset first byte.
     * @param width  field width.
     * @return the value; "" for an invalid field.
     */
    public static String getFixed(final DirectBuffer buffer, final int offset, final int width)
    {
        final int length = fixedLength(buffer, offset, width);
        return length <= 0 ? "" : buffer.getStringWithoutLengthAscii(offset, length);
    }

    /**
     * Compare two fixed-width fields byte for byte, padding included.
     *
     * @param a       first buffer.
     * @param aOffset first field.
     * @param b       second buffer.
     * @param bOffset second field.
     * @param width   field width.
     * @return true when equal.
     */
    public static boolean fixedEquals(
        final DirectBuffer a, final int aOffset, final DirectBuffer b, final int bOffset, final int width)
    {
        for (int i = 0; i < width; i++)
        {
            if (a.getByte(aOffset + i) != b.getByte(bOffset + i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Write a fixed-width field: the value then NUL padding.
     *
     * @param buffer    to write into.
     * @param offset    first byte of the field.
     * @param width     field width.
     * @param value     identifier characters only, at most {@code width} of them (may be empty).
     * @param fieldName for the exception message.
     * @throws IllegalArgumentException when the value is too long or holds another character.
     */
    public static void putFixed(
        final MutableDirectBuffer buffer,
        final int offset,
        final int width,
        final CharSequence value,
        final String fieldName)
    {
        final int length = value.length();
        if (length > width)
        {
            throw new IllegalArgumentException(fieldName + " length=" + length + ": must be at most " + width);
        }
        for (int i = 0; i < length; i++)
        {
            final char c = value.charAt(i);
            if (!isIdCharacter(c))
            {
                throw new IllegalArgumentException(
                    fieldName + " index=" + i + ": must be printable ASCII without space");
            }
            buffer.putByte(offset + i, (byte)c);
        }
        buffer.setMemory(offset + length, width - length, PAD);
    }

    /**
     * Write a fixed-width field from bytes in a buffer: the value then NUL padding.
     *
     * @param buffer    to write into.
     * @param offset    first byte of the field.
     * @param width     field width.
     * @param source    holding the value.
     * @param srcOffset first byte of the value.
     * @param length    length of the value, at most {@code width}.
     * @param fieldName for the exception message.
     * @throws IllegalArgumentException when the value is too long or holds a byte other than 0x21..0x7E.
     */
    public static void putFixed(
        final MutableDirectBuffer buffer,
        final int offset,
        final int width,
        final DirectBuffer source,
        final int srcOffset,
        final int length,
        final String fieldName)
    {
        if (length < 0 || length > width)
        {
            throw new IllegalArgumentException(fieldName + " length=" + length + ": must be 0.." + width);
        }
        if (!isPrintable(source, srcOffset, length, false))
        {
            throw new IllegalArgumentException(fieldName + ": must be printable ASCII without space");
        }
        buffer.putBytes(offset, source, srcOffset, length);
        buffer.setMemory(offset + length, width - length, PAD);
    }
}
