package io.hutong.bench.connector.unionpay;

import io.hutong.connector.unionpay.UnionPayFields;
import io.hutong.connector.unionpay.UnionPaySign;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every sign type, the signature the benchmark makes must verify with the peer's key, and the verification it
 * times must succeed.
 */
class UnionPaySignBenchmarkTest
{
    @ParameterizedTest
    @ValueSource(strings = {"MD5", "RSA_1_256", "SM3WITHSM2"})
    void shouldSignWhatTheGatewayVerifies(final String signType) throws Exception
    {
        final UnionPaySignBenchmark benchmark = new UnionPaySignBenchmark();
        benchmark.signType = signType;
        benchmark.setup();

        final LinkedHashMap<String, String> resigned = benchmark.sample().signedMicropay();
        resigned.put(UnionPayFields.SIGN, benchmark.sign());

        assertThat(resigned).containsEntry(UnionPayFields.SIGN_TYPE, signType);
        assertThat(UnionPaySign.verify(resigned, benchmark.sample().gatewayKeys())).isTrue();
        assertThat(benchmark.verify()).isTrue();
    }
}
