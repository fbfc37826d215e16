package io.hutong.connector.wechat;

import java.util.LinkedHashMap;

/**
 * A WeChat Pay v2 reverse ({@code secapi/pay/reverse}, needs the merchant's client certificate): cancel a
 * micropay order, refunding it if it was paid. Call again while the answer says {@code recall=Y}.
 * Validated on construction; immutable and thread-safe.
 *
 * @param outTradeNo {@code out_trade_no} of the order to reverse.
 */
public record ReverseRequest(String outTradeNo)
{
    /**
     * @throws IllegalArgumentException with a {@code name=value} message when the order number is out of range.
     */
    public ReverseRequest
    {
        WeChatChecks.orderNo(WeChatFields.OUT_TRADE_NO, outTradeNo, WeChatChecks.MAX_OUT_TRADE_NO);
    }

    /**
     * @param merchant the credentials that identify and sign.
     * @param nonceStr {@code nonce_str}, at most 32 printable ASCII characters.
     * @return the signed request fields.
     */
    public LinkedHashMap<String, String> signedParameters(final WeChatMerchant merchant, final String nonceStr)
    {
        final LinkedHashMap<String, String> params = WeChatChecks.header(merchant, nonceStr);
        params.put(WeChatFields.OUT_TRADE_NO, outTradeNo);
        return WeChatChecks.signed(params, merchant);
    }
}
