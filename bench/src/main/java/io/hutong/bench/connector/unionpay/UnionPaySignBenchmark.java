package io.hutong.bench.connector.unionpay;

import io.hutong.bench.ForkedBenchmark;
import io.hutong.connector.unionpay.UnionPaySign;
import io.hutong.connector.unionpay.UnionPaySignType;
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
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The UnionPay gateway signature over a {@code unified.trade.micropay}'s eleven request fields, for each sign type
 * ({@code MD5} with the shared key, {@code RSA_1_256} with 2048-bit keys, {@code SM3WITHSM2} with DER signatures):
 * <ul>
 *   <li>{@link #sign()}: {@link UnionPaySign#sign} with the merchant's own key, as a request is signed;</li>
 *   <li>{@link #verify()}: {@link UnionPaySign#verify} with the merchant's public key, as the gateway checks it
 *       (the connector checks an answer the same way with the gateway's key).</li>
 * </ul>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class UnionPaySignBenchmark extends ForkedBenchmark
{
    /** The sign type, by its {@code sign_type} wire name. */
    @Param({"MD5", "RSA_1_256", "SM3WITHSM2"})
    public String signType;

    private UnionPaySample sample;
    private LinkedHashMap<String, String> signed;

    /**
     * Make the keys and the signed request once per trial.
     *
     * @throws GeneralSecurityException never.
     */
    @Setup
    public void setup() throws GeneralSecurityException
    {
        sample = new UnionPaySample(UnionPaySignType.fromWireName(signType));
        signed = sample.signedMicropay();
    }

    /**
     * @return the {@code sign} value.
     */
    @Benchmark
    public String sign()
    {
        return UnionPaySign.sign(signed, sample.merchant().keys());
    }

    /**
     * @return true (checked by {@code UnionPaySignBenchmarkTest}).
     */
    @Benchmark
    public boolean verify()
    {
        return UnionPaySign.verify(signed, sample.gatewayKeys());
    }

    /**
     * @return the inputs of the current trial, for the smoke tests.
     */
    UnionPaySample sample()
    {
        return sample;
    }
}
