package io.hutong.connector.unionpay;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.hutong.connector.unionpay.UnionPayTestKeys.AUTH_CODE;
import static io.hutong.connector.unionpay.UnionPayTestKeys.GATEWAY_RSA_KEYS;
import static io.hutong.connector.unionpay.UnionPayTestKeys.GATEWAY_SM2;
import static io.hutong.connector.unionpay.UnionPayTestKeys.GATEWAY_SM2_KEYS;
import static io.hutong.connector.unionpay.UnionPayTestKeys.MD5_KEYS;
import static io.hutong.connector.unionpay.UnionPayTestKeys.MD5_MERCHANT;
import static io.hutong.connector.unionpay.UnionPayTestKeys.MERCHANT_RSA_PUBLIC;
import static io.hutong.connector.unionpay.UnionPayTestKeys.MERCHANT_SM2_PUBLIC;
import static io.hutong.connector.unionpay.UnionPayTestKeys.NONCE;
import static io.hutong.connector.unionpay.UnionPayTestKeys.OUT_TRADE_NO;
import static io.hutong.connector.unionpay.UnionPayTestKeys.RSA_MERCHANT;
import static io.hutong.connector.unionpay.UnionPayTestKeys.SM2_MERCHANT;
import static io.hutong.connector.unionpay.UnionPayTestKeys.STRING_HEAD;
import static io.hutong.connector.unionpay.UnionPayTestKeys.STRING_TAIL;
import static io.hutong.connector.unionpay.UnionPayTestKeys.gatewayKeysFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnionPaySignTest
{
    private static final MicropayRequest EXAMPLE = new MicropayRequest(OUT_TRADE_NO, "test", 1, "127.0.0.1", AUTH_CODE);

    @Test
    void shouldBuildSortedStringOfNonEmptyFieldsExceptSign()
    {
        final Map<String, String> params = new LinkedHashMap<>();
        params.put("b", "2");
        params.put("sign", "ignored");
        params.put("a", "1");
        params.put("empty", "");
        params.put("nothing", null);
        params.put("sign_type", "MD5");
        params.put("A", "upper sorts first");

        assertThat(UnionPaySign.stringToSign(params)).isEqualTo("A=upper sorts first&a=1&b=2&sign_type=MD5");
    }

    @Test
    void shouldMatchHandComputedMd5Signature()
    {
        final LinkedHashMap<String, String> params = EXAMPLE.signedParameters(MD5_MERCHANT, NONCE);

        // The string is the sorted k=v list, sign_type included, sign excluded; md5sum of it plus &key= is the vector.
        assertThat(UnionPaySign.stringToSign(params)).isEqualTo(STRING_HEAD + "&sign_type=MD5" + STRING_TAIL);
        assertThat(params.get("sign")).isEqualTo(UnionPayTestKeys.MD5_SIGNATURE);
        assertThat(UnionPaySign.verify(params, MD5_KEYS)).isTrue();
    }

    @Test
    void shouldMatchOpenSslRsaSignature()
    {
        // PKCS#1 v1.5 is deterministic: the signature must equal OpenSSL's byte for byte.
        final LinkedHashMap<String, String> params = EXAMPLE.signedParameters(RSA_MERCHANT, NONCE);

        assertThat(UnionPaySign.stringToSign(params)).isEqualTo(STRING_HEAD + "&sign_type=RSA_1_256" + STRING_TAIL);
        assertThat(params.get("sign")).isEqualTo(UnionPayTestKeys.RSA_SIGNATURE);
        assertThat(UnionPaySign.verify(params, GATEWAY_RSA_KEYS)).isTrue();
    }

    @Test
    void shouldVerifyOpenSslSm2SignatureWithDefaultUserId()
    {
        final LinkedHashMap<String, String> params = EXAMPLE.signedParameters(SM2_MERCHANT, NONCE);
        assertThat(UnionPaySign.stringToSign(params)).isEqualTo(STRING_HEAD + "&sign_type=SM3WITHSM2" + STRING_TAIL);

        params.put("sign", UnionPayTestKeys.SM2_SIGNATURE);
        assertThat(UnionPaySign.verify(params, GATEWAY_SM2_KEYS)).isTrue();
    }

    @Test
    void shouldWriteSm2SignaturesAsCanonicalDer()
    {
        final LinkedHashMap<String, String> params = EXAMPLE.signedParameters(SM2_MERCHANT, NONCE);
        final byte[] der = Base64.getDecoder().decode(params.get("sign"));

        assertThat(der[0]).isEqualTo((byte)0x30);
        assertThat(der.length).isBetween(8, 72);
        assertThat(UnionPaySign.verify(params, GATEWAY_SM2_KEYS)).isTrue();
        // Random nonces: two signatures of the same message differ, both verify.
        assertThat(EXAMPLE.signedParameters(SM2_MERCHANT, NONCE).get("sign")).isNotEqualTo(params.get("sign"));
    }

    @Test
    void shouldRefuseRawOrReshapedSm2Signature()
    {
        final LinkedHashMap<String, String> params = EXAMPLE.signedParameters(SM2_MERCHANT, NONCE);
        final byte[] der = Base64.getDecoder().decode(params.get("sign"));
        final byte[] raw = Sm2Der.toRaw(der);
        assertThat(raw).hasSize(64);

        params.put("sign", Base64.getEncoder().encodeToString(raw));
        assertThat(UnionPaySign.verify(params, GATEWAY_SM2_KEYS)).as("raw r||s").isFalse();

        final byte[] trailing = new byte[der.length + 1];
        System.arraycopy(der, 0, trailing, 0, der.length);
        params.put("sign", Base64.getEncoder().encodeToString(trailing));
        assertThat(UnionPaySign.verify(params, GATEWAY_SM2_KEYS)).as("trailing byte").isFalse();
    }

    @Test
    void shouldDetectTamperingForEverySignType()
    {
        for (final UnionPayMerchant merchant : UnionPayTestKeys.merchants())
        {
            final UnionPayKeys gateway = gatewayKeysFor(merchant);
            final LinkedHashMap<String, String> params = EXAMPLE.signedParameters(merchant, NONCE);
            assertThat(UnionPaySign.verify(params, gateway)).as(merchant.signType() + " intact").isTrue();

            final LinkedHashMap<String, String> amount = new LinkedHashMap<>(params);
            amount.put("total_fee", "100");
            assertThat(UnionPaySign.verify(amount, gateway)).as(merchant.signType() + " amount").isFalse();

            final LinkedHashMap<String, String> added = new LinkedHashMap<>(params);
            added.put("attach", "x");
            assertThat(UnionPaySign.verify(added, gateway)).as(merchant.signType() + " added field").isFalse();

            final LinkedHashMap<String, String> sign = new LinkedHashMap<>(params);
            final String value = sign.get("sign");
            sign.put("sign", (value.charAt(0) == 'A' ? "B" : "A") + value.substring(1));
            assertThat(UnionPaySign.verify(sign, gateway)).as(merchant.signType() + " sign").isFalse();

            final LinkedHashMap<String, String> missing = new LinkedHashMap<>(params);
            missing.remove("sign");
            assertThat(UnionPaySign.verify(missing, gateway)).as(merchant.signType() + " no sign").isFalse();
        }
    }

    @Test
    void shouldRefuseSignatureMadeWithAnotherKey() throws Exception
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        final KeyPair stranger = generator.generateKeyPair();
        final UnionPayMerchant rsaImpostor = new UnionPayMerchant(
            UnionPayTestKeys.MCH_ID, UnionPayKeys.rsa(stranger.getPrivate(), stranger.getPublic()));
        assertThat(UnionPaySign.verify(EXAMPLE.signedParameters(rsaImpostor, NONCE), GATEWAY_RSA_KEYS)).isFalse();

        final KeyPair sm2Stranger = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        final UnionPayMerchant sm2Impostor = new UnionPayMerchant(UnionPayTestKeys.MCH_ID, UnionPayKeys.sm2(
            new CodeSigner(SignatureAlgorithm.SM2_SM3, "x", sm2Stranger.getPrivate()),
            TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.SM2_SM3, "y", sm2Stranger.getPublic()))));
        assertThat(UnionPaySign.verify(EXAMPLE.signedParameters(sm2Impostor, NONCE), GATEWAY_SM2_KEYS)).isFalse();

        final UnionPayMerchant md5Impostor = new UnionPayMerchant(UnionPayTestKeys.MCH_ID, UnionPayKeys.md5("other"));
        assertThat(UnionPaySign.verify(EXAMPLE.signedParameters(md5Impostor, NONCE), MD5_KEYS)).isFalse();
    }

    @Test
    void shouldVerifyWithEitherSm2PeerKeyDuringRotation()
    {
        final KeyPair retiring = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        final UnionPayKeys rotating = UnionPayKeys.sm2(
            new CodeSigner(SignatureAlgorithm.SM2_SM3, "gateway-sm2", GATEWAY_SM2.getPrivate()),
            TrustedKeys.of(
                new CodeVerifier(SignatureAlgorithm.SM2_SM3, "merchant-old", retiring.getPublic()),
                new CodeVerifier(SignatureAlgorithm.SM2_SM3, "merchant-new", MERCHANT_SM2_PUBLIC)));

        assertThat(UnionPaySign.verify(EXAMPLE.signedParameters(SM2_MERCHANT, NONCE), rotating)).isTrue();
    }

    @Test
    void shouldAcceptLowerCaseMd5HexButNotOtherSpellingsOfRsa()
    {
        final LinkedHashMap<String, String> md5 = EXAMPLE.signedParameters(MD5_MERCHANT, NONCE);
        md5.put("sign", md5.get("sign").toLowerCase(Locale.ROOT));
        assertThat(UnionPaySign.verify(md5, MD5_KEYS)).isTrue();

        final LinkedHashMap<String, String> rsa = EXAMPLE.signedParameters(RSA_MERCHANT, NONCE);
        final String sign = rsa.get("sign");
        rsa.put("sign", sign.substring(0, 64) + "\n" + sign.substring(64));
        assertThat(UnionPaySign.verify(rsa, GATEWAY_RSA_KEYS)).as("line break").isFalse();
        rsa.put("sign", sign.replace("=", ""));
        assertThat(UnionPaySign.verify(rsa, GATEWAY_RSA_KEYS)).as("no padding").isFalse();
        rsa.put("sign", "not base64 at all!");
        assertThat(UnionPaySign.verify(rsa, GATEWAY_RSA_KEYS)).as("garbage").isFalse();
    }

    @Test
    void shouldSignAndVerifyRawBytesWithRsa()
    {
        final byte[] content = "k=v".getBytes(StandardCharsets.UTF_8);
        final String signature = UnionPaySign.rsaSign(content, UnionPayTestKeys.MERCHANT_RSA_PRIVATE);

        assertThat(UnionPaySign.rsaVerify(content, signature, MERCHANT_RSA_PUBLIC)).isTrue();
        assertThat(UnionPaySign.rsaVerify("k=w".getBytes(StandardCharsets.UTF_8), signature, MERCHANT_RSA_PUBLIC))
            .isFalse();
        assertThat(UnionPaySign.rsaVerify(content, null, MERCHANT_RSA_PUBLIC)).isFalse();
        assertThat(UnionPaySign.rsaVerify(content, signature, null)).isFalse();
    }

    @Test
    void shouldReadSignTypeWireNames()
    {
        assertThat(UnionPaySignType.fromWireName(null)).isEqualTo(UnionPaySignType.MD5);
        assertThat(UnionPaySignType.fromWireName("")).isEqualTo(UnionPaySignType.MD5);
        assertThat(UnionPaySignType.fromWireName("MD5")).isEqualTo(UnionPaySignType.MD5);
        assertThat(UnionPaySignType.fromWireName("RSA_1_256")).isEqualTo(UnionPaySignType.RSA_1_256);
        assertThat(UnionPaySignType.fromWireName("SM3WITHSM2")).isEqualTo(UnionPaySignType.SM3WITHSM2);
        assertThat(UnionPaySignType.fromWireName(UnionPaySignType.RSA_1_1)).isNull();
        assertThat(UnionPaySignType.fromWireName("md5")).isNull();
    }

    @Test
    void shouldRefuseUnfitKeys() throws Exception
    {
        final KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        final KeyPair weak = small.generateKeyPair();
        assertThatThrownBy(() -> UnionPayKeys.rsa(weak.getPrivate(), MERCHANT_RSA_PUBLIC))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rsa.own.bits=1024");

        final KeyPair ec = KeyPairs.generate(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThatThrownBy(() -> UnionPayKeys.rsa(UnionPayTestKeys.MERCHANT_RSA_PRIVATE, ec.getPublic()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be an RSA key");
        assertThatThrownBy(() -> UnionPayKeys.sm2(
            new CodeSigner(SignatureAlgorithm.ECDSA_P256_SHA256, "p256", ec.getPrivate()), TrustedKeys.empty()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be an SM2 signer");
        assertThatThrownBy(() -> UnionPayKeys.sm2(
            new CodeSigner(SignatureAlgorithm.SM2_SM3, "sm2", GATEWAY_SM2.getPrivate()),
            TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.ECDSA_P256_SHA256, "p256", ec.getPublic()))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must hold an SM2 public key");
        assertThatThrownBy(() -> UnionPayKeys.md5(""))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("md5Key=<empty>");
        assertThatThrownBy(() -> UnionPayKeys.rsaPrivateKey("not a key"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("rsaPrivateKey.length=9: not a base64 PKCS#8 RSA key");
    }

    @Test
    void shouldNeverShowKeyMaterial()
    {
        assertThat(MD5_KEYS.toString()).doesNotContain(UnionPayTestKeys.MD5_KEY).contains("MD5");
        assertThat(MD5_MERCHANT.toString()).doesNotContain(UnionPayTestKeys.MD5_KEY).contains(UnionPayTestKeys.MCH_ID);
        assertThat(GATEWAY_RSA_KEYS.toString()).isEqualTo("UnionPayKeys[signType=RSA_1_256, keys=***]");
        assertThat(GATEWAY_SM2_KEYS.toString())
            .isEqualTo("UnionPayKeys[signType=SM3WITHSM2, own=gateway-sm2, peers=1]");
    }
}
