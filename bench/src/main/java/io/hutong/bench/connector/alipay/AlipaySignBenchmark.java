package io.hutong.bench.connector.alipay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hutong.bench.ForkedBenchmark;
import io.hutong.connector.alipay.AlipayResponse;
import io.hutong.connector.alipay.AlipaySign;
import io.hutong.connector.alipay.AlipayWireRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Alipay RSA2 (SHA256withRSA, 2048-bit keys, the JDK's provider) on a real {@code alipay.trade.pay}:
 * <ul>
 *   <li>{@link #signRequest()}: {@link AlipaySign#signParams} over the request's eight parameters (sort, join,
 *       sign, base64) with the app key as the connector holds it (a Bouncy Castle key object read from the
 *       settings);</li>
 *   <li>{@link #jdkKeySignRequest()}: the baseline, the same with the JDK's own key object;</li>
 *   <li>{@link #verifyRequest()}: {@link AlipaySign#verifyParams}, the gateway's check of that request;</li>
 *   <li>{@link #verifyAnswer()}: {@link AlipaySign#verify} of the gateway's answer over the exact text of its
 *       inner object, as the connector checks it.</li>
 * </ul>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class AlipaySignBenchmark extends ForkedBenchmark
{
    private AlipaySample sample;
    private Map<String, String> params;
    private byte[] answerContent;
    private String answerSign;

    /**
     * Make the keys, one signed request and the answer once per trial.
     *
     * @throws GeneralSecurityException never.
     * @throws IOException                never: the answer is JSON.
     */
    @Setup
    public void setup() throws GeneralSecurityException, IOException
    {
        sample = new AlipaySample();
        final AlipayWireRequest wire = sample.encoder().encode(AlipaySample.payRequest());
        params = wire.params();
        final AlipayResponse.Result parsed =
            AlipayResponse.parse(AlipaySample.payRequest().method(), sample.answer(), sample.gatewayPublicKey());
        answerContent = parsed.response().signedContent().getBytes(StandardCharsets.UTF_8);
        answerSign = answerSignOf(sample.answer());
    }

    /**
     * @return the base64 signature.
     */
    @Benchmark
    public String signRequest()
    {
        return AlipaySign.signParams(params, sample.appPrivateKey());
    }

    /**
     * @return the base64 signature.
     */
    @Benchmark
    public String jdkKeySignRequest()
    {
        return AlipaySign.signParams(params, sample.jdkAppPrivateKey());
    }

    /**
     * @return true (checked by {@code AlipaySignBenchmarkTest}).
     */
    @Benchmark
    public boolean verifyRequest()
    {
        return AlipaySign.verifyParams(params, sample.appPublicKey());
    }

    /**
     * @return true.
     */
    @Benchmark
    public boolean verifyAnswer()
    {
        return AlipaySign.verify(answerContent, answerSign, sample.gatewayPublicKey());
    }

    private static String answerSignOf(final byte[] answer) throws IOException
    {
        return new ObjectMapper().readTree(answer).get(AlipaySign.SIGN).asText();
    }

    /**
     * @return the signed request's parameters, {@code sign} included, for the smoke tests.
     */
    Map<String, String> params()
    {
        return params;
    }

    /**
     * @return the inputs of the current trial, for the smoke tests.
     */
    AlipaySample sample()
    {
        return sample;
    }
}
