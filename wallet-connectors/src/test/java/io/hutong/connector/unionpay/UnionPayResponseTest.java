package io.hutong.connector.unionpay;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;

import static io.hutong.connector.unionpay.UnionPayTestKeys.GATEWAY_RSA_KEYS;
import static io.hutong.connector.unionpay.UnionPayTestKeys.MCH_ID;
import static io.hutong.connector.unionpay.UnionPayTestKeys.MD5_KEYS;
import static io.hutong.connector.unionpay.UnionPayTestKeys.MD5_MERCHANT;
import static io.hutong.connector.unionpay.UnionPayTestKeys.MERCHANT_RSA_KEYS;
import static io.hutong.connector.unionpay.UnionPayTestKeys.OUT_TRADE_NO;
import static io.hutong.connector.unionpay.UnionPayTestKeys.RSA_MERCHANT;
import static io.hutong.connector.unionpay.UnionPayTestKeys.gatewayKeysFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UnionPayResponseTest
{
    /** A paid micropay answer as the gateway writes it. */
    static UnionPayResponse.Builder paid()
    {
        return UnionPayResponse.Builder.ok(MCH_ID, "sthBJ9QyUG6vkrjJ")
            .resultOk()
            .put("pay_result", "0")
            .put("trade_type", "pay.unionpay.micropay")
            .put("transaction_id", "755437000006201601011234567")
            .put("out_transaction_id", "4200000001201601011234567890")
            .put("out_trade_no", OUT_TRADE_NO)
            .put("total_fee", 888L)
            .put("time_end", "20260102110405");
    }

    private static UnionPayMessageException refusal(final byte[] body, final UnionPayMerchant merchant)
    {
        return catchThrowableOfType(
            () -> UnionPayResponse.parse(body, merchant, OUT_TRADE_NO), UnionPayMessageException.class);
    }

    @Test
    void shouldRoundTripSignedAnswersForEverySignType() throws Exception
    {
        for (final UnionPayMerchant merchant : UnionPayTestKeys.merchants())
        {
            final byte[] xml = paid().toXml(gatewayKeysFor(merchant));
            final UnionPayResponse response = UnionPayResponse.parse(xml, merchant, OUT_TRADE_NO);

            assertThat(response.isStatusOk()).isTrue();
            assertThat(response.isResultOk()).isTrue();
            assertThat(response.status()).isEqualTo("0");
            assertThat(response.resultCode()).isEqualTo("0");
            assertThat(response.payResult()).isEqualTo("0");
            assertThat(response.transactionId()).isEqualTo("755437000006201601011234567");
            assertThat(response.outTransactionId()).isEqualTo("4200000001201601011234567890");
            assertThat(response.outTradeNo()).isEqualTo(OUT_TRADE_NO);
            assertThat(response.totalFee()).isEqualTo(888);
            assertThat(response.refundFee()).isEqualTo(-1);
            assertThat(response.needQuery()).isNull();
            assertThat(response.get("sign_type")).isEqualTo(merchant.signType().wireName());
            assertThat(response.get("time_end")).isEqualTo("20260102110405");
        }
    }

    @Test
    void shouldRoundTripFailureQueryAndRefundAnswers() throws Exception
    {
        final byte[] userPaying = UnionPayResponse.Builder.ok(MCH_ID, "n1")
            .resultFail("USERPAYING", "需要用户输入支付密码").needQuery(true).toXml(MD5_KEYS);
        final UnionPayResponse fail = UnionPayResponse.parse(userPaying, MD5_MERCHANT, OUT_TRADE_NO);
        assertThat(fail.isResultOk()).isFalse();
        assertThat(fail.resultCode()).isEqualTo("1");
        assertThat(fail.errCode()).isEqualTo("USERPAYING");
        assertThat(fail.errMsg()).isEqualTo("需要用户输入支付密码");
        assertThat(fail.needQuery()).isEqualTo("Y");

        final UnionPayResponse query = UnionPayResponse.parse(UnionPayResponse.Builder.ok(MCH_ID, "n2").resultOk()
            .put("trade_state", "REFUND").put("out_trade_no", OUT_TRADE_NO).toXml(MD5_KEYS), MD5_MERCHANT, null);
        assertThat(query.tradeState()).isEqualTo("REFUND");

        final UnionPayResponse refund = UnionPayResponse.parse(UnionPayResponse.Builder.ok(MCH_ID, "n3").resultOk()
            .put("out_refund_no", "RF1").put("refund_id", "RID1").put("refund_fee", 300L).toXml(GATEWAY_RSA_KEYS),
            RSA_MERCHANT, OUT_TRADE_NO);
        assertThat(refund.outRefundNo()).isEqualTo("RF1");
        assertThat(refund.refundId()).isEqualTo("RID1");
        assertThat(refund.refundFee()).isEqualTo(300);

        final UnionPayResponse recall = UnionPayResponse.parse(UnionPayResponse.Builder.ok(MCH_ID, "n4")
            .resultFail("SYSTEMERROR", "retry").put("recall", "Y").toXml(MD5_KEYS), MD5_MERCHANT, OUT_TRADE_NO);
        assertThat(recall.recall()).isTrue();
    }

    @Test
    void shouldWriteIntegersPlainOmitEmptyFieldsAndSignLast()
    {
        final String xml = new String(paid().put("attach", "").put("device_info", null).toXml(MD5_KEYS),
            StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<xml><status>0</status><version><![CDATA[2.0]]></version>")
            .contains("<total_fee>888</total_fee>", "<result_code>0</result_code>",
                "<sign_type><![CDATA[MD5]]></sign_type>")
            .doesNotContain("attach", "device_info")
            .containsPattern("<sign><!\\[CDATA\\[[0-9A-F]{32}]]></sign></xml>$");
        assertThatThrownBy(() -> paid().put("body", "trailing "))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("body: leading or trailing whitespace");
    }

    @Test
    void shouldAcceptUnsignedStatusFailureButTrustNothingInIt() throws Exception
    {
        final byte[] xml = UnionPayXml.writeUtf8(UnionPayResponse.Builder.statusFail("签名错误"));
        final UnionPayResponse response = UnionPayResponse.parse(xml, RSA_MERCHANT, OUT_TRADE_NO);

        assertThat(response.isStatusOk()).isFalse();
        assertThat(response.isResultOk()).isFalse();
        assertThat(response.status()).isEqualTo(UnionPayFields.STATUS_REFUSED);
        assertThat(response.message()).isEqualTo("签名错误");
    }

    @Test
    void shouldRefuseUnsignedOrTamperedAnswersForEverySignType()
    {
        for (final UnionPayMerchant merchant : UnionPayTestKeys.merchants())
        {
            final LinkedHashMap<String, String> unsigned = paid().build(gatewayKeysFor(merchant));
            unsigned.remove("sign");
            assertThat(refusal(UnionPayXml.writeUtf8(unsigned), merchant).reason()).as(merchant.signType() + "")
                .isEqualTo(UnionPayMessageException.Reason.MISSING_SIGNATURE);

            final LinkedHashMap<String, String> tampered = paid().build(gatewayKeysFor(merchant));
            tampered.put("pay_result", "1");
            assertThat(refusal(UnionPayXml.writeUtf8(tampered), merchant).reason()).as(merchant.signType() + "")
                .isEqualTo(UnionPayMessageException.Reason.BAD_SIGNATURE);

            final LinkedHashMap<String, String> dropped = paid().build(gatewayKeysFor(merchant));
            dropped.remove("transaction_id");
            assertThat(refusal(UnionPayXml.writeUtf8(dropped), merchant).reason()).as(merchant.signType() + "")
                .isEqualTo(UnionPayMessageException.Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void shouldRefuseAnswerSignedWithTheMerchantsOwnKey()
    {
        // A forger holding only what the merchant holds cannot make an answer the merchant accepts.
        assertThat(refusal(paid().toXml(MERCHANT_RSA_KEYS), RSA_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseAnswerOfAnotherSignTypeMerchantOrOrder()
    {
        assertThat(refusal(paid().toXml(MD5_KEYS), RSA_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.SIGN_TYPE_MISMATCH);
        assertThat(refusal(UnionPayResponse.Builder.ok("OTHER_MCH", "n").resultOk().toXml(MD5_KEYS), MD5_MERCHANT)
            .reason()).isEqualTo(UnionPayMessageException.Reason.MISMATCH);

        final UnionPayMessageException order =
            refusal(paid().put("out_trade_no", "HT_SOMEONE_ELSE").toXml(MD5_KEYS), MD5_MERCHANT);
        assertThat(order.reason()).isEqualTo(UnionPayMessageException.Reason.MISMATCH);
        assertThat(order).hasMessage("reason=MISMATCH out_trade_no=HT_SOMEONE_ELSE");
    }

    @Test
    void shouldRefuseMissingStatusOrResultCodeAndMalformedAmounts()
    {
        final LinkedHashMap<String, String> noStatus = paid().build(MD5_KEYS);
        noStatus.remove("status");
        assertThat(refusal(UnionPayXml.writeUtf8(noStatus), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.MISSING_FIELD);

        final UnionPayResponse.Builder noResult = UnionPayResponse.Builder.ok(MCH_ID, "n").put("pay_result", "0");
        assertThat(refusal(noResult.toXml(MD5_KEYS), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.MISSING_FIELD);

        assertThat(refusal(paid().put("total_fee", "8.88").toXml(MD5_KEYS), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.BAD_FIELD);
        assertThat(refusal(paid().put("refund_fee", "-1").toXml(MD5_KEYS), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.BAD_FIELD);
    }

    @Test
    void shouldRefuseMalformedAnswersTyped()
    {
        assertThat(refusal(new byte[0], MD5_MERCHANT).reason()).isEqualTo(UnionPayMessageException.Reason.TOO_LARGE);
        assertThat(refusal("<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.WRONG_ROOT);
        assertThat(refusal("<xml><status>0</status".getBytes(StandardCharsets.UTF_8), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.MALFORMED);
        assertThat(refusal(new byte[] {(byte)0xFF, (byte)0xFE, 0x3C}, MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.MALFORMED);
    }
}
