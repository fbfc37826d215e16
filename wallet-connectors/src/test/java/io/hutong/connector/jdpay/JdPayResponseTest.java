package io.hutong.connector.jdpay;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static io.hutong.connector.jdpay.JdPayRequestCodecTest.assertRefused;
import static io.hutong.connector.jdpay.JdPayTestKeys.CLIENT;
import static io.hutong.connector.jdpay.JdPayTestKeys.MERCHANT;
import static io.hutong.connector.jdpay.JdPayTestKeys.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdPayResponseTest
{
    /** A paid fkmPay answer's inner XML, written by hand in the shape of JD's test-environment answers. */
    private static final String PAID_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><jdpay><version>V2.0</version>" +
        "<merchant>110000001</merchant><result><code>000000</code><desc>成功</desc></result>" +
        "<tradeNum>HT20260102000001</tradeNum><amount>1250</amount><currency>CNY</currency>" +
        "<tradeTime>20260102110406</tradeTime><note></note><status>2</status></jdpay>";

    /**
     * {@link #PAID_XML} signed with jd.key and sealed as in {@link JdPayRequestCodecTest#PAY_ENCRYPT} (496 bytes
     * signed, 4 zero bytes of padding): SHA-256 88436ab256554210fe8a5fc08d86ede73fd8128bebbd78b9d714da4a2e347cc7.
     */
    private static final String PAID_ENCRYPT =
        "NGJhZDU5YzI4YzJjNDBlMzk1ZGZiZWVhNTUwZGYwNTFiMjZlY2RjZmMwYmYyMDNkOWMxYjc2MDg3YTllYTkwOGMyOGEwYWY3YzFk" +
        "NGM0YzAxNTU2MjI5NGMyMDExN2VkOTFiYTU2NzIxOGU2YzM3MDU1N2Q3ZDY2ZTMzZjgwOGIwOGRhMGU0Zjk1MjVkZDRiMzIzMTJk" +
        "ZGFiNDMzNmMzZjE1ZjdiYjcwMDkzNzcyZjViMjQ0OWE4Y2FkMDc2NTY2YzBjMDNhZGQxZTAyNmI4MzBhMjYxYTQ1YjQxM2IyNDRj" +
        "ZGM2ZjJkMGEyNGNjNzFlNWY5Mjc1MTc3NjIxNzFiYmI4ZjRlY2Q0NzJmNGExYTgyZjBmNjEwNDJkNTJlMmI1ZjkxOGFmNTdmZDMz" +
        "MTRmZDNjNzQ3OTVkMGMwZTJlZjJjMmJhMjE4NTU2ZThjYWI0Mzc0Y2FhZTNmMDQ2OGUwOTQ5NDJjM2E5YmJhYWQ0MmIxMTBkNzg5" +
        "MzQ4MDVlZjQwODNiZmM4N2Q2NWY2OTIwOGNkNjM3NmFlOGE0ZDE5M2FjNzc0N2U5NGE2MGE4MWViYjVlMmQxOGY2MWQ2Y2E3Y2Rj" +
        "YmY0OWMyYmE1ZWI1M2Y2NTVhOWZmMWNiZWYyN2NmY2Q4YTIxZDIxNDM3ZGExZTQzNTI4YWI3NWQ1MjcyYWM3ZjA1NmRlMGZjYTYy" +
        "ZDY2NmViYTg0ZTc1ZDI5OTY2YWEzYTI3ZmE4N2FlMDk5OTRjNDM4OTI5MmFjNWJjZmM1OGRjMTZmNTY0NjE1MzliM2EwOWE4OTU3" +
        "YTVlYzU1Y2FjNDZlYWIyNTVhNjJlMDhkN2I0ZjgxNzg1NmViMTI5ZjU5MWQ1MjFmNmMyOWFkZDE2YTI5MjFiZWM5ZmViOGQwZGVi" +
        "ZTNhNGI0ZmRiMTZiYzIwZWVkYmFiZjEzMWQyNGU0Yzg3ZjZmZDU0NmRjNWNiZWUwODlkMmZiNDA5MGIxZDliNDAzMWI0ZDlkZjQx" +
        "N2E1OTM2ZTNjZGZlM2U0ZTQ5NTc3YTY0MDNkYzk4M2YzNDY5MTIwOWZmNDI5Y2Q5NjRiNzhlMTZkY2MzODNiYWJlNzQ5MWFiNTBh" +
        "OWYxOTJiMWY3MDYwMmExZmJmMTEyN2VjNWFkMmQ1MDIzZWQ0NzllNzM3NTk1M2RjYzdkNGUxYjBjOGRlMzY5ODkwZGZlOGNiMTRk" +
        "MGVjYzQxZmNmMzRhNmJmNDU2NTIzOGM4ZDllZGE1YWNjOTUyMGJhMGJjYzU0MmQxZjM2ZTYwZTkxMzdlNGU4NTk1MDg4YTQzMDc1" +
        "OTI4MGIyMTcwOTA5Y2Y2YWY5NTNjNTE5MDA2OGVmMzgx";

    private static JdPayResponse.Builder paid()
    {
        return JdPayResponse.Builder.success(MERCHANT)
            .put(JdPayFields.TRADE_NUM, "HT20260102000001")
            .put(JdPayFields.AMOUNT, 1250)
            .put(JdPayFields.CURRENCY, JdPayFields.CNY)
            .put(JdPayFields.TRADE_TIME, "20260102110406")
            .put(JdPayFields.NOTE, "")
            .put(JdPayFields.STATUS, JdPayResultCodes.PAY_SUCCESS);
    }

    @Test
    void shouldBuildAnswerExactlyAsDerivedWithOpenssl()
    {
        assertThat(paid().innerXml()).isEqualTo(PAID_XML);
        assertThat(new String(paid().build(SERVER), StandardCharsets.UTF_8)).isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><jdpay><version>V2.0</version><merchant>110000001</merchant>" +
            "<result><code>000000</code><desc>成功</desc></result><encrypt>" + PAID_ENCRYPT + "</encrypt></jdpay>");
    }

    @Test
    void shouldParseAndVerifyWithJdsPublicKey() throws Exception
    {
        final JdPayResponse response = JdPayResponse.parse(JdPayOperation.FKM_PAY, paid().build(SERVER), CLIENT);

        assertThat(response.isSigned()).isTrue();
        assertThat(response.isSuccess()).isTrue();
        assertThat(response.resultDesc()).isEqualTo("成功");
        assertThat(response.status()).isEqualTo("2");
        assertThat(response.tradeNum()).isEqualTo("HT20260102000001");
        assertThat(response.amount()).isEqualTo(1250);
        assertThat(response.currency()).isEqualTo("CNY");
        assertThat(response.tradeTime()).isEqualTo("20260102110406");
        assertThat(response.note()).isNull();
        assertThat(response.oTradeNum()).isNull();
        assertThat(response.toString()).contains("resultCode=000000", "status=2");
    }

    @Test
    void shouldParseQueryAnswerWithPayList() throws Exception
    {
        final byte[] body = JdPayResponse.Builder.success(MERCHANT)
            .put(JdPayFields.TRADE_NUM, "HT20260102000001")
            .put(JdPayFields.TRADE_TYPE, "0")
            .put(JdPayFields.AMOUNT, 1250)
            .put(JdPayFields.STATUS, JdPayResultCodes.PAY_SUCCESS)
            .pay("2", 1000, "20260102110406")
            .pay("3", 250, "20260102110406")
            .build(SERVER);

        final JdPayResponse response = JdPayResponse.parse(JdPayOperation.QUERY, body, CLIENT);

        assertThat(response.tradeType()).isEqualTo("0");
        assertThat(response.payList()).extracting(pay -> pay.text(JdPayFields.AMOUNT)).containsExactly("1000", "250");
        assertThat(response.payList()).extracting(pay -> pay.text(JdPayFields.CURRENCY)).containsOnly("CNY");
    }

    @Test
    void shouldAcceptUnsignedRefusal() throws Exception
    {
        final JdPayResponse response = JdPayResponse.parse(JdPayOperation.FKM_PAY,
            JdPayResponse.Builder.refusal(MERCHANT, JdPayResultCodes.BALANCE_NOT_ENOUGH, "余额不足"), CLIENT);

        assertThat(response.isSigned()).isFalse();
        assertThat(response.isSuccess()).isFalse();
        assertThat(response.resultCode()).isEqualTo(JdPayResultCodes.BALANCE_NOT_ENOUGH);
        assertThat(response.status()).isNull();
        assertThat(response.payList()).isEmpty();
    }

    @Test
    void shouldRefuseUnsignedSuccessAndAnswersWithoutResult()
    {
        final byte[] unsignedSuccess = JdPayEnvelope.writeAnswer(MERCHANT, JdPayResultCodes.SUCCESS, "成功", null);
        final byte[] noResult =
            "<jdpay><version>V2.0</version><merchant>110000001</merchant></jdpay>".getBytes(StandardCharsets.UTF_8);

        assertRefused(() -> JdPayResponse.parse(JdPayOperation.FKM_PAY, unsignedSuccess, CLIENT),
            JdPayMessageException.Reason.MISSING_SIGNATURE);
        assertRefused(() -> JdPayResponse.parse(JdPayOperation.FKM_PAY, noResult, CLIENT),
            JdPayMessageException.Reason.MISSING_FIELD);
        assertThatThrownBy(() -> JdPayResponse.Builder.refusal(MERCHANT, JdPayResultCodes.SUCCESS, "x"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAnswerSignedWithTheWrongKey()
    {
        // The merchant's own key signs it: a client must only trust JD's key for answers.
        final byte[] selfSigned = paid().build(new JdPayKeys(MERCHANT, CLIENT.desKey(), CLIENT.ownPrivateKey(),
            CLIENT.peerPublicKey()));

        assertRefused(() -> JdPayResponse.parse(JdPayOperation.FKM_PAY, selfSigned, CLIENT),
            JdPayMessageException.Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseTamperedStatusAndContradictingResult() throws Exception
    {
        final String signed = JdPayDes.decrypt(PAID_ENCRYPT, CLIENT.desKey());
        final String processing = signed.replace("<status>2</status>", "<status>1</status>");
        final byte[] tampered = JdPayEnvelope.writeAnswer(MERCHANT, JdPayResultCodes.SUCCESS, "成功",
            JdPayDes.encrypt(processing, CLIENT.desKey()));
        final byte[] contradicting = JdPayEnvelope.writeAnswer(MERCHANT, JdPayResultCodes.SYSTEM_ERROR, "x",
            PAID_ENCRYPT);

        assertRefused(() -> JdPayResponse.parse(JdPayOperation.FKM_PAY, tampered, CLIENT),
            JdPayMessageException.Reason.BAD_SIGNATURE);
        assertRefused(() -> JdPayResponse.parse(JdPayOperation.FKM_PAY, contradicting, CLIENT),
            JdPayMessageException.Reason.BAD_FIELD);
    }

    @Test
    void shouldRefuseAnswerForAnotherMerchant()
    {
        final byte[] relabelled = new String(paid().build(SERVER), StandardCharsets.UTF_8)
            .replace("<merchant>110000001</merchant>",
                "<merchant>110000002</merchant>").getBytes(StandardCharsets.UTF_8);

        assertRefused(() -> JdPayResponse.parse(JdPayOperation.FKM_PAY, relabelled, CLIENT),
            JdPayMessageException.Reason.UNKNOWN_MERCHANT);
        assertThatThrownBy(() -> JdPayResponse.Builder.success("110000002").build(SERVER))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldVerifyPrettyPrintedAnswersAsJdsJavaSdkDoes() throws Exception
    {
        // A pretty-printing peer signs the compact form; JD's Java SDK hashes received text in that form too.
        final String compact = paid().innerXml();
        final String sign = JdPaySign.sign(compact, SERVER.ownPrivateKey());
        final String pretty = compact.replace("?>", "?>\n").replace("><", ">\n\t<")
            .replace("</jdpay>", "<sign>" + sign.substring(0, 76) + "\r\n" + sign.substring(76) + "</sign>\n</jdpay>\n")
            .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");
        final byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<jdpay>\n  <version>V2.0</version>\n" +
            "  <merchant>110000001</merchant>\n  <result>\n    <code>000000</code>\n" +
            "    <desc>成功</desc>\n  </result>\n" +
            "  <encrypt>" + JdPayDes.encrypt(pretty, SERVER.desKey()) + "</encrypt>\n</jdpay>\n")
            .getBytes(StandardCharsets.UTF_8);

        final JdPayResponse response = JdPayResponse.parse(JdPayOperation.FKM_PAY, body, CLIENT);

        assertThat(response.status()).isEqualTo("2");
        assertThat(response.amount()).isEqualTo(1250);
    }

    @Test
    void shouldRefuseMalformedAnswersTyped()
    {
        assertRefused(() -> JdPayResponse.parse(JdPayOperation.QUERY, new byte[0], CLIENT),
            JdPayMessageException.Reason.TOO_LARGE);
        assertRefused(() -> JdPayResponse.parse(JdPayOperation.QUERY,
            "<html>502</html>".getBytes(StandardCharsets.UTF_8),
            CLIENT), JdPayMessageException.Reason.WRONG_ROOT);
        assertRefused(() -> JdPayResponse.parse(JdPayOperation.QUERY, JdPayEnvelope.writeAnswer(MERCHANT,
            JdPayResultCodes.SUCCESS, "成功", "QUJD"), CLIENT), JdPayMessageException.Reason.BAD_CIPHERTEXT);
    }
}
