package io.hutong.connector.spi;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random per-request values: WeChat's {@code nonce_str}, the GM interface's {@code request_id}. They need to
 * be unique, not secret (the signature, not the nonce, authenticates), so a thread-local generator serves.
 * Thread-safe.
 */
public final class Nonces
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Nonces()
    {
    }

    /**
     * @return 32 random lowercase hex characters (128 bits).
     */
    public static String hex32()
    {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        final char[] chars = new char[32];
        long bits = 0;
        for (int i = 0; i < chars.length; i++)
        {
            if ((i & 15) == 0)
            {
                bits = random.nextLong();
            }
            chars[i] = HEX[(int)(bits & 15)];
            bits >>>= 4;
        }
        return new String(chars);
    }
}
