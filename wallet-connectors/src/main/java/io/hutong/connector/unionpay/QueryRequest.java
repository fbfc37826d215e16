package io.hutong.connector.unionpay;

import java.util.LinkedHashMap;

/**
 * A {@code unified.trade.query}: the state of an order, by {@code out_trade_no} or the gateway's
 * {@code transaction_id} (the gateway prefers the latter when both are sent). Validated on construction;
 * immutable and thread-safe.
 *
 * @param outTradeNo    {@code out_trade_no}, or null.
 * @param transactionId {@code transaction_id}, or null; at least one of the two is required.
 */
public record QueryRequest(String outTradeNo, String transactionId)
{
    /**
     * @throws IllegalArgumentException with a {@code name=value} message when a field is out of range.
     */
    public QueryRequest
    {
        if (null == outTradeNo && null == transactionId)
        {
            throw new IllegalArgumentException("out_trade_no=null transaction_id=null: one must be set");
        }
        if (null != outTradeNo)
        {
            UnionPayChecks.orderNo(UnionPayFields.OUT_TRADE_NO, outTradeNo);
        }
        if (null != transactionId)
        {
            UnionPayChecks.token(UnionPayFields.TRANSACTION_ID, transactionId, UnionPayChecks.MAX_ID);
        }
    }

    /**
     * @param outTradeNo the merchant order number.
     * @return a query by merchant order number (the switch always knows it, even when the pay answer was lost).
     */
    public static QueryRequest byOutTradeNo(final String outTradeNo)
    {
        return new QueryRequest(outTradeNo, null);
    }

    /**
     * @param merchant the credentials that identify and sign.
     * @param nonceStr {@code nonce_str}, at most 32 printable ASCII characters.
     * @return the signed request fields.
     */
    public LinkedHashMap<String, String> signedParameters(final UnionPayMerchant merchant, final String nonceStr)
    {
        final LinkedHashMap<String, String> params = UnionPayChecks.header(UnionPayService.QUERY, merchant);
        if (null != outTradeNo)
        {
            params.put(UnionPayFields.OUT_TRADE_NO, outTradeNo);
        }
        if (null != transactionId)
        {
            params.put(UnionPayFields.TRANSACTION_ID, transactionId);
        }
        return UnionPayChecks.signed(params, merchant, nonceStr);
    }
}
