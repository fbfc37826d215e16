package io.hutong.connector.unionpay;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;

import static io.hutong.connector.unionpay.UnionPayTestKeys.AUTH_CODE;
import static io.hutong.connector.unionpay.UnionPayTestKeys.MD5_MERCHANT;
import static io.hutong.connector.unionpay.UnionPayTestKeys.NONCE;
import static io.hutong.connector.unionpay.UnionPayTestKeys.OUT_TRADE_NO;
import static io.hutong.connector.unionpay.UnionPayTestKeys.RSA_MERCHANT;
import static io.hutong.connector.unionpay.UnionPayTestKeys.SM2_MERCHANT;
import static io.hutong.connector.unionpay.UnionPayTestKeys.registry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UnionPayGatewayRequestTest
{
    private static final MicropayRequest PAY = new MicropayRequest(OUT_TRADE_NO, "test", 1, "127.0.0.1", AUTH_CODE);

    private static UnionPayMessageException refusal(final byte[] body, final UnionPayMerchant registered)
    {
        return catchThrowableOfType(
            () -> UnionPayGatewayRequest.parse(body, registry(registered)), UnionPayMessageException.class);
    }

    private static UnionPayMessageException refusal(final String body)
    {
        return refusal(body.getBytes(StandardCharsets.UTF_8), MD5_MERCHANT);
    }

    /** Changes a field and signs again with the merchant's key, so only the field rule can refuse it. */
    private static byte[] resigned(
        final UnionPayMerchant merchant, final String name, final String value)
    {
        final LinkedHashMap<String, String> params = PAY.signedParameters(merchant, NONCE);
        if (null == value)
        {
            params.remove(name);
        }
        else
        {
            params.put(name, value);
        }
        params.put("sign", UnionPaySign.sign(params, merchant.keys()));
        return UnionPayXml.writeUtf8(params);
    }

    @Test
    void shouldRefuseBrokenEnvelopesTyped()
    {
        assertThat(refusal("").reason()).isEqualTo(UnionPayMessageException.Reason.TOO_LARGE);
        assertThat(refusal("<xml>" + "a".repeat(UnionPayXml.MAX_MESSAGE_BYTES) + "</xml>").reason())
            .isEqualTo(UnionPayMessageException.Reason.TOO_LARGE);
        assertThat(refusal("<xml><service>unified.trade.micropay</service>").reason())
            .isEqualTo(UnionPayMessageException.Reason.MALFORMED);
        assertThat(refusal("not xml at all").reason()).isEqualTo(UnionPayMessageException.Reason.MALFORMED);
        assertThat(refusal("<root><a>1</a></root>").reason()).isEqualTo(UnionPayMessageException.Reason.WRONG_ROOT);
        assertThat(refusal("<xml><a><b>1</b></a></xml>").reason())
            .isEqualTo(UnionPayMessageException.Reason.NESTED_ELEMENT);
        assertThat(refusal("<xml><a>1</a><a>2</a></xml>").reason())
            .isEqualTo(UnionPayMessageException.Reason.DUPLICATE_KEY);
    }

    @Test
    void shouldRefuseDoctypeSoXxeNeverRuns()
    {
        final String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
            "<xml><service>&x;</service></xml>";
        final String bomb = "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;\">]>" +
            "<xml><body>&b;</body></xml>";

        assertThat(refusal(xxe).reason()).isEqualTo(UnionPayMessageException.Reason.DTD_REFUSED);
        assertThat(refusal(bomb).reason()).isEqualTo(UnionPayMessageException.Reason.DTD_REFUSED);
    }

    @Test
    void shouldRefuseUnknownServiceAndMerchant()
    {
        assertThat(refusal("<xml><mch_id>1</mch_id></xml>").reason())
            .isEqualTo(UnionPayMessageException.Reason.MISSING_FIELD);
        final UnionPayMessageException service = refusal("<xml><service>pay.weixin.native</service></xml>");
        assertThat(service.reason()).isEqualTo(UnionPayMessageException.Reason.UNKNOWN_SERVICE);
        assertThat(service).hasMessage("reason=UNKNOWN_SERVICE service=pay.weixin.native");
        assertThat(refusal("<xml><service>unified.trade.query</service></xml>").reason())
            .isEqualTo(UnionPayMessageException.Reason.MISSING_FIELD);

        final UnionPayMessageException merchant = refusal(resigned(MD5_MERCHANT, "mch_id", "OTHER1"), MD5_MERCHANT);
        assertThat(merchant.reason()).isEqualTo(UnionPayMessageException.Reason.UNKNOWN_MERCHANT);
        assertThat(refusal(resigned(MD5_MERCHANT, "mch_id", "a b"), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.BAD_FIELD);
    }

    @Test
    void shouldRefuseSignTypesOtherThanTheRegisteredOne()
    {
        // The merchant is registered for RSA; a request that says MD5 (or says nothing, which means MD5) is refused.
        final byte[] md5Request = UnionPayXml.writeUtf8(PAY.signedParameters(MD5_MERCHANT, NONCE));
        assertThat(refusal(md5Request, RSA_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.SIGN_TYPE_MISMATCH);
        assertThat(refusal(resigned(RSA_MERCHANT, "sign_type", null), RSA_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.SIGN_TYPE_MISMATCH);

        final LinkedHashMap<String, String> sha1 = PAY.signedParameters(MD5_MERCHANT, NONCE);
        sha1.put("sign_type", UnionPaySignType.RSA_1_1);
        assertThat(refusal(UnionPayXml.writeUtf8(sha1), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.UNSUPPORTED_SIGN_TYPE);
    }

    @Test
    void shouldRefuseMissingOrBadSignatureForEverySignType()
    {
        for (final UnionPayMerchant merchant : UnionPayTestKeys.merchants())
        {
            final LinkedHashMap<String, String> unsigned = PAY.signedParameters(merchant, NONCE);
            unsigned.remove("sign");
            assertThat(refusal(UnionPayXml.writeUtf8(unsigned), merchant).reason()).as(merchant.signType() + "")
                .isEqualTo(UnionPayMessageException.Reason.MISSING_SIGNATURE);

            final LinkedHashMap<String, String> tampered = PAY.signedParameters(merchant, NONCE);
            tampered.put("total_fee", "100000");
            final UnionPayMessageException bad = refusal(UnionPayXml.writeUtf8(tampered), merchant);
            assertThat(bad.reason()).as(merchant.signType() + "")
                .isEqualTo(UnionPayMessageException.Reason.BAD_SIGNATURE);
            assertThat(bad).hasMessage("reason=BAD_SIGNATURE sign_type=" + merchant.signType().wireName());
        }
    }

    @Test
    void shouldRefuseMissingOrBadBusinessFieldsAfterTheSignature()
    {
        assertThat(refusal(resigned(SM2_MERCHANT, "auth_code", null), SM2_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.MISSING_FIELD);
        assertThat(refusal(resigned(MD5_MERCHANT, "nonce_str", null), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.MISSING_FIELD);
        assertThat(refusal(resigned(MD5_MERCHANT, "total_fee", "1.00"), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.BAD_FIELD);
        assertThat(refusal(resigned(MD5_MERCHANT, "total_fee", "0"), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.BAD_FIELD);
        assertThat(refusal(resigned(MD5_MERCHANT, "total_fee", "99999999999"), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.BAD_FIELD);
        assertThat(refusal(resigned(MD5_MERCHANT, "mch_create_ip", "localhost"), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.BAD_FIELD);
        assertThat(refusal(resigned(MD5_MERCHANT, "version", "3.0"), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.BAD_FIELD);
        assertThat(refusal(resigned(MD5_MERCHANT, "out_trade_no", "x".repeat(33)), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.BAD_FIELD);

        final UnionPayMessageException code = refusal(resigned(MD5_MERCHANT, "auth_code", "62 27"), MD5_MERCHANT);
        assertThat(code.reason()).isEqualTo(UnionPayMessageException.Reason.BAD_FIELD);
        assertThat(code.getMessage()).doesNotContain("62 27").contains("auth_code.length=5");
    }

    @Test
    void shouldRefuseRefundOverTheOrderAmountOrWithoutOrder() throws Exception
    {
        final LinkedHashMap<String, String> refund =
            new RefundRequest(OUT_TRADE_NO, "RF1", 100, 100).signedParameters(MD5_MERCHANT, NONCE);
        refund.put("refund_fee", "101");
        refund.put("sign", UnionPaySign.sign(refund, MD5_MERCHANT.keys()));
        final UnionPayMessageException over = refusal(UnionPayXml.writeUtf8(refund), MD5_MERCHANT);
        assertThat(over.reason()).isEqualTo(UnionPayMessageException.Reason.BAD_FIELD);
        assertThat(over).hasMessage("reason=BAD_FIELD refund_fee=101: more than total_fee=100");

        refund.remove("out_trade_no");
        refund.put("refund_fee", "100");
        refund.put("sign", UnionPaySign.sign(refund, MD5_MERCHANT.keys()));
        assertThat(refusal(UnionPayXml.writeUtf8(refund), MD5_MERCHANT).reason())
            .isEqualTo(UnionPayMessageException.Reason.MISSING_FIELD);

        refund.put("transaction_id", "100540000123");
        refund.put("sign", UnionPaySign.sign(refund, MD5_MERCHANT.keys()));
        assertThat(UnionPayGatewayRequest.parse(UnionPayXml.writeUtf8(refund), registry(MD5_MERCHANT))
            .transactionId()).isEqualTo("100540000123");
    }

    @Test
    void shouldAcceptPrettyPrintedRequestWithDeclaration() throws Exception
    {
        final LinkedHashMap<String, String> params =
            new ReverseRequest(OUT_TRADE_NO).signedParameters(MD5_MERCHANT, NONCE);
        final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml>\n");
        params.forEach((k, v) -> xml.append("  <").append(k).append("><![CDATA[").append(v).append("]]></")
            .append(k).append(">\n"));
        xml.append("</xml>\n");

        final UnionPayGatewayRequest parsed = UnionPayGatewayRequest.parse(
            xml.toString().getBytes(StandardCharsets.UTF_8), registry(MD5_MERCHANT));
        assertThat(parsed.service()).isEqualTo(UnionPayService.REVERSE);
        assertThat(parsed.outTradeNo()).isEqualTo(OUT_TRADE_NO);
    }
}
