package io.hutong.codec.emv.cpm;

import org.agrona.DirectBuffer;

import static io.hutong.codec.emv.cpm.CpmDescriptor.MASK_CHARACTER;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MASK_VISIBLE_PREFIX;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MASK_VISIBLE_SUFFIX;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_PAN_BYTES;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_PAN_DIGITS;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MAX_TRACK2_BYTES;
import static io.hutong.codec.emv.cpm.CpmDescriptor.MIN_PAN_DIGITS;
import static io.hutong.codec.emv.cpm.CpmDescriptor.PAD_NIBBLE;
import static io.hutong.codec.emv.cpm.CpmDescriptor.TRACK2_SEPARATOR;

/**
 * Nibble-level checks and masking of the PAN as it sits in '5A' (compressed numeric) and '57' (track 2
 * equivalent). Both keep the PAN digits in the leading nibbles, so once validated a PAN is located by the offset
 * of its value and a digit count, and never needs copying out. Package-private: outside this package, only the
 * issuer's explicit {@link CpmClearPan} reaches the clear PAN.
 * <p>
 * Thread-safe (stateless), allocation free.
 */
final class CpmPan
{
    /** Returned when a value breaks its format. */
    static final int INVALID = -1;

    private static final int EXPIRY_AND_SERVICE_CODE_DIGITS = 7;

    private CpmPan()
    {
    }

    /**
     * Validate an Application PAN ('5A'): BCD digits, then only 'F' pad nibbles, 12..19 digits.
     *
     * @param buffer holding the value.
     * @param offset first byte of the value.
     * @param length number of bytes in the value.
     * @return number of PAN digits, or {@link #INVALID}.
     */
    static int panDigits(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 0 || length > MAX_PAN_BYTES)
        {
            return INVALID;
        }

        final int nibbles = length << 1;
        int digits = 0;
        while (digits < nibbles && nibble(buffer, offset, digits) <= 9)
        {
            digits++;
        }
        for (int i = digits; i < nibbles; i++)
        {
            if (nibble(buffer, offset, i) != PAD_NIBBLE)
            {
                return INVALID;
            }
        }
        return digits >= MIN_PAN_DIGITS && digits <= MAX_PAN_DIGITS ? digits : INVALID;
    }

    /**
     * Validate Track 2 Equivalent Data ('57'): PAN digits, separator 'D', expiry YYMM with month 01..12, a
     * three-digit service code, optional discretionary digits, and one 'F' pad nibble only as the very last.
     *
     * @param buffer holding the value.
     * @param offset first byte of the value.
     * @param length number of bytes in the value.
     * @return number of PAN digits before the separator, or {@link #INVALID}.
     */
    static int track2PanDigits(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 0 || length > MAX_TRACK2_BYTES)
        {
            return INVALID;
        }

        final int nibbles = length << 1;
        int panDigits = 0;
        while (panDigits < nibbles && nibble(buffer, offset, panDigits) <= 9)
        {
            panDigits++;
        }
        if (panDigits < MIN_PAN_DIGITS || panDigits > MAX_PAN_DIGITS ||
            panDigits == nibbles || nibble(buffer, offset, panDigits) != TRACK2_SEPARATOR)
        {
            return INVALID;
        }

        int afterSeparator = 0;
        for (int i = panDigits + 1; i < nibbles; i++)
        {
            final int value = nibble(buffer, offset, i);
            if (value <= 9)
            {
                afterSeparator++;
            }
            else if (value != PAD_NIBBLE || i != nibbles - 1)
            {
                return INVALID;
            }
        }
        if (afterSeparator < EXPIRY_AND_SERVICE_CODE_DIGITS)
        {
            return INVALID;
        }

        final int month = digitsValue(buffer, offset, panDigits + 3, 2);
        return month >= 1 && month <= 12 ? panDigits : INVALID;
    }

    /**
     * Expiry date of a validated track 2.
     *
     * @param buffer    holding the value.
     * @param offset    first byte of the value.
     * @param panDigits as returned by {@link #track2PanDigits}.
     * @return YYMM as an int (1912 for December 2019).
     */
    static int track2Expiry(final DirectBuffer buffer, final int offset, final int panDigits)
    {
        return digitsValue(buffer, offset, panDigits + 1, 4);
    }

    /**
     * Compare two validated PANs digit by digit.
     *
     * @param buffer  holding both values.
     * @param offsetA first byte of one value.
     * @param offsetB first byte of the other.
     * @param digits  number of digits to compare.
     * @return true if the first {@code digits} digits are equal.
     */
    static boolean sameDigits(final DirectBuffer buffer, final int offsetA, final int offsetB, final int digits)
    {
        for (int i = 0; i < digits; i++)
        {
            if (nibble(buffer, offsetA, i) != nibble(buffer, offsetB, i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Last four digits of a validated PAN as a number.
     *
     * @param buffer holding the value.
     * @param offset first byte of the value.
     * @param digits number of PAN digits.
     * @return 0..9999.
     */
    static int lastFour(final DirectBuffer buffer, final int offset, final int digits)
    {
        return digitsValue(buffer, offset, digits - MASK_VISIBLE_SUFFIX, MASK_VISIBLE_SUFFIX);
    }

    /**
     * Append the masked PAN: first six digits, one mask character per hidden digit, last four digits.
     *
     * @param buffer holding the value.
     * @param offset first byte of the value.
     * @param digits number of PAN digits, at least 12 so the visible parts never overlap.
     * @param sb     receives the text.
     * @return {@code sb}.
     */
    static StringBuilder appendMasked(
        final DirectBuffer buffer, final int offset, final int digits, final StringBuilder sb)
    {
        for (int i = 0; i < digits; i++)
        {
            sb.append(isVisible(i, digits) ? (char)('0' + nibble(buffer, offset, i)) : MASK_CHARACTER);
        }
        return sb;
    }

    /**
     * Append the clear PAN digits, for {@link CpmClearPan} only.
     *
     * @param buffer holding the value.
     * @param offset first byte of the value.
     * @param digits number of PAN digits.
     * @param sb     receives the digits.
     * @return {@code sb}.
     */
    static StringBuilder appendClear(
        final DirectBuffer buffer, final int offset, final int digits, final StringBuilder sb)
    {
        for (int i = 0; i < digits; i++)
        {
            sb.append((char)('0' + nibble(buffer, offset, i)));
        }
        return sb;
    }

    private static boolean isVisible(final int index, final int digits)
    {
        return index < MASK_VISIBLE_PREFIX || index >= digits - MASK_VISIBLE_SUFFIX;
    }

    private static int digitsValue(final DirectBuffer buffer, final int offset, final int firstNibble, final int count)
    {
        int value = 0;
        for (int i = firstNibble, end = firstNibble + count; i < end; i++)
        {
            value = value * 10 + nibble(buffer, offset, i);
        }
        return value;
    }

    private static int nibble(final DirectBuffer buffer, final int offset, final int index)
    {
        final int b = buffer.getByte(offset + (index >> 1));
        return (index & 1) == 0 ? (b >> 4) & 0xF : b & 0xF;
    }
}
