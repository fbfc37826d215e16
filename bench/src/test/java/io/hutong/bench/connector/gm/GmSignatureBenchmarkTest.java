package io.hutong.bench.connector.gm;

import io.hutong.connector.gm.GmSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every signature the benchmark makes must verify, and every verification it times must succeed.
 */
class GmSignatureBenchmarkTest
{
    private final GmSignatureBenchmark benchmark = new GmSignatureBenchmark();

    @BeforeEach
    void setUp() throws Exception
    {
        benchmark.setup();
    }

    @Test
    void shouldSignWhatVerifies() throws Exception
    {
        final String header = benchmark.sign();

        assertThat(header).startsWith("keyId=" + GmSample.SWITCH_KEY_ID + ",sig=");
        assertThat(GmSignature.verify(benchmark.sample().request().body(), header, benchmark.sample().switchKeys()))
            .isEqualTo(GmSample.SWITCH_KEY_ID);
    }

    @Test
    void shouldVerifyTheRequest() throws Exception
    {
        assertThat(benchmark.verify()).isEqualTo(GmSample.SWITCH_KEY_ID);
        assertThat(benchmark.jcaVerify()).isTrue();
        assertThat(benchmark.jcaSign()).isNotEmpty();
    }

    @Test
    void shouldEncryptAndDecryptTheCode() throws Exception
    {
        assertThat(benchmark.fieldDecrypt()).isEqualTo(GmSample.PAY.authCode());
        assertThat(benchmark.sample().cipher().decrypt(GmSample.REQUEST_ID, benchmark.fieldEncrypt()))
            .isEqualTo(GmSample.PAY.authCode());
    }
}
