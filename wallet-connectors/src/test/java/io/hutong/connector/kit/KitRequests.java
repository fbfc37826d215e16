package io.hutong.connector.kit;

import io.hutong.connector.PayCommand;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The requests the conformance kit sends: pays with fresh order numbers, and codes forged from real ones.
 * Stateless.
 */
final class KitRequests
{
    private static final String IP = "127.0.0.1";

    private KitRequests()
    {
    }

    static PayCommand pay(final String orderNo, final String code, final long amount)
    {
        return new PayCommand(orderNo, code, amount, "conformance kit", IP);
    }

    /**
     * @return a fresh merchant order number, unique across runs against the same wallet.
     */
    static String orderNo()
    {
        return "K" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) +
            Integer.toHexString(ThreadLocalRandom.current().nextInt() >>> 1);
    }

    /**
     * A code of the same shape the wallet never issued: same prefix, other digits.
     */
    static String forge(final String real)
    {
        final char[] chars = real.toCharArray();
        for (int i = Math.min(4, chars.length - 1); i < chars.length; i++)
        {
            if (Character.isDigit(chars[i]))
            {
                chars[i] = (char)('0' + (chars[i] - '0' + 3) % 10);
            }
        }
        return new String(chars);
    }
}
