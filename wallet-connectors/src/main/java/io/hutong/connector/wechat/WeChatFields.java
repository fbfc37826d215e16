package io.hutong.connector.wechat;

/**
 * The WeChat Pay v2 field names used by micropay, orderquery, reverse and refund, spelled as on the wire.
 * Constants only.
 */
public final class WeChatFields
{
    /** Official account / app id. */
    public static final String APPID = "appid";
    /** Merchant id. */
    public static final String MCH_ID = "mch_id";
    /** Random string, at most 32 characters. */
    public static final String NONCE_STR = "nonce_str";
    /** Message signature. */
    public static final String SIGN = "sign";
    /** Signature algorithm: {@code MD5} (default) or {@code HMAC-SHA256}. */
    public static final String SIGN_TYPE = "sign_type";
    /** Goods description. */
    public static final String BODY = "body";
    /** Merchant order number. */
    public static final String OUT_TRADE_NO = "out_trade_no";
    /** WeChat's transaction id. */
    public static final String TRANSACTION_ID = "transaction_id";
    /** Order amount in fen, an integer. */
    public static final String TOTAL_FEE = "total_fee";
    /** Terminal IP address. */
    public static final String SPBILL_CREATE_IP = "spbill_create_ip";
    /** The consumer's payment code (18 digits). */
    public static final String AUTH_CODE = "auth_code";
    /** Merchant refund number. */
    public static final String OUT_REFUND_NO = "out_refund_no";
    /** Refund amount in fen, an integer. */
    public static final String REFUND_FEE = "refund_fee";
    /** WeChat's refund id. */
    public static final String REFUND_ID = "refund_id";
    /** Communication result: {@code SUCCESS} or {@code FAIL}. */
    public static final String RETURN_CODE = "return_code";
    /** Communication error text. */
    public static final String RETURN_MSG = "return_msg";
    /** Business result: {@code SUCCESS} or {@code FAIL}. */
    public static final String RESULT_CODE = "result_code";
    /** Business error code. */
    public static final String ERR_CODE = "err_code";
    /** Business error text. */
    public static final String ERR_CODE_DES = "err_code_des";
    /** Order state in an orderquery answer. */
    public static final String TRADE_STATE = "trade_state";
    /** Reverse answer: {@code Y} means call reverse again. */
    public static final String RECALL = "recall";

    /** The literal success value of {@code return_code} and {@code result_code}. */
    public static final String SUCCESS = "SUCCESS";
    /** The literal failure value of {@code return_code} and {@code result_code}. */
    public static final String FAIL = "FAIL";

    private WeChatFields()
    {
    }
}
