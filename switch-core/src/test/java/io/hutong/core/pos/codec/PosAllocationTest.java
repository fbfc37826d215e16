package io.hutong.core.pos.codec;

import java.util.stream.Stream;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static io.hutong.core.pos.codec.Allocations.ITERATIONS;
import static io.hutong.core.pos.codec.Allocations.TOLERANCE_BYTES;
import static io.hutong.core.pos.codec.Allocations.measure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decoding, encoding, and computing and verifying MACs allocate nothing once warm (STYLE.md, hot path), on
 * success and on refusal.
 */
class PosAllocationTest
{
    private final PosFrameDecoder decoder = new PosFrameDecoder();
    private final PosFrameEncoder encoder = new PosFrameEncoder();
    private final FrameMac mac = TestFrames.exampleMac();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]);

    /** Keeps the allocating control loop's results reachable so they cannot be optimised away. */
    private static volatile Object blackhole;

    @ParameterizedTest
    @EnumSource(PosMessageType.class)
    void shouldDecodeEveryMessageWithoutAllocating(final PosMessageType type)
    {
        final UnsafeBuffer frame = TestFrames.frame(type);
        final long allocated = measure(() ->
            decoder.wrap(frame, 0, frame.capacity()).decode() == PosReason.NONE ? decoder.bodyLength() : -1);

        assertThat(allocated).as("bytes allocated by %d decodes of %s", ITERATIONS, type)
            .isLessThanOrEqualTo(TOLERANCE_BYTES);
    }

    @Test
    void shouldDecodeAndReadPayWithoutAllocating()
    {
        final UnsafeBuffer frame = TestFrames.frame(PosMessageType.PAY);
        final long allocated = measure(() ->
        {
            if (decoder.wrap(frame, 0, frame.capacity()).decode() != PosReason.NONE)
            {
                return -1_000_000;
            }
            final PayDecoder pay = decoder.pay();
            return pay.amount() + pay.currency() + pay.codeLength() + pay.subjectLength() + pay.terminalTxnIdLength() +
                pay.merchantIdLength() + decoder.sequence() + decoder.terminalIdLength() +
                decoder.buffer().getByte(pay.codeOffset());
        });

        assertThat(allocated).isLessThanOrEqualTo(TOLERANCE_BYTES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFrames")
    void shouldRefuseWithoutAllocating(final String name, final PosReason expected, final UnsafeBuffer frame)
    {
        final long allocated = measure(() -> decoder.wrap(frame, 0, frame.capacity()).decode() == expected ? 1 : -1);

        assertThat(decoder.decode()).isEqualTo(expected);
        assertThat(allocated).as("bytes allocated by %d refusals (%s)", ITERATIONS, name)
            .isLessThanOrEqualTo(TOLERANCE_BYTES);
    }

    @ParameterizedTest
    @EnumSource(PosMessageType.class)
    void shouldEncodeAndMacEveryMessageWithoutAllocating(final PosMessageType type)
    {
        final long allocated = measure(() -> TestFrames.encode(encoder, out, 0, type, mac, 9));

        assertThat(allocated).as("bytes allocated by %d encodes of %s", ITERATIONS, type)
            .isLessThanOrEqualTo(TOLERANCE_BYTES);
    }

    @Test
    void shouldComputeAndVerifyMacsWithoutAllocating()
    {
        final UnsafeBuffer frame = TestFrames.frame(PosMessageType.PAY);
        final int signed = frame.capacity() - PosFrameDescriptor.MAC_LENGTH;
        final UnsafeBuffer tampered = TestFrames.frame(PosMessageType.PAY);
        tampered.putByte(40, (byte)(tampered.getByte(40) ^ 1));
        final byte[] result = new byte[FrameMac.LENGTH];

        final long allocated = measure(() ->
        {
            mac.compute(frame, 0, signed, result, 0);
            mac.compute(frame, 0, signed, out, 0);
            final boolean good = mac.verify(frame, 0, signed, frame, signed);
            final boolean bad = mac.verify(tampered, 0, signed, tampered, signed);
            return good && !bad ? result[0] : -1_000_000;
        });

        assertThat(allocated).isLessThanOrEqualTo(TOLERANCE_BYTES);
    }

    /**
     * The measurement must be able to fail: the String accessors allocate, and it has to show.
     */
    @Test
    void shouldSeeAllocationOfStringAccessors()
    {
        final UnsafeBuffer frame = TestFrames.frame(PosMessageType.PAY);
        decoder.wrap(frame, 0, frame.capacity()).decode();

        final long allocated = measure(() ->
        {
            final String code = decoder.pay().code();
            blackhole = code;
            return code.length();
        });

        assertThat(allocated).isGreaterThanOrEqualTo(16L * ITERATIONS);
    }

    static Stream<Arguments> refusedFrames()
    {
        final UnsafeBuffer truncated = TestFrames.frame(PosMessageType.PAY);
        final UnsafeBuffer badCode = TestFrames.payBlock(1, 156, "T", "M").var("1 2").var("").build();
        final UnsafeBuffer badSubject = TestFrames.payBlock(1, 156, "T", "M").var("1").var(new byte[]{ (byte)0xFF })
            .build();
        return Stream.of(
            Arguments.of("too large", PosReason.TOO_LARGE, new UnsafeBuffer(new byte[3000])),
            Arguments.of("short", PosReason.MALFORMED, new UnsafeBuffer(new byte[10])),
            Arguments.of("version", PosReason.UNSUPPORTED_VERSION,
                TestFrames.raw(PosMessageType.PAY).version(9).build()),
            Arguments.of("template", PosReason.UNKNOWN_MESSAGE,
                TestFrames.raw(PosMessageType.PAY).templateId(99).build()),
            Arguments.of("truncated", PosReason.MALFORMED, new UnsafeBuffer(truncated, 0, truncated.capacity() - 1)),
            Arguments.of("code", PosReason.INVALID_FIELD, badCode),
            Arguments.of("subject", PosReason.INVALID_FIELD, badSubject),
            Arguments.of("amount", PosReason.INVALID_FIELD,
                TestFrames.payBlock(0, 156, "T", "M").var("1").var("").build()));
    }
}
