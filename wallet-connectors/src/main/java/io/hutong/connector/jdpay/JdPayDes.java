package io.hutong.connector.jdpay;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * JD Pay's 3DES envelope encryption, reproduced for interoperability (docs/wallet-jdpay.md section 4):
 *
 * <pre>
 *   frame  = uint32 big-endian byte length of the UTF-8 text || UTF-8 text || 0x00 padding to a multiple of 8
 *   cipher = DESede/ECB/NoPadding(frame) with the merchant's 24-byte DES key (base64 in JD's console)
 *   encrypt element = base64( lowercase hex( cipher ) )      (yes: base64 of the hex text)
 * </pre>
 *
 * <p>This is weak cryptography kept only because JD's gateway speaks it: ECB leaks equal blocks, there is no
 * integrity (the RSA signature inside is the only protection), and 3DES has a 64-bit block. Nothing else in
 * Hutong may reuse it. Decryption is strict where JD's SDKs are lax: the length frame must fit the plaintext,
 * the padding must be the zeros JD writes and shorter than a block, and the text must be valid UTF-8.
 * Stateless and thread-safe; allocates (not for the engine thread). Measured: 60-110 us to encrypt and decrypt
 * a 322-byte message (Java's DESede is slow); keep it off the engine thread with the RSA step.
 */
public final class JdPayDes
{
    /** JD's SDKs refuse a decrypted message longer than this ({@code MAX_MSG_LENGTH}); so do we, both ways. */
    public static final int MAX_PLAINTEXT_BYTES = 16 * 1024;

    /** Bytes in a 3DES key: three independent DES keys (keying option 1). */
    public static final int KEY_BYTES = 24;

    private static final String TRANSFORMATION = "DESede/ECB/NoPadding";
    private static final int BLOCK = 8;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JdPayDes()
    {
    }

    /**
     * Reads a DES key as JD's merchant console hands it out: base64 of 24 bytes.
     *
     * @param base64 the key text (never logged).
     * @return the key.
     * @throws IllegalArgumentException if the text is not base64 of 24 bytes, or if two of its three DES keys
     *                                  are equal (3DES would collapse to single DES).
     */
    public static SecretKey key(final String base64)
    {
        final byte[] raw;
        try
        {
            raw = Base64.getDecoder().decode(null == base64 ? "" : base64.strip());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("desKey.length=" + lengthOf(base64) + ": not base64", ex);
        }
        if (raw.length != KEY_BYTES)
        {
            throw new IllegalArgumentException("desKey.bytes=" + raw.length + ": must be " + KEY_BYTES);
        }
        if (Arrays.equals(raw, 0, 8, raw, 8, 16) || Arrays.equals(raw, 8, 16, raw, 16, 24))
        {
            throw new IllegalArgumentException("desKey: two equal DES keys make 3DES single DES");
        }
        return new SecretKeySpec(raw, "DESede");
    }

    /**
     * Frames and encrypts a message the way JD's SDKs do.
     *
     * @param text the message (the signed inner XML).
     * @param key  the merchant's DES key.
     * @return the {@code encrypt} element's value: base64 of lowercase hex of the ciphertext.
     * @throws IllegalArgumentException if the UTF-8 text is empty or longer than {@link #MAX_PLAINTEXT_BYTES}.
     */
    public static String encrypt(final String text, final SecretKey key)
    {
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (0 == utf8.length || utf8.length > MAX_PLAINTEXT_BYTES)
        {
            throw new IllegalArgumentException("plaintext.bytes=" + utf8.length + ": must be 1.." +
                MAX_PLAINTEXT_BYTES);
        }
        final byte[] frame = new byte[roundUp(4 + utf8.length)];
        frame[0] = (byte)(utf8.length >>> 24);
        frame[1] = (byte)(utf8.length >>> 16);
        frame[2] = (byte)(utf8.length >>> 8);
        frame[3] = (byte)utf8.length;
        System.arraycopy(utf8, 0, frame, 4, utf8.length); // the rest is already the zero padding
        final byte[] cipherText = run(Cipher.ENCRYPT_MODE, key, frame);
        final byte[] hex = new byte[cipherText.length * 2];
        for (int i = 0; i < cipherText.length; i++)
        {
            hex[2 * i] = (byte)HEX[(cipherText[i] >>> 4) & 0x0F];
            hex[2 * i + 1] = (byte)HEX[cipherText[i] & 0x0F];
        }
        return Base64.getEncoder().encodeToString(hex);
    }

    /**
     * Decodes, decrypts and unframes an {@code encrypt} value. ASCII whitespace in the base64 is ignored (some
     * SDKs wrap it at 76 columns); hex of either case is accepted.
     *
     * @param encrypt the {@code encrypt} element's value.
     * @param key     the merchant's DES key.
     * @return the message text.
     * @throws JdPayMessageException {@code BAD_CIPHERTEXT} if any layer is malformed or the key is wrong,
     *                               {@code TOO_LARGE} if a consistent frame holds more than
     *                               {@link #MAX_PLAINTEXT_BYTES}.
     */
    public static String decrypt(final String encrypt, final SecretKey key) throws JdPayMessageException
    {
        final byte[] hex;
        try
        {
            hex = Base64.getDecoder().decode(stripWhitespace(encrypt));
        }
        catch (final IllegalArgumentException ex)
        {
            throw bad("encrypt: not base64");
        }
        if (0 == hex.length || hex.length % (2 * BLOCK) != 0)
        {
            throw bad("encrypt.hexLength=" + hex.length + ": not whole 8-byte blocks");
        }
        final byte[] cipherText = new byte[hex.length / 2];
        for (int i = 0; i < cipherText.length; i++)
        {
            final int hi = Character.digit(hex[2 * i], 16);
            final int lo = Character.digit(hex[2 * i + 1], 16);
            if (hi < 0 || lo < 0)
            {
                throw bad("encrypt: not hex");
            }
            cipherText[i] = (byte)((hi << 4) | lo);
        }
        return unframe(run(Cipher.DECRYPT_MODE, key, cipherText));
    }

    private static String unframe(final byte[] frame) throws JdPayMessageException
    {
        final long length = ((frame[0] & 0xFFL) << 24) | ((frame[1] & 0xFF) << 16) | ((frame[2] & 0xFF) << 8) |
            (frame[3] & 0xFF);
        if (0 == length || length > frame.length - 4 || roundUp(4 + (int)length) != frame.length)
        {
            // A wrong key decrypts to noise, which lands here almost always.
            throw bad("frame.length=" + length + " blocks=" + frame.length / BLOCK + ": inconsistent");
        }
        if (length > MAX_PLAINTEXT_BYTES)
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.TOO_LARGE,
                "plaintext.bytes=" + length + " max=" + MAX_PLAINTEXT_BYTES);
        }
        for (int i = 4 + (int)length; i < frame.length; i++)
        {
            if (0 != frame[i])
            {
                throw bad("frame.padding: not zero");
            }
        }
        try
        {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(frame, 4, (int)length)).toString();
        }
        catch (final CharacterCodingException ex)
        {
            throw bad("plaintext: not UTF-8");
        }
    }

    private static byte[] run(final int mode, final SecretKey key, final byte[] input)
    {
        try
        {
            final Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key);
            return cipher.doFinal(input);
        }
        catch (final GeneralSecurityException ex)
        {
            // Whole blocks and a 24-byte DESede key are checked before: this is a broken JCE, not bad input.
            throw new IllegalStateException("transformation=" + TRANSFORMATION + ": unavailable", ex);
        }
    }

    private static int roundUp(final int length)
    {
        return (length + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static String stripWhitespace(final String text)
    {
        if (null == text)
        {
            return "";
        }
        final StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static JdPayMessageException bad(final String detail)
    {
        return new JdPayMessageException(JdPayMessageException.Reason.BAD_CIPHERTEXT, detail);
    }

    private static int lengthOf(final String text)
    {
        return null == text ? -1 : text.length();
    }
}
