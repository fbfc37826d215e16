package io.hutong.connector.unionpay;

import java.util.LinkedHashMap;

/**
 * A {@code unified.trade.micropay}: charge the consumer's scanned payment code. Validated on construction;
 * immutable and thread-safe. Building the signed parameters signs with the merchant's key (RSA ~1 ms, SM2
 * ~0.4 ms): keep it off the engine thread.
 *
 * @param outTradeNo  {@code out_trade_no}, at most 32 of {@code [A-Za-z0-9_]}; a new one for every payment code.
 * @param body        {@code body}, goods description, at most 127 characters.
 * @param totalFee    {@code total_fee} in fen, at least 1.
 * @param mchCreateIp {@code mch_create_ip}, the terminal's IPv4 address.
 * @param authCode    {@code auth_code}, the consumer code as scanned (digits, or base64 for EMV CPM).
 */
public record MicropayRequest(String outTradeNo, String body, long totalFee, String mchCreateIp, String authCode)
{
    /**
     * @throws IllegalArgumentException with a {@code name=value} message when a field is out of range (the
     *                                  consumer code is never shown, only its length).
     */
    public MicropayRequest
    {
        UnionPayChecks.orderNo(UnionPayFields.OUT_TRADE_NO, outTradeNo);
        UnionPayChecks.text(UnionPayFields.BODY, body, UnionPayChecks.MAX_BODY);
        UnionPayChecks.fee(UnionPayFields.TOTAL_FEE, totalFee);
        UnionPayChecks.ipv4(mchCreateIp);
        UnionPayChecks.authCode(authCode);
    }

    /**
     * @param merchant the credentials that identify and sign.
     * @param nonceStr {@code nonce_str}, at most 32 printable ASCII characters.
     * @return the signed request fields, {@code sign} last, ready for {@link UnionPayXml#writeUtf8}.
     */
    public LinkedHashMap<String, String> signedParameters(final UnionPayMerchant merchant, final String nonceStr)
    {
        final LinkedHashMap<String, String> params = UnionPayChecks.header(UnionPayService.MICROPAY, merchant);
        params.put(UnionPayFields.OUT_TRADE_NO, outTradeNo);
        params.put(UnionPayFields.BODY, body);
        params.put(UnionPayFields.TOTAL_FEE, Long.toString(totalFee));
        params.put(UnionPayFields.MCH_CREATE_IP, mchCreateIp);
        params.put(UnionPayFields.AUTH_CODE, authCode);
        return UnionPayChecks.signed(params, merchant, nonceStr);
    }

    @Override
    public String toString()
    {
        // auth_code is a bearer credential until it expires: at most the first 6 and last 4 characters.
        return "MicropayRequest[outTradeNo=" + outTradeNo + ", body=" + body + ", totalFee=" + totalFee +
            ", mchCreateIp=" + mchCreateIp + ", authCode=" + UnionPayChecks.mask(authCode) + "]";
    }
}
