package io.hutong.connector.unionpay;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Server side (the simulated gateway): a received request, parsed and verified. The order of checks keeps an
 * unauthenticated caller from learning more than "refused": envelope, {@code service}, {@code mch_id}, the
 * merchant's registered keys, {@code sign_type} against the registered one, the signature (with the merchant's
 * key, never the gateway's), and only then the business fields of the operation.
 *
 * <pre>
 *  body --UnionPayXml.read--&gt; fields --service? mch_id? keys(mch_id)? sign_type? sign?--&gt; fields per service
 *        (size, XXE, shape)            UNKNOWN_SERVICE  UNKNOWN_MERCHANT  BAD_SIGNATURE   MISSING_/BAD_FIELD
 * </pre>
 *
 * Every refusal is a typed {@link UnionPayMessageException}; no other exception escapes for bad input. Verifying
 * costs ~40 us (RSA) or ~90 us (SM2). Instances are immutable and thread-safe; {@link #toString()} masks the
 * consumer code.
 */
public final class UnionPayGatewayRequest
{
    private final UnionPayService service;
    private final UnionPaySignType signType;
    private final Map<String, String> fields;

    private UnionPayGatewayRequest(
        final UnionPayService service, final UnionPaySignType signType, final LinkedHashMap<String, String> fields)
    {
        this.service = service;
        this.signType = signType;
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * Parses and verifies a request.
     *
     * @param body        the HTTP body.
     * @param keysByMchId the keys registered for a merchant id (gateway's own half, merchant's public half), or
     *                    null for an unknown merchant.
     * @return the verified request.
     * @throws UnionPayMessageException with the reason of the first check that failed.
     */
    public static UnionPayGatewayRequest parse(final byte[] body, final Function<String, UnionPayKeys> keysByMchId)
        throws UnionPayMessageException
    {
        final LinkedHashMap<String, String> fields = UnionPayXml.read(body);
        final String serviceName = UnionPayMessages.require(fields, UnionPayFields.SERVICE);
        final UnionPayService service = UnionPayService.fromWireName(serviceName);
        if (null == service)
        {
            throw new UnionPayMessageException(
                UnionPayMessageException.Reason.UNKNOWN_SERVICE, "service=" + UnionPayMessages.echo(serviceName));
        }
        final String mchId = UnionPayMessages.require(fields, UnionPayFields.MCH_ID);
        field(UnionPayFields.MCH_ID, () -> UnionPayChecks.token(UnionPayFields.MCH_ID, mchId, UnionPayChecks.MAX_ID));
        final UnionPayKeys keys = keysByMchId.apply(mchId);
        if (null == keys)
        {
            throw new UnionPayMessageException(UnionPayMessageException.Reason.UNKNOWN_MERCHANT, "mch_id=" + mchId);
        }
        UnionPayMessages.checkSignature(fields, keys, true);

        literal(fields, UnionPayFields.VERSION, UnionPayFields.VERSION_2_0);
        literal(fields, UnionPayFields.CHARSET, UnionPayFields.CHARSET_UTF_8);
        final String nonce = UnionPayMessages.require(fields, UnionPayFields.NONCE_STR);
        field(UnionPayFields.NONCE_STR,
            () -> UnionPayChecks.token(UnionPayFields.NONCE_STR, nonce, UnionPayChecks.MAX_ID));
        switch (service)
        {
            case MICROPAY:
                checkMicropay(fields);
                break;
            case REVERSE:
                orderNo(fields, UnionPayFields.OUT_TRADE_NO);
                break;
            case REFUND:
                checkRefund(fields);
                break;
            default:
                orderReference(fields);
                break;
        }
        return new UnionPayGatewayRequest(service, keys.signType(), fields);
    }

    /**
     * @return the operation.
     */
    public UnionPayService service()
    {
        return service;
    }

    /**
     * @return the sign type the request was verified with; answer with the same.
     */
    public UnionPaySignType signType()
    {
        return signType;
    }

    /**
     * @return {@code mch_id}.
     */
    public String mchId()
    {
        return fields.get(UnionPayFields.MCH_ID);
    }

    /**
     * @return {@code nonce_str}.
     */
    public String nonceStr()
    {
        return fields.get(UnionPayFields.NONCE_STR);
    }

    /**
     * @return {@code out_trade_no}, or null (a query or refund may name the order by {@code transaction_id}).
     */
    public String outTradeNo()
    {
        return fields.get(UnionPayFields.OUT_TRADE_NO);
    }

    /**
     * @return {@code transaction_id}, or null.
     */
    public String transactionId()
    {
        return fields.get(UnionPayFields.TRANSACTION_ID);
    }

    /**
     * @return micropay {@code body}, or null.
     */
    public String body()
    {
        return fields.get(UnionPayFields.BODY);
    }

    /**
     * @return micropay {@code auth_code}, or null. A bearer credential: never log it whole.
     */
    public String authCode()
    {
        return fields.get(UnionPayFields.AUTH_CODE);
    }

    /**
     * @return micropay {@code mch_create_ip}, or null.
     */
    public String mchCreateIp()
    {
        return fields.get(UnionPayFields.MCH_CREATE_IP);
    }

    /**
     * @return {@code total_fee} in fen (micropay, refund), or -1 when absent.
     */
    public long totalFee()
    {
        return UnionPayMessages.feeOrMinusOne(fields.get(UnionPayFields.TOTAL_FEE));
    }

    /**
     * @return refund {@code refund_fee} in fen, or -1 when absent.
     */
    public long refundFee()
    {
        return UnionPayMessages.feeOrMinusOne(fields.get(UnionPayFields.REFUND_FEE));
    }

    /**
     * @return refund {@code out_refund_no}, or null.
     */
    public String outRefundNo()
    {
        return fields.get(UnionPayFields.OUT_REFUND_NO);
    }

    /**
     * @return refund {@code op_user_id}, or null.
     */
    public String opUserId()
    {
        return fields.get(UnionPayFields.OP_USER_ID);
    }

    /**
     * @param name a field name.
     * @return the field's value, or null.
     */
    public String get(final String name)
    {
        return fields.get(name);
    }

    /**
     * @return every received field in document order, read-only (includes the consumer code).
     */
    public Map<String, String> fields()
    {
        return fields;
    }

    @Override
    public String toString()
    {
        final Map<String, String> shown = new LinkedHashMap<>(fields);
        shown.computeIfPresent(UnionPayFields.AUTH_CODE, (k, v) -> UnionPayChecks.mask(v));
        return "UnionPayGatewayRequest[service=" + service.wireName() + ", fields=" + shown + "]";
    }

    private static void checkMicropay(final Map<String, String> fields) throws UnionPayMessageException
    {
        orderNo(fields, UnionPayFields.OUT_TRADE_NO);
        final String body = UnionPayMessages.require(fields, UnionPayFields.BODY);
        field(UnionPayFields.BODY, () -> UnionPayChecks.text(UnionPayFields.BODY, body, UnionPayChecks.MAX_BODY));
        fee(fields, UnionPayFields.TOTAL_FEE);
        final String ip = UnionPayMessages.require(fields, UnionPayFields.MCH_CREATE_IP);
        field(UnionPayFields.MCH_CREATE_IP, () -> UnionPayChecks.ipv4(ip));
        final String authCode = UnionPayMessages.require(fields, UnionPayFields.AUTH_CODE);
        field(UnionPayFields.AUTH_CODE, () -> UnionPayChecks.authCode(authCode));
    }

    private static void checkRefund(final Map<String, String> fields) throws UnionPayMessageException
    {
        orderReference(fields);
        orderNo(fields, UnionPayFields.OUT_REFUND_NO);
        final long total = fee(fields, UnionPayFields.TOTAL_FEE);
        final long refund = fee(fields, UnionPayFields.REFUND_FEE);
        if (refund > total)
        {
            throw new UnionPayMessageException(UnionPayMessageException.Reason.BAD_FIELD,
                "refund_fee=" + refund + ": more than total_fee=" + total);
        }
        final String operator = fields.get(UnionPayFields.OP_USER_ID);
        if (null != operator && !operator.isEmpty())
        {
            field(UnionPayFields.OP_USER_ID,
                () -> UnionPayChecks.token(UnionPayFields.OP_USER_ID, operator, UnionPayChecks.MAX_ID));
        }
    }

    /** Query and refund name the order by out_trade_no, transaction_id or both. */
    private static void orderReference(final Map<String, String> fields) throws UnionPayMessageException
    {
        final String outTradeNo = fields.get(UnionPayFields.OUT_TRADE_NO);
        final String transactionId = fields.get(UnionPayFields.TRANSACTION_ID);
        final boolean hasOutTradeNo = null != outTradeNo && !outTradeNo.isEmpty();
        final boolean hasTransactionId = null != transactionId && !transactionId.isEmpty();
        if (!hasOutTradeNo && !hasTransactionId)
        {
            throw new UnionPayMessageException(
                UnionPayMessageException.Reason.MISSING_FIELD, "out_trade_no=<empty> transaction_id=<empty>");
        }
        if (hasOutTradeNo)
        {
            orderNo(fields, UnionPayFields.OUT_TRADE_NO);
        }
        if (hasTransactionId)
        {
            field(UnionPayFields.TRANSACTION_ID,
                () -> UnionPayChecks.token(UnionPayFields.TRANSACTION_ID, transactionId, UnionPayChecks.MAX_ID));
        }
    }

    private static void orderNo(final Map<String, String> fields, final String name) throws UnionPayMessageException
    {
        final String value = UnionPayMessages.require(fields, name);
        field(name, () -> UnionPayChecks.orderNo(name, value));
    }

    private static long fee(final Map<String, String> fields, final String name) throws UnionPayMessageException
    {
        final String value = UnionPayMessages.require(fields, name);
        final long fen = UnionPayMessages.parseFee(value);
        if (fen <= 0)
        {
            throw new UnionPayMessageException(UnionPayMessageException.Reason.BAD_FIELD,
                name + "=" + UnionPayMessages.echo(value) + ": must be an amount of at least 1 fen");
        }
        return fen;
    }

    /** An optional field that, when present, must have its one allowed value. */
    private static void literal(final Map<String, String> fields, final String name, final String allowed)
        throws UnionPayMessageException
    {
        final String value = fields.get(name);
        if (null != value && !value.isEmpty() && !allowed.equalsIgnoreCase(value))
        {
            throw new UnionPayMessageException(UnionPayMessageException.Reason.BAD_FIELD,
                name + "=" + UnionPayMessages.echo(value) + ": only " + allowed + " is supported");
        }
    }

    /** Runs a field rule, turning its IllegalArgumentException into a typed BAD_FIELD refusal. */
    private static void field(final String name, final Runnable rule) throws UnionPayMessageException
    {
        try
        {
            rule.run();
        }
        catch (final IllegalArgumentException ex)
        {
            // The rules' messages name the field and, for the consumer code, only its length.
            final String detail = null == ex.getMessage() ? name + "=invalid" : ex.getMessage();
            throw new UnionPayMessageException(UnionPayMessageException.Reason.BAD_FIELD, detail);
        }
    }
}
