package io.hutong.sim.wechat;

import io.hutong.connector.spi.Nonces;
import io.hutong.connector.wechat.WeChatFields;
import io.hutong.connector.wechat.WeChatMerchant;
import io.hutong.connector.wechat.WeChatMessageException;
import io.hutong.connector.wechat.WeChatResponse;
import io.hutong.connector.wechat.WeChatSign;
import io.hutong.connector.wechat.WeChatSignType;
import io.hutong.connector.wechat.WeChatXml;
import io.hutong.sim.faults.FaultDecision;
import io.hutong.sim.faults.WalletOperation;
import io.hutong.sim.server.RandomSecrets;
import io.hutong.sim.server.Responder;
import io.hutong.sim.server.SimContext;
import io.hutong.sim.server.SimRequest;
import io.hutong.sim.server.SimResponse;
import io.hutong.sim.server.WalletApi;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The WeChat Pay v2 merchant API over a simulated wallet's ledger, wire-compatible with the official SDK:
 * {@code /pay/micropay}, {@code /pay/orderquery}, {@code /secapi/pay/reverse}, {@code /secapi/pay/refund} and
 * {@code /pay/closeorder}, XML rooted at {@code <xml>} in and out, every processed answer signed with the request's
 * {@code sign_type} (pay.weixin.qq.com/wiki/doc/api/micropay.php, chapters 9_10, 9_02, 9_11, 9_4, 4_3).
 *
 * <pre>
 *   body --WeChatXml.read--&gt; fields --mch_id, sign_type, sign--&gt; return_code=FAIL (unsigned) on failure
 *        --&gt; WeChatOperations --&gt; Ledger --&gt; WeChatResponse.Builder --sign--&gt; &lt;xml&gt; answer
 * </pre>
 *
 * The request's content type is never looked at (clients send XML as text/xml, form or JSON types alike). Signing
 * is HMAC or MD5, a few microseconds, so the API runs on the event loop. Thread-safe: immutable after construction.
 */
public final class WeChatApi implements WalletApi
{
    /** Micropay path. */
    public static final String MICROPAY = "/pay/micropay";
    /** Order query path. */
    public static final String ORDER_QUERY = "/pay/orderquery";
    /** Reverse path. */
    public static final String REVERSE = "/secapi/pay/reverse";
    /** Refund path. */
    public static final String REFUND = "/secapi/pay/refund";
    /** Close order path. */
    public static final String CLOSE_ORDER = "/pay/closeorder";


    private final WeChatMerchant merchant;
    private final String wrongKey;
    private final WeChatOperations operations;

    /**
     * Loads or makes the merchant's credentials (kept in the wallet's secrets) and enrols the merchant.
     *
     * @param context the wallet.
     */
    public WeChatApi(final SimContext context)
    {
        final String appId =
            context.secrets().get("wechat.appId", () -> "wx" + RandomSecrets.alphanumeric(16).toLowerCase(Locale.ROOT));
        final String mchId = context.secrets().get("wechat.mchId", () -> "19" + RandomSecrets.digits(8));
        final String apiKey = context.secrets().get("wechat.apiKey", () -> RandomSecrets.alphanumeric(32));
        this.merchant = new WeChatMerchant(appId, mchId, apiKey, WeChatSignType.HMAC_SHA256);
        // A bad-signature fault signs with a key the merchant does not have.
        this.wrongKey = "X" + apiKey.substring(1) + "X";
        context.ledger().addMerchant(mchId);
        this.operations = new WeChatOperations(merchant, context.ledger());
    }

    @Override
    public WalletOperation operation(final String path)
    {
        switch (path)
        {
            case MICROPAY:
                return WalletOperation.PAY;
            case ORDER_QUERY:
                return WalletOperation.QUERY;
            case REVERSE:
            case CLOSE_ORDER:
                return WalletOperation.REVERSE;
            case REFUND:
                return WalletOperation.REFUND;
            default:
                return null;
        }
    }

    @Override
    public boolean inline()
    {
        return true;
    }

