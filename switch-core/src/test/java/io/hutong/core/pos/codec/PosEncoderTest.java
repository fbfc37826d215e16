package io.hutong.core.pos.codec;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encoder misuse is a caller bug and throws, naming the field and length but never the value.
 */
class PosEncoderTest
{
    private final PosFrameEncoder encoder = new PosFrameEncoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]);

    @Test
    void shouldRefuseValuesThatBreakTheLayoutWithoutShowingThem()
    {
        final PayEncoder pay = encoder.pay(buffer, 0);
        final String secretCode = "1345678901234567890".repeat(30);

        assertThatThrownBy(() -> pay.code(secretCode)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("code length=570: must be 0..512").hasMessageNotContaining("13456789");
        assertThatThrownBy(() -> pay.code("12 34")).hasMessage("code index=2: must be printable ASCII");
        assertThatThrownBy(() -> pay.terminalTxnId("T".repeat(33)))
            .hasMessage("terminalTxnId length=33: must be at most 32");
        assertThatThrownBy(() -> pay.merchantId("M\u00e9")).hasMessageContaining("merchantId index=1");
        assertThatThrownBy(() -> pay.subject("s".repeat(129))).hasMessage("subject length=129: must be 0..128");
        assertThatThrownBy(() -> pay.subject("\ud800")).hasMessage("subject: holds an unpaired surrogate");
        assertThatThrownBy(() -> pay.currency(70_000)).hasMessage("currency=70000: must be 0..65535");
    }

    @Test
    void shouldWriteVariableFieldsInOrderOnly()
    {
        final PayEncoder pay = encoder.pay(buffer, 0).subject("s");
        assertThatThrownBy(() -> pay.code("1")).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("index=0");
    }

    @Test
    void shouldRefuseFinishWithoutFrameOrWithBadHeaderValues()
    {
        assertThatThrownBy(() -> encoder.finish("T", 1, 0, null)).isInstanceOf(IllegalStateException.class);
        encoder.heartbeat(buffer, 0);
        assertThatThrownBy(() -> encoder.finish("T", -1, 0, null)).hasMessageContaining("sequence=-1");
        assertThatThrownBy(() -> encoder.finish("T", 1L << 32, 0, null)).hasMessageContaining("sequence=4294967296");
        assertThatThrownBy(() -> encoder.finish("T", 1, 2, null)).hasMessageContaining("flags=2");
        assertThatThrownBy(() -> encoder.finish("T".repeat(17), 1, 0, null)).hasMessageContaining("terminalId");
        assertThat(encoder.finish("T", 1, 0, null)).isEqualTo(2 + 28 + 8 + 32);
        assertThat(encoder.messageType()).isNull();
    }

    @Test
    void shouldZeroTheFixedBlockSoUnsetFieldsAndPaddingAreZero()
    {
        buffer.setMemory(0, buffer.capacity(), (byte)0x55);
        encoder.query(buffer, 0).terminalTxnId("AB");
        final int written = encoder.finish("T", 1, 0, null);
        final PosFrameDecoder decoder = new PosFrameDecoder();

        assertThat(decoder.wrap(buffer, 2, written - 2).decode()).isEqualTo(PosReason.NONE);
        for (int i = 2; i < 32; i++)
        {
            assertThat(buffer.getByte(decoder.txnReference().terminalTxnIdOffset() + i)).isZero();
        }
    }

    @Test
    void shouldEncodeSubjectAsUtf8WithoutAllocation()
    {
        final String subject = "a\u00e9\u5496\ud83d\ude00";
        encoder.pay(buffer, 0).amount(1).currency(156).terminalTxnId("T").merchantId("M").code("1").subject(subject);
        final int written = encoder.finish("T", 1, 0, null);
        final PosFrameDecoder decoder = new PosFrameDecoder();

        assertThat(decoder.wrap(buffer, 2, written - 2).decode()).isEqualTo(PosReason.NONE);
        assertThat(decoder.pay().subject()).isEqualTo(subject);
        assertThat(decoder.pay().subjectLength()).isEqualTo(1 + 2 + 3 + 4);
    }
}
