package io.hutong.bench.connector.gm;

import io.hutong.bench.ForkedBenchmark;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.connector.gm.GmMessageException;
import io.hutong.connector.gm.GmSignature;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.security.Signature;
import java.util.concurrent.TimeUnit;

/**
 * SM2-with-SM3 over a real GM pay request body (about 450 bytes of JSON with an SM4-GCM encrypted code), and
 * SM4-GCM on the code itself:
 * <ul>
 *   <li>{@link #sign()}: {@link GmSignature#sign}, the {@code X-Hutong-Signature} value, through
 *       {@code io.hutong.codec.sign.CodeSigner} (one initialised Bouncy Castle {@code SM2Signer} per thread, so
 *       it is thread-safe without paying the key set-up per call);</li>
 *   <li>{@link #verify()}: {@link GmSignature#verify}, header parsing, key lookup and the SM2 verification;</li>
 *   <li>{@link #jcaSign()} and {@link #jcaVerify()}: the baseline, Bouncy Castle's JCA {@code SM3withSM2} (a
 *       provider instance, never registered) initialised once and reused, as a single-threaded caller could;</li>
 *   <li>{@link #fieldEncrypt()} and {@link #fieldDecrypt()}: {@code GmFieldCipher} on the consumer code.</li>
 * </ul>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class GmSignatureBenchmark extends ForkedBenchmark
{
    private static final Provider PROVIDER = new BouncyCastleProvider();

    private GmSample sample;
    private byte[] body;
    private String header;
    private Signature jcaSigner;
    private Signature jcaVerifier;
    private byte[] jcaSignature;
    private String encryptedCode;

    /**
     * Make the keys, the request and the JCA objects once per trial.
     *
     * @throws GeneralSecurityException never: Bouncy Castle has SM3withSM2.
     */
    @Setup
    public void setup() throws GeneralSecurityException
    {
        sample = new GmSample();
        body = sample.request().body();
        header = sample.request().signatureHeader();
        final KeyPair pair = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        jcaSigner = Signature.getInstance("SM3withSM2", PROVIDER);
        jcaSigner.initSign(pair.getPrivate());
        jcaVerifier = Signature.getInstance("SM3withSM2", PROVIDER);
        jcaVerifier.initVerify(pair.getPublic());
        jcaSigner.update(body);
        jcaSignature = jcaSigner.sign();
        encryptedCode = sample.cipher().encrypt(GmSample.REQUEST_ID, GmSample.PAY.authCode());
    }

    /**
     * @return the signature header value.
     */
    @Benchmark
    public String sign()
    {
        return GmSignature.sign(sample.switchSigner(), body);
    }

    /**
     * @return the key id that verified (checked by {@code GmSignatureBenchmarkTest}).
     * @throws GmMessageException never for the sample.
     */
    @Benchmark
    public String verify() throws GmMessageException
    {
        return GmSignature.verify(body, header, sample.switchKeys());
    }

    /**
     * @return the DER signature.
     * @throws GeneralSecurityException never.
     */
    @Benchmark
    public byte[] jcaSign() throws GeneralSecurityException
    {
        jcaSigner.update(body);
        return jcaSigner.sign();
    }

    /**
     * @return true.
     * @throws GeneralSecurityException never.
     */
    @Benchmark
    public boolean jcaVerify() throws GeneralSecurityException
    {
        jcaVerifier.update(body);
        return jcaVerifier.verify(jcaSignature);
    }

    /**
     * @return base64 of IV, ciphertext and tag.
     */
    @Benchmark
    public String fieldEncrypt()
    {
        return sample.cipher().encrypt(GmSample.REQUEST_ID, GmSample.PAY.authCode());
    }

    /**
     * @return the consumer code.
     * @throws GmMessageException never for the sample.
     */
    @Benchmark
    public String fieldDecrypt() throws GmMessageException
    {
        return sample.cipher().decrypt(GmSample.REQUEST_ID, encryptedCode);
    }

    /**
     * @return the inputs of the current trial, for the smoke tests.
     */
    GmSample sample()
    {
        return sample;
    }
}