    @Override
    public void handle(final SimRequest request, final SimContext context, final Responder responder)
    {
        final LinkedHashMap<String, String> fields;
        try
        {
            fields = WeChatXml.read(request.body());
        }
        catch (final WeChatMessageException ex)
        {
            responder.respond(returnFail("XML格式错误"));
            return;
        }
        final String refusal = authenticate(fields);
        if (null != refusal)
        {
            responder.respond(returnFail(refusal));
            return;
        }
        final WeChatSignType signType = WeChatSignType.fromWireName(fields.get(WeChatFields.SIGN_TYPE));
        final WeChatResponse.Builder answer = WeChatResponse.Builder.success(merchant, Nonces.hex32());
        if (!merchant.appId().equals(fields.get(WeChatFields.APPID)))
        {
            answer.resultFail("APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
        }
        else
        {
            final FaultDecision fault = request.fault();
            switch (request.path())
            {
                case MICROPAY:
                    operations.micropay(fields, answer, fault.userPayingMs(), fault.userCancels());
                    break;
                case ORDER_QUERY:
                    operations.orderQuery(fields, answer);
                    break;
                case REVERSE:
                    operations.reverse(fields, answer);
                    break;
                case REFUND:
                    operations.refund(fields, answer);
                    break;
                default:
                    operations.closeOrder(fields, answer);
                    break;
            }
        }
        final String key = request.fault().badSignature() ? wrongKey : merchant.apiKey();
        responder.respond(SimResponse.ok(SimResponse.XML, answer.toXml(signType, key)));
    }

    @Override
    public SimResponse systemError(final SimRequest request, final SimContext context)
    {
        final LinkedHashMap<String, String> fields;
        try
        {
            fields = WeChatXml.read(request.body());
        }
        catch (final WeChatMessageException ex)
        {
            return returnFail("系统繁忙，请稍后再试");
        }
        final WeChatSignType signType = WeChatSignType.fromWireName(fields.get(WeChatFields.SIGN_TYPE));
        final WeChatResponse.Builder answer = WeChatResponse.Builder.success(merchant, Nonces.hex32())
            .resultFail("SYSTEMERROR", "系统超时，请立即调用被扫订单结果查询API，查询当前订单状态");
        if (REVERSE.equals(request.path()))
        {
            answer.put(WeChatFields.RECALL, "Y");
        }
        return SimResponse.ok(SimResponse.XML,
            answer.toXml(null == signType ? WeChatSignType.MD5 : signType, merchant.apiKey()));
    }

    @Override
    public Map<String, Object> credentials(final String baseUrl)
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("appId", merchant.appId());
        fields.put("mchId", merchant.mchId());
        fields.put("apiKey", merchant.apiKey());
        fields.put("signType", WeChatSignType.HMAC_SHA256.wireName());
        return fields;
    }

    /**
     * @return the merchant's WeChat credentials (tests and the throughput harness sign with them).
     */
    public WeChatMerchant merchant()
    {
        return merchant;
    }

    /**
     * @return why the request is not processed ({@code return_msg}), or null when it is authentic.
     */
    private String authenticate(final Map<String, String> fields)
    {
        if (!merchant.mchId().equals(fields.get(WeChatFields.MCH_ID)))
        {
            return "mch_id参数格式错误";
        }
        final WeChatSignType signType = WeChatSignType.fromWireName(fields.get(WeChatFields.SIGN_TYPE));
        if (null == signType)
        {
            return "sign_type参数格式错误";
        }
        if (!WeChatSign.verify(fields, signType, merchant.apiKey()))
        {
            return "签名错误";
        }
        final String nonce = fields.get(WeChatFields.NONCE_STR);
        if (null == nonce || nonce.isEmpty() || nonce.length() > 32)
        {
            return "nonce_str参数格式错误";
        }
        return null;
    }

    private static SimResponse returnFail(final String returnMsg)
    {
        return SimResponse.ok(SimResponse.XML, WeChatXml.writeUtf8(WeChatResponse.Builder.returnFail(returnMsg)));
    }
}
