package io.hutong.codec.emv.mpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.DecodeError;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static io.hutong.codec.DecodeError.NO_FIELD;
import static io.hutong.codec.emv.mpm.MpmTestPayloads.*;
import static io.hutong.codec.support.Payloads.tlv;
import static io.hutong.codec.support.Payloads.withCrc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per bug class seen in public MPM parsers (DOMAIN.md section 3): each asserts the exact
 * {@link CodeError} and where the decoder says the problem is.
 */
class MpmParserBugClassTest
{
    /** Merchant name whose payload (see {@link #withName}) has CRC 0x0003. */
    private static final String NAME_CRC_0003 = "HUTONG NOODLES 44";
    /** Merchant name whose payload (see {@link #withName}) has CRC 0x0E2B. */
    private static final String NAME_CRC_0E2B = "HUTONG NOODLES 6";

    private final MpmDecoder decoder = new MpmDecoder();

    // --- CRC not checked ---------------------------------------------------------------------------------------

    @Test
    void shouldRefuseValidStructureWithWrongCrc()
    {
        final String valid = standard().build();
        assertThat(decode(valid)).isEqualTo(CodeError.NONE);

        final int crc = Integer.parseInt(valid.substring(valid.length() - 4), 16);
        for (final int flip : new int[]{ 0x0001, 0x0010, 0x0100, 0x1000, 0x8000, 0xFFFF })
        {
            final String wrong = valid.substring(0, valid.length() - 4) + String.format("%04X", crc ^ flip);
            assertError(wrong, CodeError.CRC_MISMATCH, byteLength(wrong) - 4, 63, NO_FIELD);
        }
    }

    @Test
    void shouldRefuseTamperedBodyUnderOriginalCrc()
    {
        final String tampered = GoldenPayloads.EMVCO_SPEC.replace("540523.72", "540599.72");
        assertError(tampered, CodeError.CRC_MISMATCH, byteLength(tampered) - 4, 63, NO_FIELD);
    }

    @Test
    void shouldReportCrcMismatchAtAbsoluteOffsetWhenPayloadIsNotAtStartOfBuffer()
    {
        final String wrong = GoldenPayloads.PIX.substring(0, GoldenPayloads.PIX.length() - 4) + "0000";
        final byte[] payload = wrong.getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[payload.length + 20]);
        buffer.putBytes(11, payload);

