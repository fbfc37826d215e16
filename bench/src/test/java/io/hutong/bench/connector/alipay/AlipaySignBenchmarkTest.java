package io.hutong.bench.connector.alipay;

import io.hutong.connector.alipay.AlipaySign;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every signature the benchmark makes must verify, and every verification it times must succeed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlipaySignBenchmarkTest
{
    private final AlipaySignBenchmark benchmark = new AlipaySignBenchmark();

    @BeforeAll
    void setUp() throws Exception
    {
        benchmark.setup();
    }

    @Test
    void shouldSignTheRequestWithEitherKeyObjectAlike()
    {
        final String sign = benchmark.signRequest();

        // PKCS#1 v1.5 signatures are deterministic: the same key gives the same bytes through either key object.
        assertThat(benchmark.jdkKeySignRequest()).isEqualTo(sign);
        assertThat(sign).isEqualTo(benchmark.params().get(AlipaySign.SIGN));
    }

    @Test
    void shouldVerifyTheRequestAndTheAnswer()
    {
        assertThat(benchmark.verifyRequest()).isTrue();
        assertThat(benchmark.verifyAnswer()).isTrue();
        assertThat(AlipaySign.verify("tampered".getBytes(StandardCharsets.UTF_8), benchmark.signRequest(),
            benchmark.sample().appPublicKey())).isFalse();
    }
}
