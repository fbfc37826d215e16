package io.hutong.codec.sign;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyIdsTest
{
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldDeriveSixteenUppercaseHexCharacters(final SignatureAlgorithm algorithm)
    {
        final String keyId = KeyIds.of(KeyPairs.generate(algorithm).getPublic());

        assertThat(keyId).hasSize(KeyIds.DERIVED_LENGTH).matches("[0-9A-F]{16}");
        assertThat(KeyIds.isValid(keyId)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldBeStableAcrossCallsAndPemRoundTrip(final SignatureAlgorithm algorithm)
    {
        final PublicKey publicKey = KeyPairs.generate(algorithm).getPublic();
        final PublicKey reread = KeyPairs.publicKeyFromPem(KeyPairs.publicKeyToPem(publicKey));

        assertThat(KeyIds.of(publicKey)).isEqualTo(KeyIds.of(publicKey)).isEqualTo(KeyIds.of(reread));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldBeTheFirstEightBytesOfSm3OverTheEncodedKey(final SignatureAlgorithm algorithm)
    {
        final PublicKey publicKey = KeyPairs.generate(algorithm).getPublic();
        final byte[] encoded = publicKey.getEncoded();
        final SM3Digest digest = new SM3Digest();
        digest.update(encoded, 0, encoded.length);
        final byte[] hash = new byte[32];
        digest.doFinal(hash, 0);

        assertThat(KeyIds.of(publicKey)).isEqualTo(Hex.toHexString(hash, 0, 8).toUpperCase());
        assertThat(KeyIds.ofSubjectPublicKeyInfo(encoded)).isEqualTo(KeyIds.of(publicKey));
    }

    @Test
    void shouldMatchIdsComputedByOpenSsl()
    {
        assertThat(KeyIds.of(KeyPairs.publicKeyFromPem(OpenSslVectors.SM2_PUBLIC_KEY_PEM)))
            .isEqualTo(OpenSslVectors.SM2_KEY_ID);
        assertThat(KeyIds.of(KeyPairs.publicKeyFromPem(OpenSslVectors.P256_PUBLIC_KEY_PEM)))
            .isEqualTo(OpenSslVectors.P256_KEY_ID);
    }

    @Test
    void shouldDeriveTheSameIdWhateverProviderMadeTheKey() throws Exception
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        final PublicKey jdkKey = generator.generateKeyPair().getPublic();
        final PublicKey bcKey = KeyPairs.publicKeyFromPem(KeyPairs.publicKeyToPem(jdkKey));

        assertThat(jdkKey.getClass()).isNotEqualTo(bcKey.getClass());
        assertThat(KeyIds.of(jdkKey)).isEqualTo(KeyIds.of(bcKey));
    }

    @Test
    void shouldDifferBetweenKeys()
    {
        final KeyPair first = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        final KeyPair second = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);

        assertThat(KeyIds.of(first.getPublic())).isNotEqualTo(KeyIds.of(second.getPublic()));
    }

    @Test
    void shouldRejectUnsupportedKeys() throws Exception
    {
        final KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        final PublicKey rsaKey = rsa.generateKeyPair().getPublic();
        final KeyPairGenerator secp384 = KeyPairGenerator.getInstance("EC", "SunEC");
        secp384.initialize(new ECGenParameterSpec("secp384r1"));
        final PublicKey p384Key = secp384.generateKeyPair().getPublic();

        assertThatThrownBy(() -> KeyIds.of(rsaKey))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not an EC key on sm2p256v1 or secp256r1");
        assertThatThrownBy(() -> KeyIds.of(p384Key))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not an EC key on sm2p256v1 or secp256r1");
    }

    @Test
    void shouldValidateAssignedIds()
    {
        assertThat(KeyIds.isValid("K1")).isTrue();
        assertThat(KeyIds.isValid("merchant-2025.q1_A")).isTrue();
        assertThat(KeyIds.isValid("0123456789ABCDEF0123456789ABCDEF")).isTrue();

        assertThat(KeyIds.isValid(null)).isFalse();
        assertThat(KeyIds.isValid("")).isFalse();
        assertThat(KeyIds.isValid("0123456789ABCDEF0123456789ABCDEF0")).isFalse();
        assertThat(KeyIds.isValid("has space")).isFalse();
        assertThat(KeyIds.isValid("a=b")).isFalse();
        assertThat(KeyIds.isValid("密钥")).isFalse();
    }
}
