package io.hutong.connector.wechat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WeChatRequestsTest
{
    static final WeChatMerchant MD5_MERCHANT =
        new WeChatMerchant("wx2421b1c4370ec43b", "10000100", "192006250b4c09247ec02edce69f6a2d", WeChatSignType.MD5);
    static final WeChatMerchant HMAC_MERCHANT =
        new WeChatMerchant("wx2421b1c4370ec43b", "10000100", "192006250b4c09247ec02edce69f6a2d",
            WeChatSignType.HMAC_SHA256);
    private static final String AUTH_CODE = "134567890123456789";
    private static final String NONCE = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";

    @Test
    void shouldBuildSignedMicropayWithWeChatFieldNames() throws Exception
    {
        final Map<String, String> params = new MicropayRequest("Ipad mini 16G 白色", "1217752501201407033233368018",
            888, "8.8.8.8", AUTH_CODE).signedParameters(MD5_MERCHANT, NONCE);

        assertThat(params).containsOnlyKeys("appid", "mch_id", "nonce_str", "sign_type", "body", "out_trade_no",
            "total_fee", "spbill_create_ip", "auth_code", "sign");
        assertThat(params).containsEntry("total_fee", "888").containsEntry("sign_type", "MD5")
            .containsEntry("auth_code", AUTH_CODE);
        assertThat(WeChatSign.verify(params, WeChatSignType.MD5, MD5_MERCHANT.apiKey())).isTrue();

        // What the simulator does with it: parse, then verify with the declared sign type.
        final Map<String, String> received = WeChatXml.read(WeChatXml.writeUtf8(params));
        assertThat(received).containsExactlyEntriesOf(params);
        assertThat(WeChatSign.verify(received, WeChatSignType.fromWireName(received.get("sign_type")),
            MD5_MERCHANT.apiKey())).isTrue();
    }

    @Test
    void shouldSignWithHmacWhenMerchantSaysSo()
    {
        final Map<String, String> params = OrderQueryRequest.byOutTradeNo("T1").signedParameters(HMAC_MERCHANT, NONCE);

        assertThat(params).containsEntry("sign_type", "HMAC-SHA256").containsEntry("out_trade_no", "T1")
            .doesNotContainKey("transaction_id");
        assertThat(params.get("sign")).hasSize(64);
        assertThat(WeChatSign.verify(params, WeChatSignType.HMAC_SHA256, HMAC_MERCHANT.apiKey())).isTrue();
    }

    @Test
    void shouldBuildQueryReverseAndRefund()
    {
        assertThat(new OrderQueryRequest(null, "1009660380201506130728806387").signedParameters(MD5_MERCHANT, NONCE))
            .containsEntry("transaction_id", "1009660380201506130728806387").doesNotContainKey("out_trade_no");
        assertThat(new ReverseRequest("T-1|a*b_c").signedParameters(MD5_MERCHANT, NONCE))
            .containsEntry("out_trade_no", "T-1|a*b_c").containsKey("sign");
        assertThat(new RefundRequest("T1", "R1", 1000, 250).signedParameters(MD5_MERCHANT, NONCE))
            .containsEntry("out_refund_no", "R1").containsEntry("total_fee", "1000").containsEntry("refund_fee", "250");
    }

    @Test
    void shouldRefuseBadAuthCodeWithoutEchoingIt()
    {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new MicropayRequest("b", "T1", 1, "8.8.8.8", "13456789012345678"))
            .withMessage("auth_code.length=17: must be 18 digits");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new MicropayRequest("b", "T1", 1, "8.8.8.8", "13456789012345678X"))
            .withMessage("auth_code.length=18: must be 18 digits");
    }

    @Test
    void shouldRefuseNonPositiveOrOverflowingFee()
    {
        assertThatIllegalArgumentException().isThrownBy(() -> new MicropayRequest("b", "T1", 0, "8.8.8.8", AUTH_CODE))
            .withMessageStartingWith("total_fee=0:");
        assertThatIllegalArgumentException().isThrownBy(() -> new MicropayRequest("b", "T1", -1, "8.8.8.8", AUTH_CODE))
            .withMessageStartingWith("total_fee=-1:");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new MicropayRequest("b", "T1", 1L << 31, "8.8.8.8", AUTH_CODE))
            .withMessageStartingWith("total_fee=2147483648:");
        assertThatIllegalArgumentException().isThrownBy(() -> new RefundRequest("T1", "R1", 100, 101))
            .withMessage("refund_fee=101: more than total_fee=100");
    }

    @Test
    void shouldRefuseBadOutTradeNo()
    {
        final String thirtyThree = "123456789012345678901234567890123";
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new MicropayRequest("b", thirtyThree, 1, "8.8.8.8", AUTH_CODE))
            .withMessage("out_trade_no=" + thirtyThree + ": longer than 32");
        assertThatIllegalArgumentException().isThrownBy(() -> new ReverseRequest("T 1"))
            .withMessage("out_trade_no=T 1: only [A-Za-z0-9_-|*] allowed");
        assertThatIllegalArgumentException().isThrownBy(() -> new ReverseRequest(""))
            .withMessage("out_trade_no=<empty>: must be set");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrderQueryRequest(null, null))
            .withMessageContaining("one must be set");
    }

    @Test
    void shouldRefuseBadBodyIpNonceAndMerchant()
    {
        assertThatIllegalArgumentException().isThrownBy(() -> new MicropayRequest("", "T1", 1, "8.8.8.8", AUTH_CODE))
            .withMessage("body=<empty>: must be set");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new MicropayRequest("b", "T1", 1, "localhost", AUTH_CODE))
            .withMessageStartingWith("spbill_create_ip=localhost:");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new ReverseRequest("T1").signedParameters(MD5_MERCHANT, NONCE + "X"))
            .withMessageStartingWith("nonce_str=");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new WeChatMerchant("wx1", "1", "", WeChatSignType.MD5))
            .withMessage("apiKey=<empty>: must be set");
    }

    @Test
    void shouldKeepSecretsOutOfToString()
    {
        assertThat(MD5_MERCHANT.toString()).doesNotContain(MD5_MERCHANT.apiKey()).contains("apiKey=***");
        assertThat(new MicropayRequest("b", "T1", 1, "8.8.8.8", AUTH_CODE).toString()).doesNotContain(AUTH_CODE);
    }
}
