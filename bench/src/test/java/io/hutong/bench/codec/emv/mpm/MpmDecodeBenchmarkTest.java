package io.hutong.bench.codec.emv.mpm;

import io.hutong.codec.CodeError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Arrays;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each sample must decode in the benchmark's own setup, so a broken payload cannot bench an error path.
 */
class MpmDecodeBenchmarkTest
{
    private static final Blackhole BLACKHOLE = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void shouldBenchEverySample() throws Exception
    {
        final Param param = MpmDecodeBenchmark.class.getField("sample").getAnnotation(Param.class);

        assertThat(param.value()).containsExactlyInAnyOrder(
            Arrays.stream(MpmSample.values()).map(Enum::name).toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(MpmSample.class)
    void shouldDecodeWithHutong(final MpmSample sample)
    {
        final MpmDecodeBenchmark benchmark = setUp(sample);

        assertThat(benchmark.hutongDecode()).isEqualTo(CodeError.NONE);
        assertThat(benchmark.hutongDecode()).as("decoding again after wrap").isEqualTo(CodeError.NONE);
    }

    @ParameterizedTest
    @EnumSource(MpmSample.class)
    void shouldDecodeAndPassCrcWithPeer(final MpmSample sample) throws Exception
    {
        assertThat(setUp(sample).peerDecodeCrc(BLACKHOLE).isValid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(MpmSample.class)
    void shouldMatchTheDocumentedPeerRuleVerdicts(final MpmSample sample) throws Exception
    {
        // Pinned because MpmDecodeBenchmark's javadoc says which samples the peer refuses.
        final boolean peerRefuses = EnumSet.of(MpmSample.PROMPTPAY, MpmSample.DUITNOW).contains(sample);

        assertThat(setUp(sample).peerDecodeCrcRules(BLACKHOLE).isValid()).isEqualTo(!peerRefuses);
    }

    private static MpmDecodeBenchmark setUp(final MpmSample sample)
    {
        final MpmDecodeBenchmark benchmark = new MpmDecodeBenchmark();
        benchmark.sample = sample;
        benchmark.setup();
        return benchmark;
    }
}
