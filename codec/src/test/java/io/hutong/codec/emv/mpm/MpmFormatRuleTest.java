package io.hutong.codec.emv.mpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.DecodeError;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static io.hutong.codec.DecodeError.NO_FIELD;
import static io.hutong.codec.emv.mpm.MpmTestPayloads.*;
import static io.hutong.codec.support.Payloads.tlv;
import static io.hutong.codec.support.Payloads.withCrc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EMV MPM v1.1 format rules beyond the parser bug classes: order, mandatory and conditional data
 * objects, value formats, maximum lengths, payload size, character set and UTF-8 well-formedness.
 */
class MpmFormatRuleTest
{
    private final MpmDecoder decoder = new MpmDecoder();

    @Test
    void shouldRequireFormatIndicatorFirst()
    {
        final String payload = standard().remove("00").insert(3, FORMAT).build();

        assertError(payload, CodeError.MISSING_FIELD, 0, 0, NO_FIELD);
    }

    @Test
    void shouldRefuseFormatIndicatorOtherThan01WithoutDuitNow()
    {
        assertError(standard().set("000202").build(), CodeError.INVALID_FIELD, 4, 0, NO_FIELD);
    }

    @Test
    void shouldRequireCrcLast()
    {
        final String body = standard().remove("58").body();
        final String payload = withCrc(body) + COUNTRY;

        assertError(payload, CodeError.INVALID_FIELD, byteLength(body) + 8, 63, NO_FIELD);
    }

    @ParameterizedTest
    @ValueSource(strings = { "52", "53", "58", "59", "60" })
    void shouldRequireEachMandatoryField(final String id)
    {
        final String payload = standard().remove(id).build();

        assertError(payload, CodeError.MISSING_FIELD, byteLength(payload), Integer.parseInt(id), NO_FIELD);
    }

    @Test
    void shouldRequireMerchantAccount()
    {
        final String payload = standard().remove("15").build();

        assertError(payload, CodeError.MISSING_FIELD, byteLength(payload), NO_FIELD, NO_FIELD);
    }

    @Test
    void shouldRequireCrc()
    {
        final String payload = standard().body();

        assertError(payload, CodeError.MISSING_FIELD, byteLength(payload), 63, NO_FIELD);
    }

    @ParameterizedTest
    @CsvSource({ "59, 25", "60, 15", "61, 10", "54, 13" })
    void shouldAcceptFieldsAtTheirMaximumLengthAndRefuseOneMore(final String id, final int maximum)
    {
        assertThat(decode(standard().set(tlv(id, "1".repeat(maximum))).build())).isEqualTo(CodeError.NONE);

        final String payload = standard().set(tlv(id, "1".repeat(maximum + 1))).build();
        final int valueOffset = byteOffset(payload, id + (maximum + 1) + "1") + 4;
        assertError(payload, CodeError.INVALID_FIELD, valueOffset, Integer.parseInt(id), NO_FIELD);
    }

    @Test
    void shouldAcceptGuiOf32CharactersAndRefuse33()
    {
        final String gui32 = "A".repeat(32);
        assertThat(decode(standard().add(template("26", tlv("00", gui32))).build())).isEqualTo(CodeError.NONE);

        final String payload = standard().add(template("26", tlv("00", gui32 + "A"), tlv("01", "X"))).build();
        assertError(payload, CodeError.INVALID_FIELD, byteOffset(payload, "0033AAA") + 4, 26, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "0.00", "1.2.3", "-5", "1e3", ".", "000", "1,00", " 1", "+1", "12 " })
    void shouldRefuseInvalidAmount(final String amount)
    {
        final String payload = standard().set(tlv("54", amount)).build();

        assertError(payload, CodeError.INVALID_FIELD, byteOffset(payload, tlv("54", amount)) + 4, 54, NO_FIELD);
    }

    @Test
    void shouldRefuseEmptyAmountAsMalformed()
    {
        // A zero length is a structural error (lengths are 01..99) before it is an amount error.
        final String body = standard().body();

        assertError(withCrc(body + "5400"), CodeError.MALFORMED, byteLength(body) + 2, 54, NO_FIELD);
    }

