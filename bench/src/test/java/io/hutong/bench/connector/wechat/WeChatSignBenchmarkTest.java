package io.hutong.bench.connector.wechat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each benchmark must compute what it claims, so a broken input cannot bench an error path: our signature equals the
 * official SDK's, and both verify.
 */
class WeChatSignBenchmarkTest
{
    @ParameterizedTest
    @ValueSource(strings = {"MD5", "HMAC-SHA256"})
    void shouldSignLikeTheOfficialSdk(final String signType) throws Exception
    {
        final WeChatSignBenchmark benchmark = benchmark(signType);

        assertThat(benchmark.sign()).hasSize(signType.equals("MD5") ? 32 : 64).isEqualTo(benchmark.peerSign());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "HMAC-SHA256"})
    void shouldVerifyTheSignedMicropay(final String signType) throws Exception
    {
        final WeChatSignBenchmark benchmark = benchmark(signType);

        assertThat(benchmark.verify()).isTrue();
        assertThat(benchmark.peerVerify()).isTrue();
        assertThat(benchmark.jdkDigestOnly()).hasSize(signType.equals("MD5") ? 16 : 32);
    }

    private static WeChatSignBenchmark benchmark(final String signType) throws Exception
    {
        final WeChatSignBenchmark benchmark = new WeChatSignBenchmark();
        benchmark.signType = signType;
        benchmark.setup();
        return benchmark;
    }
}
