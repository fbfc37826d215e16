package io.hutong.bench.codec.emv.cpm;

import br.com.fluentvalidator.context.ValidationResult;
import com.emv.qrcode.core.exception.PresentedModeException;
import com.emv.qrcode.decoder.cpm.DecoderCpm;
import com.emv.qrcode.model.cpm.ConsumerPresentedMode;
import com.emv.qrcode.validators.ConsumerPresentedModeValidate;
import io.hutong.bench.ForkedBenchmark;
import io.hutong.codec.CodeError;
import io.hutong.codec.emv.cpm.CpmDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Decode and validate the EMVCo consumer-presented example (EMV QRCPS CPM v1.1, the base64 text a POS scans):
 * Hutong's {@link CpmDecoder} against the peer {@code com.github.mvallim:emv-qrcode:0.1.1}.
 * <ul>
 *   <li>{@link #hutongDecode()}: {@code wrap(...).decode()} decodes the base64 into the decoder's scratch
 *       buffer, walks the BER-TLV at every depth and checks every CPM rule;</li>
 *   <li>{@link #peerDecode()}: {@code DecoderCpm.decode(String, ConsumerPresentedMode.class)}, which
 *       base64-decodes the text ({@code java.util.Base64}) and builds the object model, no rules;</li>
 *   <li>{@link #peerDecodeValidate()}: the above plus {@code ConsumerPresentedModeValidate.validate}, the
 *       peer's CPM rules: the full job Hutong does. The peer accepts the example.</li>
 * </ul>
 * Hutong reads the ASCII text from an {@link UnsafeBuffer}; the peer is handed the {@code String}.
 * <p>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class CpmDecodeBenchmark extends ForkedBenchmark
{
    /** The EMVCo CPM v1.1 example: one application (AID A0000000555555), PAN in '5A' and '57'. */
    public static final String EMVCO_EXAMPLE = "hQVDUFYwMWEaTwegAAAAVVVVVw8SNFZ4kBI0WNGRIgESNF8=";

    private final CpmDecoder decoder = new CpmDecoder();
    private UnsafeBuffer buffer;
    private int length;
    private String text;

    /**
     * Encode the example once per trial: ASCII bytes for Hutong, the {@code String} for the peer.
     */
    @Setup
    public void setup()
    {
        text = EMVCO_EXAMPLE;
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        buffer = new UnsafeBuffer(bytes);
        length = bytes.length;
    }

    /**
     * @return {@link CodeError#NONE} (checked by {@code CpmDecodeBenchmarkTest}).
     */
    @Benchmark
    public CodeError hutongDecode()
    {
        return decoder.wrap(buffer, 0, length).decode();
    }

    /**
     * @return the peer's decoded model.
     * @throws PresentedModeException never for the example.
     */
    @Benchmark
    public ConsumerPresentedMode peerDecode() throws PresentedModeException
    {
        return DecoderCpm.decode(text, ConsumerPresentedMode.class);
    }

    /**
     * @return the peer's rule verdict.
     * @throws PresentedModeException never for the example.
     */
    @Benchmark
    public ValidationResult peerDecodeValidate() throws PresentedModeException
    {
        return ConsumerPresentedModeValidate.validate(DecoderCpm.decode(text, ConsumerPresentedMode.class));
    }
}