    @ParameterizedTest
    @CsvSource({ "1, 100", "0.01, 1", "12., 1200", "23.72, 2372", "9999999999.99, 999999999999" })
    void shouldAcceptValidAmount(final String amount, final long minorUnits)
    {
        assertThat(decode(standard().set(tlv("54", amount)).build())).isEqualTo(CodeError.NONE);
        assertThat(decoder.transactionAmountMinor(2)).isEqualTo(minorUnits);
    }

    @ParameterizedTest
    @MethodSource("tipIndicatorCases")
    void shouldApplyTipIndicatorRules(final CodeError expected, final int fieldId, final String[] objects)
    {
        final String payload = standard().add(String.join("", objects)).build();

        assertThat(decode(payload)).as(payload).isEqualTo(expected);
        if (expected == CodeError.MISSING_FIELD)
        {
            assertThat(decoder.error().offset()).isEqualTo(byteLength(payload));
        }
        else if (expected == CodeError.INVALID_FIELD)
        {
            final String culprit = Stream.of(objects).filter(o -> o.startsWith(String.valueOf(fieldId))).findFirst()
                .orElseThrow();
            assertThat(decoder.error().offset()).isEqualTo(byteOffset(payload, culprit) + 4);
        }
        assertThat(decoder.error().fieldId()).isEqualTo(fieldId);
    }

    static Stream<Arguments> tipIndicatorCases()
    {
        return Stream.of(
            cases(CodeError.NONE, NO_FIELD, "550201"),
            cases(CodeError.NONE, NO_FIELD, "550202", "56041.00"),
            cases(CodeError.NONE, NO_FIELD, "550203", "570415.5"),
            cases(CodeError.NONE, NO_FIELD, "570599.99", "550203"),
            cases(CodeError.MISSING_FIELD, 56, "550202"),
            cases(CodeError.MISSING_FIELD, 57, "550203"),
            cases(CodeError.MISSING_FIELD, 56, "550202", "570415.5"),
            cases(CodeError.INVALID_FIELD, 56, "550201", "56041.00"),
            cases(CodeError.INVALID_FIELD, 57, "550201", "570415.5"),
            cases(CodeError.INVALID_FIELD, 57, "550202", "56041.00", "570415.5"),
            cases(CodeError.INVALID_FIELD, 56, "550203", "56041.00", "570415.5"),
            cases(CodeError.INVALID_FIELD, 56, "56041.00"),
            cases(CodeError.INVALID_FIELD, 57, "570415.5"),
            cases(CodeError.INVALID_FIELD, 55, "550204"),
            cases(CodeError.INVALID_FIELD, 55, "550200"),
            cases(CodeError.INVALID_FIELD, 55, "55011"),
            cases(CodeError.INVALID_FIELD, 56, "550202", "56010"),
            cases(CodeError.INVALID_FIELD, 57, "550203", "5703100"),
            cases(CodeError.INVALID_FIELD, 57, "550203", "57040.00"),
            cases(CodeError.INVALID_FIELD, 57, "550203", "5706100.00"));
    }

    @ParameterizedTest
    @CsvSource({
        "0104最佳运输, 0",
        "0002ZH0202北京, 1",
        "0002ZH, 1" })
    void shouldRequireLanguageAndNameInLanguageTemplate(final String value, final int missingSubId)
    {
        final String payload = standard().add(tlv("64", value)).build();

        assertError(payload, CodeError.MISSING_FIELD, byteOffset(payload, tlv("64", value)) + 4, 64, missingSubId);
    }

    @ParameterizedTest
    @CsvSource({
        "0003ZHO0104最佳运输, 0, 0003ZHO",
        "0002ZH0126ABCDEFGHIJKLMNOPQRSTUVWXYZ, 1, 0126ABC",
        "0002ZH0104最佳运输0216北京北京北京北京北京北京北京北京, 2, 0216北京" })
    void shouldRefuseInvalidLanguageTemplateValues(final String value, final int subId, final String header)
    {
        final String payload = standard().add(tlv("64", value)).build();

        assertError(payload, CodeError.INVALID_FIELD, byteOffset(payload, header) + 4, 64, subId);
    }

