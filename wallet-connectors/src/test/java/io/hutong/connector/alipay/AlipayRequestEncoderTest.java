package io.hutong.connector.alipay;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlipayRequestEncoderTest
{
    private final AlipayRequestEncoder encoder =
        new AlipayRequestEncoder(TestKeys.APP_ID, TestKeys.APP.getPrivate(), TestKeys.CLOCK);

    @Test
    void shouldBuildSignedPayWithSystemParamsAndCompactBizContent()
    {
        final AlipayWireRequest wire = encoder.encode(
            new AlipayRequest.Pay("HT20260102000001", "286400000000000001", 12_345, "Coffee"));

        assertThat(wire.params()).containsEntry("app_id", TestKeys.APP_ID)
            .containsEntry("method", "alipay.trade.pay")
            .containsEntry("format", "JSON")
            .containsEntry("charset", "utf-8")
            .containsEntry("sign_type", "RSA2")
            .containsEntry("timestamp", "2026-01-02 11:04:05")
            .containsEntry("version", "1.0")
            .containsEntry("biz_content", "{\"out_trade_no\":\"HT20260102000001\",\"scene\":\"bar_code\","
                + "\"auth_code\":\"286400000000000001\",\"subject\":\"Coffee\",\"total_amount\":\"123.45\"}");
        assertThat(AlipaySign.verifyParams(wire.params(), TestKeys.APP.getPublic())).isTrue();
    }

    @Test
    void shouldPutSystemParamsInQueryAndBizContentInFormBody()
    {
        final AlipayWireRequest wire = encoder.encode(new AlipayRequest.Query("HT1"));

        assertThat(wire.queryString()).startsWith("app_id=" + TestKeys.APP_ID + "&charset=utf-8&format=JSON")
            .contains("&method=alipay.trade.query&")
            .contains("&timestamp=2026-01-02+11%3A04%3A05&")
            .contains("&sign=" + URLEncoder.encode(wire.sign(), StandardCharsets.UTF_8))
            .doesNotContain("biz_content");
        assertThat(wire.formBody()).isEqualTo("biz_content=%7B%22out_trade_no%22%3A%22HT1%22%7D");
    }

    @Test
    void shouldUrlEncodeChineseSubjectAsUtf8AndSignItRaw()
    {
        final AlipayWireRequest wire = encoder.encode(
            new AlipayRequest.Pay("HT2", "286400000000000001", 1, "咖啡 & 茶"));

        assertThat(wire.params().get("biz_content")).contains("\"subject\":\"咖啡 & 茶\"", "\"total_amount\":\"0.01\"");
        assertThat(wire.formBody()).contains("%22subject%22%3A%22%E5%92%96%E5%95%A1+%26+%E8%8C%B6%22");
        assertThat(AlipaySign.stringToSign(wire.params())).contains("\"subject\":\"咖啡 & 茶\"");
    }

    @Test
    void shouldBuildCancelAndRefund()
    {
        assertThat(encoder.encode(new AlipayRequest.Cancel("HT3")).params())
            .containsEntry("method", "alipay.trade.cancel")
            .containsEntry("biz_content", "{\"out_trade_no\":\"HT3\"}");
        assertThat(encoder.encode(new AlipayRequest.Refund("HT3", 100_000, "R1")).params())
            .containsEntry("method", "alipay.trade.refund")
            .containsEntry("biz_content", "{\"out_trade_no\":\"HT3\",\"refund_amount\":\"1000.00\",\"out_request_no\":\"R1\"}");
    }

    @Test
    void shouldFormatYuanWithTwoDecimals()
    {
        assertThat(AlipayRequest.yuan(0)).isEqualTo("0.00");
        assertThat(AlipayRequest.yuan(5)).isEqualTo("0.05");
        assertThat(AlipayRequest.yuan(10)).isEqualTo("0.10");
        assertThat(AlipayRequest.yuan(100)).isEqualTo("1.00");
        assertThat(AlipayRequest.yuan(AlipayRequest.MAX_AMOUNT_FEN)).isEqualTo("100000000.00");
    }

    @Test
    void shouldRejectInvalidFieldsWithNameValueMessages()
    {
        assertThatThrownBy(() -> new AlipayRequest.Pay("HT-1", "286400000000000001", 1, "s"))
            .hasMessageStartingWith("outTradeNo=HT-1:");
        assertThatThrownBy(() -> new AlipayRequest.Pay("HT1", "2864", 1, "s"))
            .hasMessage("authCode: must be 16-24 digits");
        assertThatThrownBy(() -> new AlipayRequest.Pay("HT1", "28640000000000000A", 1, "s"))
            .hasMessage("authCode: must be 16-24 digits").message().doesNotContain("2864");
        assertThatThrownBy(() -> new AlipayRequest.Pay("HT1", "286400000000000001", 0, "s"))
            .hasMessageStartingWith("amountFen=0:");
        assertThatThrownBy(() -> new AlipayRequest.Pay("HT1", "286400000000000001", 1, " "))
            .hasMessageStartingWith("subject= :");
        assertThatThrownBy(() -> new AlipayRequest.Query("x".repeat(65)))
            .hasMessageStartingWith("outTradeNo=xxx");
        assertThatThrownBy(() -> new AlipayRequest.Refund("HT1", AlipayRequest.MAX_AMOUNT_FEN + 1, "R1"))
            .hasMessageStartingWith("refundAmountFen=10000000001:");
        assertThatThrownBy(() -> new AlipayRequest.Refund("HT1", 1, null))
            .hasMessageStartingWith("outRequestNo=null:");
        assertThatThrownBy(() -> new AlipayRequestEncoder("", TestKeys.APP.getPrivate(), TestKeys.CLOCK))
            .hasMessageStartingWith("appId=:");
    }
}
