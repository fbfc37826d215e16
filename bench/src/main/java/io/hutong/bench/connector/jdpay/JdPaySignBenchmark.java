package io.hutong.bench.connector.jdpay;

import io.hutong.bench.ForkedBenchmark;
import io.hutong.connector.jdpay.JdPayCrypto;
import io.hutong.connector.jdpay.JdPayMessageException;
import io.hutong.connector.jdpay.JdPaySign;
import io.hutong.connector.jdpay.JdPayXml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;

/**
 * JD Pay's signature (RSA PKCS#1 v1.5 over the SHA-256 hex text of the inner XML) on a real {@code fkmPay}, with
 * JD's 1024-bit keys and with 2048-bit keys:
 * <ul>
 *   <li>{@link #sign()} and {@link #verify()}: {@link JdPaySign} alone;</li>
 *   <li>{@link #seal()}: {@link JdPayCrypto#seal}, sign then 3DES, what a request costs before its envelope;</li>
 *   <li>{@link #open()}: {@link JdPayCrypto#open}, 3DES, StAX, hashed form and verification, what the wallet
 *       does with a request (the connector does the same with an answer).</li>
 * </ul>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class JdPaySignBenchmark extends ForkedBenchmark
{
    /** The RSA modulus size of both key pairs. */
    @Param({"1024", "2048"})
    public int keyBits;

    private JdPaySample sample;
    private String unsigned;
    private String signature;
    private String sealed;

    /**
     * Make the keys and one sealed request once per trial.
     *
     * @throws GeneralSecurityException never.
     */
    @Setup
    public void setup() throws GeneralSecurityException
    {
        sample = new JdPaySample(keyBits);
        unsigned = JdPaySample.innerXml();
        signature = JdPaySign.sign(unsigned, sample.merchantKeys().ownPrivateKey());
        sealed = JdPayCrypto.seal(unsigned, sample.merchantKeys());
    }

    /**
     * @return the base64 signature.
     */
    @Benchmark
    public String sign()
    {
        return JdPaySign.sign(unsigned, sample.merchantKeys().ownPrivateKey());
    }

    /**
     * @return true (checked by {@code JdPaySignBenchmarkTest}).
     */
    @Benchmark
    public boolean verify()
    {
        return JdPaySign.verify(unsigned, signature, sample.jdKeys().peerPublicKey());
    }

    /**
     * @return the {@code encrypt} value.
     */
    @Benchmark
    public String seal()
    {
        return JdPayCrypto.seal(unsigned, sample.merchantKeys());
    }

    /**
     * @return the verified inner message.
     * @throws JdPayMessageException never for the sample.
     */
    @Benchmark
    public JdPayXml.Element open() throws JdPayMessageException
    {
        return JdPayCrypto.open(sealed, sample.jdKeys());
    }

    /**
     * @return the inputs of the current trial, for the smoke tests.
     */
    JdPaySample sample()
    {
        return sample;
    }
}
