package io.hutong.connector.wechat;

import java.util.LinkedHashMap;

/**
 * A WeChat Pay v2 refund ({@code secapi/pay/refund}, needs the merchant's client certificate). Validated on
 * construction; immutable and thread-safe.
 *
 * @param outTradeNo  {@code out_trade_no} of the paid order.
 * @param outRefundNo {@code out_refund_no}, at most 64 of {@code [A-Za-z0-9_-|*]}; the same number for a
 *                    resend of the same refund.
 * @param totalFee    {@code total_fee}, the order amount in fen.
 * @param refundFee   {@code refund_fee} in fen, 1 .. {@code totalFee}.
 */
public record RefundRequest(String outTradeNo, String outRefundNo, long totalFee, long refundFee)
{
    /**
     * @throws IllegalArgumentException with a {@code name=value} message when a field is out of range.
     */
    public RefundRequest
    {
        WeChatChecks.orderNo(WeChatFields.OUT_TRADE_NO, outTradeNo, WeChatChecks.MAX_OUT_TRADE_NO);
        WeChatChecks.orderNo(WeChatFields.OUT_REFUND_NO, outRefundNo, WeChatChecks.MAX_OUT_REFUND_NO);
        WeChatChecks.fee(WeChatFields.TOTAL_FEE, totalFee);
        WeChatChecks.fee(WeChatFields.REFUND_FEE, refundFee);
        if (refundFee > totalFee)
        {
            throw new IllegalArgumentException("refund_fee=" + refundFee + ": more than total_fee=" + totalFee);
        }
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
        params.put(WeChatFields.OUT_REFUND_NO, outRefundNo);
        params.put(WeChatFields.TOTAL_FEE, Long.toString(totalFee));
        params.put(WeChatFields.REFUND_FEE, Long.toString(refundFee));
        return WeChatChecks.signed(params, merchant);
    }
}
