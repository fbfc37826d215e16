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
}
