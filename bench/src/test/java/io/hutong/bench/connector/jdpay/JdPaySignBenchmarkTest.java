package io.hutong.bench.connector.jdpay;

import io.hutong.connector.jdpay.JdPayCrypto;
import io.hutong.connector.jdpay.JdPayFields;
import io.hutong.connector.jdpay.JdPaySign;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For both key sizes, what the benchmark signs and seals must verify and open, and what it times must succeed.
 */
class JdPaySignBenchmarkTest
{
    @ParameterizedTest
    @ValueSource(ints = {1024, 2048})
    void shouldSignSealVerifyAndOpen(final int keyBits) throws Exception
    {
        final JdPaySignBenchmark benchmark = new JdPaySignBenchmark();
        benchmark.keyBits = keyBits;
        benchmark.setup();
        final JdPaySample sample = benchmark.sample();

        assertThat(JdPaySign.verify(JdPaySample.innerXml(), benchmark.sign(), sample.jdKeys().peerPublicKey())).isTrue();
        assertThat(benchmark.verify()).isTrue();
        assertThat(benchmark.open().text(JdPayFields.TOKEN)).isEqualTo(JdPaySample.PAY.authCode());
        assertThat(JdPayCrypto.open(benchmark.seal(), sample.jdKeys()).text(JdPayFields.TRADE_NUM))
            .isEqualTo(JdPaySample.PAY.orderNo());
    }
}
