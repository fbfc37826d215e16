package io.hutong.connector.jdpay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import static io.hutong.connector.jdpay.JdPayTestKeys.CLIENT;
import static io.hutong.connector.jdpay.JdPayTestKeys.MERCHANT;
import static io.hutong.connector.jdpay.JdPayTestKeys.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdPayRequestCodecTest
{
    static final FkmPayRequest PAY = new FkmPayRequest("181234567890123456", "POS01", "HT20260102000001", "咖啡", null,
        "20260102110405", 1250, "A&B<1>", null);

    /**
     * The whole fkmPay body for {@link #PAY}, derived outside Java from {@link JdPaySignTest#FKM_PAY_XML}: the
     * OpenSSL signature inserted as {@code <sign>} before {@code </jdpay>} (523 bytes), then
     * <pre>
     *   { printf 0000020b | xxd -r -p; printf '%s' "$SIGNED"; head -c 1 /dev/zero; } \
     *     | openssl enc -des-ede3 -nopad -K cb70cee3355a566c993ecef0befbedf10f30f2c24c327eb0 \
     *     | xxd -p -c 100000 | tr -d '\n' | base64 -w0
     * </pre>
     */
    static final String PAY_ENCRYPT =
        "Njk2OGQwYjY5Y2Y5N2U2Mzk1ZGZiZWVhNTUwZGYwNTFiMjZlY2RjZmMwYmYyMDNkOWMxYjc2MDg3YTllYTkwOGMyOGEwYWY3YzFk" +
        "NGM0YzAxNTU2MjI5NGMyMDExN2VkOTFiYTU2NzIxOGU2YzM3MDU1N2Q3ZDY2ZTMzZjgwOGIwOGRhMGU0Zjk1MjVkZDRiMzIzMTJk" +
        "ZGFiNDMzNmMzZjE1ZjdiYjcwMDkzNzcyZjViMjQ0OWE4Y2FkMDc2NTY2NDZmMDdkMDY4OTk5YzU1OWZhMmMzODM5MWYxODlhYzI0" +
        "MTc3ZDRjMzc4YmYyYjBlNGVhYjUyMDM1YTgwNDc0MTY0NmI2ZTI2NjI3OWE0YzJjZDg2NjI2OGU5YTA4YTA2ODdkZTMxMjI5MTQz" +
        "OTM3MmJkNDIyYzE0MjBkOWI4MjRjMmJhMjE4NTU2ZThjYWI0Mzc0Y2FhZTNmMDQ2OGUwOTQ5NDJjM2E5YmJhYWQ0MmIxMTBkNzg5" +
        "MzQ4MDVlZjQwNWYxMWRjOTM2MWU5OTk5ZWY4NjM5NjNhZjUwM2RjMGM4NWU2MDZhNmRhYjExOWExZjhkZTYwMGVlMThkMzkwY2Nk" +
        "OGEyMWQyMTQzN2RhMWU0MzUyOGFiNzVkNTI3MmFjNGE5ZmU1MTU5ZDM5ODJmZDZlYmE4NGU3NWQyOTk2NmE5ODMyOWMyMTQ1ZmFm" +
        "N2I3MzNlNjY3NDFkNmI2YjE4NGU2ODZkNmM3MjhjZDNlZWQxNGMwNDY4ODc3OTAyOGYwOTkxZmVmNjhjNmU1MTQ2MWI1ZTJkMThm" +
        "NjFkNmNhN2MyYzM3NGI0YzRmZDE0YjZmMzMwOTk1OGVmMmY1M2EyNjRiMWE2NjZjZTJiMjhiYTllNWY0ZWI0N2M0YTY1ZmMxNGM3" +
        "OTViZWEyMDBiMzJlMzBlYTdlMWY2OGI2NWExMjU5NWIyYmQ1NWFmOGQyZWRlNjI1ZmI2YmYzNDYxZTdmYjM4ZTcwYTZkMjE4OWUw" +
        "MGZkNGNiYTlkN2RhNmQ3ZTllNzY2M2M5ZWIwZTNhNTdiOGRhZGFkMzk3ZDNlMmU5MzUzNWIxY2NjMWVmZWNjNGNjODNjYWM1YmM4" +
        "NDljOGM3OGU2ODE4ZTk2MDRlZTZmYTRmZTZmMDJkZGI5NWU4NjI3OTVhZGYwOTUxMWE0MDMzYmI0NjNjYzZlNzNhZDcyMGViZGIz" +
        "ZGIzZTMzZWRhNTRjYTE0YWU5ZDM4ZTM3MGU5NjJhZWU5N2ExMWRlYmY2N2EyNDJkYWI3MWM4NWRmNTg0NTI1MzIyM2ZhMTJmMmUx" +
        "YWU0NDhjODUzMDI0YzdmODIzYzc5ODg0MjA4MGRkNTUwNjczNmU2ZDc2MzZjMmYwMWI5NWFmNWZiN2M5NzA1YzZiZGY5NzZkMDc0" +
        "NDU1NTdm";

    private static final Function<String, JdPayKeys> KEYRING = merchant -> MERCHANT.equals(merchant) ? SERVER : null;

    @Test
    void shouldWriteInnerXmlAsDocumented()
    {
        assertThat(JdPayRequestCodec.innerXml(PAY, MERCHANT)).isEqualTo(JdPaySignTest.FKM_PAY_XML);
    }

    @Test
    void shouldEncodeFkmPayExactlyAsDerivedWithOpenssl()
    {
        final String body = new String(JdPayRequestCodec.encode(PAY, CLIENT), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><jdpay><version>V2.0</version>" +
            "<merchant>110000001</merchant><encrypt>" + PAY_ENCRYPT + "</encrypt></jdpay>");
    }

    @Test
    void shouldRoundTripEveryRequest() throws Exception
    {
        final JdPayRequest[] requests = {
            PAY,
            new FkmPayRequest("621234567890123456", "S-9_x", "T1", "Tea", "Green tea, 2 cups", "20280229235959", 1,
                null,
                "https://merchant.example/notify"),
            QueryRequest.payment("HT20260102000001"),
            new QueryRequest("R1", "HT20260102000001", QueryRequest.TradeType.REFUND),
            new RevokeRequest("V1", "HT20260102000001", 1250, "20260102110505", "timeout"),
            new RefundRequest("R1", "HT20260102000001", 250, "20260103090000", "https://merchant.example/refunds",
                null),
        };
        for (final JdPayRequest request : requests)
        {
            final JdPayRequestCodec.Inbound inbound =
                JdPayRequestCodec.decode(request.operation(), JdPayRequestCodec.encode(request, CLIENT), KEYRING);

            assertThat(inbound.merchant()).isEqualTo(MERCHANT);
            assertThat(inbound.request()).isEqualTo(request);
        }
    }

    @Test
    void shouldDetectTamperedCiphertext()
    {
        final byte[] hex = Base64.getDecoder().decode(PAY_ENCRYPT);
        hex[hex.length / 2] = (byte)(hex[hex.length / 2] == 'a' ? 'b' : 'a');

        assertDecodeRefused(envelope(Base64.getEncoder().encodeToString(hex)),
            JdPayMessageException.Reason.BAD_CIPHERTEXT, JdPayMessageException.Reason.MALFORMED,
            JdPayMessageException.Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldDetectSwappedCipherBlocks()
    {
        // ECB lets an attacker move blocks without the key; the signature must catch it. Blocks 20 and 21 fall in
        // the business fields of the inner XML.
        final String hex = new String(Base64.getDecoder().decode(PAY_ENCRYPT), StandardCharsets.US_ASCII);
        final String swapped = hex.substring(0, 320) + hex.substring(336, 352) + hex.substring(320, 336) +
            hex.substring(352);

        assertDecodeRefused(envelope(Base64.getEncoder().encodeToString(swapped.getBytes(StandardCharsets.US_ASCII))),
            JdPayMessageException.Reason.MALFORMED, JdPayMessageException.Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldDetectTamperedInnerFieldAndSignature()
    {
        final String signed = JdPaySign.withSign(JdPaySignTest.FKM_PAY_XML, JdPaySignTest.FKM_PAY_SIGN);
        final String moreMoney = signed.replace("<amount>1250</amount>", "<amount>125000</amount>");
        final String otherSign = signed.replace("<sign>k", "<sign>K");

        assertDecodeRefused(envelope(JdPayDes.encrypt(moreMoney, CLIENT.desKey())),
            JdPayMessageException.Reason.BAD_SIGNATURE);
        assertDecodeRefused(envelope(JdPayDes.encrypt(otherSign, CLIENT.desKey())),
            JdPayMessageException.Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseWrongKeysAndMerchants()
    {
        final byte[] body = JdPayRequestCodec.encode(PAY, CLIENT);
        final JdPayKeys strangerVerifies = new JdPayKeys(MERCHANT, SERVER.desKey(), SERVER.ownPrivateKey(),
            JdPayTestKeys.STRANGER.getPublic());
        final JdPayKeys otherDes = new JdPayKeys(MERCHANT, JdPayDes.key("MDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1u"),
            SERVER.ownPrivateKey(), SERVER.peerPublicKey());
        final JdPayKeys otherMerchant = new JdPayKeys("110000002", SERVER.desKey(), SERVER.ownPrivateKey(),
            SERVER.peerPublicKey());

        assertRefused(() -> JdPayRequestCodec.decode(JdPayOperation.FKM_PAY, body, m -> strangerVerifies),
            JdPayMessageException.Reason.BAD_SIGNATURE);
        assertRefused(() -> JdPayRequestCodec.decode(JdPayOperation.FKM_PAY, body, m -> otherDes),
            JdPayMessageException.Reason.BAD_CIPHERTEXT);
        assertRefused(() -> JdPayRequestCodec.decode(JdPayOperation.FKM_PAY, body, m -> null),
            JdPayMessageException.Reason.UNKNOWN_MERCHANT);
        // A valid request for merchant 110000001 relabelled as 110000002 outside: the inner merchant is signed.
        final byte[] relabelled = new String(body, StandardCharsets.UTF_8)
            .replace("<merchant>110000001</merchant>",
                "<merchant>110000002</merchant>").getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> JdPayRequestCodec.decode(JdPayOperation.FKM_PAY, relabelled, m -> otherMerchant),
            JdPayMessageException.Reason.UNKNOWN_MERCHANT);
        // A client that verifies with JD's key cannot be fooled by its own signature coming back.
        assertRefused(() -> JdPayRequestCodec.decode(JdPayOperation.FKM_PAY, body, m -> CLIENT),
            JdPayMessageException.Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldRefuseMalformedOrOversizedEnvelopes()
    {
        assertDecodeRefused(new byte[JdPayEnvelope.MAX_BODY_BYTES + 1], JdPayMessageException.Reason.TOO_LARGE);
        assertDecodeRefused(utf8("{\"json\":true}"), JdPayMessageException.Reason.MALFORMED);
        assertDecodeRefused(utf8("<!DOCTYPE jdpay SYSTEM \"http://evil.example/x.dtd\"><jdpay/>"),
            JdPayMessageException.Reason.DTD_REFUSED);
        assertDecodeRefused(utf8("<jdpay><version>V2.0</version><merchant>110000001</merchant></jdpay>"),
            JdPayMessageException.Reason.MISSING_FIELD);
        assertDecodeRefused(utf8("<jdpay><version>V2.0</version><encrypt>x</encrypt></jdpay>"),
            JdPayMessageException.Reason.MISSING_FIELD);
        assertDecodeRefused(
            utf8("<jdpay><version>V1.0</version><merchant>110000001</merchant><encrypt>x</encrypt></jdpay>"),
            JdPayMessageException.Reason.BAD_FIELD);
        assertDecodeRefused(
            utf8("<jdpay><version>V2.0</version><merchant>../etc</merchant><encrypt>x</encrypt></jdpay>"),
            JdPayMessageException.Reason.UNKNOWN_MERCHANT);
        assertDecodeRefused(envelope("bm90IGhleA=="), JdPayMessageException.Reason.BAD_CIPHERTEXT);
    }

    @Test
    void shouldRefuseMissingOrBadInnerFieldsTyped()
    {
        final String inner = JdPaySignTest.FKM_PAY_XML;
        assertInnerRefused(inner.replace("<token>181234567890123456</token>", ""),
            JdPayMessageException.Reason.MISSING_FIELD);
        assertInnerRefused(inner.replace("<device>POS01</device>", "<device></device>"),
            JdPayMessageException.Reason.MISSING_FIELD);
        assertInnerRefused(inner.replace("<amount>1250</amount>", "<amount>12.50</amount>"),
            JdPayMessageException.Reason.BAD_FIELD);
        assertInnerRefused(inner.replace("<amount>1250</amount>", "<amount>0</amount>"),
            JdPayMessageException.Reason.BAD_FIELD);
        assertInnerRefused(inner.replace("CNY", "USD"), JdPayMessageException.Reason.BAD_FIELD);
        assertInnerRefused(inner.replace("20260102110405", "20261302110405"), JdPayMessageException.Reason.BAD_FIELD);
        assertInnerRefused(inner.replace("181234567890123456", "18123456789012345x"),
            JdPayMessageException.Reason.BAD_FIELD);
        assertInnerRefused(inner.replace("<version>V2.0</version>", "<version>V3.0</version>"),
            JdPayMessageException.Reason.BAD_FIELD);
        assertInnerRefused(inner.replace("<amount>1250</amount>", "<amount><x>1</x></amount>"),
            JdPayMessageException.Reason.BAD_FIELD);
    }

    @Test
    void shouldReadValuesInTheFormTheyWereSigned() throws Exception
    {
        // JD's hashing deletes line breaks with the blanks around them: the value read must be the value signed.
        final String received = JdPaySignTest.FKM_PAY_XML.replace("<tradeName>咖啡</tradeName>",
            "<tradeName>咖 \n\t啡</tradeName>");
        final String sign = JdPaySign.sign(JdPaySignTest.FKM_PAY_XML, CLIENT.ownPrivateKey());

        final JdPayRequestCodec.Inbound inbound = JdPayRequestCodec.decode(JdPayOperation.FKM_PAY,
            envelope(JdPayDes.encrypt(JdPaySign.withSign(received, sign), CLIENT.desKey())), KEYRING);

        assertThat(inbound.request()).isEqualTo(PAY);
    }

    @Test
    void shouldRefuseQueryWithUnknownTradeType()
    {
        final String inner = JdPayRequestCodec.innerXml(QueryRequest.payment("T1"), MERCHANT).replace(
            "<tradeType>0</tradeType>", "<tradeType>7</tradeType>");

        assertRefused(() -> JdPayRequestCodec.decode(JdPayOperation.QUERY, envelope(JdPayCrypto.seal(inner,
            CLIENT)), KEYRING),
            JdPayMessageException.Reason.BAD_FIELD);
    }

    @Test
    void shouldValidateRecordsAndNeverShowTheToken()
    {
        assertThatThrownBy(() -> new FkmPayRequest("12345", "POS01", "T1", "n", null, "20260102110405", 1, null, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("12345");
        assertThatThrownBy(() -> new FkmPayRequest("181234567890123456", "POS01", "T 1", "n", null,
            "20260102110405", 1, null,
            null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FkmPayRequest("181234567890123456", "POS01", "T1", " n", null,
            "20260102110405", 1, null,
            null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FkmPayRequest("181234567890123456", "POS01", "T1", "n", null, "20260102110405",
            1, null,
            "ftp://x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefundRequest("R1", "T1", 0, "20260102110405", null, null))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueryRequest("T1", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PAY.toString()).doesNotContain("181234567890123456").contains("token=***");
        assertThat(CLIENT.toString()).doesNotContain(JdPayTestKeys.DES_KEY).contains("desKey=***");
        assertThat(new FkmPayRequest("181234567890123456", "POS01", "T1", "n", "", "20260102110405", 1, "",
            "").note()).isNull();
    }

    private static byte[] envelope(final String encrypt)
    {
        return JdPayEnvelope.writeRequest(MERCHANT, encrypt);
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertInnerRefused(final String unsigned, final JdPayMessageException.Reason reason)
    {
        assertDecodeRefused(envelope(JdPayCrypto.seal(unsigned, CLIENT)), reason);
    }

    private static void assertDecodeRefused(final byte[] body, final JdPayMessageException.Reason... reasons)
    {
        assertRefused(() -> JdPayRequestCodec.decode(JdPayOperation.FKM_PAY, body, KEYRING), reasons);
    }

    static void assertRefused(
        final ThrowableAssert.ThrowingCallable call, final JdPayMessageException.Reason... reasons)
    {
        assertThatThrownBy(call)
            .isInstanceOfSatisfying(JdPayMessageException.class, ex -> assertThat(ex.reason()).isIn((Object[])reasons));
    }
}
