package io.hutong.sim.jdpay;

import io.hutong.connector.jdpay.JdPayEnvelope;
import io.hutong.connector.jdpay.JdPayKeys;
import io.hutong.connector.jdpay.JdPayMessageException;
import io.hutong.connector.jdpay.JdPayOperation;
import io.hutong.connector.jdpay.JdPayRequestCodec;
import io.hutong.connector.jdpay.JdPayResponse;
import io.hutong.connector.jdpay.JdPayResultCodes;
import io.hutong.sim.faults.WalletOperation;
import io.hutong.sim.server.Responder;
import io.hutong.sim.server.SimContext;
import io.hutong.sim.server.SimRequest;
import io.hutong.sim.server.SimResponse;
import io.hutong.sim.server.WalletApi;

import java.util.Map;

/**
 * The JD Pay V2.0 barcode-payment API over a simulated wallet's ledger (docs/wallet-jdpay.md):
 * {@code POST <baseUrl>/service/fkmPay}, {@code /service/query}, {@code /service/revoke}, {@code /service/refund}.
 *
 * <pre>
 *   body --JdPayRequestCodec.decode (envelope, merchant's keys, 3DES, verify with the merchant's public key)--&gt;
 *        refused: unsigned &lt;result&gt; with the reason's code (PARAM_ERROR, SIGN_ERROR, DECRYPT_ERROR,
 *                 MERCHANT_INVALID), as JD answers requests it does not process
 *   request --JdPayOperations--&gt; Ledger --&gt; JdPayResponse.Builder --build (sign with JD's key, 3DES)--&gt; answer
 * </pre>
 *
 * Every processed request, failures included, is answered signed and encrypted, so the connector verifies what
 * it acts on. The bad-signature fault signs with a JD key the merchant does not trust. RSA signing costs about a
 * millisecond, so the API runs on the signing executor, never on the event loop. Thread-safe: immutable after
 * construction (the operations' trade record is concurrent).
 */
public final class JdPayApi implements WalletApi
{
    /** The path prefix of every JD Pay operation. */
    public static final String PREFIX = "/service/";
    /** Content type of every answer. */
    public static final String CONTENT_TYPE = "application/xml;charset=UTF-8";

    private final JdPayWalletKeys keys;
    private final JdPayOperations operations;

    /**
     * Loads or makes the merchant's enrolment (kept in the wallet's secrets) and enrols the merchant in the ledger.
     *
     * @param context the wallet.
     */
    public JdPayApi(final SimContext context)
    {
        this.keys = new JdPayWalletKeys(context.secrets());
        context.ledger().addMerchant(keys.merchant);
        this.operations = new JdPayOperations(context.ledger(), context.clock(), keys.merchant);
    }

    @Override
    public WalletOperation operation(final String path)
    {
        final JdPayOperation operation = operationOf(path);
        if (null == operation)
        {
            return null;
        }
        switch (operation)
        {
            case FKM_PAY:
                return WalletOperation.PAY;
            case QUERY:
                return WalletOperation.QUERY;
            case REVOKE:
                return WalletOperation.REVERSE;
            default:
                return WalletOperation.REFUND;
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
        final JdPayRequestCodec.Inbound inbound;
        try
        {
            inbound = JdPayRequestCodec.decode(operationOf(request.path()), request.body(),
                (merchant) -> keys.merchant.equals(merchant) ? keys.wallet : null);
        }
        catch (final JdPayMessageException ex)
        {
            final String code = ex.reason().resultCode();
            responder.respond(answer(JdPayResponse.Builder.refusal(merchantOf(request.body()), code, describe(code))));
            return;
        }
        final JdPayKeys signing = request.fault().badSignature() ? keys.wrong() : keys.wallet;
        responder.respond(answer(operations.apply(inbound.request(), request.fault()).build(signing)));
    }

    @Override
    public SimResponse systemError(final SimRequest request, final SimContext context)
    {
        // Unsigned like every answer JD gives without processing: the connector can only read it as unknown.
        return answer(JdPayResponse.Builder.refusal(merchantOf(request.body()), JdPayResultCodes.SYSTEM_ERROR,
            describe(JdPayResultCodes.SYSTEM_ERROR)));
    }

    @Override
    public Map<String, Object> credentials(final String baseUrl)
    {
        return keys.credentials();
    }

    /**
     * JD's {@code result/desc} for a result code (JD publishes none: these are Hutong's, in JD's language).
     *
     * @param code a result code of {@link JdPayResultCodes}.
     * @return its description.
     */
    static String describe(final String code)
    {
        switch (code)
        {
            case JdPayResultCodes.SYSTEM_ERROR:
                return "系统异常，请查询交易结果";
            case JdPayResultCodes.PARAM_ERROR:
                return "参数错误";
            case JdPayResultCodes.SIGN_ERROR:
                return "验签失败";
            case JdPayResultCodes.DECRYPT_ERROR:
                return "解密失败";
            case JdPayResultCodes.MERCHANT_INVALID:
                return "商户号无效";
            case JdPayResultCodes.TOKEN_INVALID:
                return "付款码无效";
            case JdPayResultCodes.TOKEN_EXPIRED:
                return "付款码已过期";
            case JdPayResultCodes.TOKEN_USED:
                return "付款码已使用";
            case JdPayResultCodes.BALANCE_NOT_ENOUGH:
                return "余额不足";
            case JdPayResultCodes.EXCEED_LIMIT:
                return "超出支付限额";
            case JdPayResultCodes.ACCOUNT_FROZEN:
                return "账户已冻结";
            case JdPayResultCodes.TRADE_NUM_REPEAT:
                return "交易号重复";
            case JdPayResultCodes.TRADE_PAID:
                return "交易已支付";
            case JdPayResultCodes.TRADE_CLOSED:
                return "交易已关闭";
            case JdPayResultCodes.TRADE_NOT_EXIST:
                return "交易不存在";
            case JdPayResultCodes.REVOKE_NOT_ALLOWED:
                return "交易不允许撤销";
            case JdPayResultCodes.REFUND_AMOUNT_EXCEED:
                return "退款金额超过可退金额";
            case JdPayResultCodes.REFUND_NOT_ALLOWED:
                return "交易不允许退款";
            default:
                return "交易失败";
        }
    }

    private static JdPayOperation operationOf(final String path)
    {
        return path.startsWith(PREFIX) ? JdPayOperation.fromWireName(path.substring(PREFIX.length())) : null;
    }

    /**
     * The envelope's merchant, to echo in a refusal; read without trusting it (a refusal echoes only a well-formed
     * merchant number), or null when the envelope cannot be read.
     */
    private static String merchantOf(final byte[] body)
    {
        try
        {
            return JdPayEnvelope.read(body).merchant();
        }
        catch (final JdPayMessageException ex)
        {
            return null;
        }
    }

    private static SimResponse answer(final byte[] body)
    {
        return SimResponse.ok(CONTENT_TYPE, body);
    }

    @Override
    public String toString()
    {
        return "JdPayApi[merchant=" + keys.merchant + "]";
    }
}
