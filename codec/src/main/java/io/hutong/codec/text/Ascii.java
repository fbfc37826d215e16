package io.hutong.codec.text;

import org.agrona.DirectBuffer;

/**
 * Allocation-free checks and conversions on ASCII bytes in a buffer. Thread-safe (stateless).
 */
public final class Ascii
{
    private static final byte[] HEX_UPPER = {
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F' };

    private Ascii()
    {
    }

    /**
     * @param b a byte.
     * @return true for '0'..'9'.
     */
    public static boolean isDigit(final int b)
    {
        return b >= '0' && b <= '9';
    }

    /**
     * @param buffer holding the bytes.
     * @param offset first byte.
     * @param length number of bytes.
     * @return true if every byte is a decimal digit (and length &gt; 0).
     */
    public static boolean isAllDigits(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 0)
        {
            return false;
        }
        for (int i = offset, end = offset + length; i < end; i++)
        {
            if (!isDigit(buffer.getByte(i)))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Parse two ASCII digits.
     *
     * @param buffer holding the bytes.
     * @param offset of the first digit.
     * @return 0..99, or -1 if either byte is not a digit.
     */
    public static int parseTwoDigits(final DirectBuffer buffer, final int offset)
    {
        final byte tens = buffer.getByte(offset);
        final byte units = buffer.getByte(offset + 1);
        if (!isDigit(tens) || !isDigit(units))
        {
            return -1;
        }
        return (tens - '0') * 10 + (units - '0');
    }

    /**
     * Value of one hexadecimal digit, either case.
     *
     * @param b the byte.
     * @return 0..15, or -1 when not a hex digit.
     */
    public static int hexValue(final int b)
    {
        if (b >= '0' && b <= '9')
        {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F')
        {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f')
        {
            return b - 'a' + 10;
        }
        return -1;
    }

    /**
     * Uppercase hexadecimal digit for a nibble.
     *
     * @param nibble 0..15.
     * @return the ASCII byte.
     */
    public static byte hexDigit(final int nibble)
    {
        return HEX_UPPER[nibble & 0xF];
    }

    /**
     * ASCII lowercase of one byte; other bytes unchanged.
     *
     * @param b the byte.
     * @return the lowercased byte.
     */
    public static int toLower(final int b)
    {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    /**
     * Case-insensitive (ASCII) comparison of a buffer region with a byte array.
     *
     * @param buffer  holding the bytes.
     * @param offset  first byte in the buffer.
     * @param length  number of bytes in the buffer region.
     * @param ascii   the other text, as ASCII bytes.
     * @return true if equal ignoring ASCII case.
     */
    public static boolean equalsIgnoreCase(
        final DirectBuffer buffer, final int offset, final int length, final byte[] ascii)
    {
        if (length != ascii.length)
        {
            return false;
        }
        return startsWithIgnoreCase(buffer, offset, length, ascii);
    }

    /**
     * Case-insensitive (ASCII) prefix test of a buffer region.
     *
     * @param buffer holding the bytes.
     * @param offset first byte in the buffer.
     * @param length number of bytes in the buffer region.
     * @param prefix the prefix, as ASCII bytes.
     * @return true if the region starts with the prefix ignoring ASCII case.
     */
    public static boolean startsWithIgnoreCase(
        final DirectBuffer buffer, final int offset, final int length, final byte[] prefix)
    {
        if (length < prefix.length)
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (toLower(buffer.getByte(offset + i)) != toLower(prefix[i]))
            {
                return false;
            }
        }
        return true;
    }
}
