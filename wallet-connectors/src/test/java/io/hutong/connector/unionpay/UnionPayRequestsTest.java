package io.hutong.connector.unionpay;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;

import static io.hutong.connector.unionpay.UnionPayTestKeys.AUTH_CODE;
import static io.hutong.connector.unionpay.UnionPayTestKeys.MCH_ID;
import static io.hutong.connector.unionpay.UnionPayTestKeys.MD5_MERCHANT;
import static io.hutong.connector.unionpay.UnionPayTestKeys.NONCE;
import static io.hutong.connector.unionpay.UnionPayTestKeys.OUT_TRADE_NO;
import static io.hutong.connector.unionpay.UnionPayTestKeys.registry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnionPayRequestsTest
{
    private static UnionPayGatewayRequest roundTrip(
        final LinkedHashMap<String, String> params, final UnionPayMerchant merchant) throws UnionPayMessageException
    {
        return UnionPayGatewayRequest.parse(UnionPayXml.writeUtf8(params), registry(merchant));
    }

    @Test
    void shouldRoundTripMicropayForEverySignType() throws Exception
    {
        final MicropayRequest request =
            new MicropayRequest(OUT_TRADE_NO, "银联测试 goods", 888, "10.1.2.3", AUTH_CODE);
        for (final UnionPayMerchant merchant : UnionPayTestKeys.merchants())
        {
            final LinkedHashMap<String, String> params = request.signedParameters(merchant, NONCE);
            assertThat(params.keySet()).containsExactly("service", "version", "charset", "sign_type", "mch_id",
                "out_trade_no", "body", "total_fee", "mch_create_ip", "auth_code", "nonce_str", "sign");

            final UnionPayGatewayRequest parsed = roundTrip(params, merchant);
            assertThat(parsed.service()).isEqualTo(UnionPayService.MICROPAY);
            assertThat(parsed.signType()).isEqualTo(merchant.signType());
            assertThat(parsed.mchId()).isEqualTo(MCH_ID);
            assertThat(parsed.nonceStr()).isEqualTo(NONCE);
            assertThat(parsed.outTradeNo()).isEqualTo(OUT_TRADE_NO);
            assertThat(parsed.body()).isEqualTo("银联测试 goods");
            assertThat(parsed.totalFee()).isEqualTo(888);
            assertThat(parsed.mchCreateIp()).isEqualTo("10.1.2.3");
            assertThat(parsed.authCode()).isEqualTo(AUTH_CODE);
            assertThat(parsed.fields()).isEqualTo(params);
        }
    }

    @Test
    void shouldRoundTripQueryReverseAndRefundForEverySignType() throws Exception
    {
        for (final UnionPayMerchant merchant : UnionPayTestKeys.merchants())
        {
            final UnionPayGatewayRequest query =
                roundTrip(QueryRequest.byOutTradeNo(OUT_TRADE_NO).signedParameters(merchant, NONCE), merchant);
            assertThat(query.service()).isEqualTo(UnionPayService.QUERY);
            assertThat(query.outTradeNo()).isEqualTo(OUT_TRADE_NO);
            assertThat(query.transactionId()).isNull();

            final UnionPayGatewayRequest byTransaction = roundTrip(
                new QueryRequest(null, "100540000123").signedParameters(merchant, NONCE), merchant);
            assertThat(byTransaction.transactionId()).isEqualTo("100540000123");
            assertThat(byTransaction.outTradeNo()).isNull();

            final UnionPayGatewayRequest reverse =
                roundTrip(new ReverseRequest(OUT_TRADE_NO).signedParameters(merchant, NONCE), merchant);
            assertThat(reverse.service()).isEqualTo(UnionPayService.REVERSE);
            assertThat(reverse.outTradeNo()).isEqualTo(OUT_TRADE_NO);

            final UnionPayGatewayRequest refund = roundTrip(
                new RefundRequest(OUT_TRADE_NO, "RF20260102000001", 888, 300).signedParameters(merchant, NONCE),
                merchant);
            assertThat(refund.service()).isEqualTo(UnionPayService.REFUND);
            assertThat(refund.outRefundNo()).isEqualTo("RF20260102000001");
            assertThat(refund.totalFee()).isEqualTo(888);
            assertThat(refund.refundFee()).isEqualTo(300);
            assertThat(refund.opUserId()).isEqualTo(MCH_ID);
        }
    }

    @Test
    void shouldWriteFlatXmlWithPlainIntegersAndSignLast()
    {
        final String xml = new String(UnionPayXml.writeUtf8(
            new RefundRequest(OUT_TRADE_NO, "RF1", 888, 300).signedParameters(MD5_MERCHANT, NONCE)),
            StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<xml><service><![CDATA[unified.trade.refund]]></service>")
            .contains("<total_fee>888</total_fee>", "<refund_fee>300</refund_fee>")
            .containsPattern("<sign><!\\[CDATA\\[[0-9A-F]{32}]]></sign></xml>$");
    }

    @Test
    void shouldValidateRequestFieldsOnConstruction()
    {
        assertThatThrownBy(() -> new MicropayRequest("bad-no", "b", 1, "127.0.0.1", AUTH_CODE))
            .hasMessage("out_trade_no=bad-no: only [A-Za-z0-9_] allowed");
        assertThatThrownBy(() -> new MicropayRequest("A".repeat(33), "b", 1, "127.0.0.1", AUTH_CODE))
            .hasMessageContaining("longer than 32");
        assertThatThrownBy(() -> new MicropayRequest(OUT_TRADE_NO, " b", 1, "127.0.0.1", AUTH_CODE))
            .hasMessage("body: leading or trailing whitespace");
        assertThatThrownBy(() -> new MicropayRequest(OUT_TRADE_NO, "b".repeat(128), 1, "127.0.0.1", AUTH_CODE))
            .hasMessage("body.length=128: longer than 127");
        assertThatThrownBy(() -> new MicropayRequest(OUT_TRADE_NO, "b", 0, "127.0.0.1", AUTH_CODE))
            .hasMessage("total_fee=0: must be in 1..2147483647");
        assertThatThrownBy(() -> new MicropayRequest(OUT_TRADE_NO, "b", 1, "::1", AUTH_CODE))
            .hasMessage("mch_create_ip=::1: not a dotted IPv4 address");
        assertThatThrownBy(() -> new MicropayRequest(OUT_TRADE_NO, "b", 1, "1.2.3.256", AUTH_CODE))
            .hasMessageContaining("not a dotted IPv4 address");
        assertThatThrownBy(() -> new MicropayRequest(OUT_TRADE_NO, "b", 1, "1.2.3", AUTH_CODE))
            .hasMessageContaining("not a dotted IPv4 address");
        assertThatThrownBy(() -> new MicropayRequest(OUT_TRADE_NO, "b", 1, "127.0.0.1", "6227 0000"))
            .hasMessage("auth_code.length=9: must be 1-128 digits or base64 characters");
        assertThatThrownBy(() -> new QueryRequest(null, null))
            .hasMessage("out_trade_no=null transaction_id=null: one must be set");
        assertThatThrownBy(() -> new RefundRequest(OUT_TRADE_NO, "RF1", 100, 101))
            .hasMessage("refund_fee=101: more than total_fee=100");
        assertThatThrownBy(() -> new ReverseRequest(""))
            .hasMessage("out_trade_no=<empty>: must be set");
        assertThatThrownBy(() -> new ReverseRequest(OUT_TRADE_NO).signedParameters(MD5_MERCHANT, "with space"))
            .hasMessage("nonce_str=with space: only printable ASCII allowed");
        assertThatThrownBy(() -> new UnionPayMerchant("", UnionPayTestKeys.MD5_KEYS))
            .hasMessage("mch_id=<empty>: must be set");
    }

    @Test
    void shouldAcceptEmvCpmPayloadAsAuthCode() throws Exception
    {
        final String emv = "hQVDUFYwMWEaTwegAAAAVVVVVw8SNFZ4kBI0WNGRIgESNF8=";
        final MicropayRequest request = new MicropayRequest(OUT_TRADE_NO, "b", 1, "127.0.0.1", emv);

        assertThat(roundTrip(request.signedParameters(MD5_MERCHANT, NONCE), MD5_MERCHANT).authCode()).isEqualTo(emv);
    }

    @Test
    void shouldMaskTheConsumerCode() throws Exception
    {
        final MicropayRequest request = new MicropayRequest(OUT_TRADE_NO, "b", 1, "127.0.0.1", AUTH_CODE);
        final UnionPayGatewayRequest parsed = roundTrip(request.signedParameters(MD5_MERCHANT, NONCE), MD5_MERCHANT);

        assertThat(request.toString()).doesNotContain(AUTH_CODE).contains("authCode=622700*********8901");
        assertThat(parsed.toString()).doesNotContain(AUTH_CODE).contains("auth_code=622700*********8901");
    }
}
