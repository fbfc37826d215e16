package io.hutong.connector.unionpay;

import java.util.LinkedHashMap;

/**
 * A {@code unified.micropay.reverse}: cancel a micropay order whatever its state, refunding it if it was paid.
 * The gateway reverses by {@code out_trade_no} only. Send it again until the answer is final
 * ({@link UnionPayOutcomes#forReverse}). Validated on construction; immutable and thread-safe.
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
        UnionPayChecks.orderNo(UnionPayFields.OUT_TRADE_NO, outTradeNo);
    }

    /**
     * @param merchant the credentials that identify and sign.
     * @param nonceStr {@code nonce_str}, at most 32 printable ASCII characters.
     * @return the signed request fields.
     */
    public LinkedHashMap<String, String> signedParameters(final UnionPayMerchant merchant, final String nonceStr)
    {
        final LinkedHashMap<String, String> params = UnionPayChecks.header(UnionPayService.REVERSE, merchant);
        params.put(UnionPayFields.OUT_TRADE_NO, outTradeNo);
        return UnionPayChecks.signed(params, merchant, nonceStr);
    }
}
