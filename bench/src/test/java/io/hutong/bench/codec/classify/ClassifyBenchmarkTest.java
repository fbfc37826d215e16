package io.hutong.bench.codec.classify;

import io.hutong.codec.classify.Classification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Param;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each sample must classify and route in the benchmark's own setup, so a broken code cannot bench an error path.
 */
class ClassifyBenchmarkTest
{
    @Test
    void shouldBenchEverySample() throws Exception
    {
        final Param param = ClassifyBenchmark.class.getField("sample").getAnnotation(Param.class);

        assertThat(param.value()).containsExactlyInAnyOrder(
            Arrays.stream(ClassifySample.values()).map(Enum::name).toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(ClassifySample.class)
    void shouldClassifyAndRoute(final ClassifySample sample)
    {
        final ClassifyBenchmark benchmark = new ClassifyBenchmark();
        benchmark.sample = sample;
        benchmark.setup();

        final Classification result = benchmark.classify();

        assertThat(result.isValid()).as("%s: %s", sample, result.errorCode()).isTrue();
        if (sample.firstWallet() == null)
        {
            assertThat(result.walletCount()).isZero();
        }
        else
        {
            assertThat(result.walletCount()).isPositive();
            assertThat(benchmark.classifier().registry().participant(result.wallet(0)).id())
                .isEqualTo(sample.firstWallet());
        }
        assertThat(benchmark.classify().isValid()).as("classifying again").isTrue();
    }
}
