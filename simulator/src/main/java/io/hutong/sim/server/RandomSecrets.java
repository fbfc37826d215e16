package io.hutong.sim.server;

import java.security.SecureRandom;

/**
 * Random identifiers and keys for the generators given to {@link SecretStore#get}: merchant numbers, app ids,
 * shared API keys. From a {@link SecureRandom}, since some of them are keys. Thread-safe.
 */
public final class RandomSecrets
{
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHANUMERIC =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private RandomSecrets()
    {
    }

    /**
     * @param count how many digits.
     * @return {@code count} random decimal digits.
     */
    public static String digits(final int count)
    {
        final char[] text = new char[count];
        for (int i = 0; i < count; i++)
        {
            text[i] = (char)('0' + RANDOM.nextInt(10));
        }
        return new String(text);
    }

    /**
     * @param count how many characters.
     * @return {@code count} random characters of {@code [0-9A-Za-z]}.
     */
    public static String alphanumeric(final int count)
    {
        final char[] text = new char[count];
        for (int i = 0; i < count; i++)
        {
            text[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
        }
        return new String(text);
    }
}
