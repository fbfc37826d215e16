package io.hutong.codec.sign;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyPairsTest
{
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldGenerateEcKeysOnTheAlgorithmsCurve(final SignatureAlgorithm algorithm)
    {
        final KeyPair keyPair = KeyPairs.generate(algorithm);

        assertThat(keyPair.getPrivate().getAlgorithm()).isEqualTo("EC");
        assertThat(SignatureAlgorithm.forKey(keyPair.getPrivate())).isEqualTo(algorithm);
        assertThat(SignatureAlgorithm.forKey(keyPair.getPublic())).isEqualTo(algorithm);
        assertThat(KeyPairs.isPair(keyPair.getPrivate(), keyPair.getPublic())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldRoundTripPrivateAndPublicKeysThroughPem(final SignatureAlgorithm algorithm)
    {
        final KeyPair keyPair = KeyPairs.generate(algorithm);

        final String privatePem = KeyPairs.privateKeyToPem(keyPair.getPrivate());
        final String publicPem = KeyPairs.publicKeyToPem(keyPair.getPublic());
        final PrivateKey privateKey = KeyPairs.privateKeyFromPem(privatePem);
        final PublicKey publicKey = KeyPairs.publicKeyFromPem(publicPem);

        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----").contains("-----END PRIVATE KEY-----");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----").contains("-----END PUBLIC KEY-----");
        assertThat(privateKey.getEncoded()).isEqualTo(keyPair.getPrivate().getEncoded());
        assertThat(publicKey.getEncoded()).isEqualTo(keyPair.getPublic().getEncoded());
        assertThat(KeyPairs.isPair(privateKey, publicKey)).isTrue();

        final byte[] message = {1, 2, 3};
        final byte[] signature = new CodeSigner(algorithm, "k", privateKey).sign(message, 0, message.length);
        assertThat(new CodeVerifier(algorithm, keyPair.getPublic()).verify(message, 0, 3, signature)).isTrue();
    }

    @Test
    void shouldReadOpenSslPkcs8Keys()
    {
        final PrivateKey sm2 = KeyPairs.privateKeyFromPem(OpenSslVectors.SM2_PRIVATE_KEY_PEM);
        final PrivateKey p256 = KeyPairs.privateKeyFromPem(OpenSslVectors.P256_PRIVATE_KEY_PEM);

        assertThat(SignatureAlgorithm.forKey(sm2)).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThat(SignatureAlgorithm.forKey(p256)).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThat(KeyPairs.isPair(sm2, KeyPairs.publicKeyFromPem(OpenSslVectors.SM2_PUBLIC_KEY_PEM))).isTrue();
        assertThat(KeyPairs.isPair(p256, KeyPairs.publicKeyFromPem(OpenSslVectors.P256_PUBLIC_KEY_PEM))).isTrue();
    }

    @Test
    void shouldReadSec1KeyAfterEcParametersBlock()
    {
        final PrivateKey key = KeyPairs.privateKeyFromPem(OpenSslVectors.P256_SEC1_WITH_PARAMETERS_PEM);

        assertThat(SignatureAlgorithm.forKey(key)).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
    }

    @Test
    void shouldRefuseEncryptedPrivateKey()
    {
        assertThatThrownBy(() -> KeyPairs.privateKeyFromPem(OpenSslVectors.P256_ENCRYPTED_PRIVATE_KEY_PEM))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("not a PKCS#8 PEM private key (encrypted private keys are not supported)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "hello",
        "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n",
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQguv2LSuL9CC4rg6GZ\n",
    })
    void shouldRejectTextThatIsNoPrivateKey(final String text)
    {
        assertThatThrownBy(() -> KeyPairs.privateKeyFromPem(text))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(KeyPairs.NOT_A_PRIVATE_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAESbJFIcEq\n-----END PUBLIC KEY-----\n",
    })
    void shouldRejectTextThatIsNoPublicKey(final String text)
    {
        assertThatThrownBy(() -> KeyPairs.publicKeyFromPem(text))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(KeyPairs.NOT_A_PUBLIC_KEY);
    }

    @Test
    void shouldSayWhenPublicAndPrivateKeyFilesAreSwapped()
    {
        assertThatThrownBy(() -> KeyPairs.privateKeyFromPem(OpenSslVectors.SM2_PUBLIC_KEY_PEM))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("not a PKCS#8 PEM private key (found a public key)");
        assertThatThrownBy(() -> KeyPairs.publicKeyFromPem(OpenSslVectors.SM2_PRIVATE_KEY_PEM))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("not an X.509 PEM public key (found a private key)");
    }

    @Test
    void shouldReadRsaPemButRejectItForSigning() throws Exception
    {
        final KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        final KeyPair keyPair = rsa.generateKeyPair();
        final PrivateKey reread = KeyPairs.privateKeyFromPem(KeyPairs.privateKeyToPem(keyPair.getPrivate()));

        assertThat(reread.getAlgorithm()).isEqualTo("RSA");
        assertThatThrownBy(() -> SignatureAlgorithm.forKey(reread))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("not an EC key on sm2p256v1 or secp256r1");
        assertThat(KeyPairs.isPair(reread, keyPair.getPublic())).isFalse();
    }

    @Test
    void shouldNotPairKeysOnDifferentCurves()
    {
        final KeyPair sm2 = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        final KeyPair p256 = KeyPairs.generate(SignatureAlgorithm.ECDSA_P256_SHA256);

        assertThat(KeyPairs.isPair(sm2.getPrivate(), p256.getPublic())).isFalse();
        assertThat(KeyPairs.isPair(sm2.getPrivate(), KeyPairs.generate(SignatureAlgorithm.SM2_SM3).getPublic()))
            .isFalse();
    }
}