    @ParameterizedTest
    @ValueSource(strings = { "A", "M", "E", "AME", "EMA", "ME" })
    void shouldAcceptConsumerDataRequest(final String request)
    {
        assertThat(decode(standard().add(template("62", tlv("09", request))).build())).isEqualTo(CodeError.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "AAX", "X", "MM", "a", "AMEA", "A E" })
    void shouldRefuseInvalidConsumerDataRequest(final String request)
    {
        final String payload = standard().add(template("62", tlv("01", "BILL1"), tlv("09", request))).build();

        assertError(payload, CodeError.INVALID_FIELD, byteOffset(payload, tlv("09", request)) + 4, 62, 9);
    }

    @Test
    void shouldAcceptExactly512CharactersAndRefuse513()
    {
        final String exact = padded(standard(), 512);
        assertThat(exact.codePointCount(0, exact.length())).isEqualTo(512);
        assertThat(decode(exact)).as(() -> decoder.error().toString()).isEqualTo(CodeError.NONE);

        final String over = padded(standard(), 513);
        assertThat(over.codePointCount(0, over.length())).isEqualTo(513);
        assertError(over, CodeError.TOO_LONG, 0, NO_FIELD, NO_FIELD);
    }

    @Test
    void shouldAcceptBeyond512CharactersOnlyWithSgqrGui()
    {
        final String sgqr = padded(standard().add(template("51", tlv("00", "SG.SGQR"), tlv("01", "180307"))), 900);

        assertThat(decode(sgqr)).as(() -> decoder.error().toString()).isEqualTo(CodeError.NONE);
        assertThat(decoder.characters()).isEqualTo(900);
    }

    @Test
    void shouldRefusePayloadLongerThanAnyQrCodeEvenWithSgqrGui()
    {
        final String huge = padded(standard().add(template("51", tlv("00", "SG.SGQR"))), 2_000, "最");
        assertThat(byteLength(huge)).isGreaterThan(MpmDescriptor.MAX_PAYLOAD_BYTES);

        assertError(huge, CodeError.TOO_LONG, 0, NO_FIELD, NO_FIELD);
        assertError("0".repeat(3_000), CodeError.TOO_LONG, 0, NO_FIELD, NO_FIELD);
        assertError("0".repeat(MpmDescriptor.MAX_PAYLOAD_BYTES + 1), CodeError.TOO_LONG, 0, NO_FIELD, NO_FIELD);
        assertError("0".repeat(MpmDescriptor.MAX_PAYLOAD_BYTES), CodeError.MALFORMED, 2, 0, NO_FIELD);
    }

