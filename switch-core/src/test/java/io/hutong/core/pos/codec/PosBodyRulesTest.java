package io.hutong.core.pos.codec;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.hutong.core.pos.codec.PosFrameDescriptor.ID_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.MAX_AMOUNT;
import static io.hutong.core.pos.codec.PosFrameDescriptor.WALLET_ID_LENGTH;
import static io.hutong.core.pos.codec.TestFrames.payBlock;
import static io.hutong.core.pos.codec.TestFrames.raw;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bound of every body field, at the edge on both sides.
 */
class PosBodyRulesTest
{
    private static final byte[] NONCE = PosExample.terminalNonce().byteArray();
    private static final String ID32 = "I".repeat(ID_LENGTH);

    private final PosFrameDecoder decoder = new PosFrameDecoder();

    @Test
    void shouldCheckLogonFields()
    {
        assertThat(decode(logon(NONCE, "v"))).isEqualTo(PosReason.NONE);
        assertThat(decode(logon(NONCE, "v".repeat(32)))).isEqualTo(PosReason.NONE);
        assertThat(decode(logon(NONCE, "with space"))).isEqualTo(PosReason.NONE);
        assertThat(decode(logon(new byte[16], "v"))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decoder.detail()).isEqualTo("nonce is all zero");
        assertThat(decode(logon(NONCE, ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(logon(NONCE, "v".repeat(33)))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(logon(NONCE, "v\n"))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(raw(PosMessageType.LOGON).sequence(0).bytes(NONCE).i64(0).build()))
            .isEqualTo(PosReason.MALFORMED);
        assertThat(decoder.detail()).isEqualTo("variable-length field: length missing");
    }

    @Test
    void shouldCheckLogonAckFields()
    {
        assertThat(decode(logonAck(NONCE, 1))).isEqualTo(PosReason.NONE);
        assertThat(decode(logonAck(NONCE, 3600))).isEqualTo(PosReason.NONE);
        assertThat(decode(logonAck(NONCE, 0))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(logonAck(NONCE, 3601))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(logonAck(new byte[16], 30))).isEqualTo(PosReason.INVALID_FIELD);
    }

    @Test
    void shouldCheckErrorFields()
    {
        assertThat(decode(error(1, "x".repeat(128)))).isEqualTo(PosReason.NONE);
        assertThat(decode(error(0xFFFF, ""))).as("unknown codes are accepted").isEqualTo(PosReason.NONE);
        assertThat(decoder.error().reason()).isNull();
        assertThat(decode(error(0, ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(error(1, "x".repeat(129)))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(error(1, "tab\t"))).isEqualTo(PosReason.INVALID_FIELD);
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 99, MAX_AMOUNT })
    void shouldAcceptPayAmountsInRange(final long amount)
    {
        assertThat(decode(pay(amount, 156, "T", "M", "1", ""))).isEqualTo(PosReason.NONE);
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, -1, MAX_AMOUNT + 1, Long.MIN_VALUE, Long.MAX_VALUE })
    void shouldRefusePayAmountsOutOfRange(final long amount)
    {
        assertThat(decode(pay(amount, 156, "T", "M", "1", ""))).isEqualTo(PosReason.INVALID_FIELD);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 155, 157, 840, 0xFFFF })
    void shouldRefuseCurrenciesOtherThanCny(final int currency)
    {
        assertThat(decode(pay(1, currency, "T", "M", "1", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decoder.detail()).isEqualTo("currency must be 156 (CNY)");
    }

    @Test
    void shouldCheckPayIds()
    {
        assertThat(decode(pay(1, 156, ID32, ID32, "1", ""))).isEqualTo(PosReason.NONE);
        assertThat(decoder.pay().terminalTxnIdLength()).isEqualTo(32);
        assertThat(decode(pay(1, 156, "", "M", "1", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(pay(1, 156, "T X", "M", "1", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(pay(1, 156, "T\0X", "M", "1", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(pay(1, 156, "T\u00e9", "M", "1", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(pay(1, 156, "T", "", "1", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decoder.detail()).startsWith("merchantId");
    }

    @Test
    void shouldCheckPayCode()
    {
        assertThat(decode(pay(1, 156, "T", "M", "C".repeat(512), ""))).isEqualTo(PosReason.NONE);
        assertThat(decode(pay(1, 156, "T", "M", "https://qr.alipay.com/x?a=b&c=%20", ""))).isEqualTo(PosReason.NONE);
        assertThat(decode(pay(1, 156, "T", "M", "C".repeat(513), ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(pay(1, 156, "T", "M", "", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(pay(1, 156, "T", "M", "12 34", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decoder.detail()).isEqualTo("code must be 1..512 printable ASCII");
    }

    @Test
    void shouldCheckPaySubject()
    {
        assertThat(decode(pay(1, 156, "T", "M", "1", "s".repeat(128)))).isEqualTo(PosReason.NONE);
        assertThat(decode(pay(1, 156, "T", "M", "1", "\u5496\u5561 \ud83d\ude00"))).isEqualTo(PosReason.NONE);
        assertThat(decode(pay(1, 156, "T", "M", "1", "s".repeat(129)))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(pay(1, 156, "T", "M", "1", "line\nbreak"))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(pay(1, 156, "T", "M", "1", "del\u007f"))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(pay(1, 156, "T", "M", "1", "c1\u0085"))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(payRawSubject(new byte[]{ (byte)0xE5, (byte)0x92 }))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(payRawSubject(new byte[]{ (byte)0xC0, (byte)0x80 }))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(payRawSubject(new byte[]{ (byte)0xED, (byte)0xA0, (byte)0x80 })))
            .as("surrogate").isEqualTo(PosReason.INVALID_FIELD);
    }

    @Test
    void shouldRefusePayVariableFieldsThatOverrunOrTrail()
    {
        assertThat(decode(payBlock(1, 156, "T", "M").build())).isEqualTo(PosReason.MALFORMED);
        assertThat(decode(payBlock(1, 156, "T", "M").u16(5).bytes(ascii("123")).build()))
            .isEqualTo(PosReason.MALFORMED);
        assertThat(decoder.detail()).isEqualTo("variable-length field overruns the body");
        assertThat(decode(payBlock(1, 156, "T", "M").var("1").build())).isEqualTo(PosReason.MALFORMED);
        assertThat(decode(payBlock(1, 156, "T", "M").var("1").u8(0).build())).isEqualTo(PosReason.MALFORMED);
        assertThat(decode(payBlock(1, 156, "T", "M").var("1").var("").u8(0).build())).isEqualTo(PosReason.MALFORMED);
        assertThat(decoder.detail()).isEqualTo("bytes after the last field");
        assertThat(decode(payBlock(1, 156, "T", "M").var("1").u16(0xFFFF).build())).isEqualTo(PosReason.MALFORMED);
    }

    @Test
    void shouldCheckTxnReferenceFields()
    {
        for (final PosMessageType type : new PosMessageType[]{ PosMessageType.QUERY, PosMessageType.REVERSE })
        {
            assertThat(decode(raw(type).fixed(ID32, ID_LENGTH).build())).isEqualTo(PosReason.NONE);
            assertThat(decode(raw(type).fixed("", ID_LENGTH).build())).isEqualTo(PosReason.INVALID_FIELD);
            assertThat(decode(raw(type).fixed("A", ID_LENGTH).u8(0).build())).isEqualTo(PosReason.MALFORMED);
        }
    }

    @Test
    void shouldCheckRefundFields()
    {
        assertThat(decode(refund(1, "P", "R"))).isEqualTo(PosReason.NONE);
        assertThat(decode(refund(MAX_AMOUNT, ID32, "R"))).isEqualTo(PosReason.NONE);
        assertThat(decode(refund(0, "P", "R"))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(refund(MAX_AMOUNT + 1, "P", "R"))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(refund(1, "", "R"))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(refund(1, "P", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(refund(1, "P", "P"))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decoder.detail()).isEqualTo("refundTxnId must differ from originalTxnId");
    }

    @Test
    void shouldCheckResultFields()
    {
        assertThat(decode(result(0, 0, 1, 10, 0, 1, "T", "", ""))).isEqualTo(PosReason.NONE);
        assertThat(decode(result(Long.MAX_VALUE, MAX_AMOUNT, 0xFFFF_FFFFL, 13, 0xFFFF, 7, ID32,
            "W".repeat(WALLET_ID_LENGTH), "w".repeat(64)))).isEqualTo(PosReason.NONE);
        assertThat(decoder.result().reason()).as("unknown reason codes are accepted").isNull();
        assertThat(decode(result(-1, 0, 1, 10, 0, 1, "T", "", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(result(0, -1, 1, 10, 0, 1, "T", "", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(result(0, MAX_AMOUNT + 1, 1, 10, 0, 1, "T", "", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(result(0, 0, 0, 10, 0, 1, "T", "", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(result(0, 0, 1, 1, 0, 1, "T", "", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(result(0, 0, 1, 20, 0, 1, "T", "", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(result(0, 0, 1, 10, 0, 0, "T", "", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(result(0, 0, 1, 10, 0, 8, "T", "", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(result(0, 0, 1, 10, 0, 1, "", "", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(result(0, 0, 1, 10, 0, 1, "T", "a b", ""))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(result(0, 0, 1, 10, 0, 1, "T", "", "w".repeat(65)))).isEqualTo(PosReason.INVALID_FIELD);
        assertThat(decode(result(0, 0, 1, 10, 0, 1, "T", "", "w w"))).isEqualTo(PosReason.INVALID_FIELD);
    }

    @Test
    void shouldDecodeBodiesStandalone()
    {
        final UnsafeBuffer frame = TestFrames.frame(PosMessageType.PAY);
        final int bodyLength = frame.capacity() - PosFrameDescriptor.HEADER_LENGTH - 32;
        final PayDecoder pay = new PayDecoder().wrap(frame, PosFrameDescriptor.HEADER_LENGTH, bodyLength);
        assertThat(pay.decode()).isEqualTo(PosReason.NONE);
        assertThat(pay.code()).isEqualTo(PosExample.CODE);
        assertThat(pay.wrap(frame, PosFrameDescriptor.HEADER_LENGTH, PayDescriptor.BLOCK_LENGTH - 1).decode())
            .isEqualTo(PosReason.MALFORMED);
        assertThat(pay.detail()).isEqualTo("body shorter than the fixed block");
    }

    private PosReason decode(final UnsafeBuffer frame)
    {
        return decoder.wrap(frame, 0, frame.capacity()).decode();
    }

    private static UnsafeBuffer logon(final byte[] nonce, final String version)
    {
        return raw(PosMessageType.LOGON).sequence(0).bytes(nonce).i64(PosExample.LOGON_TIME_MS).var(version).build();
    }

    private static UnsafeBuffer logonAck(final byte[] nonce, final int heartbeat)
    {
        return raw(PosMessageType.LOGON_ACK).sequence(0).bytes(nonce).i64(0).u16(heartbeat).build();
    }

    private static UnsafeBuffer error(final int code, final String text)
    {
        return raw(PosMessageType.ERROR).u16(code).u16(0).u32(0).var(text).build();
    }

    private static UnsafeBuffer pay(
        final long amount, final int currency, final String txnId, final String merchantId, final String code,
        final String subject)
    {
        return payBlock(amount, currency, txnId, merchantId).var(code).var(subject).build();
    }

    private static UnsafeBuffer payRawSubject(final byte[] subject)
    {
        return payBlock(1, 156, "T", "M").var("1").var(subject).build();
    }

    private static UnsafeBuffer refund(final long amount, final String original, final String refund)
    {
        return raw(PosMessageType.REFUND).i64(amount).fixed(original, ID_LENGTH).fixed(refund, ID_LENGTH).build();
    }

    private static UnsafeBuffer result(
        final long switchTxnId, final long amount, final long refSequence, final int refTemplate, final int reason,
        final int status, final String txnId, final String walletId, final String walletTxnId)
    {
        return raw(PosMessageType.RESULT).i64(switchTxnId).i64(amount).u32(refSequence).u16(refTemplate).u16(reason)
            .u8(status).fixed(txnId, ID_LENGTH).fixed(walletId, WALLET_ID_LENGTH).var(walletTxnId).build();
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
