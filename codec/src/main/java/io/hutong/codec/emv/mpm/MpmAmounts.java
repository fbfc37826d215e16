package io.hutong.codec.emv.mpm;

import org.agrona.DirectBuffer;

/**
 * Checks of the amount-like values of an MPM payload (IDs 54, 56 and 57): digits with at most one '.' as
 * the decimal mark (EMV QRCPS MPM 4.7.2), never zero. Stateless; thread-safe.
 */
final class MpmAmounts
{
    private MpmAmounts()
    {
    }

    /**
     * @return true for "12", "12.5", "0.01", "12."; false for "", ".", "0", "0.00", "1.2.3", "-1", "1e3".
     */
    static boolean isValidAmount(final DirectBuffer buffer, final int offset, final int length)
    {
        int digits = 0;
        boolean dot = false;
        boolean nonZero = false;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b == '.')
            {
                if (dot)
                {
                    return false;
                }
                dot = true;
            }
            else if (b >= '0' && b <= '9')
            {
                digits++;
                nonZero |= b != '0';
            }
            else
            {
                return false;
            }
        }
        return digits > 0 && nonZero;
    }

    /**
     * @return true for a percentage between 00.01 and 99.99 written as an amount.
     */
    static boolean isValidPercentage(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!isValidAmount(buffer, offset, length))
        {
            return false;
        }
        int integerDigits = 0;
        boolean leading = true;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b == '.')
            {
                break;
            }
            if (leading && b == '0')
            {
                continue;
            }
            leading = false;
            integerDigits++;
        }
        return integerDigits <= 2;
    }

    /**
     * An amount already checked by {@link #isValidAmount} in minor units ("12.5" with exponent 2 is 1250).
     *
     * @return the amount, or -2 when it has more decimals than the currency allows.
     */
    static long minorUnits(final DirectBuffer buffer, final int offset, final int length, final int exponent)
    {
        long units = 0;
        int decimals = -1;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b == '.')
            {
                decimals = 0;
                continue;
            }
            if (decimals >= 0 && ++decimals > exponent)
            {
                return -2;
            }
            units = units * 10 + (b - '0');
        }
        for (int i = Math.max(decimals, 0); i < exponent; i++)
        {
            units *= 10;
        }
        return units;
    }
}
