package io.hutong.bench.codec.classify;

import io.hutong.bench.ForkedBenchmark;
import io.hutong.codec.classify.Classification;
import io.hutong.codec.classify.CodeClassifier;
import io.hutong.codec.registry.WalletRegistryLoader;
import org.agrona.concurrent.UnsafeBuffer;
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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * {@link CodeClassifier#classify(org.agrona.DirectBuffer, int, int)} end to end: recognise the format, decode,
 * route through the built-in registry ({@link WalletRegistryLoader#defaults()}). The peer library has no
 * classifier or router, so there is no peer here; the MPM samples can be read against
 * {@code MpmDecodeBenchmark.hutongDecode}, which is the decode part alone.
 * <p>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassifyBenchmark extends ForkedBenchmark
{
    /** The code classified; JMH sets it from the {@link Param} list. */
    @Param({"WECHAT_18", "UNIONPAY_19", "EMVCO_SPEC_MPM", "SGQR_MPM"})
    public ClassifySample sample;

    private CodeClassifier classifier;
    private UnsafeBuffer buffer;
    private int length;

    /**
     * Load the registry and encode the sample once per trial.
     */
    @Setup
    public void setup()
    {
        classifier = new CodeClassifier(WalletRegistryLoader.defaults());
        final byte[] bytes = sample.code().getBytes(StandardCharsets.UTF_8);
        buffer = new UnsafeBuffer(bytes);
        length = bytes.length;
    }

    /**
     * @return the classifier's reused result, valid for every sample (checked by {@code ClassifyBenchmarkTest}).
     */
    @Benchmark
    public Classification classify()
    {
        return classifier.classify(buffer, 0, length);
    }

    /**
     * @return the classifier, for tests that resolve wallet indexes to ids.
     */
    public CodeClassifier classifier()
    {
        return classifier;
    }
}
