package io.hutong.connector.unionpay;

/**
 * The field names of the UnionPay gateway-style messages (unified.trade.micropay, unified.trade.query,
 * unified.micropay.reverse, unified.trade.refund), spelled as on the wire, and the literal values this layer
 * writes or compares. Sources for each name are in docs/wallet-unionpay.md. Constants only.
 */
public final class UnionPayFields
{
    /** The operation: {@code unified.trade.micropay} and so on (one POST endpoint for all). */
    public static final String SERVICE = "service";
    /** Interface version, {@value #VERSION_2_0}. */
    public static final String VERSION = "version";
    /** Character set, {@value #CHARSET_UTF_8}. */
    public static final String CHARSET = "charset";
    /** Signature algorithm: {@code MD5}, {@code RSA_1_256} or {@code SM3WITHSM2}. */
    public static final String SIGN_TYPE = "sign_type";
    /** Merchant id assigned by the gateway. */
    public static final String MCH_ID = "mch_id";
    /** Random string, at most 32 characters. */
    public static final String NONCE_STR = "nonce_str";
    /** Message signature. */
    public static final String SIGN = "sign";
    /** Merchant order number. */
    public static final String OUT_TRADE_NO = "out_trade_no";
    /** Goods description. */
    public static final String BODY = "body";
    /** Order amount in fen, an integer. */
    public static final String TOTAL_FEE = "total_fee";
    /** The terminal's IP address ({@code mch_create_ip}, not WeChat's {@code spbill_create_ip}). */
    public static final String MCH_CREATE_IP = "mch_create_ip";
    /** The consumer's payment code as scanned. */
    public static final String AUTH_CODE = "auth_code";
    /** The gateway's transaction id. */
    public static final String TRANSACTION_ID = "transaction_id";
    /** The upstream wallet's transaction id (WeChat, Alipay, UnionPay QR), as the gateway relays it. */
    public static final String OUT_TRANSACTION_ID = "out_transaction_id";
    /** Merchant refund number. */
    public static final String OUT_REFUND_NO = "out_refund_no";
    /** Refund amount in fen, an integer. */
    public static final String REFUND_FEE = "refund_fee";
    /** Operator id of a refund; the gateway's demos send the merchant id. */
    public static final String OP_USER_ID = "op_user_id";
    /** The gateway's refund id. */
    public static final String REFUND_ID = "refund_id";
    /** Communication result: {@value #OK} means the message was received and processed. */
    public static final String STATUS = "status";
    /** Communication error text when {@code status} is not {@value #OK}. */
    public static final String MESSAGE = "message";
    /** Business result: {@value #OK} means the operation succeeded. */
    public static final String RESULT_CODE = "result_code";
    /** Business error code. */
    public static final String ERR_CODE = "err_code";
    /** Business error text. */
    public static final String ERR_MSG = "err_msg";
    /** Micropay: {@value #YES} (or absent) means "query before concluding", {@value #NO} a definite failure. */
    public static final String NEED_QUERY = "need_query";
    /** Micropay: {@value #OK} means paid, anything else not paid (yet). */
    public static final String PAY_RESULT = "pay_result";
    /** Query: the order's state (SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR). */
    public static final String TRADE_STATE = "trade_state";
    /** The upstream channel the gateway routed the payment to, e.g. {@code pay.weixin.micropay}. */
    public static final String TRADE_TYPE = "trade_type";
    /** Payment completion time, {@code yyyyMMddHHmmss} China Standard Time. */
    public static final String TIME_END = "time_end";
    /** Reverse: {@value #YES} means call reverse again (WeChat's field, relayed by some gateways). */
    public static final String RECALL = "recall";

    /** The value of {@code status}, {@code result_code} and {@code pay_result} meaning success. */
    public static final String OK = "0";
    /**
     * The {@code status} this layer writes when it refuses a message unprocessed. Any non-zero value means that;
     * the gateway's own values are not published, so this one is provisional (docs/wallet-unionpay.md).
     */
    public static final String STATUS_REFUSED = "400";
    /** The value of {@code result_code} this layer writes for a business failure (any non-zero fails). */
    public static final String RESULT_FAIL = "1";
    /** {@code need_query} and {@code recall} "yes". */
    public static final String YES = "Y";
    /** {@code need_query} "no". */
    public static final String NO = "N";
    /** The only interface version this layer writes. */
    public static final String VERSION_2_0 = "2.0";
    /** The only character set this layer writes. */
    public static final String CHARSET_UTF_8 = "UTF-8";

    private UnionPayFields()
    {
    }
}
