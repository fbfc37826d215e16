package io.hutong.core.pos.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.agrona.concurrent.UnsafeBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No bytes whatsoever make a decoder throw, and what the encoders write the decoders read back.
 */
class PosDecoderProperties
{
    private final PosFrameDecoder decoder = new PosFrameDecoder();

    @Property(tries = 3000)
    void shouldNeverThrowOnArbitraryBytes(@ForAll @Size(max = 2100) final byte[] bytes)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final PosReason reason = decoder.wrap(buffer, 0, bytes.length).decode();

        assertThat(reason).isNotNull();
        assertThat(decoder.messageType() != null).isEqualTo(reason == PosReason.NONE);
        assertThat(reason == PosReason.NONE || !decoder.detail().isEmpty()).isTrue();
        assertThat(decoder.errorOffset()).isBetween(0, Math.max(0, bytes.length));
    }

    @Property(tries = 3000)
    void shouldNeverThrowOnArbitraryBytesBehindAPlausibleHeader(
        @ForAll("templates") final PosMessageType type, @ForAll @Size(max = 700) final byte[] body,
        @ForAll @IntRange(max = 3) final int lengthNoise)
    {
        final int bodyLength = Math.max(0, body.length - lengthNoise);
        final UnsafeBuffer frame = TestFrames.raw(type).sequence(type.fromTerminal() && type.fromSwitch() ? 1 : 0)
            .bodyLength(bodyLength).bytes(body).build();
        final PosReason reason = decoder.wrap(frame, 0, frame.capacity()).decode();

        assertThat(reason).isNotNull();
        if (lengthNoise > 0 && body.length > 0)
        {
            assertThat(reason).isEqualTo(PosReason.MALFORMED);
        }
    }

    @Property(tries = 2000)
    void shouldNeverThrowOnMutatedValidFrames(
        @ForAll("templates") final PosMessageType type,
        @ForAll @Size(min = 1, max = 8) final List<@IntRange(max = 1000) Integer> positions,
        @ForAll @Size(min = 8, max = 8) final byte[] values)
    {
        final UnsafeBuffer frame = TestFrames.frame(type);
        for (int i = 0; i < positions.size(); i++)
        {
            frame.putByte(positions.get(i) % frame.capacity(), values[i]);
        }
        assertThat(decoder.wrap(frame, 0, frame.capacity()).decode()).isNotNull();
    }

    @Property(tries = 1000)
    void shouldNeverThrowFromBodyDecodersOnArbitraryBytes(@ForAll @Size(max = 800) final byte[] bytes)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final PosBodyDecoder[] bodies = {
            new LogonDecoder().wrap(buffer, 0, bytes.length), new LogonAckDecoder().wrap(buffer, 0, bytes.length),
            new HeartbeatDecoder().wrap(buffer, 0, bytes.length), new ErrorDecoder().wrap(buffer, 0, bytes.length),
            new PayDecoder().wrap(buffer, 0, bytes.length), new TxnReferenceDecoder().wrap(buffer, 0, bytes.length),
            new RefundDecoder().wrap(buffer, 0, bytes.length), new ResultDecoder().wrap(buffer, 0, bytes.length) };
        for (final PosBodyDecoder body : bodies)
        {
            assertThat(body.decode()).isNotNull();
        }
    }

    @Property(tries = 500)
    void shouldRoundTripArbitraryPays(@ForAll("pays") final Pay pay)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]);
        final PosFrameEncoder encoder = new PosFrameEncoder();
        encoder.pay(buffer, 0).amount(pay.amount).currency(156).terminalTxnId(pay.txnId).merchantId(pay.merchantId)
            .code(pay.code).subject(pay.subject);
        final int written = encoder.finish(pay.terminalId, pay.sequence, 0, TestFrames.exampleMac());

        assertThat(decoder.wrap(buffer, 2, written - 2).decode()).as(decoder.detail()).isEqualTo(PosReason.NONE);
        final PayDecoder decoded = decoder.pay();
        assertThat(decoder.terminalId()).isEqualTo(pay.terminalId);
        assertThat(decoder.sequence()).isEqualTo(pay.sequence);
        assertThat(decoded.amount()).isEqualTo(pay.amount);
        assertThat(decoded.terminalTxnId()).isEqualTo(pay.txnId);
        assertThat(decoded.merchantId()).isEqualTo(pay.merchantId);
        assertThat(decoded.code()).isEqualTo(pay.code);
        assertThat(decoded.subject()).isEqualTo(pay.subject);
        assertThat(decoded.subjectLength()).isEqualTo(pay.subject.getBytes(StandardCharsets.UTF_8).length);
    }

    /** One generated Pay. */
    record Pay(String terminalId, long sequence, long amount, String txnId, String merchantId, String code,
        String subject)
    {
    }

    @Provide
    Arbitrary<PosMessageType> templates()
    {
        return Arbitraries.of(PosMessageType.class);
    }

    @Provide
    Arbitrary<Pay> pays()
    {
        final Arbitrary<String> subject = Arbitraries.strings()
            .withCharRange(' ', '~').withCharRange('\u4e00', '\u4fff').ofMaxLength(40);
        return Combinators.combine(
            ids(16), Arbitraries.longs().between(0, PosFrameDescriptor.MAX_SEQUENCE),
            Arbitraries.longs().between(1, PosFrameDescriptor.MAX_AMOUNT), ids(32), ids(32),
            Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(512), subject)
            .as((t, s, a, x, m, c, j) -> Tuple.of(t, s, a, x, m, c, j))
            .map(tuple -> new Pay(tuple.get1(), tuple.get2(), tuple.get3(), tuple.get4(), tuple.get5(), tuple.get6(),
                tuple.get7()));
    }

    private static Arbitrary<String> ids(final int max)
    {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(max);
    }
}
