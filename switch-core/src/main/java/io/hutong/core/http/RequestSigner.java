package io.hutong.core.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The HTTP API's request signature (docs/http-api.md): HMAC-SHA256 with the client's secret over
 * <pre>
 *   METHOD "\n" PATH_WITH_QUERY "\n" TIMESTAMP "\n" lowercase-hex(SHA-256(body))
 * </pre>
 * sent as {@code Authorization: HUTONG-HMAC-SHA256 client=<id>,timestamp=<unix seconds>,signature=<base64>}.
 * Used by the server to verify and by clients (the load generator, tests) to sign. Stateless; thread-safe.
 */
public final class RequestSigner
{
    /** The authorization scheme name. */
    public static final String SCHEME = "HUTONG-HMAC-SHA256";

    private RequestSigner()
    {
    }

    /**
     * @param secret    the client's secret.
     * @param method    the HTTP method, upper case.
     * @param path      the path with query, as sent.
     * @param timestamp unix seconds.
     * @param body      the body bytes (empty for none).
     * @return the base64 signature.
     */
    public static String sign(
        final byte[] secret, final String method, final String path, final long timestamp, final byte[] body)
    {
        try
        {
            final MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            final String toSign = method + "\n" + path + "\n" + timestamp + "\n" + HexFormat.of().formatHex(sha256.digest(body));
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HmacSHA256 or SHA-256 unavailable", ex);
        }
    }

    /**
     * @param clientId  the client id.
     * @param secret    its secret.
     * @param method    HTTP method.
     * @param path      path with query.
     * @param timestamp unix seconds.
     * @param body      body bytes.
     * @return the full Authorization header value.
     */
    public static String authorization(
        final String clientId, final byte[] secret, final String method, final String path, final long timestamp,
        final byte[] body)
    {
        return SCHEME + " client=" + clientId + ",timestamp=" + timestamp + ",signature=" +
            sign(secret, method, path, timestamp, body);
    }

    /**
     * Constant-time comparison of two signatures.
     *
     * @param expected the computed signature.
     * @param given    the received one.
     * @return true if equal.
     */
    public static boolean matches(final String expected, final String given)
    {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
