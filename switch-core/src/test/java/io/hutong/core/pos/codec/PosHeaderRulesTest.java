package io.hutong.core.pos.codec;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.hutong.core.pos.codec.TestFrames.raw;
import static org.assertj.core.api.Assertions.assertThat;

class PosHeaderRulesTest
{
    private final PosFrameDecoder decoder = new PosFrameDecoder();

    @Test
    void shouldAcceptHeartbeatBuiltByHand()
    {
        assertThat(decode(raw(PosMessageType.HEARTBEAT).i64(5).build())).isEqualTo(PosReason.NONE);
        assertThat(decoder.heartbeat().timestampMs()).isEqualTo(5);
    }

    @Test
    void shouldRefuseFrameLongerThanMaximumAsTooLarge()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_FRAME_LENGTH + 1]);
        assertThat(decode(buffer)).isEqualTo(PosReason.TOO_LARGE);
        assertThat(decoder.hasHeader()).isTrue();
    }

    @Test
    void shouldJudgeFrameOfMaximumLengthByItsFieldsNotItsSize()
    {
        // An Error whose text overruns its bound is still a frame of legal length: refused on the field, not size.
        final UnsafeBuffer buffer = raw(PosMessageType.ERROR).u16(1).u16(0).u32(0)
            .var("x".repeat(PosFrameDescriptor.MAX_BODY_LENGTH - ErrorDescriptor.BLOCK_LENGTH - 2)).build();
        assertThat(buffer.capacity()).isEqualTo(PosFrameDescriptor.MAX_FRAME_LENGTH);
        assertThat(decode(buffer)).isEqualTo(PosReason.INVALID_FIELD);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 27 })
    void shouldRefuseFrameShorterThanHeaderAsMalformed(final int length)
    {
        assertThat(decode(new UnsafeBuffer(new byte[length]))).isEqualTo(PosReason.MALFORMED);
        assertThat(decoder.hasHeader()).isFalse();
        assertThat(decoder.detail()).isEqualTo("frame shorter than the header");
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 2, 255 })
    void shouldRefuseOtherVersions(final int version)
    {
        assertThat(decode(raw(PosMessageType.HEARTBEAT).version(version).i64(0).build()))
            .isEqualTo(PosReason.UNSUPPORTED_VERSION);
        assertThat(decoder.errorOffset()).isEqualTo(PosFrameDescriptor.VERSION_OFFSET);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 5, 9, 14, 19, 21, 0xFFFF })
    void shouldRefuseUnknownTemplates(final int templateId)
    {
        assertThat(decode(raw(PosMessageType.HEARTBEAT).templateId(templateId).i64(0).build()))
            .isEqualTo(PosReason.UNKNOWN_MESSAGE);
        assertThat(decoder.templateId()).isEqualTo(templateId);
        assertThat(decoder.messageType()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = { 0x02, 0x80, 0xFE })
    void shouldRefuseUndefinedFlags(final int flags)
    {
        assertThat(decode(raw(PosMessageType.HEARTBEAT).flags(flags).i64(0).build()))
            .isEqualTo(PosReason.INVALID_FIELD);
    }

    @ParameterizedTest
    @EnumSource(value = PosMessageType.class, names = { "LOGON", "LOGON_ACK", "HEARTBEAT", "ERROR" })
    void shouldRefuseRepeatFlagOnSessionMessages(final PosMessageType type)
    {
        final UnsafeBuffer frame = TestFrames.frame(type);
        frame.putByte(PosFrameDescriptor.FLAGS_OFFSET, (byte)PosFrameDescriptor.FLAG_REPEAT);
        assertThat(decode(frame)).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decoder.detail()).isEqualTo("REPEAT flag not allowed on this message");
    }

    @ParameterizedTest
    @EnumSource(value = PosMessageType.class, names = { "PAY", "QUERY", "REVERSE", "REFUND", "RESULT" })
    void shouldAcceptRepeatFlagOnRequestsAndResults(final PosMessageType type)
    {
        final UnsafeBuffer frame = TestFrames.frame(type);
        frame.putByte(PosFrameDescriptor.FLAGS_OFFSET, (byte)PosFrameDescriptor.FLAG_REPEAT);
        assertThat(decode(frame)).isEqualTo(PosReason.NONE);
        assertThat(decoder.isRepeat()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(PosMessageType.class)
    void shouldRefuseWrongBlockLength(final PosMessageType type)
    {
        final UnsafeBuffer frame = TestFrames.frame(type);
        frame.putShort(PosFrameDescriptor.BLOCK_LENGTH_OFFSET, (short)(type.blockLength() + 1),
            PosFrameDescriptor.BYTE_ORDER);
        assertThat(decode(frame)).isEqualTo(PosReason.MALFORMED);
    }

    @ParameterizedTest
    @EnumSource(PosMessageType.class)
    void shouldRefuseBodyLengthDisagreeingWithFrameLength(final PosMessageType type)
    {
        final UnsafeBuffer frame = TestFrames.frame(type);
        final int bodyLength = frame.getShort(PosFrameDescriptor.BODY_LENGTH_OFFSET, PosFrameDescriptor.BYTE_ORDER);
        for (final int wrong : new int[]{ bodyLength - 1, bodyLength + 1, 0xFFFF })
        {
            frame.putShort(PosFrameDescriptor.BODY_LENGTH_OFFSET, (short)wrong, PosFrameDescriptor.BYTE_ORDER);
            assertThat(decode(frame)).as("bodyLength %d", wrong).isEqualTo(PosReason.MALFORMED);
        }
    }

    @Test
    void shouldRefuseBodyLengthBelowBlockLength()
    {
        assertThat(decode(raw(PosMessageType.HEARTBEAT).u32(0).build())).isEqualTo(PosReason.MALFORMED);
        assertThat(decoder.detail()).isEqualTo("bodyLength smaller than blockLength");
    }

    @Test
    void shouldRefuseTrailingBytesAfterMac()
    {
        assertThat(decode(raw(PosMessageType.HEARTBEAT).i64(0).trailing(1).build())).isEqualTo(PosReason.MALFORMED);
        assertThat(decoder.detail()).isEqualTo("frame length is not header + bodyLength + MAC");
    }

    @Test
    void shouldAcceptTerminalIdOfSixteenCharacters()
    {
        assertThat(decode(raw(PosMessageType.HEARTBEAT).terminalId(ascii("ABCDEFGHIJKLMNOP")).i64(0).build()))
            .isEqualTo(PosReason.NONE);
        assertThat(decoder.terminalId()).isEqualTo("ABCDEFGHIJKLMNOP");
    }

    @Test
    void shouldRefuseBadTerminalIds()
    {
        for (final byte[] id : new byte[][]{
            new byte[0], ascii("A B"), ascii(" AB"), { 'A', 0, 'B' }, { 'A', (byte)0xE4 }, { 'A', 0x7F }, { 'A', '\t' } })
        {
            assertThat(decode(raw(PosMessageType.HEARTBEAT).terminalId(id).i64(0).build()))
                .as("terminal id %s", new String(id, StandardCharsets.ISO_8859_1)).isEqualTo(PosReason.INVALID_FIELD);
            assertThat(decoder.errorOffset()).isEqualTo(PosFrameDescriptor.TERMINAL_ID_OFFSET);
        }
    }

    @Test
    void shouldAcceptEmptyTerminalIdInErrorOnly()
    {
        assertThat(decode(raw(PosMessageType.ERROR).terminalId(new byte[0]).u16(8).u16(1).u32(0).var("").build()))
            .isEqualTo(PosReason.NONE);
        assertThat(decoder.terminalId()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = PosMessageType.class, names = { "LOGON", "LOGON_ACK" })
    void shouldRefuseLogonWithNonZeroSequence(final PosMessageType type)
    {
        final UnsafeBuffer frame = TestFrames.frame(type);
        frame.putInt(PosFrameDescriptor.SEQUENCE_OFFSET, 1, PosFrameDescriptor.BYTE_ORDER);
        assertThat(decode(frame)).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decoder.sequence()).isEqualTo(1);
    }

    @Test
    void shouldReadSequenceAsUnsigned()
    {
        assertThat(decode(raw(PosMessageType.HEARTBEAT).sequence(0xFFFF_FFFFL).i64(0).build()))
            .isEqualTo(PosReason.NONE);
        assertThat(decoder.sequence()).isEqualTo(PosFrameDescriptor.MAX_SEQUENCE);
    }

    @Test
    void shouldReportBodyErrorOffsetsFromFrameStart()
    {
        final UnsafeBuffer frame = TestFrames.payBlock(0, 156, "T", "M").var("1").var("").build();
        assertThat(decode(frame)).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decoder.errorOffset()).isEqualTo(PosFrameDescriptor.HEADER_LENGTH + PayDescriptor.AMOUNT_OFFSET);
        assertThat(decoder.detail()).isEqualTo("amount must be 1..99999999999 fen");
    }

    @Test
    void shouldDecodeHeaderAndBodySeparately()
    {
        final UnsafeBuffer frame = TestFrames.payBlock(0, 156, "T", "M").var("1").var("").build();
        decoder.wrap(frame, 0, frame.capacity());

        org.assertj.core.api.Assertions.assertThatThrownBy(decoder::decodeBody)
            .isInstanceOf(IllegalStateException.class);
        assertThat(decoder.decodeHeader()).isEqualTo(PosReason.NONE);
        assertThat(decoder.messageType()).isEqualTo(PosMessageType.PAY);
        assertThat(decoder.isBodyDecoded()).isFalse();
        assertThat(decoder.decodeBody()).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decoder.messageType()).isNull();
        assertThat(decoder.isBodyDecoded()).isFalse();

        final UnsafeBuffer valid = TestFrames.frame(PosMessageType.PAY);
        assertThat(decoder.wrap(valid, 0, valid.capacity()).decodeHeader()).isEqualTo(PosReason.NONE);
        assertThat(decoder.decodeBody()).isEqualTo(PosReason.NONE);
        assertThat(decoder.isBodyDecoded()).isTrue();
    }

    @Test
    void shouldRefuseWrapOutsideBuffer()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[10]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decoder.wrap(buffer, 5, 6))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset=5 length=6");
    }

    private PosReason decode(final UnsafeBuffer frame)
    {
        return decoder.wrap(frame, 0, frame.capacity()).decode();
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
