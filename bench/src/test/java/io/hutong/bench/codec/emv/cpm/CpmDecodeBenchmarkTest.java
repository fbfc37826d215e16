package io.hutong.bench.codec.emv.cpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.emv.cpm.CpmDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example must decode in the benchmark's own setup, so a broken payload cannot bench an error path.
 */
class CpmDecodeBenchmarkTest
{
    @Test
    void shouldDecodeWithHutong()
    {
        final CpmDecodeBenchmark benchmark = new CpmDecodeBenchmark();
        benchmark.setup();

        assertThat(benchmark.hutongDecode()).isEqualTo(CodeError.NONE);
        assertThat(benchmark.hutongDecode()).as("decoding again after wrap").isEqualTo(CodeError.NONE);
    }

    @Test
    void shouldDecodeTheExpectedApplication()
    {
        final byte[] bytes = CpmDecodeBenchmark.EMVCO_EXAMPLE.getBytes(StandardCharsets.US_ASCII);
        final CpmDecoder decoder = new CpmDecoder();

        assertThat(decoder.wrap(new UnsafeBuffer(bytes), 0, bytes.length).decode()).isEqualTo(CodeError.NONE);
        assertThat(decoder.applicationCount()).isEqualTo(1);
        assertThat(decoder.aidHex(0)).isEqualTo("A0000000555555");
        assertThat(decoder.maskedPan()).isEqualTo("123456******3458");
    }

    @Test
    void shouldDecodeAndValidateWithPeer() throws Exception
    {
        final CpmDecodeBenchmark benchmark = new CpmDecodeBenchmark();
        benchmark.setup();

        assertThat(benchmark.peerDecode()).isNotNull();
        assertThat(benchmark.peerDecode().getApplicationTemplates()).hasSize(1);
        assertThat(benchmark.peerDecodeValidate().isValid()).isTrue();
    }
}