        assertThat(decoder.wrap(buffer, 11, payload.length).decode()).isEqualTo(CodeError.CRC_MISMATCH);
        assertThat(decoder.error().offset()).isEqualTo(11 + payload.length - 4);
    }

    // --- truncated payload decoded partially -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { GoldenPayloads.EMVCO_SPEC, GoldenPayloads.PIX, GoldenPayloads.SGQR })
    void shouldRefuseEveryPrefixOfValidPayload(final String payload)
    {
        final byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        final int at = 5;
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[at + bytes.length]);
        buffer.putBytes(at, bytes);
        assertThat(decoder.wrap(buffer, at, bytes.length).decode()).isEqualTo(CodeError.NONE);
        final Set<Integer> objectEnds = new HashSet<>();
        for (int i = 0; i < decoder.idCount(); i++)
        {
            final int id = decoder.idAt(i);
            objectEnds.add(decoder.valueOffset(id) + decoder.valueLength(id) - at);
        }

        // The whole payload stays in the buffer: a decoder that reads past the wrapped length would see it.
        int objectStart = 0;
        for (int cut = 0; cut < bytes.length; cut++)
        {
            final CodeError result = decoder.wrap(buffer, at, cut).decode();

            assertThat(decoder.isValid()).as("prefix of %d bytes", cut).isFalse();
            if (cut > 0 && objectEnds.contains(cut))
            {
                assertThat(result).as("prefix of %d bytes", cut).isEqualTo(CodeError.MISSING_FIELD);
                assertThat(decoder.error().fieldId()).isEqualTo(63);
                assertThat(decoder.error().offset()).isEqualTo(at + cut);
                objectStart = cut;
            }
            else
            {
                assertThat(result).as("prefix of %d bytes", cut).isEqualTo(CodeError.MALFORMED);
                assertThat(decoder.error().offset()).as("prefix of %d bytes", cut).isEqualTo(at + objectStart);
            }
        }
    }

    @Test
    void shouldForgetValidPayloadWhenNextOneIsTruncated()
    {
        final UnsafeBuffer buffer = buffer(GoldenPayloads.EMVCO_SPEC);
        assertThat(decoder.wrap(buffer, 0, buffer.capacity()).decode()).isEqualTo(CodeError.NONE);

        assertThat(decoder.wrap(buffer, 0, buffer.capacity() - 1).decode()).isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.isValid()).isFalse();
        assertThat(decoder.isPresent(63)).isFalse();
    }

    // --- primitive IDs 02..25 parsed as templates --------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "0012ABCDEFGHIJKL", "0099X", "00", "6200", "6304ABCD", "2605000", "0001A0001B", "99" })
    void shouldReturnPrimitiveMerchantAccountVerbatimWhenItLooksLikeTlv(final String value)
    {
        final String payload = standard().set(tlv("15", value)).build();

        assertThat(decode(payload)).as(() -> decoder.error().toString()).isEqualTo(CodeError.NONE);
        assertThat(decoder.value(15)).isEqualTo(value);
        assertThat(decoder.findSubField(15, 0, new MpmTemplateCursor())).isFalse();
        assertThat(MpmPayload.from(decoder).get(15)).isEqualTo(DataObject.primitive(15, value));
    }

    @ParameterizedTest
    @MethodSource("primitiveMerchantAccountIds")
    void shouldTreatEveryPrimitiveMerchantAccountIdAsOpaque(final int id)
    {
        final String twoDigits = String.format("%02d", id);
        final String payload = standard().remove("15").insert(2, tlv(twoDigits, "0012ABCDEFGHIJKL")).build();

        assertThat(decode(payload)).as(() -> decoder.error().toString()).isEqualTo(CodeError.NONE);
        assertThat(decoder.value(id)).isEqualTo("0012ABCDEFGHIJKL");
        assertThat(MpmPayload.from(decoder).get(id).isTemplate()).isFalse();
    }

    @Test
    void shouldStillParseMerchantAccountTemplatesAsTemplates()
    {
        final String payload = standard().set(tlv("26", "0099X")).build();

        assertError(payload, CodeError.MALFORMED, byteOffset(payload, "26050099X") + 4, 26, NO_FIELD);
    }

    // --- lengths counted in UTF-16 units or bytes --------------------------------------------------------------

    @Test
    void shouldCountChineseCharactersNotBytes()
    {
        final String payload = standard().set("5904最佳运输").build();

        assertThat(decode(payload)).isEqualTo(CodeError.NONE);
        assertThat(decoder.merchantName()).isEqualTo("最佳运输");
        assertThat(decoder.valueCharacters(59)).isEqualTo(4);
        assertThat(decoder.valueLength(59)).isEqualTo(12);
    }

    @Test
    void shouldRefuseLengthCountedInBytes()
    {
        // 12 characters from the name's start run through "6008SHAN"; "GH" is then read as an ID.
        final String payload = standard().set("5912最佳运输").build();

        assertError(payload, CodeError.MALFORMED, byteOffset(payload, "GHAI"), NO_FIELD, NO_FIELD);
    }

    @Test
    void shouldCountSupplementaryCharacterAsOneCharacter()
    {
        final String name = "NOODLES \uD83D\uDE00";
        final String payload = standard().set("5909" + name).build();

        assertThat(decode(payload)).isEqualTo(CodeError.NONE);
        assertThat(decoder.merchantName()).isEqualTo(name);
        assertThat(decoder.valueCharacters(59)).isEqualTo(9);
        assertThat(decoder.valueLength(59)).isEqualTo(12);
    }

    @Test
    void shouldRefuseLengthCountedInUtf16Units()
    {
        // The emoji is two UTF-16 units: length 10 swallows the "6" of the city, leaving "008S...".
        final String payload = standard().set("5910NOODLES \uD83D\uDE00").build();

        assertError(payload, CodeError.MALFORMED, byteOffset(payload, "8SHANGHAI"), 0, NO_FIELD);
    }

    @Test
    void shouldAcceptTwentyFiveSupplementaryCharactersInNameAndRefuseTwentySix()
    {
        final String emoji25 = "\uD83D\uDE00".repeat(25);
        assertThat(decode(standard().set(tlv("59", emoji25)).build())).isEqualTo(CodeError.NONE);
        assertThat(decoder.valueLength(59)).isEqualTo(100);

        final String payload = standard().set(tlv("59", emoji25 + "\uD83D\uDE00")).build();
        assertError(payload, CodeError.INVALID_FIELD, byteOffset(payload, "5926") + 4, 59, NO_FIELD);
    }

    // --- CRC with leading zeros compared unpadded --------------------------------------------------------------

    @Test
    void shouldAcceptCrcWithLeadingZeros()
    {
        final String payload = withName(NAME_CRC_0003);

        assertThat(payload).endsWith("63040003");
        assertThat(decode(payload)).isEqualTo(CodeError.NONE);
    }

    @Test
    void shouldAcceptEveryCrcBelow0x1000FoundByVaryingMerchantName()
    {
        int found = 0;
        for (int i = 0; i < 2_000; i++)
        {
            final String payload = withName("HUTONG NOODLES " + i);
            if (payload.charAt(payload.length() - 4) == '0')
            {
                found++;
                assertThat(decode(payload)).as(payload).isEqualTo(CodeError.NONE);
            }
        }
        assertThat(found).isGreaterThan(50);
    }

    @ParameterizedTest
    @CsvSource({ NAME_CRC_0E2B + ",6303E2B", NAME_CRC_0003 + ",63013", NAME_CRC_0003 + ",630203", NAME_CRC_0E2B + ",6304 E2B" })
    void shouldRefuseUnpaddedCrc(final String name, final String crcObject)
    {
        final String body = standard().set(tlv("59", name)).body();
        final String payload = body + crcObject;

        assertError(payload, CodeError.INVALID_FIELD, byteLength(body) + 4, 63, NO_FIELD);
    }

    @Test
    void shouldRefuseCrcDeclaredFourCharactersHoldingThree()
    {
        final String body = standard().set(tlv("59", NAME_CRC_0E2B)).body();

        assertError(body + "6304E2B", CodeError.MALFORMED, byteLength(body), 63, NO_FIELD);
    }

    // --- duplicate IDs accepted --------------------------------------------------------------------------------

    @Test
    void shouldRefuseDuplicateTopLevelId()
    {
        final String payload = standard().add(tlv("59", "OTHER NAME")).build();

        assertError(payload, CodeError.DUPLICATE_FIELD, byteOffset(payload, "5910OTHER NAME"), 59, NO_FIELD);
    }

    @Test
    void shouldRefuseDuplicatePayloadFormatIndicator()
    {
        final String payload = standard().insert(1, FORMAT).build();

        assertError(payload, CodeError.DUPLICATE_FIELD, 6, 0, NO_FIELD);
    }

    @Test
    void shouldRefuseDuplicatePrimitiveMerchantAccount()
    {
        final String payload = standard().add(tlv("15", "6221000099999999")).build();

        assertError(payload, CodeError.DUPLICATE_FIELD, byteOffset(payload, "15166221000099999999"), 15, NO_FIELD);
    }

    @ParameterizedTest
    @CsvSource({
        "26, 0012D15600000000, 0105ALPHA, 0105BRAVO, 1",
        "26, 0012D15600000000, 9905ALPHA, 9905BRAVO, 99",
        "51, 0012D15600000000, 0105ALPHA, 0005BRAVO, 0",
        "62, 0105BILL1,        0505ALPHA, 0505BRAVO, 5",
        "62, 0105BILL1,        7005ALPHA, 7005BRAVO, 70",
        "64, 0002ZH,           0105ALPHA, 0105BRAVO, 1",
        "64, 0002ZH0104最佳运输, 0205ALPHA, 0205BRAVO, 2",
        "64, 0002ZH0104最佳运输, 7005ALPHA, 7005BRAVO, 70",
        "80, 0006HUTONG,       0105ALPHA, 0105BRAVO, 1",
        "80, 0006HUTONG,       0105ALPHA, 0005BRAVO, 0" })
    void shouldRefuseDuplicateNestedId(
        final String templateId, final String first, final String object, final String duplicate, final int subId)
    {
        final String payload = standard().add(template(templateId, first, object, duplicate)).build();

        assertError(payload, CodeError.DUPLICATE_FIELD, byteOffset(payload, duplicate),
            Integer.parseInt(templateId), subId);
    }

    // --- empty templates crash ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "26", "51", "62", "64", "80", "99" })
    void shouldRefuseEmptyTemplate(final String templateId)
    {
        final String body = standard().body();
        final String payload = withCrc(body + templateId + "00");

        assertError(payload, CodeError.MALFORMED, byteLength(body) + 2, Integer.parseInt(templateId), NO_FIELD);
    }

    @ParameterizedTest
    @CsvSource({ "62, 0500", "62, 050", "62, 0501", "26, 0012D156000000000100", "64, 0002ZH01" })
    void shouldRefuseTemplateWithEmptyOrTruncatedNestedObject(final String templateId, final String value)
    {
        final String body = standard().body();
        final String payload = withCrc(body + tlv(templateId, value));

        assertThat(decode(payload)).as(() -> decoder.error().toString()).isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.error().fieldId()).isEqualTo(Integer.parseInt(templateId));
        assertThat(decoder.error().offset()).isBetween(byteLength(body) + 4, byteLength(body) + 4 + value.length());
    }

    @Test
    void shouldRefuseMerchantAccountTemplateWithoutGui()
    {
        final String payload = standard().add(tlv("26", "0104ABCD")).build();

        assertError(payload, CodeError.MISSING_FIELD, byteOffset(payload, "26080104ABCD") + 4, 26, 0);
    }

    @Test
    void shouldRefuseEmptyPayload()
    {
        assertThat(decoder.wrap(new UnsafeBuffer(new byte[8]), 3, 0).decode()).isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.error().offset()).isEqualTo(3);
    }

    static IntStream primitiveMerchantAccountIds()
    {
        return IntStream.rangeClosed(MpmDescriptor.MERCHANT_ACCOUNT_FIRST, MpmDescriptor.MERCHANT_ACCOUNT_PRIMITIVE_LAST);
    }

    private static String withName(final String name)
    {
        return standard().set(tlv("59", name)).build();
    }

    private static UnsafeBuffer buffer(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }

    private CodeError decode(final String payload)
    {
        final UnsafeBuffer buffer = buffer(payload);
        return decoder.wrap(buffer, 0, buffer.capacity()).decode();
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