    @Test
    void shouldAcceptLowercaseHexCrc()
    {
        final String payload = standard().set(tlv("59", "HUTONG NOODLES 6")).build();
        assertThat(payload).endsWith("0E2B");

        assertThat(decode(payload.substring(0, payload.length() - 4) + "0e2b")).isEqualTo(CodeError.NONE);
        assertThat(decode(payload.substring(0, payload.length() - 4) + "0E2b")).isEqualTo(CodeError.NONE);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F })
    void shouldRefuseControlCharacterInTopLevelValue(final int control)
    {
        final String name = "HUTONG" + (char)control + "NOODLES";
        final String payload = standard().set(tlv("59", name)).build();

        assertError(payload, CodeError.INVALID_FIELD, byteOffset(payload, name) + 6, 59, NO_FIELD);
    }

    @ParameterizedTest
    @MethodSource("controlCharactersInsideValues")
    void shouldRefuseControlCharacterInsideAnyValue(final String id, final String value)
    {
        final String payload = standard().set(tlv(id, value)).build();
        final int control = value.codePoints().filter(c -> c < 0x20 || c == 0x7F).findFirst().orElseThrow();
        final int expected = byteOffset(payload, tlv(id, value)) + 4 +
            byteLength(value.substring(0, value.indexOf(control)));

        assertError(payload, CodeError.INVALID_FIELD, expected, Integer.parseInt(id), NO_FIELD);
    }

    static Stream<Arguments> controlCharactersInsideValues()
    {
        return Stream.of(
            Arguments.of("15", "6221\t0001"),
            Arguments.of("26", "0012D156000000000105AB\u0001DE"),
            Arguments.of("62", "0105BI\nL1"),
            Arguments.of("64", "0002ZH0104最佳\r输"),
            Arguments.of("80", "0006HUTONG0103A\u007FB"));
    }

    @ParameterizedTest
    @MethodSource("invalidUtf8")
    void shouldRefuseInvalidUtf8AsMalformed(final String name, final byte[] sequence)
    {
        final String before = standard().remove("59").remove("60").body();
        final byte[] payload = bytesWithCrc(before, "5906AB", sequence, "CD", CITY);

        assertThat(decoder.wrap(new UnsafeBuffer(payload), 0, payload.length).decode()).as(name)
            .isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.error().fieldId()).as(name).isEqualTo(59);
        assertThat(decoder.error().offset()).as(name).isEqualTo(byteLength(before) + 4);
    }

    @Test
    void shouldRefuseInvalidUtf8InsideTemplate()
    {
        final String before = standard().body();
        final byte[] payload = bytesWithCrc(before, "62070105AB", new byte[]{ (byte)0xED, (byte)0xA0, (byte)0x80 }, "C");

        assertThat(decoder.wrap(new UnsafeBuffer(payload), 0, payload.length).decode()).isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.error().fieldId()).isEqualTo(62);
        assertThat(decoder.error().offset()).isEqualTo(byteLength(before) + 4);
    }

    static Stream<Arguments> invalidUtf8()
    {
        return Stream.of(
            utf8("overlong slash", 0xC0, 0xAF),
            utf8("overlong three-byte", 0xE0, 0x80, 0xAF),
            utf8("overlong four-byte", 0xF0, 0x80, 0x80, 0xAF),
            utf8("lone continuation", 0x80),
            utf8("high surrogate", 0xED, 0xA0, 0x80),
            utf8("low surrogate", 0xED, 0xBF, 0xBF),
            utf8("above U+10FFFF", 0xF4, 0x90, 0x80, 0x80),
            utf8("F5 lead byte", 0xF5, 0x80, 0x80, 0x80),
            utf8("FF byte", 0xFF),
            utf8("lead byte without continuation", 0xE6, 0x9C));
    }

    private static Arguments cases(final CodeError expected, final int fieldId, final String... objects)
    {
        return Arguments.of(expected, fieldId, objects);
    }

    private static Arguments utf8(final String name, final int... bytes)
    {
        final byte[] sequence = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++)
        {
            sequence[i] = (byte)bytes[i];
        }
        return Arguments.of(name, sequence);
    }

    /**
     * Pad a payload with unreserved templates (80, 81, ...) to an exact number of characters.
     */
    private static String padded(final MpmTestPayloads.Builder builder, final int characters)
    {
        return padded(builder, characters, "X");
    }

    private static String padded(final MpmTestPayloads.Builder builder, final int characters, final String filler)
    {
        final String body = builder.body();
        int remaining = characters - body.codePointCount(0, body.length()) - 8;
        final int templates = (remaining + 102) / 103;
        for (int i = 0; i < templates; i++)
        {
            final int size = remaining / (templates - i);
            remaining -= size;
            // template = "8i" + LL + "0006HUTONG" + "01" + LL + filler: size - 18 filler characters
            builder.add(template(String.valueOf(80 + i), tlv("00", "HUTONG"), tlv("01", filler.repeat(size - 18))));
        }
        return builder.build();
    }

    private CodeError decode(final String payload)
    {
        final byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return decoder.wrap(new UnsafeBuffer(bytes), 0, bytes.length).decode();
    }

    private void assertError(
        final String payload, final CodeError code, final int offset, final int fieldId, final int subFieldId)
    {
        assertThat(decode(payload)).as(payload).isEqualTo(code);
        final DecodeError error = decoder.error();
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.offset()).as(error::toString).isEqualTo(offset);
        assertThat(error.fieldId()).as(error::toString).isEqualTo(fieldId);
        assertThat(error.subFieldId()).as(error::toString).isEqualTo(subFieldId);
        assertThat(decoder.isValid()).isFalse();
    }
}
