package io.hutong.codec.sign;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.util.test.FixedSecureRandom;
import org.junit.jupiter.api.Test;

import static io.hutong.codec.sign.SignatureAlgorithm.ECDSA_P256_SHA256;
import static io.hutong.codec.sign.SignatureAlgorithm.SM2_SM3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published known-answer vectors, independent of any implementation:
 * <ul>
 *     <li>SM2: GM/T 0003.5-2012 appendix A, signature example on the recommended curve sm2p256v1, user ID
 *     "1234567812345678", message "message digest", with its fixed nonce k.</li>
 *     <li>ECDSA P-256: RFC 6979 appendix A.2.5, SHA-256, message "sample" (deterministic nonce).</li>
 * </ul>
 */
class KnownAnswerTest
{
    private static final byte[] SM2_MESSAGE = "message digest".getBytes(StandardCharsets.US_ASCII);
    private static final String SM2_D = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
    private static final String SM2_PUBLIC =
        "04" +
        "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020" +
        "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
    private static final String SM2_K = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";
    private static final String SM2_SIGNATURE =
        "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3" +
        "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";

    private static final byte[] P256_MESSAGE = "sample".getBytes(StandardCharsets.US_ASCII);
    private static final String P256_D = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
    private static final String P256_PUBLIC =
        "04" +
        "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6" +
        "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";
    private static final String P256_SIGNATURE =
        "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716" +
        "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8";

    @Test
    void shouldVerifyGmT0003Sm2Example() throws Exception
    {
        final CodeVerifier verifier = new CodeVerifier(SM2_SM3, publicKey(SM2_SM3, SM2_PUBLIC));

        assertThat(verifier.verify(SM2_MESSAGE, 0, SM2_MESSAGE.length, Signatures.hex(SM2_SIGNATURE))).isTrue();
    }

    @Test
    void shouldReproduceGmT0003Sm2ExampleWithItsNonce() throws Exception
    {
        final CodeSigner signer = new CodeSigner(
            SM2_SM3, "gmt0003", privateKey(SM2_SM3, SM2_D), new FixedSecureRandom(Signatures.hex(SM2_K)));

        assertThat(signer.sign(SM2_MESSAGE, 0, SM2_MESSAGE.length)).isEqualTo(Signatures.hex(SM2_SIGNATURE));
    }

    @Test
    void shouldMatchGmT0003Sm2ExampleKeyPair() throws Exception
    {
        assertThat(KeyPairs.isPair(privateKey(SM2_SM3, SM2_D), publicKey(SM2_SM3, SM2_PUBLIC))).isTrue();
        assertThat(KeyPairs.isPair(privateKey(SM2_SM3, P256_D), publicKey(SM2_SM3, SM2_PUBLIC))).isFalse();
    }

    @Test
    void shouldReproduceRfc6979P256Sample() throws Exception
    {
        final CodeSigner signer = new CodeSigner(ECDSA_P256_SHA256, "rfc6979", privateKey(ECDSA_P256_SHA256, P256_D));

        assertThat(signer.sign(P256_MESSAGE, 0, P256_MESSAGE.length)).isEqualTo(Signatures.hex(P256_SIGNATURE));
    }

    @Test
    void shouldVerifyRfc6979P256Sample() throws Exception
    {
        final CodeVerifier verifier =
            new CodeVerifier(ECDSA_P256_SHA256, publicKey(ECDSA_P256_SHA256, P256_PUBLIC));

        assertThat(verifier.verify(P256_MESSAGE, 0, P256_MESSAGE.length, Signatures.hex(P256_SIGNATURE))).isTrue();
        assertThat(KeyPairs.isPair(privateKey(ECDSA_P256_SHA256, P256_D), verifier.publicKey())).isTrue();
    }

    private static PrivateKey privateKey(final SignatureAlgorithm algorithm, final String hexScalar)
        throws Exception
    {
        final ECNamedCurveParameterSpec spec = ECNamedCurveTable.getParameterSpec(algorithm.curveName());
        return KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
            .generatePrivate(new ECPrivateKeySpec(new BigInteger(hexScalar, 16), spec));
    }

    private static PublicKey publicKey(final SignatureAlgorithm algorithm, final String hexPoint) throws Exception
    {
        final ECNamedCurveParameterSpec spec = ECNamedCurveTable.getParameterSpec(algorithm.curveName());
        return KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
            .generatePublic(new ECPublicKeySpec(spec.getCurve().decodePoint(Signatures.hex(hexPoint)), spec));
    }
}
