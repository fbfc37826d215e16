package io.hutong.connector.jdpay;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdPaySignTest
{
    /**
     * The unsigned inner XML of the fkmPay known-answer request, written by hand from docs/wallet-jdpay.md.
     * Vectors made with OpenSSL 3.0 and coreutils:
     * <pre>
     *   printf '%s' "$XML" | sha256sum                                                     -&gt; DIGEST
     *   printf '%s' "$DIGEST" | openssl pkeyutl -sign -inkey merchant.key \
     *       -pkeyopt rsa_padding_mode:pkcs1 | base64 -w0                                  -&gt; SIGN
     * </pre>
     */
    static final String FKM_PAY_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><jdpay><version>V2.0</version>" +
        "<merchant>110000001</merchant><token>181234567890123456</token><device>POS01</device>" +
        "<tradeNum>HT20260102000001</tradeNum><tradeName>咖啡</tradeName><tradeTime>20260102110405</tradeTime>" +
        "<amount>1250</amount><currency>CNY</currency><note>A&amp;B&lt;1&gt;</note></jdpay>";

    static final String FKM_PAY_DIGEST = "428721130c11d8c8bf83fa87c71d99494f6d8e125f4f339d9b1532eb43f344a4";

    static final String FKM_PAY_SIGN =
        "khXet85rgXMPbClO1im4NoswmUGAG1Ss9iYDum7+DAMhYZRAfj/gZJOu+TPxUnhsZrLOMBnnTtePC1c2eESO1/Zy/ys+yJRzBsKL" +
        "4jhUZb4w7zv4kXTZPDlgOnd0M+3Xw7M8zMmMmCko5L5vSeWLOnZD1yKeO76DDXxlFbWhIzk=";

    @Test
    void shouldDigestToLowercaseSha256HexLikeSha256sum()
    {
        assertThat(JdPaySign.digestHex(FKM_PAY_XML)).isEqualTo(FKM_PAY_DIGEST);
    }

    @Test
    void shouldSignDigestHexLikeOpensslPkeyutlWithPkcs1Padding()
    {
        assertThat(JdPaySign.sign(FKM_PAY_XML, JdPayTestKeys.CLIENT.ownPrivateKey())).isEqualTo(FKM_PAY_SIGN);
    }

    @Test
    void shouldVerifyWithTheSignersPublicKeyOnly()
    {
        assertThat(JdPaySign.verify(FKM_PAY_XML, FKM_PAY_SIGN, JdPayTestKeys.SERVER.peerPublicKey())).isTrue();
        assertThat(JdPaySign.verify(FKM_PAY_XML, FKM_PAY_SIGN, JdPayTestKeys.CLIENT.peerPublicKey())).isFalse();
        assertThat(JdPaySign.verify(FKM_PAY_XML, FKM_PAY_SIGN, JdPayTestKeys.STRANGER.getPublic())).isFalse();
    }

    @Test
    void shouldRefuseTamperedTextOrSignature()
    {
        final String otherAmount = FKM_PAY_XML.replace("<amount>1250</amount>", "<amount>1251</amount>");
        final byte[] raw = Base64.getDecoder().decode(FKM_PAY_SIGN);
        raw[raw.length - 1] ^= 1;

        assertThat(JdPaySign.verify(otherAmount, FKM_PAY_SIGN, JdPayTestKeys.SERVER.peerPublicKey())).isFalse();
        assertThat(JdPaySign.verify(FKM_PAY_XML, Base64.getEncoder().encodeToString(raw),
            JdPayTestKeys.SERVER.peerPublicKey())).isFalse();
    }

    @Test
    void shouldRefuseMalformedSignatureWithoutThrowing()
    {
        for (final String bad : new String[] {null, "", "not base64!", "AAAA", FKM_PAY_SIGN.substring(0, 40)})
        {
            assertThat(JdPaySign.verify(FKM_PAY_XML, bad, JdPayTestKeys.SERVER.peerPublicKey())).as(bad).isFalse();
        }
    }

    @Test
    void shouldAcceptSignatureWrappedAt76Columns()
    {
        final String wrapped = FKM_PAY_SIGN.substring(0, 76) + "\r\n" + FKM_PAY_SIGN.substring(76);

        assertThat(JdPaySign.verify(FKM_PAY_XML, wrapped, JdPayTestKeys.SERVER.peerPublicKey())).isTrue();
    }

    @Test
    void shouldHashPrettyPrintedInnerXmlInJdJavaSdkForm() throws Exception
    {
        final String pretty = "<jdpay>\n  <version>V2.0</version>\r\n\t<merchant>110000001</merchant>\n" +
            "  <sign>QUJD\nREVG</sign>\n</jdpay>\n";

        assertThat(JdPaySign.unsignedText(pretty)).isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><jdpay><version>V2.0</version>" +
            "<merchant>110000001</merchant></jdpay>");
    }

    @Test
    void shouldReadLeafValuesInTheFormJdHashes()
    {
        assertThat(JdPaySign.signedForm("a b")).isEqualTo("a b");
        assertThat(JdPaySign.signedForm(" a \n b ")).isEqualTo(" ab ");
        assertThat(JdPaySign.signedForm("\n\t ")).isEmpty();
        assertThat(JdPaySign.signedForm("a\r\nb  c\td")).isEqualTo("ab  cd");
    }

    @Test
    void shouldKeepTextWithoutLineBreaksAsSent() throws Exception
    {
        final String signed = JdPaySign.withSign(FKM_PAY_XML, "QUJD");

        assertThat(signed).endsWith("</note><sign>QUJD</sign></jdpay>");
        assertThat(JdPaySign.unsignedText(signed)).isEqualTo(FKM_PAY_XML);
    }

    @Test
    void shouldRefuseMissingOrRepeatedSignTags()
    {
        assertThatThrownBy(() -> JdPaySign.unsignedText(FKM_PAY_XML))
            .isInstanceOfSatisfying(JdPayMessageException.class,
                ex -> assertThat(ex.reason()).isEqualTo(JdPayMessageException.Reason.MISSING_SIGNATURE));
        final String twice = FKM_PAY_XML.replace("</jdpay>", "<sign>A</sign><note>x</note><sign>B</sign></jdpay>");
        assertThatThrownBy(() -> JdPaySign.unsignedText(twice))
            .isInstanceOfSatisfying(JdPayMessageException.class,
                ex -> assertThat(ex.reason()).isEqualTo(JdPayMessageException.Reason.BAD_SIGNATURE));
    }

    @Test
    void shouldReadPemArmouredKeys()
    {
        final String pem = "-----BEGIN PUBLIC KEY-----\n" + JdPayTestKeys.JD_PUBLIC.substring(0, 64) + "\n" +
            JdPayTestKeys.JD_PUBLIC.substring(64) + "\n-----END PUBLIC KEY-----\n";

        assertThat(JdPaySign.publicKey(pem)).isEqualTo(JdPayTestKeys.CLIENT.peerPublicKey());
    }

    @Test
    void shouldRefuseMalformedOrSmallKeysWithoutShowingThem() throws Exception
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(512);
        final String small = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());

        assertThatThrownBy(() -> JdPaySign.publicKey(small)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageNotContaining(small);
        assertThatThrownBy(() -> JdPaySign.privateKey(JdPayTestKeys.MERCHANT_PUBLIC))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageNotContaining(JdPayTestKeys.MERCHANT_PUBLIC.substring(0, 20));
        assertThatThrownBy(() -> JdPaySign.publicKey("%%%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdPaySign.publicKey(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBuildKeysOnlyFromRsaKeysAndA3desKey() throws Exception
    {
        final KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        final KeyPair ecPair = ec.generateKeyPair();
        final SecretKey aes = new SecretKeySpec(new byte[24], "AES");
        final JdPayKeys ok = JdPayTestKeys.CLIENT;

        assertThatThrownBy(() -> new JdPayKeys(ok.merchant(), ok.desKey(), ecPair.getPrivate(), ok.peerPublicKey()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be RSA");
        assertThatThrownBy(() -> new JdPayKeys(ok.merchant(), ok.desKey(), ok.ownPrivateKey(), ecPair.getPublic()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JdPayKeys(ok.merchant(), aes, ok.ownPrivateKey(), ok.peerPublicKey()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JdPayKeys("bad merchant", ok.desKey(), ok.ownPrivateKey(), ok.peerPublicKey()))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
