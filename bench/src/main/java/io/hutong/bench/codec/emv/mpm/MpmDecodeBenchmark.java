package io.hutong.bench.codec.emv.mpm;

import br.com.fluentvalidator.context.ValidationResult;
import com.emv.qrcode.core.exception.PresentedModeException;
import com.emv.qrcode.decoder.mpm.DecoderMpm;
import com.emv.qrcode.model.mpm.MerchantPresentedMode;
import com.emv.qrcode.validators.Crc16Validate;
import com.emv.qrcode.validators.MerchantPresentedModeValidate;
import io.hutong.bench.ForkedBenchmark;
import io.hutong.codec.CodeError;
import io.hutong.codec.emv.mpm.MpmDecoder;
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
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Decode and validate one merchant-presented payload: Hutong's {@link MpmDecoder} against the peer
 * {@code com.github.mvallim:emv-qrcode:0.1.1}.
 * <p>
 * The jobs compared:
 * <ul>
 *   <li>{@link #hutongDecode()}: {@code wrap(...).decode()} indexes every data object, checks the CRC and
 *       every format rule (EMV QRCPS MPM 4.x plus the national profiles), reading the bytes in place;</li>
 *   <li>{@link #peerDecodeCrc(Blackhole)}: {@code DecoderMpm.decode} builds the object model from the
 *       {@code String} and {@code Crc16Validate.validate} checks the CRC: the same as Hutong minus the format
 *       rules, so the peer's cheapest comparable job;</li>
 *   <li>{@link #peerDecodeCrcRules(Blackhole)}: the above plus {@code MerchantPresentedModeValidate.validate},
 *       the peer's format rules: the full job Hutong does.</li>
 * </ul>
 * Fairness: the peer is handed a ready {@code String} (a scanner delivers bytes, so in production it would also
 * pay for decoding them into one); Hutong is handed the UTF-8 bytes in an {@link UnsafeBuffer}. Neither pays
 * for its input here.
 * <p>
 * What the peer makes of the samples (checked with the peer 0.1.1 itself): it decodes every one without
 * throwing and accepts every CRC. Its rules refuse two that are valid in their national profiles, and stop at
 * the first broken rule ({@code failFastRule}), so those two measure the peer's rejection path:
 * <ul>
 *   <li>{@code PROMPTPAY}: "MerchantCategoryCode tag must be size equal two" (a Thai P2P code has no MCC,
 *       merchant name or city);</li>
 *   <li>{@code DUITNOW}: "PayloadFormatIndicator value must be '01'" (DuitNow sends "02").</li>
 * </ul>
 * The peer does not enforce the 512-character limit, so it accepts {@code SGQR} (1,069 characters) as Hutong
 * does under its SGQR extended-length profile.
 * <p>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class MpmDecodeBenchmark extends ForkedBenchmark
{
    /** The payload decoded; JMH sets it from the {@link Param} list. */
    @Param({"EMVCO_SPEC", "PIX", "PROMPTPAY", "SGQR", "DUITNOW"})
    public MpmSample sample;

    private final MpmDecoder decoder = new MpmDecoder();
    private UnsafeBuffer buffer;
    private int length;
    private String text;

    /**
     * Encode the sample once per trial: UTF-8 bytes for Hutong, the {@code String} for the peer.
     */
    @Setup
    public void setup()
    {
        text = sample.payload();
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer = new UnsafeBuffer(bytes);
        length = bytes.length;
    }

    /**
     * @return {@link CodeError#NONE} for every sample (checked by {@code MpmDecodeBenchmarkTest}).
     */
    @Benchmark
    public CodeError hutongDecode()
    {
        return decoder.wrap(buffer, 0, length).decode();
    }

    /**
     * @param blackhole sinks the decoded model.
     * @return the peer's CRC verdict.
     * @throws PresentedModeException never for these samples.
     */
    @Benchmark
    public ValidationResult peerDecodeCrc(final Blackhole blackhole) throws PresentedModeException
    {
        blackhole.consume(DecoderMpm.decode(text, MerchantPresentedMode.class));
        return Crc16Validate.validate(text);
    }

    /**
     * @param blackhole sinks the CRC verdict.
     * @return the peer's format-rule verdict.
     * @throws PresentedModeException never for these samples.
     */
    @Benchmark
    public ValidationResult peerDecodeCrcRules(final Blackhole blackhole) throws PresentedModeException
    {
        final MerchantPresentedMode model = DecoderMpm.decode(text, MerchantPresentedMode.class);
        blackhole.consume(Crc16Validate.validate(text));
        return MerchantPresentedModeValidate.validate(model);
    }
}
