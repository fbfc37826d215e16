package io.hutong.connector.unionpay;

import io.hutong.codec.sign.CodeVerifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gateway's message signature. Every sign type signs the same string: each parameter with a non-empty value
 * except {@code sign} ({@code sign_type} included), sorted by key, joined {@code k=v&k=v}, UTF-8, values as sent
 * (not trimmed, not URL-encoded). Then:
 *
 * <pre>
 *  MD5         upper-hex MD5 of  string + "&amp;key=" + KEY          shared key
 *  RSA_1_256   base64 SHA256withRSA (PKCS#1 v1.5) of string        sender's private key
 *  SM3WITHSM2  base64 DER SM2-with-SM3 (user id 1234567812345678)  sender's private key
 * </pre>
 *
 * Requests are signed with the merchant's key, answers with the gateway's (see {@link UnionPayKeys}). Verification
 * never throws for bad input: a malformed, truncated or foreign signature is simply false.
 * <p>
 * Stateless and thread-safe. RSA signing costs about 1 ms and SM2 about 0.4 ms (verification about 40 us and
 * 90 us): callers keep these off the engine thread. MD5 costs under a microsecond.
 */
public final class UnionPaySign
{
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String RSA_ALGORITHM = "SHA256withRSA";

    private UnionPaySign()
    {
    }

    /**
     * The string every sign type signs: {@code k=v&...}, without the MD5 key. Exposed for tests and for
     * diagnosing a mismatch with a peer (it holds no secret, but it may hold a consumer code: do not log it).
     *
     * @param params the message fields; {@code sign} and null or empty values are skipped.
     * @return the string to sign.
     */
    public static String stringToSign(final Map<String, String> params)
    {
        // Keys are ASCII field names, so String order is the byte order the gateway's demos sort by.
        final StringBuilder sb = new StringBuilder(256);
        for (final Map.Entry<String, String> e : new TreeMap<>(params).entrySet())
        {
            final String value = e.getValue();
            if (UnionPayFields.SIGN.equals(e.getKey()) || null == value || value.isEmpty())
            {
                continue;
            }
            if (sb.length() > 0)
            {
                sb.append('&');
            }
            sb.append(e.getKey()).append('=').append(value);
        }
        return sb.toString();
    }

    /**
     * Signs a message with this side's own key.
     *
     * @param params the message fields (any {@code sign} entry is ignored).
     * @param keys   the keys; their sign type decides the algorithm.
     * @return the value of {@code sign}.
     */
    public static String sign(final Map<String, String> params, final UnionPayKeys keys)
    {
        final byte[] content = stringToSign(params).getBytes(StandardCharsets.UTF_8);
        switch (keys.signType())
        {
            case RSA_1_256:
                return rsaSign(content, keys.rsaOwn());
            case SM3WITHSM2:
                return sm2Sign(content, keys);
            default:
                return md5(params, keys.md5Key());
        }
    }

    /**
     * Checks a message's {@code sign} with the peer's key. For MD5 the comparison ignores hex case (the gateway's
     * own demo compares so) and runs in constant time.
     *
     * @param params the received fields including {@code sign}.
     * @param keys   the keys; their sign type decides the algorithm.
     * @return true only if {@code sign} is present and valid.
     */
    public static boolean verify(final Map<String, String> params, final UnionPayKeys keys)
    {
        final String received = params.get(UnionPayFields.SIGN);
        if (null == received || received.isEmpty())
        {
            return false;
        }
        switch (keys.signType())
        {
            case RSA_1_256:
                return rsaVerify(stringToSign(params).getBytes(StandardCharsets.UTF_8), received, keys.rsaPeer());
            case SM3WITHSM2:
                return sm2Verify(stringToSign(params).getBytes(StandardCharsets.UTF_8), received, keys);
            default:
                final byte[] expected = md5(params, keys.md5Key()).getBytes(StandardCharsets.US_ASCII);
                final byte[] actual = received.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
                return MessageDigest.isEqual(expected, actual);
        }
    }

    /**
     * The MD5 signature: upper-hex MD5 of {@code stringToSign(params) + "&key=" + key}.
     *
     * @param params the message fields.
     * @param key    the shared key.
     * @return 32 upper-case hex characters.
     */
    public static String md5(final Map<String, String> params, final String key)
    {
        if (null == key || key.isEmpty())
        {
            throw new IllegalArgumentException("md5Key=<empty>: must be set");
        }
        final String signed = stringToSign(params);
        final String data = signed.isEmpty() ? "key=" + key : signed + "&key=" + key;
        try
        {
            return upperHex(MessageDigest.getInstance("MD5").digest(data.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("algorithm=MD5: not available", ex);
        }
    }

    /**
     * @param content    the bytes to sign.
     * @param privateKey an RSA private key.
     * @return the base64 SHA256withRSA signature.
     */
    public static String rsaSign(final byte[] content, final PrivateKey privateKey)
    {
        try
        {
            final Signature signature = Signature.getInstance(RSA_ALGORITHM);
            signature.initSign(privateKey);
            signature.update(content);
            return Base64.getEncoder().encodeToString(signature.sign());
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalArgumentException(
                "privateKey.algorithm=" + privateKey.getAlgorithm() + ": cannot sign", ex);
        }
    }

    /**
     * @param content         the signed bytes.
     * @param base64Signature the signature as received; null, empty or not base64 gives false.
     * @param publicKey       the signer's RSA public key.
     * @return true only for a valid signature.
     */
    public static boolean rsaVerify(final byte[] content, final String base64Signature, final PublicKey publicKey)
    {
        final byte[] raw = decodeBase64(base64Signature);
        if (null == raw || null == publicKey)
        {
            return false;
        }
        try
        {
            final Signature signature = Signature.getInstance(RSA_ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(content);
            return signature.verify(raw);
        }
        catch (final GeneralSecurityException | RuntimeException ex)
        {
            return false;
        }
    }

    private static String sm2Sign(final byte[] content, final UnionPayKeys keys)
    {
        final byte[] raw = keys.sm2Own().sign(content, 0, content.length);
        return Base64.getEncoder().encodeToString(Sm2Der.toDer(raw));
    }

    private static boolean sm2Verify(final byte[] content, final String base64Signature, final UnionPayKeys keys)
    {
        final byte[] der = decodeBase64(base64Signature);
        final byte[] raw = null == der ? null : Sm2Der.toRaw(der);
        if (null == raw)
        {
            return false;
        }
        for (final CodeVerifier verifier : keys.sm2Peer())
        {
            if (verifier.verify(content, 0, content.length, raw))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Strict base64: the canonical encoding only, so one signature has one spelling on the wire.
     */
    private static byte[] decodeBase64(final String text)
    {
        if (null == text || text.isEmpty())
        {
            return null;
        }
        try
        {
            final byte[] bytes = Base64.getDecoder().decode(text);
            return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
        }
        catch (final IllegalArgumentException ex)
        {
            return null;
        }
    }

    private static String upperHex(final byte[] bytes)
    {
        final char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++)
        {
            final int b = bytes[i] & 0xFF;
            out[i * 2] = HEX[b >>> 4];
            out[i * 2 + 1] = HEX[b & 0x0F];
        }
        return new String(out);
    }
}
