package io.hutong.connector.alipay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Client side: turns an {@link AlipayRequest} into a signed {@link AlipayWireRequest} for one merchant app.
 * Adds the system parameters ({@code app_id, method, format=JSON, charset=utf-8, sign_type=RSA2,
 * timestamp, version=1.0}), serialises {@code biz_content} as compact JSON and signs with the app's private key.
 * <p>
 * Thread-safe once built (the clock, key and mapper are shared read-only). Signing is RSA: about 1 ms.
 */
public final class AlipayRequestEncoder
{
    /** Alipay's gateway timestamp format, in China Standard Time. */
    public static final DateTimeFormatter TIMESTAMP =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    /** The one parameter that travels in the form body. */
    public static final String BIZ_CONTENT = "biz_content";

    private final String appId;
    private final PrivateKey appPrivateKey;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param appId         the merchant app id issued by Alipay (digits).
     * @param appPrivateKey the app's RSA private key (see {@link AlipaySign#privateKey(String)}).
     * @param clock         the clock for {@code timestamp}; injected so tests control time.
     */
    public AlipayRequestEncoder(final String appId, final PrivateKey appPrivateKey, final Clock clock)
    {
        if (appId == null || appId.isEmpty() || appId.length() > 32)
        {
            throw new IllegalArgumentException("appId=" + appId + ": must be 1-32 characters");
        }
        if (appPrivateKey == null || !"RSA".equals(appPrivateKey.getAlgorithm()))
        {
            throw new IllegalArgumentException("appPrivateKey=" + appPrivateKey + ": must be an RSA private key");
        }
        if (clock == null)
        {
            throw new IllegalArgumentException("clock=null");
        }
        this.appId = appId;
        this.appPrivateKey = appPrivateKey;
        this.clock = clock;
    }

    /**
     * Build, sign and URL-encode one request.
     *
     * @param request the call.
     * @return the parameters and the two wire parts.
     */
    public AlipayWireRequest encode(final AlipayRequest request)
    {
        final String bizContent;
        try
        {
            bizContent = mapper.writeValueAsString(request.bizContent());
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("method=" + request.method() + ": biz_content not serialisable", ex);
        }

        final Map<String, String> system = new TreeMap<>();
        system.put("app_id", appId);
        system.put("method", request.method());
        system.put("format", "JSON");
        system.put("charset", "utf-8");
        system.put("sign_type", "RSA2");
        system.put("timestamp", TIMESTAMP.format(clock.instant()));
        system.put("version", "1.0");

        final Map<String, String> all = new TreeMap<>(system);
        all.put(BIZ_CONTENT, bizContent);
        final String sign = AlipaySign.signParams(all, appPrivateKey);
        all.put(AlipaySign.SIGN, sign);
        system.put(AlipaySign.SIGN, sign);

        return new AlipayWireRequest(
            Collections.unmodifiableMap(all), formEncode(system), BIZ_CONTENT + '=' + urlEncode(bizContent));
    }

    /**
     * URL-encode parameters as {@code application/x-www-form-urlencoded} in UTF-8, in map order.
     *
     * @param params the parameters; null values are skipped.
     * @return the encoded text.
     */
    public static String formEncode(final Map<String, String> params)
    {
        final StringBuilder builder = new StringBuilder(256);
        for (final Map.Entry<String, String> entry : params.entrySet())
        {
            if (entry.getValue() == null)
            {
                continue;
            }
            if (builder.length() > 0)
            {
                builder.append('&');
            }
            builder.append(urlEncode(entry.getKey())).append('=').append(urlEncode(entry.getValue()));
        }
        return builder.toString();
    }

    private static String urlEncode(final String value)
    {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
