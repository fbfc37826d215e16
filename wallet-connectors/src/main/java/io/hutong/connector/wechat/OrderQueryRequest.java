package io.hutong.connector.wechat;

import java.util.LinkedHashMap;

/**
 * A WeChat Pay v2 order query ({@code pay/orderquery}): the state of an order by {@code out_trade_no} or
 * {@code transaction_id} (WeChat prefers the latter when both are sent). Validated on construction;
 * immutable and thread-safe.
 *
 * @param outTradeNo    {@code out_trade_no}, or null.
 * @param transactionId {@code transaction_id}, or null; at least one of the two is required.
 */
public record OrderQueryRequest(String outTradeNo, String transactionId)
{
    /**
     * @throws IllegalArgumentException with a {@code name=value} message when a field is out of range.
     */
    public OrderQueryRequest
    {
        if (null == outTradeNo && null == transactionId)
        {
            throw new IllegalArgumentException("out_trade_no=null transaction_id=null: one must be set");
        }
        if (null != outTradeNo)
        {
            WeChatChecks.orderNo(WeChatFields.OUT_TRADE_NO, outTradeNo, WeChatChecks.MAX_OUT_TRADE_NO);
        }
        if (null != transactionId)
        {
            WeChatChecks.token(WeChatFields.TRANSACTION_ID, transactionId, 32);
        }
    }

    /**
     * @param outTradeNo the merchant order number.
     * @return a query by merchant order number.
     */
    public static OrderQueryRequest byOutTradeNo(final String outTradeNo)
    {
        return new OrderQueryRequest(outTradeNo, null);
    }

    /**
     * @param merchant the credentials that identify and sign.
     * @param nonceStr {@code nonce_str}, at most 32 printable ASCII characters.
     * @return the signed request fields.
     */
    public LinkedHashMap<String, String> signedParameters(final WeChatMerchant merchant, final String nonceStr)
    {
        final LinkedHashMap<String, String> params = WeChatChecks.header(merchant, nonceStr);
        if (null != transactionId)
        {
            params.put(WeChatFields.TRANSACTION_ID, transactionId);
        }
        if (null != outTradeNo)
        {
            params.put(WeChatFields.OUT_TRADE_NO, outTradeNo);
        }
        return WeChatChecks.signed(params, merchant);
    }
}
