package io.hutong.connector.alipay;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlipaySignTest
{
    private static Map<String, String> fixedParams()
    {
        final Map<String, String> params = new HashMap<>();
        params.put("method", "alipay.trade.query");
        params.put("app_id", "2014072300007148");
        params.put("sign_type", "RSA2");
        params.put("charset", "utf-8");
        params.put("timestamp", "2014-07-24 03:07:50");
        params.put("version", "1.0");
        params.put("biz_content", "{\"out_trade_no\":\"T1\"}");
        params.put("notify_url", "");
        params.put("sign", "ignored");
        return params;
    }

    @Test
    void shouldBuildStringToSignSortedRawWithSignTypeAndWithoutSignOrEmpty()
    {
        assertThat(AlipaySign.stringToSign(fixedParams())).isEqualTo(
            "app_id=2014072300007148&biz_content={\"out_trade_no\":\"T1\"}&charset=utf-8"
                + "&method=alipay.trade.query&sign_type=RSA2&timestamp=2014-07-24 03:07:50&version=1.0");
    }

    @Test
    void shouldSignAsPlainSha256WithRsaOverTheUtf8StringToSign() throws Exception
    {
        final Map<String, String> params = fixedParams();
        params.put("subject", "测试");
        final String sign = AlipaySign.signParams(params, TestKeys.APP.getPrivate());

        final Signature jdk = Signature.getInstance("SHA256withRSA");
        jdk.initVerify(TestKeys.APP.getPublic());
        jdk.update(AlipaySign.stringToSign(params).getBytes(StandardCharsets.UTF_8));
        assertThat(jdk.verify(Base64.getDecoder().decode(sign))).isTrue();
    }

    @Test
    void shouldVerifyRoundTripAndRefuseTamperedParamOrSignature()
    {
        final Map<String, String> params = fixedParams();
        params.put("sign", AlipaySign.signParams(params, TestKeys.APP.getPrivate()));
        assertThat(AlipaySign.verifyParams(params, TestKeys.APP.getPublic())).isTrue();

        final Map<String, String> tamperedParam = new HashMap<>(params);
        tamperedParam.put("biz_content", "{\"out_trade_no\":\"T2\"}");
        assertThat(AlipaySign.verifyParams(tamperedParam, TestKeys.APP.getPublic())).isFalse();

        final Map<String, String> tamperedSignType = new HashMap<>(params);
        tamperedSignType.put("sign_type", "RSA");
        assertThat(AlipaySign.verifyParams(tamperedSignType, TestKeys.APP.getPublic())).isFalse();

        final String sign = params.get("sign");
        final char flipped = sign.charAt(10) == 'A' ? 'B' : 'A';
        final Map<String, String> tamperedSign = new HashMap<>(params);
        tamperedSign.put("sign", sign.substring(0, 10) + flipped + sign.substring(11));
        assertThat(AlipaySign.verifyParams(tamperedSign, TestKeys.APP.getPublic())).isFalse();

        assertThat(AlipaySign.verifyParams(params, TestKeys.GATEWAY.getPublic())).isFalse();
    }

    @Test
    void shouldReturnFalseNotThrowOnMalformedSignatures()
    {
        final byte[] content = "a=b".getBytes(StandardCharsets.UTF_8);
        final PublicKey key = TestKeys.APP.getPublic();
        assertThat(AlipaySign.verify(content, null, key)).isFalse();
        assertThat(AlipaySign.verify(content, "", key)).isFalse();
        assertThat(AlipaySign.verify(content, "not base64 !!!", key)).isFalse();
        assertThat(AlipaySign.verify(content, "AAAA", key)).isFalse();
        assertThat(AlipaySign.verify(content, AlipaySign.sign(content, TestKeys.APP.getPrivate()), null)).isFalse();
        assertThat(AlipaySign.verifyParams(Map.of("a", "b"), key)).isFalse();
    }

    @Test
    void shouldReadKeysFromAlipayStyleBase64Strings()
    {
        final String privateText = Base64.getEncoder().encodeToString(TestKeys.APP.getPrivate().getEncoded());
        final String publicText = Base64.getMimeEncoder().encodeToString(TestKeys.APP.getPublic().getEncoded());
        final PrivateKey privateKey = AlipaySign.privateKey(privateText);
        final PublicKey publicKey = AlipaySign.publicKey(
            "-----BEGIN PUBLIC KEY-----\n" + publicText + "\n-----END PUBLIC KEY-----\n");

        final byte[] content = "k=v".getBytes(StandardCharsets.UTF_8);
        assertThat(AlipaySign.verify(content, AlipaySign.sign(content, privateKey), publicKey)).isTrue();
        assertThat(AlipaySign.verify(content, AlipaySign.sign(content, privateKey), TestKeys.APP.getPublic())).isTrue();
    }

    @Test
    void shouldRejectBadKeyTextWithNameValueMessage()
    {
        assertThatThrownBy(() -> AlipaySign.privateKey("bm90IGEga2V5"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("privateKey.length=12");
        assertThatThrownBy(() -> AlipaySign.publicKey(null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("publicKey.length=-1");
    }
}
