package io.hutong.codec.sign;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Random;

import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class CodeVerifierTest
{
    private static final byte[] MESSAGE = "merchant code bytes".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldReturnFalseForWrongSignatureLengths(final SignatureAlgorithm algorithm)
    {
        final KeyPair keyPair = KeyPairs.generate(algorithm);
        final byte[] valid = CodeSigner.fromKeyPair(algorithm, keyPair).sign(MESSAGE, 0, MESSAGE.length);
        final CodeVerifier verifier = new CodeVerifier(algorithm, keyPair.getPublic());

        for (final int length : new int[]{ 0, 1, 31, 32, 63, 65, 70, 72, 128 })
        {
            final byte[] signature = Arrays.copyOf(valid, length);

            assertThatCode(() -> assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, signature))
                .as("length %d", length)
                .isFalse())
                .doesNotThrowAnyException();
        }
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, null)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldReturnFalseForZeroComponents(final SignatureAlgorithm algorithm)
    {
        final KeyPair keyPair = KeyPairs.generate(algorithm);
        final byte[] valid = CodeSigner.fromKeyPair(algorithm, keyPair).sign(MESSAGE, 0, MESSAGE.length);
        final CodeVerifier verifier = new CodeVerifier(algorithm, keyPair.getPublic());
        final byte[] zeroR = valid.clone();
        Arrays.fill(zeroR, 0, 32, (byte)0);
        final byte[] zeroS = valid.clone();
        Arrays.fill(zeroS, 32, 64, (byte)0);

        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, new byte[64])).isFalse();
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, zeroR)).isFalse();
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, zeroS)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldReturnFalseForComponentsOutOfRange(final SignatureAlgorithm algorithm)
    {
        final KeyPair keyPair = KeyPairs.generate(algorithm);
        final byte[] valid = CodeSigner.fromKeyPair(algorithm, keyPair).sign(MESSAGE, 0, MESSAGE.length);
        final CodeVerifier verifier = new CodeVerifier(algorithm, keyPair.getPublic());
        final BigInteger n = algorithm.domain().getN();
        final byte[] rIsOrder = valid.clone();
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, n), 0, rIsOrder, 0, 32);
        final byte[] sIsOrder = valid.clone();
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, n), 0, sIsOrder, 32, 32);
        final byte[] allOnes = new byte[64];
        Arrays.fill(allOnes, (byte)0xFF);

        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, rIsOrder)).isFalse();
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, sIsOrder)).isFalse();
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, allOnes)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldReturnFalseForDerEncodedSignature(final SignatureAlgorithm algorithm)
    {
        final KeyPair keyPair = KeyPairs.generate(algorithm);
        final byte[] raw = CodeSigner.fromKeyPair(algorithm, keyPair).sign(MESSAGE, 0, MESSAGE.length);
        final CodeVerifier verifier = new CodeVerifier(algorithm, keyPair.getPublic());

        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, Signatures.rawToDer(algorithm, raw))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void shouldReturnFalseForRandomSignatures(final SignatureAlgorithm algorithm)
    {
        final KeyPair keyPair = KeyPairs.generate(algorithm);
        final CodeVerifier verifier = new CodeVerifier(algorithm, keyPair.getPublic());
        final Random random = new Random(42);

        for (int i = 0; i < 200; i++)
        {
            final byte[] signature = new byte[64];
            random.nextBytes(signature);

            assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, signature)).isFalse();
        }
    }
}
