package io.hutong.codec.sign;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeSignerTest
{
    private static final byte[] MESSAGE =
        "000201010212263000140000000000000000520459995303156540510.005802CN5904Test6007Beijing6304A1B2"
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldSignAndVerifyRoundTrip(final SignatureAlgorithm algorithm)
    {
        final KeyPair keyPair = KeyPairs.generate(algorithm);
        final CodeSigner signer = CodeSigner.fromKeyPair(algorithm, keyPair);
        final CodeVerifier verifier = new CodeVerifier(algorithm, keyPair.getPublic());

        final byte[] signature = signer.sign(MESSAGE, 0, MESSAGE.length);

        assertThat(signature).hasSize(64);
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, signature)).isTrue();
        assertThat(signer.keyId()).isEqualTo(verifier.keyId()).isEqualTo(KeyIds.of(keyPair.getPublic()));
        assertThat(signer.algorithm()).isEqualTo(algorithm);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldAlwaysProduceFixedLengthSignatures(final SignatureAlgorithm algorithm)
    {
        final KeyPair keyPair = KeyPairs.generate(algorithm);
        final CodeSigner signer = CodeSigner.fromKeyPair(algorithm, keyPair);
        final CodeVerifier verifier = new CodeVerifier(algorithm, keyPair.getPublic());

        // Different messages give different r and s; some have leading zero bytes that must be kept as padding.
        for (int i = 0; i < 200; i++)
        {
            final byte[] message = ("message " + i).getBytes(StandardCharsets.US_ASCII);
            final byte[] signature = signer.sign(message, 0, message.length);

            assertThat(signature).hasSize(algorithm.signatureLength());
            assertThat(verifier.verify(message, 0, message.length, signature)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldSignOnlyTheGivenRegion(final SignatureAlgorithm algorithm)
    {
        final KeyPair keyPair = KeyPairs.generate(algorithm);
        final CodeSigner signer = CodeSigner.fromKeyPair(algorithm, keyPair);
        final CodeVerifier verifier = new CodeVerifier(algorithm, keyPair.getPublic());
        final byte[] padded = new byte[MESSAGE.length + 10];
        System.arraycopy(MESSAGE, 0, padded, 7, MESSAGE.length);
        padded[0] = 'x';
        padded[padded.length - 1] = 'y';

        final byte[] signature = signer.sign(padded, 7, MESSAGE.length);

        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, signature)).isTrue();
        assertThat(verifier.verify(padded, 7, MESSAGE.length, signature)).isTrue();
        assertThat(verifier.verify(padded, 6, MESSAGE.length, signature)).isFalse();
        assertThat(verifier.verify(padded, 7, MESSAGE.length - 1, signature)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldSignEmptyMessage(final SignatureAlgorithm algorithm)
    {
        final KeyPair keyPair = KeyPairs.generate(algorithm);
        final CodeSigner signer = CodeSigner.fromKeyPair(algorithm, keyPair);
        final CodeVerifier verifier = new CodeVerifier(algorithm, keyPair.getPublic());

        final byte[] signature = signer.sign(new byte[0], 0, 0);

        assertThat(verifier.verify(new byte[0], 0, 0, signature)).isTrue();
        assertThat(verifier.verify(new byte[1], 0, 1, signature)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldRejectEverySingleByteChangeToTheMessage(final SignatureAlgorithm algorithm)
    {
        final KeyPair keyPair = KeyPairs.generate(algorithm);
        final byte[] signature = CodeSigner.fromKeyPair(algorithm, keyPair).sign(MESSAGE, 0, MESSAGE.length);
        final CodeVerifier verifier = new CodeVerifier(algorithm, keyPair.getPublic());

        for (int i = 0; i < MESSAGE.length; i++)
        {
            for (final int flip : new int[]{ 0x01, 0x80, 0xFF })
            {
                final byte[] tampered = MESSAGE.clone();
                tampered[i] ^= (byte)flip;

                assertThat(verifier.verify(tampered, 0, tampered.length, signature))
                    .as("message byte %d ^ 0x%02X", i, flip)
                    .isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldRejectEverySingleByteChangeToTheSignature(final SignatureAlgorithm algorithm)
    {
        final KeyPair keyPair = KeyPairs.generate(algorithm);
        final byte[] signature = CodeSigner.fromKeyPair(algorithm, keyPair).sign(MESSAGE, 0, MESSAGE.length);
        final CodeVerifier verifier = new CodeVerifier(algorithm, keyPair.getPublic());

        for (int i = 0; i < signature.length; i++)
        {
            final byte[] tampered = signature.clone();
            tampered[i] ^= 0x01;

            assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, tampered)).as("signature byte %d", i).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldRejectSignatureFromAnotherKey(final SignatureAlgorithm algorithm)
    {
        final CodeSigner signer = CodeSigner.fromKeyPair(algorithm, KeyPairs.generate(algorithm));
        final CodeVerifier otherVerifier = new CodeVerifier(algorithm, KeyPairs.generate(algorithm).getPublic());

        final byte[] signature = signer.sign(MESSAGE, 0, MESSAGE.length);

        assertThat(otherVerifier.verify(MESSAGE, 0, MESSAGE.length, signature)).isFalse();
    }

    @Test
    void shouldNotVerifyAcrossAlgorithms()
    {
        final KeyPair sm2 = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        final KeyPair p256 = KeyPairs.generate(SignatureAlgorithm.ECDSA_P256_SHA256);
        final byte[] sm2Signature = CodeSigner.fromKeyPair(SignatureAlgorithm.SM2_SM3, sm2).sign(MESSAGE, 0, 10);
        final CodeVerifier p256Verifier = new CodeVerifier(SignatureAlgorithm.ECDSA_P256_SHA256, p256.getPublic());

        assertThat(p256Verifier.verify(MESSAGE, 0, 10, sm2Signature)).isFalse();
    }

    @Test
    void shouldRejectKeyOnTheWrongCurve()
    {
        final KeyPair p256 = KeyPairs.generate(SignatureAlgorithm.ECDSA_P256_SHA256);

        assertThatThrownBy(() -> new CodeSigner(SignatureAlgorithm.SM2_SM3, "K1", p256.getPrivate()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("sm2p256v1");
        assertThatThrownBy(() -> new CodeVerifier(SignatureAlgorithm.SM2_SM3, p256.getPublic()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("sm2p256v1");
    }

    @Test
    void shouldRejectMismatchedKeyPair()
    {
        final KeyPair first = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        final KeyPair second = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        final KeyPair mixed = new KeyPair(second.getPublic(), first.getPrivate());

        assertThatThrownBy(() -> CodeSigner.fromKeyPair(SignatureAlgorithm.SM2_SM3, mixed))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("keyPair: public key does not match private key");
    }

    @Test
    void shouldRejectInvalidKeyId()
    {
        final KeyPair keyPair = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);

        assertThatThrownBy(() -> new CodeSigner(SignatureAlgorithm.SM2_SM3, "bad id", keyPair.getPrivate()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("keyId=bad id: ");
    }

    @Test
    void shouldThrowForRegionOutsideTheMessage()
    {
        final CodeSigner signer =
            CodeSigner.fromKeyPair(SignatureAlgorithm.SM2_SM3, KeyPairs.generate(SignatureAlgorithm.SM2_SM3));

        assertThatThrownBy(() -> signer.sign(MESSAGE, 1, MESSAGE.length))
            .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldCarryNoMessageStateFromOneSignatureToTheNextOnAThread(final SignatureAlgorithm algorithm)
    {
        // Each thread reuses one signer: a refused call and earlier messages must not leak into later signatures.
        final KeyPair keyPair = KeyPairs.generate(algorithm);
        final CodeSigner signer = CodeSigner.fromKeyPair(algorithm, keyPair);
        final CodeVerifier verifier = new CodeVerifier(algorithm, keyPair.getPublic());
        final byte[] other = "another message".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> signer.sign(MESSAGE, 1, MESSAGE.length)).isInstanceOf(IndexOutOfBoundsException.class);
        final byte[] first = signer.sign(MESSAGE, 0, MESSAGE.length);
        final byte[] second = signer.sign(other, 0, other.length);
        final byte[] third = signer.sign(MESSAGE, 0, MESSAGE.length);

        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, first)).isTrue();
        assertThat(verifier.verify(other, 0, other.length, second)).isTrue();
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, third)).isTrue();
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, second)).isFalse();
        if (SignatureAlgorithm.ECDSA_P256_SHA256 == algorithm)
        {
            assertThat(third).as("RFC 6979 nonces: the same message signs the same").isEqualTo(first);
        }
        else
        {
            assertThat(third).as("SM2 nonces are random").isNotEqualTo(first);
        }
    }

    @Test
    void shouldKeepKeyMaterialOutOfToString()
    {
        final KeyPair keyPair = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        final CodeSigner signer = CodeSigner.fromKeyPair(SignatureAlgorithm.SM2_SM3, keyPair);

        assertThat(signer.toString()).isEqualTo("CodeSigner{algorithm=SM2, keyId=" + signer.keyId() + "}");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldSignFromManyThreadsAtOnce() throws Exception
    {
        final KeyPair keyPair = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        final CodeSigner signer = CodeSigner.fromKeyPair(SignatureAlgorithm.SM2_SM3, keyPair);
        final CodeVerifier verifier = new CodeVerifier(SignatureAlgorithm.SM2_SM3, keyPair.getPublic());
        final ExecutorService executor = Executors.newFixedThreadPool(4);
        try
        {
            final List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 4; task++)
            {
                final int seed = task;
                results.add(executor.submit(() ->
                {
                    boolean allValid = true;
                    for (int i = 0; i < 50; i++)
                    {
                        final byte[] message = ("task " + seed + " message " + i).getBytes(StandardCharsets.US_ASCII);
                        final byte[] signature = signer.sign(message, 0, message.length);
                        allValid &= verifier.verify(message, 0, message.length, signature);
                    }
                    return allValid;
                }));
            }

            for (final Future<Boolean> result : results)
            {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        finally
        {
            executor.shutdownNow();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
