package io.hutong.sim.alipay;

import io.hutong.connector.alipay.AlipayGatewayRequest;
import io.hutong.connector.alipay.AlipayRequest;
import io.hutong.connector.alipay.AlipayResponse;
import io.hutong.sim.faults.WalletOperation;
import io.hutong.sim.server.Responder;
import io.hutong.sim.server.SimContext;
import io.hutong.sim.server.SimRequest;
import io.hutong.sim.server.SimResponse;
import io.hutong.sim.server.WalletApi;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Alipay open-platform gateway over a simulated wallet's ledger, wire-compatible with the official Alipay Java
 * SDK: {@code POST <baseUrl>/gateway.do} serving alipay.trade.pay ({@code scene=bar_code}), alipay.trade.query,
 * alipay.trade.cancel and alipay.trade.refund, on the message layer {@code io.hutong.connector.alipay} shared with
 * the Alipay connector.
 *
 * <pre>
 *   query string (system params, sign) + form body (biz_content)
 *     --AlipayGatewayRequest.parse (merge, RSA2 verify with the app's public key)--&gt; 40001/40002 unsigned on failure
 *     --version, timestamp, charset, format, method--&gt; AlipayOperations --&gt; Ledger
 *     --AlipayResponse.writeSigned (the gateway's own key)--&gt; {"alipay_trade_x_response":{...},"sign":"..."}
 * </pre>
 *
 * Every method shares one path, so the fault plan's operation is read from the request's {@code method} parameter
 * (query string first, as the SDK sends it, else the form body). RSA signing costs about a millisecond, so the API
 * runs on the signing executor. Thread-safe: immutable after construction.
 */
public final class AlipayApi implements WalletApi
{
    /** The gateway path below the wallet's base URL (production: {@code https://openapi.alipay.com/gateway.do}). */
    public static final String GATEWAY = "/gateway.do";

    private static final String METHOD = "method";
    private static final String ERROR = "error";
    private static final String SIGN_TYPE = "RSA2";

    private final AlipayKeys keys;
    private final AlipayOperations operations;
    private final Function<String, PublicKey> appKeys;

    /**
     * Loads or makes the app's and the gateway's keys (kept in the wallet's secrets) and enrols the app's merchant.
     *
     * @param context the wallet.
     */
    public AlipayApi(final SimContext context)
    {
        this.keys = new AlipayKeys(context.secrets());
        context.ledger().addMerchant(keys.appId);
        this.operations = new AlipayOperations(context.ledger(), keys.appId, context.clock());
        final String appId = keys.appId;
        final PublicKey appPublicKey = keys.appPublicKey;
        this.appKeys = (id) -> appId.equals(id) ? appPublicKey : null;
    }

    @Override
    public WalletOperation operation(final String path)
    {
        // Without the request the method is unknown; a query is the harmless guess for drawing faults.
        return GATEWAY.equals(path) ? WalletOperation.QUERY : null;
    }

    @Override
    public WalletOperation operation(final String path, final String query, final byte[] body)
    {
        if (!GATEWAY.equals(path))
        {
            return null;
        }
        final String method = methodOf(query, body);
        switch (null == method ? "" : method)
        {
            case AlipayRequest.Pay.METHOD:
                return WalletOperation.PAY;
            case AlipayRequest.Cancel.METHOD:
                return WalletOperation.REVERSE;
            case AlipayRequest.Refund.METHOD:
                return WalletOperation.REFUND;
            default:
                // Queries, and requests that will be refused (no or unknown method): nothing moves money.
                return WalletOperation.QUERY;
        }
    }

    @Override
    public boolean inline()
    {
        return false;
    }

    @Override
    public void handle(final SimRequest request, final SimContext context, final Responder responder)
    {
        final AlipayGatewayRequest.Result parsed =
            AlipayGatewayRequest.parse(request.query(), request.body(), appKeys);
        if (!parsed.isOk())
        {
            final AlipayGatewayRequest.Failure failure = parsed.failure();
            responder.respond(rejected(methodOf(request.query(), request.body()),
                new Rejection(failure.code(), failure.subCode(), failureMessage(failure))));
            return;
        }
        final AlipayGatewayRequest gateway = parsed.request();
        final Rejection rejection = checkSystemParameters(gateway);
        if (null != rejection)
        {
            responder.respond(rejected(gateway.method(), rejection));
            return;
        }
        final Map<String, Object> fields;
        switch (gateway.method())
        {
            case AlipayRequest.Pay.METHOD:
                fields = operations.pay(gateway, request.fault().userPayingMs(), request.fault().userCancels());
                break;
            case AlipayRequest.Query.METHOD:
                fields = operations.query(gateway);
                break;
            case AlipayRequest.Cancel.METHOD:
                fields = operations.cancel(gateway);
                break;
            default:
                fields = operations.refund(gateway);
                break;
        }
        final PrivateKey key = request.fault().badSignature() ? keys.wrongPrivateKey : keys.gatewayPrivateKey;
        responder.respond(SimResponse.ok(SimResponse.JSON, AlipayResponse.writeSigned(gateway.method(), fields, key)));
    }

    @Override
    public SimResponse systemError(final SimRequest request, final SimContext context)
    {
        final String method = methodOf(request.query(), request.body());
        if (!isServed(method))
        {
            return rejected(method, new Rejection("40002", "isv.invalid-method", "不存在的方法名"));
        }
        final Map<String, Object> fields = AlipayOperations.systemError(AlipayRequest.Cancel.METHOD.equals(method));
        return SimResponse.ok(SimResponse.JSON, AlipayResponse.writeSigned(method, fields, keys.gatewayPrivateKey));
    }

    @Override
    public Map<String, Object> credentials(final String baseUrl)
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("gatewayUrl", baseUrl + GATEWAY);
        fields.put("appId", keys.appId);
        fields.put("appPrivateKey", keys.appPrivateKeyText);
        fields.put("alipayPublicKey", keys.gatewayPublicKeyText);
        fields.put("signType", SIGN_TYPE);
        return fields;
    }

    /**
     * The checks the gateway makes on system parameters after the signature: the version, a readable timestamp, and
     * only what this gateway speaks (UTF-8, JSON, the four trade methods).
     *
     * @return why the request is refused, or null.
     */
    private static Rejection checkSystemParameters(final AlipayGatewayRequest gateway)
    {
        final Map<String, String> params = gateway.params();
        final String version = params.get("version");
        if (null == version || version.isEmpty())
        {
            return new Rejection("40001", "isv.missing-version", "缺少版本参数");
        }
        if (!"1.0".equals(version))
        {
            return new Rejection("40002", "isv.invalid-version", "无效的版本参数");
        }
        final String timestamp = gateway.timestamp();
        if (null == timestamp || timestamp.isEmpty())
        {
            return new Rejection("40001", "isv.missing-timestamp", "缺少时间戳参数");
        }
        if (!AlipayWire.isTime(timestamp))
        {
            return new Rejection("40002", "isv.invalid-timestamp", "非法的时间戳参数");
        }
        // Parameters are decoded and signatures checked as UTF-8, so another charset would be misread.
        final String charset = params.get("charset");
        if (null != charset && !charset.isEmpty() && !"utf-8".equalsIgnoreCase(charset))
        {
            return new Rejection("40002", "isv.invalid-charset", "字符集错误");
        }
        final String format = params.get("format");
        if (null != format && !format.isEmpty() && !"json".equalsIgnoreCase(format))
        {
            return new Rejection("40002", "isv.invalid-format", "无效的数据格式");
        }
        if (!isServed(gateway.method()))
        {
            return new Rejection("40002", "isv.invalid-method", "不存在的方法名");
        }
        return null;
    }

    /**
     * A refusal before any business processing: unsigned, as the gateway answers before it trusts the caller, under
     * the method's response key when the method is a well-formed name, else under {@code error_response}.
     */
    private static SimResponse rejected(final String method, final Rejection rejection)
    {
        final Map<String, Object> fields = AlipayOperations.answer(rejection.code,
            "40001".equals(rejection.code) ? "Missing Required Arguments" : "Invalid Arguments");
        fields.put("sub_code", rejection.subCode);
        fields.put("sub_msg", rejection.subMsg);
        final boolean named = null != method && method.length() <= 128 && method.matches("[a-z][a-z0-9.]*");
        return SimResponse.ok(SimResponse.JSON, AlipayResponse.writeUnsigned(named ? method : ERROR, fields));
    }

    private static String failureMessage(final AlipayGatewayRequest.Failure failure)
    {
        switch (failure)
        {
            case MISSING_APP_ID:
                return "缺少AppID参数";
            case MISSING_METHOD:
                return "缺少方法名参数";
            case MISSING_SIGNATURE:
                return "缺少签名参数";
            case UNSUPPORTED_SIGN_TYPE:
                return "无效签名类型";
            case UNKNOWN_APP:
                return "无效的AppID参数";
            case BAD_SIGNATURE:
                return "验签出错";
            default:
                return "参数无效";
        }
    }

    private static boolean isServed(final String method)
    {
        return AlipayRequest.Pay.METHOD.equals(method) || AlipayRequest.Query.METHOD.equals(method) ||
            AlipayRequest.Cancel.METHOD.equals(method) || AlipayRequest.Refund.METHOD.equals(method);
    }

    /**
     * The {@code method} parameter without verifying anything (for routing and for the system-error answer): from
     * the query string, as the SDK sends it, else from the form body; null when absent or unreadable.
     */
    static String methodOf(final String query, final byte[] body)
    {
        final String fromQuery = parameter(query, METHOD);
        if (null != fromQuery)
        {
            return fromQuery;
        }
        return null == body || 0 == body.length ? null :
            parameter(new String(body, StandardCharsets.UTF_8), METHOD);
    }

    private static String parameter(final String encoded, final String name)
    {
        if (null == encoded || encoded.isEmpty())
        {
            return null;
        }
        try
        {
            final List<String> values =
                new QueryStringDecoder(encoded, StandardCharsets.UTF_8, false).parameters().get(name);
            return null == values || values.isEmpty() ? null : values.get(0);
        }
        catch (final IllegalArgumentException ex)
        {
            return null;
        }
    }

    @Override
    public String toString()
    {
        return "AlipayApi[" + keys + "]";
    }

    /**
     * A gateway-level refusal: {@code code} (40001 missing, 40002 invalid), {@code sub_code}, {@code sub_msg}.
     */
    private record Rejection(String code, String subCode, String subMsg)
    {
    }
}
