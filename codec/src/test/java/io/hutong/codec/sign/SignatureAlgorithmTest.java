package io.hutong.codec.sign;

import org.junit.jupiter.api.Test;

import static io.hutong.codec.sign.SignatureAlgorithm.ECDSA_P256_SHA256;
import static io.hutong.codec.sign.SignatureAlgorithm.SM2_SM3;
import static org.assertj.core.api.Assertions.assertThat;

class SignatureAlgorithmTest
{
    @Test
    void shouldKeepWireNamesStable()
    {
        assertThat(SM2_SM3.wireName()).isEqualTo("SM2");
        assertThat(ECDSA_P256_SHA256.wireName()).isEqualTo("ES256");
        assertThat(SM2_SM3.curveName()).isEqualTo("sm2p256v1");
        assertThat(ECDSA_P256_SHA256.curveName()).isEqualTo("secp256r1");
    }

    @Test
    void shouldLookUpByWireName()
    {
        assertThat(SignatureAlgorithm.fromWireName("SM2")).isEqualTo(SM2_SM3);
        assertThat(SignatureAlgorithm.fromWireName(new StringBuilder("ES256"))).isEqualTo(ECDSA_P256_SHA256);
        assertThat(SignatureAlgorithm.fromWireName("sm2")).isNull();
        assertThat(SignatureAlgorithm.fromWireName("ES2566")).isNull();
        assertThat(SignatureAlgorithm.fromWireName("")).isNull();
        assertThat(SignatureAlgorithm.fromWireName(null)).isNull();
    }

    @Test
    void shouldUseSixtyFourByteSignatures()
    {
        assertThat(SM2_SM3.signatureLength()).isEqualTo(64);
        assertThat(ECDSA_P256_SHA256.signatureLength()).isEqualTo(64);
    }

    @Test
    void shouldLookUpByOrdinal()
    {
        for (final SignatureAlgorithm algorithm : SignatureAlgorithm.values())
        {
            assertThat(SignatureAlgorithm.get(algorithm.ordinal())).isSameAs(algorithm);
        }
    }

    @Test
    void shouldUseTheGmT0009DefaultUserId()
    {
        assertThat(new String(SignatureAlgorithm.SM2_DEFAULT_USER_ID, java.nio.charset.StandardCharsets.US_ASCII))
            .isEqualTo("1234567812345678");
    }
}
