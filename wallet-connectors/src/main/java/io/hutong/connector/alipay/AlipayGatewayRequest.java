package io.hutong.connector.alipay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Server side (the simulated Alipay gateway): a received request, parsed and verified. System parameters
 * arrive in the query string and {@code biz_content} in the form body, so both are read (URL-decoded, UTF-8)
 * and merged; a parameter given twice, in either part, is refused rather than guessed at. The signature is
 * checked with the calling app's public key over every non-empty parameter except {@code sign}.
 * <p>
 * Parsing never throws on bad input: {@link #parse} returns a {@link Result} with a {@link Failure}, which
 * carries the code and {@code sub_code} the real gateway answers with. Instances are immutable and thread-safe.
 */
public final class AlipayGatewayRequest
{
    /** Largest query string accepted, in characters. */
    public static final int MAX_QUERY_LENGTH = 8 * 1024;
    /** Largest form body accepted, in bytes. */
    public static final int MAX_BODY_LENGTH = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Why a request was refused, with the gateway's answer for it. */
    public enum Failure
    {
        /** Query string or body over its bound. */
        TOO_LARGE("40002", "isv.invalid-parameter"),
        /** Not decodable as UTF-8 form encoding, or a parameter given twice. */
        MALFORMED("40002", "isv.invalid-parameter"),
        /** {@code app_id} missing. */
        MISSING_APP_ID("40001", "isv.missing-app-id"),
        /** {@code method} missing. */
        MISSING_METHOD("40001", "isv.missing-method"),
        /** {@code sign} missing. */
        MISSING_SIGNATURE("40001", "isv.missing-signature"),
        /** {@code sign_type} is not RSA2. */
        UNSUPPORTED_SIGN_TYPE("40002", "isv.invalid-signature-type"),
        /** No public key is registered for {@code app_id}. */
        UNKNOWN_APP("40002", "isv.invalid-app-id"),
        /** The signature does not verify. */
        BAD_SIGNATURE("40002", "isv.invalid-signature"),
        /** {@code biz_content} missing or not a JSON object. */
        BAD_BIZ_CONTENT("40002", "isv.invalid-parameter");

        private final String code;
        private final String subCode;

        Failure(final String code, final String subCode)
        {
            this.code = code;
            this.subCode = subCode;
        }

        /**
         * @return the gateway {@code code} to answer with (40001 missing, 40002 invalid).
         */
        public String code()
        {
            return code;
        }

        /**
         * @return the gateway {@code sub_code} to answer with.
         */
        public String subCode()
        {
            return subCode;
        }
    }

    /**
     * The outcome of {@link #parse}: exactly one of {@code request} and {@code failure} is non-null.
     *
     * @param request the verified request, or null.
     * @param failure why it was refused, or null.
     * @param detail  a {@code name=value} description of the failure for logs, or null.
     */
    public record Result(AlipayGatewayRequest request, Failure failure, String detail)
    {
        /**
         * @return true if the request parsed and verified.
         */
        public boolean isOk()
        {
            return failure == null;
        }
    }

    private final Map<String, String> params;
    private final JsonNode bizContent;

    private AlipayGatewayRequest(final Map<String, String> params, final JsonNode bizContent)
    {
        this.params = params;
        this.bizContent = bizContent;
    }

    /**
     * Parse, merge and verify a request.
     *
     * @param rawQuery the raw (still encoded) query string without {@code ?}, or null.
     * @param body     the raw form body bytes, or null.
     * @param appKeys  the public key registered for an app id, or null if the app is unknown.
     * @return the verified request or the failure.
     */
    public static Result parse(final String rawQuery, final byte[] body, final Function<String, PublicKey> appKeys)
    {
        final int queryLength = rawQuery == null ? 0 : rawQuery.length();
        final int bodyLength = body == null ? 0 : body.length;
        if (queryLength > MAX_QUERY_LENGTH || bodyLength > MAX_BODY_LENGTH)
        {
            return fail(Failure.TOO_LARGE, "queryLength=" + queryLength + ", bodyLength=" + bodyLength);
        }

        final Map<String, String> params = new TreeMap<>();
        final String duplicate;
        try
        {
            final String first = decodeInto(rawQuery, params);
            final String second = decodeInto(body == null ? null : new String(body, StandardCharsets.UTF_8), params);
            duplicate = first != null ? first : second;
        }
        catch (final IllegalArgumentException ex)
        {
            return fail(Failure.MALFORMED, "encoding=" + ex.getMessage());
        }
        if (duplicate != null)
        {
            return fail(Failure.MALFORMED, "duplicate=" + duplicate);
        }

        final String appId = params.get("app_id");
        if (isEmpty(appId))
        {
            return fail(Failure.MISSING_APP_ID, "app_id=" + appId);
        }
        if (isEmpty(params.get("method")))
        {
            return fail(Failure.MISSING_METHOD, "method=null");
        }
        if (isEmpty(params.get(AlipaySign.SIGN)))
        {
            return fail(Failure.MISSING_SIGNATURE, "sign=null");
        }
        final String signType = params.get("sign_type");
        if (!"RSA2".equals(signType))
        {
            return fail(Failure.UNSUPPORTED_SIGN_TYPE, "sign_type=" + signType);
        }
        final PublicKey key = appKeys.apply(appId);
        if (key == null)
        {
            return fail(Failure.UNKNOWN_APP, "app_id=" + appId);
        }
        if (!AlipaySign.verifyParams(params, key))
        {
            return fail(Failure.BAD_SIGNATURE, "app_id=" + appId);
        }

        final String bizText = params.get(AlipayRequestEncoder.BIZ_CONTENT);
        final JsonNode bizContent;
        try
        {
            bizContent = isEmpty(bizText) ? null : MAPPER.readTree(bizText);
        }
        catch (final IOException ex)
        {
            return fail(Failure.BAD_BIZ_CONTENT, "biz_content.length=" + bizText.length());
        }
        if (bizContent == null || !bizContent.isObject())
        {
            return fail(Failure.BAD_BIZ_CONTENT, "biz_content=" + bizText);
        }
        return new Result(new AlipayGatewayRequest(Collections.unmodifiableMap(params), bizContent), null, null);
    }

    /**
     * @return every received parameter, decoded, sorted by key (unmodifiable).
     */
    public Map<String, String> params()
    {
        return params;
    }

    /**
     * @return {@code app_id}.
     */
    public String appId()
    {
        return params.get("app_id");
    }

    /**
     * @return {@code method}, e.g. {@code alipay.trade.pay}.
     */
    public String method()
    {
        return params.get("method");
    }

    /**
     * @return {@code timestamp} as sent ({@code yyyy-MM-dd HH:mm:ss}, China Standard Time).
     */
    public String timestamp()
    {
        return params.get("timestamp");
    }

    /**
     * @return the parsed {@code biz_content} object (do not modify).
     */
    public JsonNode bizContent()
    {
        return bizContent;
    }

    /**
     * A {@code biz_content} field as text.
     *
     * @param name the field, e.g. {@code out_trade_no}.
     * @return its text, or null if absent or null.
     */
    public String biz(final String name)
    {
        final JsonNode node = bizContent.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String decodeInto(final String encoded, final Map<String, String> into)
    {
        if (encoded == null || encoded.isEmpty())
        {
            return null;
        }
        String duplicate = null;
        int start = 0;
        while (start <= encoded.length())
        {
            int end = encoded.indexOf('&', start);
            if (end < 0)
            {
                end = encoded.length();
            }
            if (end > start)
            {
                final int eq = encoded.indexOf('=', start);
                final boolean hasValue = eq >= 0 && eq < end;
                final String key = URLDecoder.decode(encoded.substring(start, hasValue ? eq : end), StandardCharsets.UTF_8);
                final String value = hasValue ? URLDecoder.decode(encoded.substring(eq + 1, end), StandardCharsets.UTF_8) : "";
                if (into.putIfAbsent(key, value) != null && duplicate == null)
                {
                    duplicate = key;
                }
            }
            start = end + 1;
        }
        return duplicate;
    }

    private static boolean isEmpty(final String value)
    {
        return value == null || value.isEmpty();
    }

    private static Result fail(final Failure failure, final String detail)
    {
        return new Result(null, failure, detail);
    }
}
