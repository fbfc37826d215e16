package io.hutong.connector.alipay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alipay open-platform RSA2 signatures: SHA256withRSA, base64. A request is signed over every non-empty
 * parameter except {@code sign} ({@code sign_type} included), sorted by key, joined {@code k=v&...} with raw
 * (not URL-encoded) values in UTF-8; an answer is signed over the exact text of its {@code ..._response}
 * object. Keys are the base64 strings Alipay's console hands out (PKCS#8 private, X.509 public).
 * <p>
 * Stateless and thread-safe. RSA-2048 signing costs about a millisecond: keep it off the engine thread.
 */
public final class AlipaySign
{
    /** The JCA algorithm behind Alipay's {@code sign_type=RSA2}. */
    public static final String ALGORITHM = "SHA256withRSA";

    /** The parameter that carries the signature, excluded from the string to sign. */
    public static final String SIGN = "sign";

    private AlipaySign()
    {
    }

    /**
     * The string Alipay signs for a request: non-empty parameters except {@code sign}, sorted by key
     * (Java {@link String} order, as the Alipay SDK sorts), {@code k=v} joined by {@code &}.
     *
     * @param params the request parameters; null or empty values are skipped.
     * @return the string to sign.
     */
    public static String stringToSign(final Map<String, String> params)
    {
        final StringBuilder builder = new StringBuilder(256);
        for (final Map.Entry<String, String> entry : new TreeMap<>(params).entrySet())
        {
            final String key = entry.getKey();
            final String value = entry.getValue();
            if (key == null || key.isEmpty() || SIGN.equals(key) || value == null || value.isEmpty())
            {
                continue;
            }
            if (builder.length() > 0)
            {
                builder.append('&');
            }
            builder.append(key).append('=').append(value);
        }
        return builder.toString();
    }

    /**
     * Sign request parameters.
     *
     * @param params     the parameters (any {@code sign} entry is ignored).
     * @param privateKey the signer's RSA private key.
     * @return the base64 signature.
     */
    public static String signParams(final Map<String, String> params, final PrivateKey privateKey)
    {
        return sign(stringToSign(params).getBytes(StandardCharsets.UTF_8), privateKey);
    }

    /**
     * Verify request parameters against their {@code sign} entry. Never throws on bad input.
     *
     * @param params    the received parameters including {@code sign}.
     * @param publicKey the signer's RSA public key.
     * @return true only if {@code sign} is present and valid.
     */
    public static boolean verifyParams(final Map<String, String> params, final PublicKey publicKey)
    {
        final String signature = params.get(SIGN);
        return verify(stringToSign(params).getBytes(StandardCharsets.UTF_8), signature, publicKey);
    }

    /**
     * Sign bytes.
     *
     * @param content    the exact bytes to sign.
     * @param privateKey the RSA private key.
     * @return the base64 signature.
     */
    public static String sign(final byte[] content, final PrivateKey privateKey)
    {
        try
        {
            final Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(content);
            return Base64.getEncoder().encodeToString(signature.sign());
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalArgumentException("privateKey.algorithm=" + privateKey.getAlgorithm() + ": cannot sign", ex);
        }
    }

    /**
     * Verify a base64 signature over bytes. Never throws on a malformed signature or key mismatch.
     *
     * @param content         the exact bytes that were signed.
     * @param base64Signature the signature as received; null, empty or not base64 gives false.
     * @param publicKey       the signer's RSA public key.
     * @return true only for a valid signature.
     */
    public static boolean verify(final byte[] content, final String base64Signature, final PublicKey publicKey)
    {
        if (base64Signature == null || base64Signature.isEmpty() || publicKey == null)
        {
            return false;
        }
        try
        {
            final byte[] raw = Base64.getDecoder().decode(base64Signature);
            final Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(content);
            return signature.verify(raw);
        }
        catch (final GeneralSecurityException | IllegalArgumentException ex)
        {
            return false;
        }
    }

    /**
     * Read a private key as Alipay's key tool writes it: base64 of PKCS#8 DER (whitespace and PEM armour tolerated).
     *
     * @param base64Pkcs8 the key text.
     * @return the RSA private key.
     */
    public static PrivateKey privateKey(final String base64Pkcs8)
    {
        try
        {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(decodeKey(base64Pkcs8)));
        }
        catch (final GeneralSecurityException | IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("privateKey.length=" + lengthOf(base64Pkcs8) + ": not a base64 PKCS#8 RSA key", ex);
        }
    }

    /**
     * Read a public key as Alipay distributes it: base64 of X.509 SubjectPublicKeyInfo DER.
     *
     * @param base64X509 the key text.
     * @return the RSA public key.
     */
    public static PublicKey publicKey(final String base64X509)
    {
        try
        {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decodeKey(base64X509)));
        }
        catch (final GeneralSecurityException | IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("publicKey.length=" + lengthOf(base64X509) + ": not a base64 X.509 RSA key", ex);
        }
    }

    private static byte[] decodeKey(final String text)
    {
        if (text == null)
        {
            throw new IllegalArgumentException("key=null");
        }
        final String body = text.replaceAll("-----(BEGIN|END)[A-Z ]*-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static int lengthOf(final String text)
    {
        return text == null ? -1 : text.length();
    }
}
