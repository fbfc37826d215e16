package io.hutong.connector.alipay;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlipayResponseTest
{
    private static final String PAY = "alipay.trade.pay";

    private static String signInner(final String inner)
    {
        return AlipaySign.sign(inner.getBytes(StandardCharsets.UTF_8), TestKeys.GATEWAY.getPrivate());
    }

    private static AlipayResponse.Result parse(final String method, final String body)
    {
        return AlipayResponse.parse(method, body.getBytes(StandardCharsets.UTF_8), TestKeys.GATEWAY.getPublic());
    }

    @Test
    void shouldRoundTripWhatTheServerWrites()
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", "10000");
        fields.put("msg", "Success");
        fields.put("trade_no", "2026010222001400000000000001");
        fields.put("out_trade_no", "HT1");
        fields.put("total_amount", "88.88");
        fields.put("buyer_logon_id", "159****5620 张");

        final byte[] body = AlipayResponse.writeSigned(PAY, fields, TestKeys.GATEWAY.getPrivate());
        final AlipayResponse.Result result =
            AlipayResponse.parse(PAY, body, TestKeys.GATEWAY.getPublic());

        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("{\"alipay_trade_pay_response\":{\"code\":\"10000\"");
        assertThat(result.isOk()).as("%s", result).isTrue();
        final AlipayResponse response = result.response();
        assertThat(response.isSigned()).isTrue();
        assertThat(response.code()).isEqualTo("10000");
        assertThat(response.msg()).isEqualTo("Success");
        assertThat(response.tradeNo()).isEqualTo("2026010222001400000000000001");
        assertThat(response.outTradeNo()).isEqualTo("HT1");
        assertThat(response.field("buyer_logon_id")).isEqualTo("159****5620 张");
        assertThat(response.subCode()).isNull();
    }

    @Test
    void shouldVerifyExactInnerTextWithUnusualWhitespaceKeyOrderEscapesAndChinese() throws Exception
    {
        final String inner = "{ \"msg\" :\"Business Failed\",\n\t\"code\":\"40004\" , \"sub_code\":\"ACQ.PAYMENT_AUTH_CODE_INVALID\","
            + "\"sub_msg\":\"\\u652f\\u4ed8\\u5931\\u8d25\\uff0c\\u83b7\\u53d6\\u987e\\u5ba2\\u8d26\\u6237\\u4fe1\\u606f\\u5931\\u8d25\","
            + " \"out_trade_no\":\"HT\\/1\", \"extra\":{\"nested\":[1, 2,{\"x\":\"}\"}]}, \"buyer\":\"张三\" }";
        final String body = "{\r\n  \"sign\" : \"" + signInner(inner) + "\",\n  \"other\":[{\"alipay_trade_pay_response\":1}],"
            + "\n  \"alipay_trade_pay_response\"   :   " + inner + "  \n}\n";

        final AlipayResponse.Result result = parse(PAY, body);

        assertThat(result.isOk()).as("%s", result).isTrue();
        final AlipayResponse response = result.response();
        assertThat(response.signedContent()).isEqualTo(inner);
        assertThat(response.code()).isEqualTo("40004");
        assertThat(response.subCode()).isEqualTo("ACQ.PAYMENT_AUTH_CODE_INVALID");
        assertThat(response.subMsg()).isEqualTo("支付失败，获取顾客账户信息失败");
        assertThat(response.outTradeNo()).isEqualTo("HT/1");
        assertThat(response.field("buyer")).isEqualTo("张三");
        // Re-serialising would have signed different text: the offsets are what make this verify.
        assertThat(new ObjectMapper().writeValueAsString(new ObjectMapper().readTree(inner))).isNotEqualTo(inner);
    }

    @Test
    void shouldFindInnerTextBeyondTheParserBufferAfterMultiByteText()
    {
        final String inner = "{\"code\":\"10003\",\"msg\":\"等待用户付款\"}";
        final String body = "{\"padding\":\"" + "支".repeat(40_000) + "\",\"alipay_trade_pay_response\":" + inner
            + ",\"sign\":\"" + signInner(inner) + "\"}";

        final AlipayResponse.Result result = parse(PAY, body);

        assertThat(result.isOk()).as("%s", result).isTrue();
        assertThat(result.response().signedContent()).isEqualTo(inner);
        assertThat(result.response().msg()).isEqualTo("等待用户付款");
    }

    @Test
    void shouldRefuseTamperedContentOrSignature()
    {
        final String inner = "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"1\",\"out_trade_no\":\"HT1\"}";
        final String sign = signInner(inner);
        final String good = "{\"alipay_trade_pay_response\":" + inner + ",\"sign\":\"" + sign + "\"}";
        assertThat(parse(PAY, good).isOk()).isTrue();

        assertThat(parse(PAY, good.replace("\"1\"", "\"2\"")).failure()).isEqualTo(AlipayResponse.Failure.BAD_SIGNATURE);
        assertThat(parse(PAY, good.replace("\"msg\":", "\"msg\" :")).failure())
            .isEqualTo(AlipayResponse.Failure.BAD_SIGNATURE);
        final String flipped = sign.substring(0, 5) + (sign.charAt(5) == 'A' ? 'B' : 'A') + sign.substring(6);
        assertThat(parse(PAY, good.replace(sign, flipped)).failure()).isEqualTo(AlipayResponse.Failure.BAD_SIGNATURE);
        assertThat(parse(PAY, good.replace(sign, "@@not-base64@@")).failure())
            .isEqualTo(AlipayResponse.Failure.BAD_SIGNATURE);
        assertThat(AlipayResponse.parse(PAY, good.getBytes(StandardCharsets.UTF_8), TestKeys.APP.getPublic()).failure())
            .isEqualTo(AlipayResponse.Failure.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseUnsignedBusinessAnswerButAcceptUnsignedGatewayRejection()
    {
        final AlipayResponse.Result unsigned = parse(PAY, "{\"alipay_trade_pay_response\":{\"code\":\"10000\",\"msg\":\"Success\"}}");
        assertThat(unsigned.failure()).isEqualTo(AlipayResponse.Failure.UNSIGNED);
        assertThat(parse(PAY, "{\"alipay_trade_pay_response\":{\"code\":\"40004\"},\"sign\":\"\"}").failure())
            .isEqualTo(AlipayResponse.Failure.UNSIGNED);

        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", "40002");
        fields.put("msg", "Invalid Arguments");
        fields.put("sub_code", "isv.invalid-signature");
        final AlipayResponse.Result rejection = AlipayResponse.parse(
            PAY, AlipayResponse.writeUnsigned(PAY, fields), TestKeys.GATEWAY.getPublic());
        assertThat(rejection.isOk()).isTrue();
        assertThat(rejection.response().isSigned()).isFalse();
        assertThat(rejection.response().subCode()).isEqualTo("isv.invalid-signature");
    }

    @Test
    void shouldReadErrorResponseAndCancelFields()
    {
        final String error = "{\"code\":\"40001\",\"msg\":\"Missing Required Arguments\",\"sub_code\":\"isv.missing-method\"}";
        assertThat(parse(PAY, "{\"error_response\":" + error + "}").response().code()).isEqualTo("40001");

        final String cancel = "{\"code\":\"10000\",\"msg\":\"Success\",\"retry_flag\":\"N\",\"action\":\"refund\"}";
        final AlipayResponse response = parse("alipay.trade.cancel",
            "{\"alipay_trade_cancel_response\":" + cancel + ",\"sign\":\"" + signInner(cancel) + "\"}").response();
        assertThat(response.retryFlag()).isEqualTo("N");
        assertThat(response.action()).isEqualTo("refund");
        assertThat(response.method()).isEqualTo("alipay.trade.cancel");
    }

    @Test
    void shouldReportMalformedAndMissingAnswers()
    {
        final String inner = "{\"code\":\"10000\"}";
        final String sign = signInner(inner);
        assertThat(parse(PAY, "not json").failure()).isEqualTo(AlipayResponse.Failure.MALFORMED);
        assertThat(parse(PAY, "[1]").failure()).isEqualTo(AlipayResponse.Failure.MALFORMED);
        assertThat(parse(PAY, "{\"alipay_trade_pay_response\":" + inner).failure()).isEqualTo(AlipayResponse.Failure.MALFORMED);
        assertThat(parse(PAY, "{\"alipay_trade_pay_response\":" + inner + ",\"alipay_trade_pay_response\":"
            + "{\"code\":\"40004\"},\"sign\":\"" + sign + "\"}").failure()).isEqualTo(AlipayResponse.Failure.MALFORMED);
        assertThat(parse(PAY, "{\"alipay_trade_pay_response\":{\"code\":\"10000\",\"code\":\"40004\"},\"sign\":\"x\"}")
            .failure()).isEqualTo(AlipayResponse.Failure.MALFORMED);
        assertThat(parse(PAY, "{\"alipay_trade_pay_response\":" + inner + ",\"sign\":1}").failure())
            .isEqualTo(AlipayResponse.Failure.MALFORMED);
        assertThat(parse(PAY, "{\"alipay_trade_pay_response\":" + inner + ",\"sign\":\"" + sign + "\"} x").failure())
            .isEqualTo(AlipayResponse.Failure.MALFORMED);
        assertThat(parse(PAY, "{\"alipay_trade_query_response\":" + inner + ",\"sign\":\"" + sign + "\"}").failure())
            .isEqualTo(AlipayResponse.Failure.MISSING_RESPONSE);
        assertThat(AlipayResponse.parse(PAY, new byte[AlipayResponse.MAX_BODY_LENGTH + 1], TestKeys.GATEWAY.getPublic())
            .failure()).isEqualTo(AlipayResponse.Failure.TOO_LARGE);
    }
}
