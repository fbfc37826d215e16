package io.hutong.core.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalRecordCodecTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[JournalRecordDescriptor.MAX_LENGTH + 8]);
    private final JournalRecordEncoder encoder = new JournalRecordEncoder();
    private final JournalRecordDecoder decoder = new JournalRecordDecoder();

    @Test
    void shouldRoundTripEveryField()
    {
        final UnsafeBuffer hash = new UnsafeBuffer(new byte[16]);
        for (int i = 0; i < 16; i++)
        {
            hash.putByte(i, (byte)(0xA0 + i));
        }
        encoder.wrap(buffer, 8).reset()
            .hop(JournalHop.WALLET_RESULT)
            .flow(JournalFlow.MPM)
            .status(JournalStatus.WALLET_DECLINED)
            .reason(JournalReason.INSUFFICIENT_FUNDS)
            .epochNanos(1_777_000_000_123_456_789L)
            .monotonicNanos(-42L)
            .switchTxnId(Long.MAX_VALUE)
            .amount(1_234_567L)
            .currency(156)
            .contentHash(hash, 0)
            .terminalId("T".repeat(16))
            .terminalTxnId("txn-0000000000000000000000000001")
            .walletId("wechat")
            .counterpartyWalletId("alipay")
            .maskCode("134567890123456789")
            .walletCode("NOTENOUGH")
            .walletTxnId("4".repeat(64))
            .walletOrderNo("HT20260501000000000000000000001X")
            .detail("余额不足 insufficient");

        final int length = encoder.encodedLength();
        decoder.wrap(buffer, 8, length);

        assertThat(decoder.error()).isEqualTo(JournalRecordError.NONE);
        assertThat(decoder.version()).isEqualTo(JournalRecordDescriptor.VERSION);
        assertThat(decoder.hop()).isEqualTo(JournalHop.WALLET_RESULT);
        assertThat(decoder.flow()).isEqualTo(JournalFlow.MPM);
        assertThat(decoder.status()).isEqualTo(JournalStatus.WALLET_DECLINED);
        assertThat(decoder.reason()).isEqualTo(JournalReason.INSUFFICIENT_FUNDS);
        assertThat(decoder.epochNanos()).isEqualTo(1_777_000_000_123_456_789L);
        assertThat(decoder.monotonicNanos()).isEqualTo(-42L);
        assertThat(decoder.switchTxnId()).isEqualTo(Long.MAX_VALUE);
        assertThat(decoder.amount()).isEqualTo(1_234_567L);
        assertThat(decoder.currency()).isEqualTo(156);
        assertThat(decoder.contentHashHex()).isEqualTo("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
        assertThat(decoder.terminalId()).isEqualTo("T".repeat(16));
        assertThat(decoder.terminalTxnId()).isEqualTo("txn-0000000000000000000000000001");
        assertThat(decoder.walletId()).isEqualTo("wechat");
        assertThat(decoder.counterpartyWalletId()).isEqualTo("alipay");
        assertThat(decoder.maskedCode()).isEqualTo("134567********6789");
        assertThat(decoder.walletCode()).isEqualTo("NOTENOUGH");
        assertThat(decoder.walletTxnId()).isEqualTo("4".repeat(64));
        assertThat(decoder.walletOrderNo()).isEqualTo("HT20260501000000000000000000001X");
        assertThat(decoder.detail()).isEqualTo("余额不足 insufficient");
        assertThat(length).isEqualTo(JournalRecordDescriptor.FIXED_LENGTH +
            "余额不足 insufficient".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void shouldWriteTheDocumentedLittleEndianOffsets()
    {
        encoder.wrap(buffer, 0).reset()
            .hop(JournalHop.REPLIED)
            .flow(JournalFlow.CPM)
            .status(JournalStatus.APPROVED)
            .reason(JournalReason.UNKNOWN_TERMINAL)
            .switchTxnId(0x0102030405060708L)
            .amount(500)
            .currency(156)
            .walletId("jdpay");

        final ByteBuffer bytes = ByteBuffer.wrap(buffer.byteArray()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.getShort(0)).isEqualTo((short)1);
        assertThat(bytes.getShort(2)).isEqualTo((short)31);
        assertThat(bytes.get(4)).isEqualTo((byte)1);
        assertThat(bytes.get(5)).isEqualTo((byte)10);
        assertThat(bytes.getShort(6)).isEqualTo((short)109);
        assertThat(bytes.get(24)).isEqualTo((byte)0x08);
        assertThat(bytes.getLong(32)).isEqualTo(500);
        assertThat(bytes.getShort(40)).isEqualTo((short)156);
        assertThat(bytes.get(46)).isEqualTo((byte)5);
        assertThat(new String(buffer.byteArray(), 152, 5, StandardCharsets.US_ASCII)).isEqualTo("jdpay");
        assertThat(bytes.get(157)).isZero();
        assertThat(encoder.encodedLength()).isEqualTo(320);
    }

    @Test
    void shouldClearThePreviousRecordOnReset()
    {
        encoder.wrap(buffer, 0).reset().terminalTxnId("first").amount(99).detail("old detail");
        encoder.reset().hop(JournalHop.FINAL);

        decoder.wrap(buffer, 0, encoder.encodedLength());

        assertThat(decoder.terminalTxnId()).isEmpty();
        assertThat(decoder.amount()).isZero();
        assertThat(decoder.detail()).isEmpty();
        assertThat(decoder.isValid()).isTrue();
    }

    @Test
    void shouldRefuseTextThatDoesNotFitItsSlot()
    {
        encoder.wrap(buffer, 0).reset();

        assertThatThrownBy(() -> encoder.terminalId("T".repeat(17)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("terminalId length=17: at most 16 characters");
        assertThatThrownBy(() -> encoder.walletId("wallet\u00e9"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("walletId[6]: not printable ASCII");
        assertThat(JournalText.WALLET_TXN_ID.fits("x".repeat(64))).isTrue();
        assertThat(JournalText.WALLET_TXN_ID.fits("x".repeat(65))).isFalse();
        assertThat(JournalText.WALLET_CODE.fits("tab\t")).isFalse();
    }

    @Test
    void shouldRefuseAFullCodeInTheMaskedSlotWithoutEchoingIt()
    {
        encoder.wrap(buffer, 0).reset();
        final String pan = "6212345678901234567";

        assertThatThrownBy(() -> encoder.maskedCode(pan))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("maskedCode length=19: not a masked code")
            .hasMessageNotContaining("6212345");
        assertThatThrownBy(() -> encoder.maskedCode("1234567*"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.text(JournalText.MASKED_CODE, pan))
            .isInstanceOf(IllegalArgumentException.class);
        final UnsafeBuffer raw = new UnsafeBuffer(pan.getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> encoder.text(JournalText.MASKED_CODE, raw, 0, raw.capacity()))
            .isInstanceOf(IllegalArgumentException.class);

        encoder.maskCode(raw, 0, raw.capacity());
        decoder.wrap(buffer, 0, encoder.encodedLength());
        assertThat(decoder.maskedCode()).isEqualTo("621234*********4567");
        assertThat(CodeMasking.longestDigitRun(buffer, decoder.textOffset(JournalText.MASKED_CODE),
            decoder.textLength(JournalText.MASKED_CODE))).isLessThanOrEqualTo(CodeMasking.MAX_DIGIT_RUN);
    }

    @Test
    void shouldSetTextFromBytesWithoutAString()
    {
        final UnsafeBuffer frame = new UnsafeBuffer("xxPOS-0001yy".getBytes(StandardCharsets.US_ASCII));
        encoder.wrap(buffer, 0).reset().text(JournalText.TERMINAL_ID, frame, 2, 8);
        decoder.wrap(buffer, 0, encoder.encodedLength());

        final StringBuilder out = new StringBuilder();
        assertThat(decoder.appendText(JournalText.TERMINAL_ID, out)).isEqualTo(8);
        assertThat(out).hasToString("POS-0001");
    }

    @Test
    void shouldCutTheDetailAtACharacterBoundary()
    {
        // 100 three-byte characters: 300 bytes, cut to 85 characters (255 bytes), never half a character.
        encoder.wrap(buffer, 0).reset().detail("中".repeat(100));
        decoder.wrap(buffer, 0, encoder.encodedLength());
        assertThat(decoder.detailLength()).isEqualTo(255);
        assertThat(decoder.detail()).isEqualTo("中".repeat(85));

        encoder.reset().detail("a".repeat(255) + "\uD83D\uDE00");
        decoder.wrap(buffer, 0, encoder.encodedLength());
        assertThat(decoder.detail()).isEqualTo("a".repeat(255));

        encoder.reset().detail("ok \uD83D\uDE00 lone \uD800 end");
        decoder.wrap(buffer, 0, encoder.encodedLength());
        assertThat(decoder.detail()).isEqualTo("ok \uD83D\uDE00 lone ? end");
    }

    @Test
    void shouldReportStructuralErrors()
    {
        encoder.wrap(buffer, 0).reset().detail("abc");
        final int length = encoder.encodedLength();

        assertThat(decoder.wrap(buffer, 0, 100).error()).isEqualTo(JournalRecordError.TOO_SHORT);
        assertThat(decoder.wrap(buffer, 0, JournalRecordDescriptor.MAX_LENGTH + 1).error())
            .isEqualTo(JournalRecordError.TOO_LONG);
        assertThat(decoder.wrap(buffer, 0, length - 1).error()).isEqualTo(JournalRecordError.LENGTH_MISMATCH);

        buffer.putByte(JournalText.WALLET_ID.lengthOffset(), (byte)9);
        assertThat(decoder.wrap(buffer, 0, length).error()).isEqualTo(JournalRecordError.BAD_TEXT_LENGTH);

        buffer.putShort(0, (short)2, ByteOrder.LITTLE_ENDIAN);
        assertThat(decoder.wrap(buffer, 0, length).error()).isEqualTo(JournalRecordError.UNKNOWN_VERSION);
        assertThat(decoder.isValid()).isFalse();
    }

    @Test
    void shouldReportUnknownCodesAsNumbers()
    {
        encoder.wrap(buffer, 0).reset();
        buffer.putShort(JournalRecordDescriptor.HOP_OFFSET, (short)999, ByteOrder.LITTLE_ENDIAN);
        decoder.wrap(buffer, 0, encoder.encodedLength());

        assertThat(decoder.isValid()).isTrue();
        assertThat(decoder.hop()).isNull();
        assertThat(decoder.hopCode()).isEqualTo(999);
    }
}
