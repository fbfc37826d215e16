package io.hutong.core.pos.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames arriving in pieces: truncation, byte-at-a-time arrival, and the fail-fast length prefix.
 */
class PosStreamTest
{
    private final PosFrameDecoder decoder = new PosFrameDecoder();

    @ParameterizedTest
    @EnumSource(PosMessageType.class)
    void shouldRefuseEveryTruncationOfEveryMessageTyped(final PosMessageType type)
    {
        final UnsafeBuffer frame = TestFrames.frame(type);
        for (int length = 0; length < frame.capacity(); length++)
        {
            final PosReason reason = decoder.wrap(frame, 0, length).decode();
            assertThat(reason).as("%s cut to %d bytes", type, length).isEqualTo(PosReason.MALFORMED);
            assertThat(decoder.messageType()).isNull();
        }
        assertThat(decoder.wrap(frame, 0, frame.capacity()).decode()).isEqualTo(PosReason.NONE);
    }

    @ParameterizedTest
    @EnumSource(PosMessageType.class)
    void shouldWaitForWholeFrameByteAtATime(final PosMessageType type)
    {
        final byte[] wire = TestFrames.wire(type, TestFrames.exampleMac());
        final UnsafeBuffer buffer = new UnsafeBuffer(wire);
        for (int available = 0; available < wire.length; available++)
        {
            assertThat(PosFraming.wireLength(buffer, 0, available)).isEqualTo(PosFraming.INCOMPLETE);
        }
        assertThat(PosFraming.wireLength(buffer, 0, wire.length)).isEqualTo(wire.length);
        assertThat(PosFraming.wireLength(buffer, 0, wire.length + 100)).isEqualTo(wire.length);
    }

    @Test
    void shouldSplitStreamOfEveryMessageFedOneByteAtATime()
    {
        final ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (final PosMessageType type : PosMessageType.values())
        {
            stream.writeBytes(TestFrames.wire(type, TestFrames.exampleMac()));
        }
        final byte[] bytes = stream.toByteArray();

        final UnsafeBuffer received = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]);
        final List<PosMessageType> decoded = new ArrayList<>();
        int filled = 0;
        for (final byte b : bytes)
        {
            received.putByte(filled++, b);
            final int wireLength = PosFraming.wireLength(received, 0, filled);
            assertThat(wireLength).isGreaterThanOrEqualTo(0);
            if (wireLength > 0)
            {
                assertThat(decoder.wrap(received, 2, wireLength - 2).decode()).isEqualTo(PosReason.NONE);
                decoded.add(decoder.messageType());
                received.putBytes(0, received, wireLength, filled - wireLength);
                filled -= wireLength;
            }
        }

        assertThat(filled).isZero();
        assertThat(decoded).containsExactly(PosMessageType.values());
    }

    @Test
    void shouldFailFastOnLengthPrefixAlone()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2]);
        buffer.putShort(0, (short)(PosFrameDescriptor.MAX_FRAME_LENGTH + 1), PosFrameDescriptor.BYTE_ORDER);
        assertThat(PosFraming.wireLength(buffer, 0, 2)).isEqualTo(PosFraming.TOO_LARGE);
        buffer.putShort(0, (short)0xFFFF, PosFrameDescriptor.BYTE_ORDER);
        assertThat(PosFraming.wireLength(buffer, 0, 2)).isEqualTo(PosFraming.TOO_LARGE);
        buffer.putShort(0, (short)(PosFrameDescriptor.MIN_FRAME_LENGTH - 1), PosFrameDescriptor.BYTE_ORDER);
        assertThat(PosFraming.wireLength(buffer, 0, 2)).isEqualTo(PosFraming.TOO_SMALL);
        buffer.putShort(0, (short)0, PosFrameDescriptor.BYTE_ORDER);
        assertThat(PosFraming.wireLength(buffer, 0, 2)).isEqualTo(PosFraming.TOO_SMALL);
        buffer.putShort(0, (short)PosFrameDescriptor.MAX_FRAME_LENGTH, PosFrameDescriptor.BYTE_ORDER);
        assertThat(PosFraming.wireLength(buffer, 0, 2)).isEqualTo(PosFraming.INCOMPLETE);
        assertThat(PosFraming.wireLength(buffer, 0, 1)).isEqualTo(PosFraming.INCOMPLETE);
    }

    @Test
    void shouldDescribeNettyFramingConsistently()
    {
        // LengthFieldBasedFrameDecoder: frame = prefix value + adjustment + offset + field length <= maxFrameLength.
        assertThat(PosFrameDescriptor.MAX_WIRE_LENGTH).isEqualTo(PosFrameDescriptor.MAX_FRAME_LENGTH +
            PosFrameDescriptor.LENGTH_ADJUSTMENT + PosFrameDescriptor.LENGTH_FIELD_OFFSET +
            PosFrameDescriptor.LENGTH_FIELD_LENGTH);
        assertThat(PosFrameDescriptor.INITIAL_BYTES_TO_STRIP).isEqualTo(PosFrameDescriptor.LENGTH_FIELD_LENGTH);
        assertThat(PosFrameDescriptor.MAX_FRAME_LENGTH).isLessThanOrEqualTo(0xFFFF);
        assertThat(PosFrameDescriptor.MAX_BODY_LENGTH)
            .as("the largest valid Pay fits").isGreaterThanOrEqualTo(PayDescriptor.BLOCK_LENGTH + 2 +
                PayDescriptor.MAX_CODE_LENGTH + 2 + PayDescriptor.MAX_SUBJECT_LENGTH);
    }
}
