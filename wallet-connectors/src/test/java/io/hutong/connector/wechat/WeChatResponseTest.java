package io.hutong.connector.wechat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;

import static io.hutong.connector.wechat.WeChatRequestsTest.HMAC_MERCHANT;
import static io.hutong.connector.wechat.WeChatRequestsTest.MD5_MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeChatResponseTest
{
    private static WeChatResponse.Builder paid(final WeChatMerchant merchant)
    {
        return WeChatResponse.Builder.success(merchant, "sthBJ9QyUG6vkrjJ")
            .resultSuccess()
            .put("openid", "oUpF8uN95-Ptaags6E_roPHg7AG0")
            .put("trade_type", "MICROPAY")
            .put("bank_type", "CCB_DEBIT")
            .put("total_fee", 888L)
            .put("transaction_id", "1008450740201411110005820873")
            .put("out_trade_no", "1415757673")
            .put("time_end", "20141111170043");
    }

    @Test
    void shouldWriteSignedAnswerWithXmlRootAndIntegerFee()
    {
        final String xml = new String(paid(MD5_MERCHANT).toXml(WeChatSignType.MD5, MD5_MERCHANT.apiKey()),
            StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<xml><return_code><![CDATA[SUCCESS]]></return_code>")
            .contains("<total_fee>888</total_fee>")
            .contains("<result_code><![CDATA[SUCCESS]]></result_code>")
            .containsPattern("<sign><!\\[CDATA\\[[0-9A-F]{32}]]></sign></xml>$");
    }

    @Test
    void shouldParseAndVerifyMd5AndHmacAnswers() throws Exception
    {
        final WeChatResponse md5 = WeChatResponse.parse(
            paid(MD5_MERCHANT).toXml(WeChatSignType.MD5, MD5_MERCHANT.apiKey()), MD5_MERCHANT);
        final WeChatResponse hmac = WeChatResponse.parse(
            paid(HMAC_MERCHANT).toXml(WeChatSignType.HMAC_SHA256, HMAC_MERCHANT.apiKey()), HMAC_MERCHANT);

        for (final WeChatResponse response : new WeChatResponse[] {md5, hmac})
        {
            assertThat(response.isReturnSuccess()).isTrue();
            assertThat(response.isResultSuccess()).isTrue();
            assertThat(response.transactionId()).isEqualTo("1008450740201411110005820873");
            assertThat(response.get("total_fee")).isEqualTo("888");
        }
    }

    @Test
    void shouldRefuseAnswerSignedWithAnotherSignType()
    {
        final byte[] hmacSigned = paid(MD5_MERCHANT).toXml(WeChatSignType.HMAC_SHA256, MD5_MERCHANT.apiKey());

        assertFailure(hmacSigned, MD5_MERCHANT, WeChatMessageException.Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseTamperedField() throws Exception
    {
        final LinkedHashMap<String, String> answer = paid(MD5_MERCHANT).build(WeChatSignType.MD5, MD5_MERCHANT.apiKey());
        answer.put("total_fee", "1");

        assertFailure(WeChatXml.writeUtf8(answer), MD5_MERCHANT, WeChatMessageException.Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseTamperedAddedOrMissingSign()
    {
        final LinkedHashMap<String, String> answer = paid(MD5_MERCHANT).build(WeChatSignType.MD5, MD5_MERCHANT.apiKey());
        final String sign = answer.get("sign");
        answer.put("sign", (sign.charAt(0) == 'A' ? "B" : "A") + sign.substring(1));
        assertFailure(WeChatXml.writeUtf8(answer), MD5_MERCHANT, WeChatMessageException.Reason.BAD_SIGNATURE);

        answer.put("sign", sign);
        answer.put("err_code", "NOTENOUGH");
        assertFailure(WeChatXml.writeUtf8(answer), MD5_MERCHANT, WeChatMessageException.Reason.BAD_SIGNATURE);

        answer.remove("err_code");
        answer.remove("sign");
        assertFailure(WeChatXml.writeUtf8(answer), MD5_MERCHANT, WeChatMessageException.Reason.MISSING_SIGNATURE);
    }

    @Test
    void shouldRefuseWrongApiKey()
    {
        final byte[] answer = paid(MD5_MERCHANT).toXml(WeChatSignType.MD5, "some-other-key");

        assertFailure(answer, MD5_MERCHANT, WeChatMessageException.Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldAcceptUnsignedReturnFail() throws Exception
    {
        final WeChatResponse response = WeChatResponse.parse(
            WeChatXml.writeUtf8(WeChatResponse.Builder.returnFail("签名错误")), MD5_MERCHANT);

        assertThat(response.isReturnSuccess()).isFalse();
        assertThat(response.isResultSuccess()).isFalse();
        assertThat(response.returnMsg()).isEqualTo("签名错误");
    }

    @Test
    void shouldRefuseMissingReturnOrResultCode()
    {
        assertFailure("<xml><return_msg>OK</return_msg></xml>".getBytes(StandardCharsets.UTF_8), MD5_MERCHANT,
            WeChatMessageException.Reason.MISSING_FIELD);

        final byte[] noResult = WeChatResponse.Builder.success(MD5_MERCHANT, "n")
            .toXml(WeChatSignType.MD5, MD5_MERCHANT.apiKey());
        assertFailure(noResult, MD5_MERCHANT, WeChatMessageException.Reason.MISSING_FIELD);
    }

    @Test
    void shouldReadBusinessFailureFields() throws Exception
    {
        final byte[] answer = WeChatResponse.Builder.success(MD5_MERCHANT, "n")
            .resultFail("AUTH_CODE_INVALID", "付款码无效")
            .toXml(WeChatSignType.MD5, MD5_MERCHANT.apiKey());

        final WeChatResponse response = WeChatResponse.parse(answer, MD5_MERCHANT);

        assertThat(response.isReturnSuccess()).isTrue();
        assertThat(response.isResultSuccess()).isFalse();
        assertThat(response.errCode()).isEqualTo("AUTH_CODE_INVALID");
        assertThat(response.errCodeDes()).isEqualTo("付款码无效");
    }

    @Test
    void shouldReadQueryAndReverseFields() throws Exception
    {
        final WeChatResponse query = WeChatResponse.parse(WeChatResponse.Builder.success(MD5_MERCHANT, "n")
            .resultSuccess().put("trade_state", "USERPAYING").toXml(WeChatSignType.MD5, MD5_MERCHANT.apiKey()),
            MD5_MERCHANT);
        final WeChatResponse reverse = WeChatResponse.parse(WeChatResponse.Builder.success(MD5_MERCHANT, "n")
            .resultFail("SYSTEMERROR", "系统错误").put("recall", "Y")
            .toXml(WeChatSignType.MD5, MD5_MERCHANT.apiKey()), MD5_MERCHANT);

        assertThat(query.tradeState()).isEqualTo("USERPAYING");
        assertThat(reverse.recall()).isTrue();
        assertThat(query.recall()).isFalse();
    }

    private static void assertFailure(
        final byte[] body, final WeChatMerchant merchant, final WeChatMessageException.Reason reason)
    {
        assertThatThrownBy(() -> WeChatResponse.parse(body, merchant))
            .isInstanceOfSatisfying(WeChatMessageException.class, ex -> assertThat(ex.reason()).isEqualTo(reason));
    }
}
