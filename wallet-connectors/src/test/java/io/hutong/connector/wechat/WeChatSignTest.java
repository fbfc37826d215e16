package io.hutong.connector.wechat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeChatSignTest
{
    /** The example of WeChat's v2 "安全规范" page (pay.weixin.qq.com/wiki/doc/api/micropay.php?chapter=4_3). */
    private static final String DOC_KEY = "192006250b4c09247ec02edce69f6a2d";

    private static LinkedHashMap<String, String> docExample()
    {
        final LinkedHashMap<String, String> params = new LinkedHashMap<>();
        params.put("appid", "wxd930ea5d5a258f4f");
        params.put("mch_id", "10000100");
        params.put("device_info", "1000");
        params.put("body", "test");
        params.put("nonce_str", "ibuaiVcKdpRxkhJA");
        return params;
    }

    @Test
    void shouldBuildTheDocumentedStringToSign()
    {
        assertThat(WeChatSign.stringToSign(docExample(), DOC_KEY)).isEqualTo(
            "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA" +
            "&key=192006250b4c09247ec02edce69f6a2d");
    }

    @Test
    void shouldMatchTheDocumentedMd5Signature()
    {
        assertThat(WeChatSign.sign(docExample(), WeChatSignType.MD5, DOC_KEY))
            .isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    }

    @Test
    void shouldMatchTheDocumentedHmacSha256Signature()
    {
        // Same example, HMAC-SHA256 (also checked with `openssl dgst -sha256 -hmac`).
        assertThat(WeChatSign.sign(docExample(), WeChatSignType.HMAC_SHA256, DOC_KEY))
            .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    }

    @Test
    void shouldSkipSignAndEmptyValues()
    {
        final Map<String, String> params = docExample();
        params.put("sign", "WHATEVER");
        params.put("attach", "");
        params.put("detail", null);
        assertThat(WeChatSign.sign(params, WeChatSignType.MD5, DOC_KEY)).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    }

    @Test
    void shouldRoundTripHmacSha256()
    {
        final LinkedHashMap<String, String> params = docExample();
        params.put("body", "腾讯充值中心-QQ会员充值");
        params.put("sign", WeChatSign.sign(params, WeChatSignType.HMAC_SHA256, DOC_KEY));

        assertThat(params.get("sign")).hasSize(64).matches("[0-9A-F]+");
        assertThat(WeChatSign.verify(params, WeChatSignType.HMAC_SHA256, DOC_KEY)).isTrue();
        assertThat(WeChatSign.verify(params, WeChatSignType.MD5, DOC_KEY)).isFalse();
        assertThat(WeChatSign.verify(params, WeChatSignType.HMAC_SHA256, "another-key")).isFalse();
    }

    @Test
    void shouldRefuseTamperedOrMissingSign()
    {
        final LinkedHashMap<String, String> params = docExample();
        params.put("sign", WeChatSign.sign(params, WeChatSignType.MD5, DOC_KEY));
        assertThat(WeChatSign.verify(params, WeChatSignType.MD5, DOC_KEY)).isTrue();

        params.put("body", "test2");
        assertThat(WeChatSign.verify(params, WeChatSignType.MD5, DOC_KEY)).isFalse();

        params.remove("sign");
        assertThat(WeChatSign.verify(params, WeChatSignType.MD5, DOC_KEY)).isFalse();
    }

    @Test
    void shouldReadSignTypeWireNames()
    {
        assertThat(WeChatSignType.fromWireName(null)).isEqualTo(WeChatSignType.MD5);
        assertThat(WeChatSignType.fromWireName("")).isEqualTo(WeChatSignType.MD5);
        assertThat(WeChatSignType.fromWireName("MD5")).isEqualTo(WeChatSignType.MD5);
        assertThat(WeChatSignType.fromWireName("HMAC-SHA256")).isEqualTo(WeChatSignType.HMAC_SHA256);
        assertThat(WeChatSignType.fromWireName("RSA")).isNull();
    }
}
