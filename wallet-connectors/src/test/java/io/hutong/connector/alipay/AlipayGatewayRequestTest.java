package io.hutong.connector.alipay;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class AlipayGatewayRequestTest
{
    private static final Function<String, PublicKey> KEYS =
        appId -> TestKeys.APP_ID.equals(appId) ? TestKeys.APP.getPublic() : null;

    private final AlipayRequestEncoder encoder =
        new AlipayRequestEncoder(TestKeys.APP_ID, TestKeys.APP.getPrivate(), TestKeys.CLOCK);

    private static AlipayGatewayRequest.Result parse(final String query, final String body)
    {
        return AlipayGatewayRequest.parse(query, body == null ? null : body.getBytes(StandardCharsets.UTF_8), KEYS);
    }

    @Test
    void shouldParseAndVerifyWhatTheClientEncodes()
    {
        final AlipayWireRequest wire = encoder.encode(
            new AlipayRequest.Pay("HT20260102000001", "286400000000000001", 880, "咖啡 & 茶 100%"));

        final AlipayGatewayRequest.Result result = parse(wire.queryString(), wire.formBody());

        assertThat(result.isOk()).as("%s", result).isTrue();
        final AlipayGatewayRequest request = result.request();
        assertThat(request.params()).isEqualTo(wire.params());
        assertThat(request.appId()).isEqualTo(TestKeys.APP_ID);
        assertThat(request.method()).isEqualTo("alipay.trade.pay");
        assertThat(request.timestamp()).isEqualTo("2026-01-02 11:04:05");
        assertThat(request.biz("scene")).isEqualTo("bar_code");
        assertThat(request.biz("auth_code")).isEqualTo("286400000000000001");
        assertThat(request.biz("total_amount")).isEqualTo("8.80");
        assertThat(request.biz("subject")).isEqualTo("咖啡 & 茶 100%");
        assertThat(request.biz("missing")).isNull();
    }

    @Test
    void shouldAcceptEverythingInTheBodyToo()
    {
        final AlipayWireRequest wire = encoder.encode(new AlipayRequest.Query("HT1"));

        assertThat(parse(null, wire.queryString() + "&" + wire.formBody()).isOk()).isTrue();
    }

    @Test
    void shouldRefuseTamperedBizContentOrSystemParam()
    {
        final AlipayWireRequest wire = encoder.encode(new AlipayRequest.Pay("HT1", "286400000000000001", 1, "s"));

        final AlipayGatewayRequest.Result body = parse(wire.queryString(), wire.formBody().replace("0.01", "0.02"));
        assertThat(body.failure()).isEqualTo(AlipayGatewayRequest.Failure.BAD_SIGNATURE);
        assertThat(body.failure().code()).isEqualTo("40002");
        assertThat(body.failure().subCode()).isEqualTo("isv.invalid-signature");

        final AlipayGatewayRequest.Result query = parse(wire.queryString().replace("version=1.0", "version=1.1"), wire.formBody());
        assertThat(query.failure()).isEqualTo(AlipayGatewayRequest.Failure.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseSignatureFromAnotherKey()
    {
        final AlipayRequestEncoder impostor =
            new AlipayRequestEncoder(TestKeys.APP_ID, TestKeys.GATEWAY.getPrivate(), TestKeys.CLOCK);
        final AlipayWireRequest wire = impostor.encode(new AlipayRequest.Query("HT1"));

        assertThat(parse(wire.queryString(), wire.formBody()).failure())
            .isEqualTo(AlipayGatewayRequest.Failure.BAD_SIGNATURE);
    }

    @Test
    void shouldReportTypedFailures()
    {
        final AlipayWireRequest wire = encoder.encode(new AlipayRequest.Query("HT1"));
        final String query = wire.queryString();

        assertThat(parse(query.replace("app_id=" + TestKeys.APP_ID, "app_id=999"), wire.formBody()).failure())
            .isEqualTo(AlipayGatewayRequest.Failure.UNKNOWN_APP);
        assertThat(parse(query.replace("sign_type=RSA2", "sign_type=RSA"), wire.formBody()).failure())
            .isEqualTo(AlipayGatewayRequest.Failure.UNSUPPORTED_SIGN_TYPE);
        assertThat(parse(query.substring(0, query.indexOf("&sign=")), wire.formBody()).failure())
            .isEqualTo(AlipayGatewayRequest.Failure.MISSING_SIGNATURE);
        assertThat(parse("method=alipay.trade.query", wire.formBody()).failure())
            .isEqualTo(AlipayGatewayRequest.Failure.MISSING_APP_ID);
        assertThat(parse("app_id=1", null).failure()).isEqualTo(AlipayGatewayRequest.Failure.MISSING_METHOD);
        assertThat(parse(query, wire.formBody() + "&app_id=" + TestKeys.APP_ID).failure())
            .isEqualTo(AlipayGatewayRequest.Failure.MALFORMED);
        assertThat(parse(query, "biz_content=%E").failure()).isEqualTo(AlipayGatewayRequest.Failure.MALFORMED);
        assertThat(parse("a=" + "x".repeat(AlipayGatewayRequest.MAX_QUERY_LENGTH), null).failure())
            .isEqualTo(AlipayGatewayRequest.Failure.TOO_LARGE);
        assertThat(AlipayGatewayRequest.parse(query, new byte[AlipayGatewayRequest.MAX_BODY_LENGTH + 1], KEYS).failure())
            .isEqualTo(AlipayGatewayRequest.Failure.TOO_LARGE);
    }

    @Test
    void shouldRefuseSignedBizContentThatIsNotAJsonObject()
    {
        final Map<String, String> params = new TreeMap<>(encoder.encode(new AlipayRequest.Query("HT1")).params());
        params.put("biz_content", "[1,2]");
        params.put("sign", AlipaySign.signParams(params, TestKeys.APP.getPrivate()));

        final AlipayGatewayRequest.Result result = parse(AlipayRequestEncoder.formEncode(params), null);

        assertThat(result.failure()).isEqualTo(AlipayGatewayRequest.Failure.BAD_BIZ_CONTENT);
        assertThat(result.request()).isNull();
        assertThat(result.detail()).isEqualTo("biz_content=[1,2]");
    }
}
