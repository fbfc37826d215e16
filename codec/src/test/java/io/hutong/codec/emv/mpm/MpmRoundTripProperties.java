package io.hutong.codec.emv.mpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.support.Payloads;
import io.hutong.codec.text.Ascii;
import io.hutong.codec.text.Crc16;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the MPM codec: valid models survive encode then decode unchanged; any input at all yields a
 * typed {@link CodeError} and never an exception; a one-character change is either another valid payload or
 * a typed error, and is always caught by the CRC when the CRC is left alone.
 */
class MpmRoundTripProperties
{
    private final MpmDecoder decoder = new MpmDecoder();

    // --- (a) round trip ----------------------------------------------------------------------------------------

    @Property(tries = 1000)
    void shouldDecodeToTheModelThatWasEncoded(@ForAll("validPayloads") final MpmPayload payload)
    {
        final String text = payload.encode();

        assertThat(decode(text.getBytes(StandardCharsets.UTF_8), 0)).as(() -> text + " " + decoder.error())
            .isEqualTo(CodeError.NONE);
        assertThat(MpmPayload.from(decoder)).isEqualTo(payload);
        assertThat(decoder.characters()).isEqualTo(text.codePointCount(0, text.length()));
        assertThat(MpmPayload.parse(text).encode()).isEqualTo(text);
    }

    @Property(tries = 100)
    void shouldDecodeTheSameModelAtAnyOffsetInABuffer(
        @ForAll("validPayloads") final MpmPayload payload, @ForAll @IntRange(max = 64) final int offset)
    {
        final byte[] bytes = payload.encode().getBytes(StandardCharsets.UTF_8);

        assertThat(decode(bytes, offset)).isEqualTo(CodeError.NONE);
        assertThat(MpmPayload.from(decoder)).isEqualTo(payload);
    }

    // --- (b) arbitrary input -----------------------------------------------------------------------------------

    @Property(tries = 1000)
    void shouldReturnTypedErrorForArbitraryText(
        @ForAll @StringLength(max = 600) final String text, @ForAll @IntRange(max = 16) final int offset)
    {
        assertTyped(text.getBytes(StandardCharsets.UTF_8), offset);
    }

    @Property(tries = 1000)
    void shouldReturnTypedErrorForArbitraryBytes(
        @ForAll @Size(max = 700) final byte[] bytes, @ForAll @IntRange(max = 16) final int offset)
    {
        assertTyped(bytes, offset);
    }

    @Property(tries = 2000)
    void shouldReturnTypedErrorForTextMadeOfMpmFragments(@ForAll("fragmentText") final String text)
    {
        assertTyped(text.getBytes(StandardCharsets.UTF_8), 3);
    }

    // --- (c) single-character mutation -------------------------------------------------------------------------

    @Property(tries = 500)
    void shouldDecodeCharacterMutationWithFixedCrcAsOtherPayloadOrTypedError(
        @ForAll("validPayloads") final MpmPayload payload,
        @ForAll @IntRange(max = 1_000_000) final int where,
        @ForAll("replacementCodePoints") final int replacement)
    {
        final int[] codePoints = payload.encode().codePoints().toArray();
        final int index = where % (codePoints.length - 8);
        Assume.that(codePoints[index] != replacement);
        codePoints[index] = replacement;
        final String mutated = Payloads.fixCrc(new String(codePoints, 0, codePoints.length));

        final CodeError result = assertTyped(mutated.getBytes(StandardCharsets.UTF_8), 0);
        if (result == CodeError.NONE)
        {
            assertThat(MpmPayload.from(decoder)).isNotEqualTo(payload);
        }
    }

    @Property(tries = 500)
    void shouldDecodeByteMutationWithFixedCrcAsOtherPayloadOrTypedError(
        @ForAll("validPayloads") final MpmPayload payload,
        @ForAll @IntRange(max = 1_000_000) final int where,
        @ForAll final byte replacement)
    {
        final byte[] bytes = payload.encode().getBytes(StandardCharsets.UTF_8);
        final int index = where % (bytes.length - 8);
        Assume.that(bytes[index] != replacement);
        bytes[index] = replacement;
        final int crc = Crc16.compute(bytes, 0, bytes.length - 4);
        for (int i = 0; i < 4; i++)
        {
            bytes[bytes.length - 4 + i] = Ascii.hexDigit(crc >>> (12 - 4 * i));
        }

        final CodeError result = assertTyped(bytes, 0);
        if (result == CodeError.NONE)
        {
            assertThat(MpmPayload.from(decoder)).isNotEqualTo(payload);
        }
    }

