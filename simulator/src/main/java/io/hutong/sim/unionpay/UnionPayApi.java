package io.hutong.sim.unionpay;

import io.hutong.connector.spi.Nonces;
import io.hutong.connector.unionpay.UnionPayConnectorProvider;
import io.hutong.connector.unionpay.UnionPayFields;
import io.hutong.connector.unionpay.UnionPayGatewayRequest;
import io.hutong.connector.unionpay.UnionPayKeys;
import io.hutong.connector.unionpay.UnionPayMessageException;
import io.hutong.connector.unionpay.UnionPayResponse;
import io.hutong.connector.unionpay.UnionPayService;
import io.hutong.connector.unionpay.UnionPaySignType;
import io.hutong.connector.unionpay.UnionPayXml;
import io.hutong.sim.faults.FaultDecision;
import io.hutong.sim.faults.WalletOperation;
import io.hutong.sim.server.Responder;
import io.hutong.sim.server.SimContext;
import io.hutong.sim.server.SimRequest;
import io.hutong.sim.server.SimResponse;
import io.hutong.sim.server.WalletApi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The UnionPay gateway (the "pay/gateway" style of docs/wallet-unionpay.md) over a simulated wallet's ledger: one
 * endpoint, {@code POST <baseUrl>/pay/gateway}, the {@code service} field naming {@code unified.trade.micropay},
 * {@code unified.trade.query}, {@code unified.micropay.reverse} or {@code unified.trade.refund}, flat signed XML
 * in and out through the message layer the connector uses.
 *
 * <pre>
 *  body --UnionPayGatewayRequest.parse (XML, service, mch_id, sign_type, sign with the merchant's key, fields)
 *       refused: status=400 + message, unsigned
 *       --&gt; UnionPayOperations --&gt; Ledger --&gt; UnionPayResponse.Builder (status=0, signed with the gateway's key)
 * </pre>
 *
 * The merchant is registered with one sign type, SM3WITHSM2 unless the wallet's secrets say otherwise (see
 * {@link UnionPayGatewayKeys}); requests must use it and answers are signed with it. RSA and SM2 signatures cost
 * 0.4-1 ms, so the API then runs on the signing executor; with MD5 it runs on the event loop. Faults are drawn per
 * operation: the router reads {@code service} from the body. Thread-safe: immutable after construction.
 */
public final class UnionPayApi implements WalletApi
{
    /** The gateway's one path. */
    public static final String GATEWAY = "/pay/gateway";

    private final UnionPayGatewayKeys keys;
    private final UnionPayOperations operations;
    private final Function<String, UnionPayKeys> registry;

    /**
     * The gateway with the sign type kept in the wallet's secrets ({@code unionpay.signType}, SM3WITHSM2 on first
     * start).
     *
     * @param context the wallet.
     * @throws IllegalArgumentException if the kept sign type or a kept key is unreadable.
     */
    public UnionPayApi(final SimContext context)
    {
        this(context, UnionPayGatewayKeys.configuredSignType(context.secrets()));
    }

    /**
     * Loads or makes the merchant's enrolment for a sign type and enrols the merchant in the ledger.
     *
     * @param context  the wallet.
     * @param signType the sign type the merchant is registered with.
     */
    public UnionPayApi(final SimContext context, final UnionPaySignType signType)
    {
        this.keys = new UnionPayGatewayKeys(context.secrets(), signType);
        context.ledger().addMerchant(keys.mchId);
        this.operations = new UnionPayOperations(keys.mchId, context.ledger());
        final UnionPayKeys gateway = keys.gateway;
        final String mchId = keys.mchId;
        this.registry = (id) -> mchId.equals(id) ? gateway : null;
    }

    /**
     * @return {@link WalletOperation#PAY} for the gateway path (its main operation): the server routes with
     * {@link #operation(String, String, byte[])}, which reads the actual operation.
     */
    @Override
    public WalletOperation operation(final String path)
    {
        return GATEWAY.equals(path) ? WalletOperation.PAY : null;
    }

    /**
     * The operation the request's {@code service} names. A body that cannot be read or names no known service is
     * still served (it is refused unprocessed) and counts as a payment, the gateway's main operation.
     */
    @Override
    public WalletOperation operation(final String path, final String query, final byte[] body)
    {
        if (!GATEWAY.equals(path))
        {
            return null;
        }
        final UnionPayService service = serviceOf(body);
        if (null == service)
        {
            return WalletOperation.PAY;
        }
        switch (service)
        {
            case QUERY:
                return WalletOperation.QUERY;
            case REVERSE:
                return WalletOperation.REVERSE;
            case REFUND:
                return WalletOperation.REFUND;
            default:
                return WalletOperation.PAY;
        }
    }

    @Override
    public boolean inline()
    {
        return UnionPaySignType.MD5 == keys.signType;
    }

    @Override
    public void handle(final SimRequest request, final SimContext context, final Responder responder)
    {
        final UnionPayGatewayRequest parsed;
        try
        {
            parsed = UnionPayGatewayRequest.parse(request.body(), registry);
        }
        catch (final UnionPayMessageException ex)
        {
            // The message names the check that failed and never echoes a consumer code or a key.
            responder.respond(refused(ex.getMessage()));
            return;
        }
        final FaultDecision fault = request.fault();
        final UnionPayResponse.Builder answer = UnionPayResponse.Builder.ok(parsed.mchId(), Nonces.hex32());
        switch (parsed.service())
        {
            case MICROPAY:
                operations.micropay(parsed, answer, fault.userPayingMs(), fault.userCancels());
                break;
            case QUERY:
                operations.query(parsed, answer);
                break;
            case REVERSE:
                operations.reverse(parsed, answer);
                break;
            default:
                operations.refund(parsed, answer);
                break;
        }
        responder.respond(SimResponse.ok(SimResponse.XML, answer.toXml(fault.badSignature() ? keys.wrong : keys.gateway)));
    }

    /**
     * The gateway's "system error, query before concluding": processed ({@code status=0}, signed), failed with
     * {@code SYSTEMERROR}, and for a micropay {@code need_query=Y}. The ledger is not touched.
     */
    @Override
    public SimResponse systemError(final SimRequest request, final SimContext context)
    {
        final UnionPayResponse.Builder answer = UnionPayResponse.Builder.ok(keys.mchId, Nonces.hex32())
            .resultFail("SYSTEMERROR", "系统错误，请稍后查询订单状态");
        if (UnionPayService.MICROPAY == serviceOf(request.body()))
        {
            answer.needQuery(true);
        }
        return SimResponse.ok(SimResponse.XML, answer.toXml(keys.gateway));
    }

    /**
     * {@code gatewayUrl}, {@code mchId}, {@code signType} and the sign type's keys, exactly the settings
     * {@link UnionPayConnectorProvider} reads.
     */
    @Override
    public Map<String, Object> credentials(final String baseUrl)
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(UnionPayConnectorProvider.GATEWAY_URL, baseUrl + GATEWAY);
        fields.putAll(keys.clientFields());
        return fields;
    }

    /**
     * @return the sign type the merchant is registered with.
     */
    public UnionPaySignType signType()
    {
        return keys.signType;
    }

    /**
     * @return the merchant id the gateway enrolled.
     */
    public String mchId()
    {
        return keys.mchId;
    }

    @Override
    public String toString()
    {
        return "UnionPayApi[" + keys + "]";
    }

    private static SimResponse refused(final String message)
    {
        return SimResponse.ok(SimResponse.XML, UnionPayXml.writeUtf8(UnionPayResponse.Builder.statusFail(message)));
    }

    /**
     * The {@code service} of a body, read without trusting it (routing and the system-error answer only), or null.
     */
    private static UnionPayService serviceOf(final byte[] body)
    {
        try
        {
            return UnionPayService.fromWireName(UnionPayXml.read(body).get(UnionPayFields.SERVICE));
        }
        catch (final UnionPayMessageException ex)
        {
            return null;
        }
    }
}
