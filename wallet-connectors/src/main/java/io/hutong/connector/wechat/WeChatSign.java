package io.hutong.connector.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The WeChat Pay v2 message signature ("安全规范", pay.weixin.qq.com/wiki/doc/api/micropay.php?chapter=4_3):
 * every parameter with a non-empty value except {@code sign}, sorted by key in ASCII order, joined as
 * {@code k=v&k=v}, then {@code &key=APIKEY}; MD5 of the UTF-8 bytes, or HMAC-SHA256 keyed with the API key,
 * as upper-case hex. Stateless and thread-safe; allocates (not for the engine thread).
 */
public final class WeChatSign
{
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private WeChatSign()
    {
    }

    /**
     * The string that is hashed: {@code k=v&...&key=APIKEY}. Exposed for tests and for logging a signature
     * mismatch (never log it in production: it holds the key).
     *
     * @param params the message fields; {@code sign} and empty values are skipped.
     * @param apiKey the merchant API key.
     * @return the string to sign.
     */
    public static String stringToSign(final Map<String, String> params, final String apiKey)
    {
        // Keys are ASCII field names, so String order is byte order. Values are trimmed before the emptiness
        // test and in the string, as the official WXPayUtil.generateSignature does; a peer that did not trim
        // would disagree only on values with edge whitespace, which no WeChat field has.
        final TreeMap<String, String> sorted = new TreeMap<>(params);
        final StringBuilder sb = new StringBuilder(256);
        for (final Map.Entry<String, String> e : sorted.entrySet())
        {
            final String key = e.getKey();
            final String value = e.getValue();
            if (WeChatFields.SIGN.equals(key) || null == value)
            {
                continue;
            }
            final String trimmed = value.trim();
            if (!trimmed.isEmpty())
            {
                sb.append(key).append('=').append(trimmed).append('&');
            }
        }
        return sb.append("key=").append(apiKey).toString();
    }

    /**
     * Computes the signature of a message.
     *
     * @param params   the message fields; {@code sign} and empty values are skipped.
     * @param signType the algorithm.
     * @param apiKey   the merchant API key.
     * @return the upper-hex signature.
     */
    public static String sign(final Map<String, String> params, final WeChatSignType signType, final String apiKey)
    {
        if (null == apiKey || apiKey.isEmpty())
        {
            throw new IllegalArgumentException("apiKey=<empty>: must be set");
        }
        final byte[] data = stringToSign(params, apiKey).getBytes(StandardCharsets.UTF_8);
        try
        {
            final byte[] digest;
            if (WeChatSignType.HMAC_SHA256 == signType)
            {
                final Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                digest = mac.doFinal(data);
            }
            else
            {
                digest = MessageDigest.getInstance("MD5").digest(data);
            }
            return upperHex(digest);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("signType=" + signType + ": algorithm not available", ex);
        }
    }

    /**
     * Checks the {@code sign} field of a message in constant time.
     *
     * @param params   the message fields including {@code sign}.
     * @param signType the algorithm the message must be signed with.
     * @param apiKey   the merchant API key.
     * @return true if {@code sign} is present and equals the computed signature.
     */
    public static boolean verify(final Map<String, String> params, final WeChatSignType signType, final String apiKey)
    {
        final String received = params.get(WeChatFields.SIGN);
        if (null == received || received.isEmpty())
        {
            return false;
        }
        final String expected = sign(params, signType, apiKey);
        return MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII), received.getBytes(StandardCharsets.US_ASCII));
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
