package io.hutong.sim.codes;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Offline one-time consumer codes, made the way a phone makes them without calling its wallet (the derivation is
 * documented in docs/simulated-wallets.md so a load generator in any language can make codes):
 *
 * <pre>
 *   message = epochSecond (8 bytes, big-endian) || counter (2 bytes, big-endian)
 *             || ASCII(prefix || account number, 6 digits)
 *   mac     = HMAC-SHA256(key = the account's seed, message)
 *   check   = (first 8 bytes of mac, big-endian, top bit cleared) mod 10^checkDigits, zero-padded
 *   code    = prefix || account number (6) || epochSecond mod 1000 (3) || counter (2) || check
 * </pre>
 *
 * Stateless and thread-safe; {@link #derive} allocates (it is for load generators and tests, the wallet checks
 * codes through {@link CodeBook} without allocating).
 */
public final class OfflineCodes
{
    /** The HMAC algorithm. */
    public static final String HMAC = "HmacSHA256";

    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private OfflineCodes()
    {
    }

    /**
     * Makes one code.
     *
     * @param format        the wallet's layout.
     * @param accountNumber the account number, 1..999999.
     * @param seed          the account's seed.
     * @param epochSecond   when the code is made.
     * @param counter       0..99, distinct for every code of the account in that second (phones use 0..49).
     * @return the code digits.
     * @throws IllegalArgumentException when a parameter is out of range.
     */
    public static String derive(
        final CodeFormat format, final int accountNumber, final byte[] seed, final long epochSecond, final int counter)
    {
        return derive(newMac(seed), format, accountNumber, epochSecond, counter, new byte[scratchLength(format)]);
    }

    /**
     * Makes one code with an HMAC already keyed with the account's seed, as a phone that keeps its key schedule
     * does: allocates only the code's {@code String}. Load generators make thousands of codes a second, and keying
     * a fresh {@code Mac} costs more than the HMAC itself.
     *
     * @param mac           from {@link #hmac(byte[])} with the account's seed; reset on return. Not thread-safe.
     * @param format        the wallet's layout.
     * @param accountNumber the account number, 1..999999.
     * @param epochSecond   when the code is made.
     * @param counter       0..99, distinct for every code of the account in that second.
     * @param scratch       at least {@link #scratchLength(CodeFormat)} bytes, owned by the caller's thread.
     * @return the code digits.
     * @throws IllegalArgumentException when a parameter is out of range.
     */
    public static String derive(
        final Mac mac,
        final CodeFormat format,
        final int accountNumber,
        final long epochSecond,
        final int counter,
        final byte[] scratch)
    {
        if (accountNumber < 1 || accountNumber > CodeFormat.MAX_ACCOUNT_NUMBER)
        {
            throw new IllegalArgumentException("accountNumber=" + accountNumber + ": must be 1.." +
                CodeFormat.MAX_ACCOUNT_NUMBER);
        }
        if (counter < 0 || counter >= CodeFormat.COUNTERS)
        {
            throw new IllegalArgumentException("counter=" + counter + ": must be 0..99");
        }
        final long check = checkDigits(mac, format, accountNumber, epochSecond, counter, scratch);
        final char[] code = new char[format.length()];
        format.prefix().getChars(0, format.prefix().length(), code, 0);
        putDigits(code, format.accountOffset(), CodeFormat.ACCOUNT_DIGITS, accountNumber);
        putDigits(code, format.timeOffset(), CodeFormat.TIME_DIGITS, Math.floorMod(epochSecond, 1000));
        putDigits(code, format.counterOffset(), CodeFormat.COUNTER_DIGITS, counter);
        putDigits(code, format.checkOffset(), format.checkDigits(), check);
        return new String(code);
    }

    /**
     * The check digits of a code as a number, computed into a caller's scratch array without allocating.
     *
     * @param mac           an HMAC-SHA256 initialised with the account's seed; reset on return.
     * @param format        the wallet's layout.
     * @param accountNumber the account number.
     * @param epochSecond   the code's creation second.
     * @param counter       the code's counter.
     * @param scratch       at least {@code messageLength(format) + 32} bytes.
     * @return the check value, less than 10^checkDigits.
     */
    static long checkDigits(
        final Mac mac,
        final CodeFormat format,
        final int accountNumber,
        final long epochSecond,
        final int counter,
        final byte[] scratch)
    {
        int i = 0;
        for (int shift = 56; shift >= 0; shift -= 8)
        {
            scratch[i++] = (byte)(epochSecond >>> shift);
        }
        scratch[i++] = (byte)(counter >>> 8);
        scratch[i++] = (byte)counter;
        final String prefix = format.prefix();
        for (int p = 0; p < prefix.length(); p++)
        {
            scratch[i++] = (byte)prefix.charAt(p);
        }
        int value = accountNumber;
        for (int d = CodeFormat.ACCOUNT_DIGITS - 1; d >= 0; d--)
        {
            scratch[i + d] = (byte)('0' + value % 10);
            value /= 10;
        }
        i += CodeFormat.ACCOUNT_DIGITS;
        mac.update(scratch, 0, i);
        try
        {
            mac.doFinal(scratch, i);
        }
        catch (final ShortBufferException ex)
        {
            throw new IllegalStateException("scratch.length=" + scratch.length + ": too short", ex);
        }
        long head = 0;
        for (int b = 0; b < 8; b++)
        {
            head = (head << 8) | (scratch[i + b] & 0xFF);
        }
        return (head & Long.MAX_VALUE) % POWERS_OF_TEN[format.checkDigits()];
    }

    /**
     * @param format the wallet's layout.
     * @return the length of the HMAC message.
     */
    static int messageLength(final CodeFormat format)
    {
        return 8 + 2 + format.prefix().length() + CodeFormat.ACCOUNT_DIGITS;
    }

    /**
     * @param format a wallet's layout.
     * @return the scratch bytes {@link #derive(Mac, CodeFormat, int, long, int, byte[])} needs.
     */
    public static int scratchLength(final CodeFormat format)
    {
        return messageLength(format) + 32;
    }

    /**
     * @param seed an account seed.
     * @return an HMAC-SHA256 keyed with it, for {@link #derive(Mac, CodeFormat, int, long, int, byte[])}.
     */
    public static Mac hmac(final byte[] seed)
    {
        return newMac(seed);
    }

    /**
     * @param seed an account seed.
     * @return an HMAC-SHA256 keyed with it.
     */
    static Mac newMac(final byte[] seed)
    {
        try
        {
            final Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(seed, HMAC));
            return mac;
        }
        catch (final NoSuchAlgorithmException | InvalidKeyException ex)
        {
            throw new IllegalStateException("algorithm=" + HMAC + ": not available", ex);
        }
    }

    /**
     * Derives an account seed from a wallet's secret, so only the secret needs keeping across restarts.
     *
     * @param walletSecret the wallet's seed secret.
     * @param accountId    the account id.
     * @return 32 seed bytes: HMAC-SHA256(walletSecret, "consumer-seed:" || accountId).
     */
    public static byte[] seedFor(final byte[] walletSecret, final String accountId)
    {
        try
        {
            final Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(walletSecret, HMAC));
            return mac.doFinal(("consumer-seed:" + accountId).getBytes(StandardCharsets.UTF_8));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("algorithm=" + HMAC + ": not available", ex);
        }
    }

    static void putDigits(final char[] out, final int offset, final int width, final long value)
    {
        long rest = value;
        for (int i = offset + width - 1; i >= offset; i--)
        {
            out[i] = (char)('0' + rest % 10);
            rest /= 10;
        }
    }

    static long parseDigits(final CharSequence text, final int offset, final int width)
    {
        long value = 0;
        for (int i = offset; i < offset + width; i++)
        {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
