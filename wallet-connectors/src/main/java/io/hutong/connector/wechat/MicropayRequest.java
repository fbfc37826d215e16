package io.hutong.connector.wechat;

import java.util.LinkedHashMap;

/**
 * A WeChat Pay v2 micropay ({@code pay/micropay}, pay.weixin.qq.com/wiki/doc/api/micropay.php?chapter=9_10):
 * charge the consumer's payment code. Validated on construction; immutable and thread-safe.
 *
 * @param body           {@code body}, goods description, at most 128 characters.
 * @param outTradeNo     {@code out_trade_no}, at most 32 of {@code [A-Za-z0-9_-|*]}; a new one for every
 *                       payment code.
 * @param totalFee       {@code total_fee} in fen, at least 1.
 * @param spbillCreateIp {@code spbill_create_ip}, the terminal's IP address.
 * @param authCode       {@code auth_code}, the 18-digit payment code scanned from the consumer.
 */
public record MicropayRequest(String body, String outTradeNo, long totalFee, String spbillCreateIp, String authCode)
{
    /**
     * @throws IllegalArgumentException with a {@code name=value} message when a field is out of range.
     */
    public MicropayRequest
    {
        WeChatChecks.text(WeChatFields.BODY, body, WeChatChecks.MAX_BODY);
        WeChatChecks.orderNo(WeChatFields.OUT_TRADE_NO, outTradeNo, WeChatChecks.MAX_OUT_TRADE_NO);
        WeChatChecks.fee(WeChatFields.TOTAL_FEE, totalFee);
        WeChatChecks.ip(spbillCreateIp);
        WeChatChecks.authCode(authCode);
    }

    /**
     * @param merchant the credentials that identify and sign.
     * @param nonceStr {@code nonce_str}, at most 32 printable ASCII characters.
     * @return the signed request fields, ready for {@link WeChatXml#write}.
     */
    public LinkedHashMap<String, String> signedParameters(final WeChatMerchant merchant, final String nonceStr)
    {
        final LinkedHashMap<String, String> params = WeChatChecks.header(merchant, nonceStr);
        params.put(WeChatFields.BODY, body);
        params.put(WeChatFields.OUT_TRADE_NO, outTradeNo);
        params.put(WeChatFields.TOTAL_FEE, Long.toString(totalFee));
        params.put(WeChatFields.SPBILL_CREATE_IP, spbillCreateIp);
        params.put(WeChatFields.AUTH_CODE, authCode);
        return WeChatChecks.signed(params, merchant);
    }

    @Override
    public String toString()
    {
        // auth_code is a bearer credential until it expires: keep it out of logs.
        return "MicropayRequest[body=" + body + ", outTradeNo=" + outTradeNo + ", totalFee=" + totalFee +
            ", spbillCreateIp=" + spbillCreateIp + ", authCode=***]";
    }
}
