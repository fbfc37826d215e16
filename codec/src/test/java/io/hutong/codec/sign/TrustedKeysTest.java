package io.hutong.codec.sign;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;

import static io.hutong.codec.sign.SignatureAlgorithm.ECDSA_P256_SHA256;
import static io.hutong.codec.sign.SignatureAlgorithm.SM2_SM3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedKeysTest
{
    private static final byte[] MESSAGE = "signed merchant code".getBytes(StandardCharsets.US_ASCII);

    @Test
    void shouldLookUpEachSignersKeyByItsId()
    {
        final KeyPair sm2 = KeyPairs.generate(SM2_SM3);
        final KeyPair p256 = KeyPairs.generate(ECDSA_P256_SHA256);
        final CodeSigner sm2Signer = CodeSigner.fromKeyPair(SM2_SM3, sm2);
        final CodeSigner p256Signer = CodeSigner.fromKeyPair(ECDSA_P256_SHA256, p256);
        final TrustedKeys trusted = TrustedKeys.builder()
            .add(SM2_SM3, sm2.getPublic())
            .add(ECDSA_P256_SHA256, p256.getPublic())
            .build();

        final byte[] sm2Signature = sm2Signer.sign(MESSAGE, 0, MESSAGE.length);
        final byte[] p256Signature = p256Signer.sign(MESSAGE, 0, MESSAGE.length);

        assertThat(trusted.size()).isEqualTo(2);
        assertThat(trusted.algorithm(sm2Signer.keyId())).isEqualTo(SM2_SM3);
        assertThat(trusted.publicKey(p256Signer.keyId())).isEqualTo(p256.getPublic());
        assertThat(trusted.verify(sm2Signer.keyId(), MESSAGE, 0, MESSAGE.length, sm2Signature)).isTrue();
        assertThat(trusted.verify(p256Signer.keyId(), MESSAGE, 0, MESSAGE.length, p256Signature)).isTrue();
        assertThat(trusted.verify(p256Signer.keyId(), MESSAGE, 0, MESSAGE.length, sm2Signature)).isFalse();
    }

    @Test
    void shouldMissUnknownKeyIdsWithoutThrowing()
    {
        final KeyPair keyPair = KeyPairs.generate(SM2_SM3);
        final CodeSigner signer = CodeSigner.fromKeyPair(SM2_SM3, keyPair);
        final TrustedKeys trusted = TrustedKeys.builder().add("other", SM2_SM3, keyPair.getPublic()).build();
        final byte[] signature = signer.sign(MESSAGE, 0, MESSAGE.length);

        assertThat(trusted.contains(signer.keyId())).isFalse();
        assertThat(trusted.verifier(signer.keyId())).isNull();
        assertThat(trusted.publicKey(null)).isNull();
        assertThat(trusted.algorithm("nope")).isNull();
        assertThat(trusted.verify(signer.keyId(), MESSAGE, 0, MESSAGE.length, signature)).isFalse();
        assertThat(trusted.verify(null, MESSAGE, 0, MESSAGE.length, signature)).isFalse();
        assertThat(trusted.verify("other", MESSAGE, 0, MESSAGE.length, signature)).isTrue();
        assertThat(TrustedKeys.empty().verify("other", MESSAGE, 0, MESSAGE.length, signature)).isFalse();
    }

    @Test
    void shouldRejectDuplicateKeyIds()
    {
        final KeyPair first = KeyPairs.generate(SM2_SM3);
        final KeyPair second = KeyPairs.generate(SM2_SM3);
        final TrustedKeys.Builder builder = TrustedKeys.builder().add("K1", SM2_SM3, first.getPublic());

        assertThatThrownBy(() -> builder.add("K1", SM2_SM3, second.getPublic()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("trustedKeys.keyId=K1: duplicate key id");
    }

    @Test
    void shouldNotChangeWhenTheBuilderGoesOn()
    {
        final TrustedKeys.Builder builder =
            TrustedKeys.builder().add("B", SM2_SM3, KeyPairs.generate(SM2_SM3).getPublic());
        final TrustedKeys first = builder.build();
        builder.add("A", ECDSA_P256_SHA256, KeyPairs.generate(ECDSA_P256_SHA256).getPublic());
        final TrustedKeys second = builder.build();

        assertThat(first.keyIds()).containsExactly("B");
        assertThat(second.keyIds()).containsExactly("A", "B");
        assertThat(second.toString()).isEqualTo("TrustedKeys{A=ES256, B=SM2}");
        assertThatThrownBy(() -> second.keyIds().add("C")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldBuildFromVerifiers()
    {
        final KeyPair keyPair = KeyPairs.generate(SM2_SM3);
        final CodeVerifier verifier = new CodeVerifier(SM2_SM3, keyPair.getPublic());

        final TrustedKeys trusted = TrustedKeys.of(verifier);

        assertThat(trusted.verifier(verifier.keyId())).isSameAs(verifier);
        assertThat(TrustedKeys.of().size()).isZero();
    }
}
