package io.hutong.connector.unionpay;

import java.util.LinkedHashMap;

/**
 * A {@code unified.trade.refund}: return part or all of a paid order. A resend of the same refund must carry the
 * same {@code out_refund_no}, which makes it idempotent at the gateway. {@code op_user_id} is the merchant id, as
 * the gateway's demos send it. Validated on construction; immutable and thread-safe.
 *
 * @param outTradeNo  {@code out_trade_no} of the paid order.
 * @param outRefundNo {@code out_refund_no}, at most 32 of {@code [A-Za-z0-9_]}.
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
        UnionPayChecks.orderNo(UnionPayFields.OUT_TRADE_NO, outTradeNo);
        UnionPayChecks.orderNo(UnionPayFields.OUT_REFUND_NO, outRefundNo);
        UnionPayChecks.fee(UnionPayFields.TOTAL_FEE, totalFee);
        UnionPayChecks.fee(UnionPayFields.REFUND_FEE, refundFee);
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
    public LinkedHashMap<String, String> signedParameters(final UnionPayMerchant merchant, final String nonceStr)
    {
        final LinkedHashMap<String, String> params = UnionPayChecks.header(UnionPayService.REFUND, merchant);
        params.put(UnionPayFields.OUT_TRADE_NO, outTradeNo);
        params.put(UnionPayFields.OUT_REFUND_NO, outRefundNo);
        params.put(UnionPayFields.TOTAL_FEE, Long.toString(totalFee));
        params.put(UnionPayFields.REFUND_FEE, Long.toString(refundFee));
        params.put(UnionPayFields.OP_USER_ID, merchant.mchId());
        return UnionPayChecks.signed(params, merchant, nonceStr);
    }
}
