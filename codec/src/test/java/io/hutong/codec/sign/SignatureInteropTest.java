package io.hutong.codec.sign;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.junit.jupiter.api.Test;

import static io.hutong.codec.sign.SignatureAlgorithm.ECDSA_P256_SHA256;
import static io.hutong.codec.sign.SignatureAlgorithm.SM2_SM3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known-answer and interoperability checks: signatures from other implementations (Bouncy Castle's DER-encoding
 * SM2Signer and JCA provider, OpenSSL, the JDK's SunEC) verify here once converted to raw r||s, and ours verify
 * there once converted to DER.
 */
class SignatureInteropTest
{
    private static final byte[] MESSAGE = OpenSslVectors.MESSAGE;

    @Test
    void shouldAcceptBouncyCastleStandardSm2SignatureConvertedFromDer() throws CryptoException
    {
        final KeyPair keyPair = KeyPairs.generate(SM2_SM3);
        final ECPrivateKeyParameters privateKey = EcKeys.privateParameters(SM2_SM3, keyPair.getPrivate());
        // BC's defaults: DER (StandardDSAEncoding), SM3, and user ID "1234567812345678" since none is given.
        final SM2Signer standard = new SM2Signer();
        standard.init(true, new ParametersWithRandom(privateKey));
        standard.update(MESSAGE, 0, MESSAGE.length);
        final byte[] der = standard.generateSignature();

        final byte[] raw = Signatures.derToRaw(SM2_SM3, der);

        assertThat(der[0]).isEqualTo((byte)0x30);
        assertThat(raw).hasSize(64);
        assertThat(new CodeVerifier(SM2_SM3, keyPair.getPublic()).verify(MESSAGE, 0, MESSAGE.length, raw)).isTrue();
    }

    @Test
    void shouldProduceSm2SignaturesThatBouncyCastleStandardSignerVerifiesAsDer()
    {
        final KeyPair keyPair = KeyPairs.generate(SM2_SM3);
        final byte[] raw = CodeSigner.fromKeyPair(SM2_SM3, keyPair).sign(MESSAGE, 0, MESSAGE.length);
        final ECPublicKeyParameters publicKey = EcKeys.publicParameters(SM2_SM3, keyPair.getPublic());
        final SM2Signer standard = new SM2Signer();
        standard.init(false, publicKey);
        standard.update(MESSAGE, 0, MESSAGE.length);

        assertThat(standard.verifySignature(Signatures.rawToDer(SM2_SM3, raw))).isTrue();
    }

    @Test
    void shouldInteroperateWithBouncyCastleJcaSm3WithSm2() throws Exception
    {
        final KeyPair keyPair = KeyPairs.generate(SM2_SM3);
        final Signature jca = Signature.getInstance("SM3withSM2", BouncyCastle.PROVIDER);
        jca.initSign(keyPair.getPrivate());
        jca.update(MESSAGE);
        final byte[] jcaDer = jca.sign();

        assertThat(new CodeVerifier(SM2_SM3, keyPair.getPublic())
            .verify(MESSAGE, 0, MESSAGE.length, Signatures.derToRaw(SM2_SM3, jcaDer))).isTrue();

        final byte[] raw = CodeSigner.fromKeyPair(SM2_SM3, keyPair).sign(MESSAGE, 0, MESSAGE.length);
        jca.initVerify(keyPair.getPublic());
        jca.update(MESSAGE);
        assertThat(jca.verify(Signatures.rawToDer(SM2_SM3, raw))).isTrue();
    }

    @Test
    void shouldAcceptOpenSslSm2SignatureWithDefaultUserId()
    {
        final PublicKey publicKey = KeyPairs.publicKeyFromPem(OpenSslVectors.SM2_PUBLIC_KEY_PEM);
        final byte[] raw = Signatures.derToRaw(SM2_SM3, Signatures.hex(OpenSslVectors.SM2_SIGNATURE_DEFAULT_ID_DER));

        assertThat(new CodeVerifier(SM2_SM3, publicKey).verify(MESSAGE, 0, MESSAGE.length, raw)).isTrue();
    }

    @Test
    void shouldRejectOpenSslSm2SignatureWithEmptyUserId()
    {
        final PublicKey publicKey = KeyPairs.publicKeyFromPem(OpenSslVectors.SM2_PUBLIC_KEY_PEM);
        final byte[] raw = Signatures.derToRaw(SM2_SM3, Signatures.hex(OpenSslVectors.SM2_SIGNATURE_EMPTY_ID_DER));

        // A different user ID changes Z, hence the digest: the pitfall the SM2_SM3 javadoc warns about.
        assertThat(new CodeVerifier(SM2_SM3, publicKey).verify(MESSAGE, 0, MESSAGE.length, raw)).isFalse();
    }

    @Test
    void shouldSignWithOpenSslGeneratedSm2Key()
    {
        final CodeSigner signer = new CodeSigner(
            SM2_SM3, "openssl", KeyPairs.privateKeyFromPem(OpenSslVectors.SM2_PRIVATE_KEY_PEM));
        final PublicKey publicKey = KeyPairs.publicKeyFromPem(OpenSslVectors.SM2_PUBLIC_KEY_PEM);

        final byte[] raw = signer.sign(MESSAGE, 0, MESSAGE.length);

        assertThat(new CodeVerifier(SM2_SM3, publicKey).verify(MESSAGE, 0, MESSAGE.length, raw)).isTrue();
    }

    @Test
    void shouldAcceptOpenSslP256Signature()
    {
        final PublicKey publicKey = KeyPairs.publicKeyFromPem(OpenSslVectors.P256_PUBLIC_KEY_PEM);
        final byte[] raw = Signatures.derToRaw(ECDSA_P256_SHA256, Signatures.hex(OpenSslVectors.P256_SIGNATURE_DER));
        final CodeVerifier verifier = new CodeVerifier(ECDSA_P256_SHA256, publicKey);

        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length, raw)).isTrue();
        assertThat(verifier.verify(MESSAGE, 0, MESSAGE.length - 1, raw)).isFalse();
    }

    @Test
    void shouldInteroperateWithJdkP1363Signatures() throws Exception
    {
        // Keys and signatures from the JDK's own SunEC provider: nothing Bouncy Castle made.
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        final KeyPair keyPair = generator.generateKeyPair();
        final Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
        jdk.initSign(keyPair.getPrivate());
        jdk.update(MESSAGE);
        final byte[] jdkRaw = jdk.sign();

        assertThat(new CodeVerifier(ECDSA_P256_SHA256, keyPair.getPublic())
            .verify(MESSAGE, 0, MESSAGE.length, jdkRaw)).isTrue();

        final byte[] ours = new CodeSigner(ECDSA_P256_SHA256, "jdk", keyPair.getPrivate())
            .sign(MESSAGE, 0, MESSAGE.length);
        jdk.initVerify(keyPair.getPublic());
        jdk.update(MESSAGE);
        assertThat(jdk.verify(ours)).isTrue();
    }

    @Test
    void shouldSignP256Deterministically()
    {
        // RFC 6979: the same key and message always give the same signature, so no weak RNG can leak the key.
        final CodeSigner signer = new CodeSigner(
            ECDSA_P256_SHA256, "openssl", KeyPairs.privateKeyFromPem(OpenSslVectors.P256_PRIVATE_KEY_PEM));

        assertThat(signer.sign(MESSAGE, 0, MESSAGE.length)).isEqualTo(signer.sign(MESSAGE, 0, MESSAGE.length));
    }
}
