package io.hutong.core.pos.codec;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class PosFrameRoundTripTest
{
    private final PosFrameEncoder encoder = new PosFrameEncoder();
    private final PosFrameDecoder decoder = new PosFrameDecoder();
    private final FrameMac mac = TestFrames.exampleMac();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH + 64]);

    @ParameterizedTest
    @EnumSource(PosMessageType.class)
    void shouldDecodeHeaderAndVerifyMacOfEveryMessage(final PosMessageType type)
    {
        final int written = TestFrames.encode(encoder, buffer, 5, type, mac, 7);

        assertThat(buffer.getShort(5, PosFrameDescriptor.BYTE_ORDER) & 0xFFFF).isEqualTo(written - 2);
        assertThat(decoder.wrap(buffer, 7, written - 2).decode()).isEqualTo(PosReason.NONE);
        assertThat(decoder.messageType()).isEqualTo(type);
        assertThat(decoder.version()).isEqualTo(1);
        assertThat(decoder.flags()).isZero();
        assertThat(decoder.terminalId()).isEqualTo(TestFrames.TERMINAL_ID);
        assertThat(decoder.terminalIdLength()).isEqualTo(TestFrames.TERMINAL_ID.length());
        assertThat(decoder.sequence()).isEqualTo(type == PosMessageType.LOGON || type == PosMessageType.LOGON_ACK ? 0 : 7);
        assertThat(decoder.bodyLength()).isEqualTo(written - 2 - PosFrameDescriptor.HEADER_LENGTH - 32);
        assertThat(mac.verify(buffer, 7, decoder.signedLength(), buffer, decoder.macOffset())).isTrue();
    }

    @Test
    void shouldRoundTripLogon()
    {
        final PosFrameDecoder frame = encodeAndDecode(PosMessageType.LOGON);
        final LogonDecoder logon = frame.logon();
        assertThat(PosExample.hex(buffer, logon.nonceOffset(), 16)).isEqualTo(PosExample.TERMINAL_NONCE_HEX);
        assertThat(logon.timestampMs()).isEqualTo(PosExample.LOGON_TIME_MS);
        assertThat(logon.softwareVersion()).isEqualTo(PosExample.SOFTWARE_VERSION);
        assertThat(logon.softwareVersionLength()).isEqualTo(PosExample.SOFTWARE_VERSION.length());
        final UnsafeBuffer nonce = new UnsafeBuffer(new byte[16]);
        logon.getNonce(nonce, 0);
        assertThat(PosExample.hex(nonce, 0, 16)).isEqualTo(PosExample.TERMINAL_NONCE_HEX);
    }

    @Test
    void shouldRoundTripLogonAck()
    {
        final LogonAckDecoder ack = encodeAndDecode(PosMessageType.LOGON_ACK).logonAck();
        assertThat(PosExample.hex(buffer, ack.switchNonceOffset(), 16)).isEqualTo(PosExample.SWITCH_NONCE_HEX);
        assertThat(ack.switchTimeMs()).isEqualTo(PosExample.SWITCH_TIME_MS);
        assertThat(ack.heartbeatIntervalSeconds()).isEqualTo(30);
    }

    @Test
    void shouldRoundTripHeartbeat()
    {
        assertThat(encodeAndDecode(PosMessageType.HEARTBEAT).heartbeat().timestampMs())
            .isEqualTo(PosExample.LOGON_TIME_MS);
    }

    @Test
    void shouldRoundTripError()
    {
        final ErrorDecoder error = encodeAndDecode(PosMessageType.ERROR).error();
        assertThat(error.reason()).isEqualTo(PosReason.BAD_MAC);
        assertThat(error.errorCode()).isEqualTo(10);
        assertThat(error.refTemplateId()).isEqualTo(10);
        assertThat(error.refSequence()).isEqualTo(3);
        assertThat(error.text()).isEqualTo("bad MAC");
    }

    @Test
    void shouldRoundTripPay()
    {
        final PayDecoder pay = encodeAndDecode(PosMessageType.PAY).pay();
        assertThat(pay.amount()).isEqualTo(PosExample.AMOUNT);
        assertThat(pay.currency()).isEqualTo(156);
        assertThat(pay.terminalTxnId()).isEqualTo(PosExample.TERMINAL_TXN_ID);
        assertThat(pay.merchantId()).isEqualTo(PosExample.MERCHANT_ID);
        assertThat(pay.code()).isEqualTo(PosExample.CODE);
        assertThat(pay.codeLength()).isEqualTo(18);
        assertThat(pay.subject()).isEqualTo(PosExample.SUBJECT);
        assertThat(pay.subjectLength()).isEqualTo(6);
    }

    @Test
    void shouldRoundTripPayWithoutSubject()
    {
        encoder.pay(buffer, 0).amount(1).currency(156).terminalTxnId("A").merchantId("B").code("C");
        final int written = encoder.finish("T", 1, PosFrameDescriptor.FLAG_REPEAT, mac);

        assertThat(decoder.wrap(buffer, 2, written - 2).decode()).isEqualTo(PosReason.NONE);
        assertThat(decoder.isRepeat()).isTrue();
        assertThat(decoder.pay().subjectLength()).isZero();
        assertThat(decoder.pay().subject()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = PosMessageType.class, names = { "QUERY", "REVERSE" })
    void shouldRoundTripTxnReference(final PosMessageType type)
    {
        assertThat(encodeAndDecode(type).txnReference().terminalTxnId()).isEqualTo(PosExample.TERMINAL_TXN_ID);
    }

    @Test
    void shouldRoundTripRefund()
    {
        final RefundDecoder refund = encodeAndDecode(PosMessageType.REFUND).refund();
        assertThat(refund.amount()).isEqualTo(500);
        assertThat(refund.originalTxnId()).isEqualTo(PosExample.TERMINAL_TXN_ID);
        assertThat(refund.refundTxnId()).isEqualTo("R20260101-000001");
    }

    @Test
    void shouldRoundTripResult()
    {
        final ResultDecoder result = encodeAndDecode(PosMessageType.RESULT).result();
        assertThat(result.switchTxnId()).isEqualTo(PosExample.SWITCH_TXN_ID);
        assertThat(result.amount()).isEqualTo(PosExample.AMOUNT);
        assertThat(result.refSequence()).isEqualTo(1);
        assertThat(result.refTemplateId()).isEqualTo(10);
        assertThat(result.reason()).isEqualTo(PosReason.NONE);
        assertThat(result.status()).isEqualTo(PosStatus.APPROVED);
        assertThat(result.terminalTxnId()).isEqualTo(PosExample.TERMINAL_TXN_ID);
        assertThat(result.walletId()).isEqualTo(PosExample.WALLET_ID);
        assertThat(result.walletTxnId()).isEqualTo(PosExample.WALLET_TXN_ID);
    }

    @Test
    void shouldRoundTripFieldsCopiedFromAnotherBuffer()
    {
        final PayDecoder pay = encodeAndDecode(PosMessageType.PAY).pay();
        final UnsafeBuffer out = new UnsafeBuffer(new byte[512]);
        final PosFrameEncoder other = new PosFrameEncoder();
        other.result(out, 0).terminalTxnId(pay.buffer(), pay.terminalTxnIdOffset(), pay.terminalTxnIdLength())
            .walletTxnId(pay.buffer(), pay.codeOffset(), pay.codeLength())
            .refSequence(1).refTemplateId(10).status(PosStatus.DECLINED).reason(PosReason.INSUFFICIENT_FUNDS);
        final int written = other.finish(decoder.buffer(), decoder.terminalIdOffset(), 2, 0, mac);

        final PosFrameDecoder copy = new PosFrameDecoder();
        assertThat(copy.wrap(out, 2, written - 2).decode()).isEqualTo(PosReason.NONE);
        assertThat(copy.terminalId()).isEqualTo(TestFrames.TERMINAL_ID);
        assertThat(copy.result().terminalTxnId()).isEqualTo(PosExample.TERMINAL_TXN_ID);
        assertThat(copy.result().walletTxnId()).isEqualTo(PosExample.CODE);
        assertThat(copy.result().reason()).isEqualTo(PosReason.INSUFFICIENT_FUNDS);
    }

    @Test
    void shouldDecodeFrameInOffHeapBuffer()
    {
        final byte[] wire = TestFrames.wire(PosMessageType.PAY, mac);
        final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(wire.length + 3));
        direct.putBytes(3, wire);

        assertThat(decoder.wrap(direct, 5, wire.length - 2).decode()).isEqualTo(PosReason.NONE);
        assertThat(decoder.pay().code()).isEqualTo(PosExample.CODE);
        assertThat(mac.verify(direct, 5, decoder.signedLength(), direct, decoder.macOffset())).isTrue();
    }

    @Test
    void shouldWriteZeroMacWithoutKey()
    {
        encoder.error(buffer, 0).errorCode(PosReason.UNKNOWN_TERMINAL);
        final int written = encoder.finish("", 0, 0, null);

        assertThat(decoder.wrap(buffer, 2, written - 2).decode()).isEqualTo(PosReason.NONE);
        assertThat(decoder.terminalIdLength()).isZero();
        assertThat(decoder.error().textLength()).isZero();
        for (int i = 0; i < 32; i++)
        {
            assertThat(buffer.getByte(decoder.macOffset() + i)).isZero();
        }
    }

    private PosFrameDecoder encodeAndDecode(final PosMessageType type)
    {
        final int written = TestFrames.encode(encoder, buffer, 0, type, mac, 7);
        assertThat(decoder.wrap(buffer, 2, written - 2).decode()).as(decoder.detail()).isEqualTo(PosReason.NONE);
        return decoder;
    }
}