    /**
     * Byte-level on purpose: CRC-16 detects every error confined to 16 consecutive bits, so a single changed
     * byte anywhere the CRC covers is always caught. A character-level change that alters the UTF-8 length
     * (an 'A' becoming a three-byte CJK character) is not a burst error, would escape the CRC with probability
     * 1/65536 and make this property flaky.
     */
    @Property(tries = 500)
    void shouldRefuseByteMutationWhenCrcIsNotFixed(
        @ForAll("validPayloads") final MpmPayload payload,
        @ForAll @IntRange(max = 1_000_000) final int where,
        @ForAll final byte replacement)
    {
        final byte[] bytes = payload.encode().getBytes(StandardCharsets.UTF_8);
        final int index = where % bytes.length;
        Assume.that(bytes[index] != replacement);
        // The CRC is read case-insensitively: "0e2b" and "0E2B" are the same CRC, not a mutation.
        final boolean crcDigit = index >= bytes.length - 4;
        Assume.that(!crcDigit || Ascii.hexValue(replacement) != Ascii.hexValue(bytes[index]));
        bytes[index] = replacement;

        assertThat(assertTyped(bytes, 0)).as(() -> new String(bytes, StandardCharsets.UTF_8)).isNotEqualTo(CodeError.NONE);
    }

    @Property(tries = 300)
    void shouldRefuseAsciiCharacterMutationWhenCrcIsNotFixed(
        @ForAll("validPayloads") final MpmPayload payload,
        @ForAll @IntRange(max = 1_000_000) final int where,
        @ForAll @IntRange(min = 0x20, max = 0x7E) final int replacement)
    {
        final String text = payload.encode();
        final int index = where % text.length();
        Assume.that(text.charAt(index) < 0x80 && text.charAt(index) != replacement);
        final boolean crcDigit = index >= text.length() - 4;
        Assume.that(!crcDigit || Character.toUpperCase(text.charAt(index)) != Character.toUpperCase(replacement));
        final String mutated = text.substring(0, index) + (char)replacement + text.substring(index + 1);

        assertThat(assertTyped(mutated.getBytes(StandardCharsets.UTF_8), 0)).as(mutated).isNotEqualTo(CodeError.NONE);
    }

    @Provide
    Arbitrary<MpmPayload> validPayloads()
    {
        // The edge cases of a combinator tree this size number in the millions: computing them costs seconds
        // and would crowd out random payloads. Each leaf's own bounds are drawn often enough at random.
        return MpmArbitraries.validPayloads().withoutEdgeCases();
    }

    @Provide
    Arbitrary<Integer> replacementCodePoints()
    {
        return MpmArbitraries.replacementCodePoints();
    }

    /**
     * Text assembled from IDs, lengths and values seen in real payloads, half of it with a correct CRC, so
     * that generated input gets past the structure and CRC checks into the format rules.
     */
    @Provide
    Arbitrary<String> fragmentText()
    {
        final Arbitrary<String> fragment = Arbitraries.oneOf(
            Arbitraries.of("00", "01", "02", "03", "04", "05", "09", "11", "12", "15", "16", "26", "29", "51", "52",
                "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63", "64", "80", "99", "6304", "000201",
                "010211", "010212", "5204", "5303156", "5802CN", "5904", "6007", "0012", "0002ZH", "0903AME", "0.00",
                "23.72", "SG.SGQR", "A000000677010111", "最", "佳", "\uD83D\uDE00", "\t", "\u0000", " ", "."),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4),
            MpmArbitraries.text(1, 6));
        return fragment.list().ofMaxSize(60).map(parts -> String.join("", parts))
            .flatMap(body -> Arbitraries.of(body, "000201" + body, Payloads.withCrc(body), Payloads.withCrc("000201" + body)));
    }

    /**
     * Decode from an exact-size copy (Agrona bounds checks turn any read past the payload into an exception)
     * and from inside a larger buffer, and check that the outcome is typed and consistent.
     */
    private CodeError assertTyped(final byte[] bytes, final int offset)
    {
        final CodeError exact = decode(bytes, 0);
        final int exactOffset = decoder.error().offset();
        final CodeError result = decode(bytes, offset);

        assertThat(result).isNotNull().isEqualTo(exact);
        assertThat(decoder.error().code()).isEqualTo(result);
        assertThat(decoder.isValid()).isEqualTo(result == CodeError.NONE);
        if (result == CodeError.NONE)
        {
            final String canonical = canonical(bytes);
            assertThat(MpmPayload.from(decoder).encode(MpmDescriptor.MAX_PAYLOAD_BYTES)).isEqualTo(canonical);
        }
        else
        {
            assertThat(decoder.error().offset()).isEqualTo(exactOffset + offset).isBetween(offset, offset + bytes.length);
            assertThat(decoder.error().detail()).isNotEmpty();
        }
        return result;
    }

    private CodeError decode(final byte[] bytes, final int offset)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[offset + bytes.length + (offset == 0 ? 0 : 7)]);
        buffer.setMemory(0, buffer.capacity(), (byte)'0');
        buffer.putBytes(offset, bytes);
        return decoder.wrap(buffer, offset, bytes.length).decode();
    }

    /**
     * A valid payload with its CRC in uppercase: the one text {@link MpmPayload#encode()} gives for its model.
     */
    private static String canonical(final byte[] bytes)
    {
        final String text = new String(bytes, StandardCharsets.UTF_8);
        return text.substring(0, text.length() - 4) + text.substring(text.length() - 4).toUpperCase(Locale.ROOT);
    }
}
