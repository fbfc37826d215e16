package io.hutong.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hutong.connector.alipay.AlipayRequest;
import io.hutong.connector.alipay.AlipayRequestEncoder;
import io.hutong.connector.alipay.AlipayResponse;
import io.hutong.connector.alipay.AlipaySign;
import io.hutong.connector.alipay.AlipayWireRequest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merchant client of the simulated Alipay gateway for tests, built from the credentials file on the project's
 * own Alipay message layer: requests signed by {@link AlipayRequestEncoder}, answers verified by
 * {@link AlipayResponse#parse}; or hand-made requests for what a well-behaved client never sends.
 */
final class AlipayTestClient
{
    static final String FORM = "application/x-www-form-urlencoded;charset=utf-8";

    final String gatewayUrl;
    final String appId;
    final PrivateKey appKey;
    final PublicKey gatewayKey;
    private final TestWallets wallets;
    private final AlipayRequestEncoder encoder;

    AlipayTestClient(final TestWallets wallets) throws Exception
    {
        final JsonNode alipay = wallets.credentials().get("alipay");
        this.wallets = wallets;
        this.gatewayUrl = alipay.get("gatewayUrl").asText();
        this.appId = alipay.get("appId").asText();
        this.appKey = AlipaySign.privateKey(alipay.get("appPrivateKey").asText());
        this.gatewayKey = AlipaySign.publicKey(alipay.get("alipayPublicKey").asText());
        this.encoder = new AlipayRequestEncoder(appId, appKey, Clock.systemUTC());
    }

    /**
     * Sends a request as the connector does and returns the answer, which must verify with the gateway's key.
     */
    AlipayResponse call(final AlipayRequest request) throws Exception
    {
        final AlipayResponse.Result result = AlipayResponse.parse(request.method(), send(request).body(), gatewayKey);
        assertThat(result.isOk()).as(String.valueOf(result.detail())).isTrue();
        return result.response();
    }

    HttpResponse<byte[]> send(final AlipayRequest request) throws Exception
    {
        final AlipayWireRequest wire = encoder.encode(request);
        return wallets.post(gatewayUrl + "?" + wire.queryString(), wire.formBody().getBytes(StandardCharsets.UTF_8),
            "Content-Type", FORM);
    }

    /**
     * The system parameters a well-behaved client sends for a method, unsigned (tests change them, then sign).
     */
    Map<String, String> parameters(final String method, final String bizContent)
    {
        final Map<String, String> params = new TreeMap<>();
        params.put("app_id", appId);
        params.put("method", method);
        params.put("format", "JSON");
        params.put("charset", "utf-8");
        params.put("sign_type", "RSA2");
        params.put("timestamp", AlipayRequestEncoder.TIMESTAMP.format(Clock.systemUTC().instant()));
        params.put("version", "1.0");
        params.put(AlipayRequestEncoder.BIZ_CONTENT, bizContent);
        return params;
    }

    /**
     * Signs (unless {@code key} is null) and sends hand-made parameters: {@code biz_content} in the body, the rest in
     * the query string, or everything in the body.
     */
    HttpResponse<byte[]> sendRaw(final Map<String, String> params, final PrivateKey key, final boolean allInBody)
        throws Exception
    {
        final Map<String, String> system = new TreeMap<>(params);
        if (null != key)
        {
            system.put(AlipaySign.SIGN, AlipaySign.signParams(params, key));
        }
        final String biz = system.remove(AlipayRequestEncoder.BIZ_CONTENT);
        final Map<String, String> body = new TreeMap<>();
        if (null != biz)
        {
            body.put(AlipayRequestEncoder.BIZ_CONTENT, biz);
        }
        if (allInBody)
        {
            body.putAll(system);
            system.clear();
        }
        final String query = AlipayRequestEncoder.formEncode(system);
        return wallets.post(gatewayUrl + (query.isEmpty() ? "" : "?" + query),
            AlipayRequestEncoder.formEncode(body).getBytes(StandardCharsets.UTF_8), "Content-Type", FORM);
    }

    /**
     * Reads an answer's inner object without verifying it (for unsigned gateway rejections).
     */
    static JsonNode inner(final HttpResponse<byte[]> response, final String key) throws Exception
    {
        final JsonNode root = TestWallets.JSON.readTree(response.body());
        assertThat(root.has(key)).as(TestWallets.text(response)).isTrue();
        return root.get(key);
    }
}
