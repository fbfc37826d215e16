package io.hutong.connector.gm;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4-GCM encryption of sensitive fields ({@code auth_code}, {@code payee_account}) with one merchant's 16-byte key,
 * agreed out of band. The field value is base64 (RFC 4648, with padding) of {@code iv(12) || ciphertext || tag(16)};
 * the AAD is the message's {@code request_id} in UTF-8, so a field cannot be moved into another request.
 * <p>
 * Every encryption draws a fresh random 12-byte IV: with a 96-bit random IV, a key must not encrypt more than
 * 2^32 fields (NIST SP 800-38D 8.3), far above what one merchant key sees between rotations.
 * <p>
 * Thread-safe: the key is copied and immutable, {@link SecureRandom} is thread-safe and a fresh Bouncy Castle
 * cipher is made per call.
 */
public final class GmFieldCipher
{
    /** SM4 key length in bytes. */
    public static final int KEY_LENGTH = 16;
    /** GCM IV length in bytes. */
    public static final int IV_LENGTH = 12;
    /** GCM tag length in bytes. */
    public static final int TAG_LENGTH = 16;

    private final byte[] key;
    private final SecureRandom random;

    /**
     * @param key the merchant's 16-byte SM4 key; copied.
     * @throws IllegalArgumentException when the key is not 16 bytes.
     */
    public GmFieldCipher(final byte[] key)
    {
        this(key, new SecureRandom());
    }

    /**
     * Tests inject the IV source to reproduce known answers.
     *
     * @param key    the merchant's 16-byte SM4 key; copied.
     * @param random the IV source.
     */
    GmFieldCipher(final byte[] key, final SecureRandom random)
    {
        if (null == key || key.length != KEY_LENGTH)
        {
            throw new IllegalArgumentException("key.length=" + (null == key ? -1 : key.length) + ": must be 16");
        }
        this.key = key.clone();
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Encrypt one field value.
     *
     * @param requestId the {@code request_id} of the message carrying the field (the AAD).
     * @param plaintext the field value.
     * @return base64 of {@code iv || ciphertext || tag}.
     */
    public String encrypt(final String requestId, final String plaintext)
    {
        final byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        return encrypt(requestId, plaintext, iv);
    }

    String encrypt(final String requestId, final String plaintext, final byte[] iv)
    {
        final byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
        final GCMModeCipher cipher = newCipher(true, requestId, iv);
        final byte[] out = new byte[IV_LENGTH + cipher.getOutputSize(input.length)];
        System.arraycopy(iv, 0, out, 0, IV_LENGTH);
        final int written = cipher.processBytes(input, 0, input.length, out, IV_LENGTH);
        try
        {
            cipher.doFinal(out, IV_LENGTH + written);
        }
        catch (final InvalidCipherTextException ex)
        {
            throw new IllegalStateException("SM4-GCM encryption failed", ex);
        }
        return Base64.getEncoder().encodeToString(out);
    }

    /**
     * Decrypt one field value.
     *
     * @param requestId the {@code request_id} of the message carrying the field (the AAD).
     * @param encoded   base64 of {@code iv || ciphertext || tag}.
     * @return the field value.
     * @throws GmMessageException {@link GmMessageException.Reason#BAD_CIPHERTEXT} when not base64 or too short,
     *                            {@link GmMessageException.Reason#DECRYPT_FAILED} when authentication fails.
     */
    public String decrypt(final String requestId, final String encoded) throws GmMessageException
    {
        final byte[] data;
        try
        {
            data = Base64.getDecoder().decode(encoded);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new GmMessageException(GmMessageException.Reason.BAD_CIPHERTEXT, "encoding=not base64");
        }
        if (data.length < IV_LENGTH + TAG_LENGTH)
        {
            throw new GmMessageException(GmMessageException.Reason.BAD_CIPHERTEXT, "length=" + data.length);
        }

        final byte[] iv = Arrays.copyOf(data, IV_LENGTH);
        final GCMModeCipher cipher = newCipher(false, requestId, iv);
        final int inputLength = data.length - IV_LENGTH;
        final byte[] out = new byte[cipher.getOutputSize(inputLength)];
        final int written = cipher.processBytes(data, IV_LENGTH, inputLength, out, 0);
        final int total;
        try
        {
            total = written + cipher.doFinal(out, written);
        }
        catch (final InvalidCipherTextException ex)
        {
            // GCM cannot tell a wrong key from a wrong IV, AAD or tag, and must not try to.
            throw new GmMessageException(GmMessageException.Reason.DECRYPT_FAILED, "tag=mismatch");
        }
        return new String(out, 0, total, StandardCharsets.UTF_8);
    }

    private GCMModeCipher newCipher(final boolean encrypt, final String requestId, final byte[] iv)
    {
        final GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
        final byte[] aad = requestId.getBytes(StandardCharsets.UTF_8);
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, iv, aad));
        return cipher;
    }

    /**
     * Describes the cipher without key material.
     *
     * @return a fixed description.
     */
    @Override
    public String toString()
    {
        return "GmFieldCipher{SM4-GCM}";
    }
}
