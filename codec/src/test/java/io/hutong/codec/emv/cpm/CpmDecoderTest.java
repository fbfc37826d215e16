package io.hutong.codec.emv.cpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.DecodeError;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_1;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_1_HEX;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_2;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_2_CRYPTOGRAM_HEX;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_MASKED_PAN;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_PAN;
import static io.hutong.codec.emv.cpm.CpmSamples.ascii;
import static io.hutong.codec.emv.cpm.CpmSamples.asciiHex;
import static io.hutong.codec.emv.cpm.CpmSamples.hex;
import static io.hutong.codec.emv.cpm.CpmSamples.tlv;
import static org.assertj.core.api.Assertions.assertThat;

class CpmDecoderTest
{
    private static final String PFI = "85054350563031";
    private static final String AID = tlv("4F", "A0000000555555");
    private static final String PAN = tlv("5A", SPEC_PAN);
    private static final String TRACK2 = "570F1234567890123458D191220112345F";
    private static final String APP = tlv("61", AID, PAN);

    private final CpmDecoder decoder = new CpmDecoder();

    @Test
    void shouldDecodeSpecExample1()
    {
        assertThat(decodeText(SPEC_EXAMPLE_1)).isEqualTo(CodeError.NONE);

        assertThat(decoder.applicationCount()).isEqualTo(1);
        assertThat(decoder.aidHex(0)).isEqualTo("A0000000555555");
        assertThat(decoder.aidLength(0)).isEqualTo(7);
        assertThat(decoder.aidStartsWith(0, hex("A000000055"))).isTrue();
        assertThat(decoder.aidStartsWith(0, hex("A000000333"))).isFalse();
        assertThat(decoder.maskedPan()).isEqualTo(SPEC_MASKED_PAN);
        assertThat(decoder.panLastFour(0)).isEqualTo(3458);
        assertThat(decoder.panDigitCount(0)).isEqualTo(16);
        assertThat(decoder.expiryYymm(0)).isEqualTo(1912);
        assertThat(decoder.hasApplicationLabel(0)).isFalse();
        assertThat(decoder.applicationLabel(0)).isEmpty();
        assertThat(decoder.transparentTemplateLength(0)).isZero();
        assertThat(decoder.binaryLength()).isEqualTo(35);
    }

    @Test
    void shouldDecodeSpecExample2WithPanFromCommonData()
    {
        assertThat(decodeText(SPEC_EXAMPLE_2)).isEqualTo(CodeError.NONE);

        assertThat(decoder.applicationCount()).isEqualTo(2);
        assertThat(decoder.aidHex(0)).isEqualTo("A0000000555555");
        assertThat(decoder.applicationLabel(0)).isEqualTo("Product1");
        assertThat(decoder.aidHex(1)).isEqualTo("A0000000666666");
        assertThat(decoder.applicationLabel(1)).isEqualTo("Product2");
        assertThat(decoder.maskedPan(0)).isEqualTo(SPEC_MASKED_PAN);
        assertThat(decoder.maskedPan(1)).isEqualTo(SPEC_MASKED_PAN);
        assertThat(decoder.expiryYymm(1)).isEqualTo(-1);

        final UnsafeBuffer cryptogram = new UnsafeBuffer(new byte[64]);
        final int length = decoder.getCommonTransparentTemplate(cryptogram, 0);
        final byte[] bytes = new byte[length];
        cryptogram.getBytes(0, bytes);
        assertThat(bytes).isEqualTo(hex(SPEC_EXAMPLE_2_CRYPTOGRAM_HEX));
    }

    @Test
    void shouldDecodeTwoApplicationsIncludingUnionPay()
    {
        final byte[] cryptogram = hex("9F26081122334455667788" + "9F36020001" + "9F37040A0B0C0D");
        final String text = new CpmEncoder()
            .withApplication(CpmApplication.of(hex("A0000000555555")).withTrack2(SPEC_PAN, 1912, 201, "12345"))
            .withApplication(CpmApplication.of(hex(CpmSamples.UNIONPAY_AID_HEX))
                .withPan("6212345678901232")
                .withLabel("UnionPay Credit")
                .withTransparentData(cryptogram))
            .encodeBase64();

        assertThat(decodeText(text)).isEqualTo(CodeError.NONE);

        assertThat(decoder.applicationCount()).isEqualTo(2);
        assertThat(decoder.maskedPan(0)).isEqualTo(SPEC_MASKED_PAN);
        assertThat(decoder.aidHex(1)).isEqualTo(CpmSamples.UNIONPAY_AID_HEX);
        assertThat(decoder.aidStartsWith(1, hex("A000000333"))).isTrue();
        assertThat(decoder.applicationLabel(1)).isEqualTo("UnionPay Credit");
        assertThat(decoder.maskedPan(1)).isEqualTo("621234******1232");
        assertThat(decoder.panLastFour(1)).isEqualTo(1232);
        assertThat(decoder.expiryYymm(1)).isEqualTo(-1);
        assertThat(decoder.transparentTemplateLength(1)).isEqualTo(cryptogram.length);

        final UnsafeBuffer aid = new UnsafeBuffer(new byte[16]);
        assertThat(decoder.getAid(1, aid, 0)).isEqualTo(8);
        assertThat(aid.getByte(7)).isEqualTo((byte)0x01);
    }

    @Test
    void shouldDecodeRawBinaryInPlace()
    {
        final byte[] bytes = hex("FFFF" + SPEC_EXAMPLE_1_HEX);

        assertThat(decoder.wrapBinary(new UnsafeBuffer(bytes), 2, bytes.length - 2).decode()).isEqualTo(CodeError.NONE);
        assertThat(decoder.maskedPan()).isEqualTo(SPEC_MASKED_PAN);
    }

    @Test
    void shouldRefuseEmptyInput()
    {
        assertThat(decodeText("")).isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.applicationCount()).isZero();
        assertThat(decodeHex("")).isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.error().detail()).contains("empty");
    }

    @Test
    void shouldRefuseTemplateLengthThatAnIntReaderWouldSeeAsNegative()
    {
        assertThat(decodeHex(PFI + "6184FFFFFFFF" + AID + PAN)).isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.error().offset()).isEqualTo(8);
        assertThat(decodeHex(PFI + "6184FFFFFFFE" + AID + PAN)).isEqualTo(CodeError.MALFORMED);
        assertThat(decodeHex(PFI + "61847FFFFFFF" + AID + PAN)).isEqualTo(CodeError.MALFORMED);
    }

    @Test
    void shouldRefuseTruncatedTagAndLengthAtTheEnd()
    {
        assertThat(decodeHex(SPEC_EXAMPLE_1_HEX + "9F")).isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.error().offset()).isEqualTo(35);
        assertThat(decodeHex(SPEC_EXAMPLE_1_HEX + "62")).isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.error().offset()).isEqualTo(36);
    }

    @Test
    void shouldReportBadBase64CharacterOffsetInText()
    {
        final String text = SPEC_EXAMPLE_1.substring(0, 10) + "\n" + SPEC_EXAMPLE_1.substring(10);

        assertThat(decodeText(text)).isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.errorInText()).isTrue();
        assertThat(decoder.error().offset()).isEqualTo(10);
    }

    @Test
    void shouldRefuseBadPadding()
    {
        assertThat(decodeText(SPEC_EXAMPLE_1 + "=")).isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.errorInText()).isTrue();
    }

    @Test
    void shouldRefuseOverlongTextBeforeReadingIt()
    {
        // Garbage everywhere: TOO_LONG proves the length was judged before any character.
        assertThat(decodeText("!".repeat(CpmDescriptor.MAX_TEXT_LENGTH + 1))).isEqualTo(CodeError.TOO_LONG);
        assertThat(decoder.errorInText()).isTrue();
    }

    @Test
    void shouldRefuseTextThatDecodesToMoreThan512Bytes()
    {
        assertThat(decodeText("A".repeat(CpmDescriptor.MAX_TEXT_LENGTH))).isEqualTo(CodeError.TOO_LONG);
    }

    @Test
    void shouldRefuseBinaryLongerThan512Bytes()
    {
        final byte[] bytes = new byte[CpmDescriptor.MAX_BINARY_LENGTH + 1];

        assertThat(decoder.wrapBinary(new UnsafeBuffer(bytes), 0, bytes.length).decode()).isEqualTo(CodeError.TOO_LONG);
    }

    @Test
    void shouldReportMalformedTlvAtItsBinaryOffset()
    {
        assertThat(decodeHex(PFI + "611A4F07A0000000555555")).isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.errorInText()).isFalse();
        assertThat(decoder.error().offset()).isEqualTo(8);
    }

    @Test
    void shouldRefuseIndefiniteLengthTemplate()
    {
        assertThat(decodeHex(PFI + "6180" + AID + PAN + "0000")).isEqualTo(CodeError.MALFORMED);
        assertThat(decoder.error().offset()).isEqualTo(8);
    }

    @Test
    void shouldRefusePayloadNotStartingWithPayloadFormatIndicator()
    {
        assertError(APP + PFI, CodeError.MISSING_FIELD, 0x85, DecodeError.NO_FIELD);
    }

    @Test
    void shouldRefuseWrongPayloadFormatIndicator()
    {
        assertError(tlv("85", asciiHex("CPV02")) + APP, CodeError.INVALID_FIELD, 0x85, DecodeError.NO_FIELD);
        assertError(tlv("85", asciiHex("cpv01")) + APP, CodeError.INVALID_FIELD, 0x85, DecodeError.NO_FIELD);
        assertError(tlv("85", asciiHex("CPV01 ")) + APP, CodeError.INVALID_FIELD, 0x85, DecodeError.NO_FIELD);
    }

    @Test
    void shouldRefusePayloadWithoutApplicationTemplate()
    {
        assertError(PFI, CodeError.MISSING_FIELD, 0x61, DecodeError.NO_FIELD);
        assertError(PFI + tlv("62", PAN), CodeError.MISSING_FIELD, 0x61, DecodeError.NO_FIELD);
    }

    @Test
    void shouldRefuseThirdApplicationTemplate()
    {
        assertError(PFI + APP + APP + APP, CodeError.INVALID_FIELD, 0x61, DecodeError.NO_FIELD);
        assertThat(decoder.error().offset()).isEqualTo(7 + 2 * (APP.length() / 2));
    }

    @Test
    void shouldRefuseDuplicateTopLevelObjects()
    {
        assertError(PFI + APP + PFI, CodeError.DUPLICATE_FIELD, 0x85, DecodeError.NO_FIELD);
        assertError(PFI + APP + tlv("62", "") + tlv("62", ""), CodeError.DUPLICATE_FIELD, 0x62, DecodeError.NO_FIELD);
    }

    @Test
    void shouldRefuseUnknownTopLevelTag()
    {
        assertError(PFI + APP + tlv("9F25", "3458"), CodeError.INVALID_FIELD, 0x9F25, DecodeError.NO_FIELD);
    }

    @Test
    void shouldRefuseSameTagTwiceInApplicationTemplate()
    {
        assertError(PFI + tlv("61", AID, PAN, AID), CodeError.DUPLICATE_FIELD, 0x61, 0x4F);
        assertError(PFI + tlv("61", AID, PAN, tlv("9F7C", "01"), tlv("9F7C", "02")), CodeError.DUPLICATE_FIELD,
            0x61, 0x9F7C);
    }

    @Test
    void shouldRefuseSameTagTwiceInTransparentTemplate()
    {
        final String cryptogram = tlv("63", tlv("9F36", "0001"), tlv("9F36", "0002"));

        assertError(PFI + tlv("61", AID, PAN, cryptogram), CodeError.DUPLICATE_FIELD, 0x61, 0x9F36);
    }

    @Test
    void shouldSkipUnknownButWellFormedTagsInTemplates()
    {
        final String unknown = tlv("9F7C", "0102") + tlv("BF0C", tlv("9F4D", "0B0A")) + tlv("5F50", asciiHex("x.cn"));

        assertThat(decodeHex(PFI + tlv("61", AID, unknown, PAN) + tlv("62", unknown))).isEqualTo(CodeError.NONE);
        assertThat(decoder.maskedPan()).isEqualTo(SPEC_MASKED_PAN);
    }

    @Test
    void shouldRefuseMalformedUnknownTagInTemplate()
    {
        assertThat(decodeHex(PFI + tlv("61", AID, PAN, tlv("BF0C", "9F4D05")))).isEqualTo(CodeError.MALFORMED);
    }

    @Test
    void shouldRefuseApplicationWithoutAid()
    {
        assertError(PFI + tlv("61", PAN), CodeError.MISSING_FIELD, 0x61, 0x4F);
    }

    @Test
    void shouldRefuseAidOutsideFiveToSixteenBytes()
    {
        assertError(PFI + tlv("61", tlv("4F", "A000000055"), PAN), CodeError.NONE, 0, 0);
        assertError(PFI + tlv("61", tlv("4F", "A0000000"), PAN), CodeError.INVALID_FIELD, 0x61, 0x4F);
        assertError(PFI + tlv("61", tlv("4F", "A0".repeat(17)), PAN), CodeError.INVALID_FIELD, 0x61, 0x4F);
    }

    @Test
    void shouldRefuseApplicationWithoutPanAnywhere()
    {
        assertError(PFI + tlv("61", AID), CodeError.MISSING_FIELD, 0x61, 0x5A);
        assertError(
            PFI + tlv("61", AID) + tlv("62", tlv("5F20", asciiHex("A/B"))), CodeError.MISSING_FIELD, 0x61, 0x5A);
    }

    @Test
    void shouldTakePanFromCommonDataTemplateFollowingTheApplications()
    {
        assertThat(decodeHex(PFI + tlv("61", AID) + tlv("62", TRACK2))).isEqualTo(CodeError.NONE);
        assertThat(decoder.maskedPan()).isEqualTo(SPEC_MASKED_PAN);
        assertThat(decoder.expiryYymm(0)).isEqualTo(1912);
    }

    @Test
    void shouldRefuseInvalidBcdPan()
    {
        assertError(PFI + tlv("61", AID, tlv("5A", "12345678901234A8")), CodeError.INVALID_FIELD, 0x61, 0x5A);
        assertError(PFI + tlv("61", AID, tlv("5A", "123456789012345F")), CodeError.NONE, 0, 0);
        assertError(PFI + tlv("61", AID, tlv("5A", "12345678901234F5")), CodeError.INVALID_FIELD, 0x61, 0x5A);
        assertError(PFI + tlv("61", AID, tlv("5A", "")), CodeError.INVALID_FIELD, 0x61, 0x5A);
    }

    @Test
    void shouldRefusePanOutsideTwelveToNineteenDigits()
    {
        assertError(PFI + tlv("61", AID, tlv("5A", "12345678901F")), CodeError.INVALID_FIELD, 0x61, 0x5A);
        assertError(PFI + tlv("61", AID, tlv("5A", "123456789012")), CodeError.NONE, 0, 0);
        assertError(PFI + tlv("61", AID, tlv("5A", "1234567890123456789F")), CodeError.NONE, 0, 0);
        assertError(PFI + tlv("61", AID, tlv("5A", "12345678901234567890")), CodeError.INVALID_FIELD, 0x61, 0x5A);
    }

    @Test
    void shouldMaskTwelveAndNineteenDigitPans()
    {
        assertThat(decodeHex(PFI + tlv("61", AID, tlv("5A", "123456789012")))).isEqualTo(CodeError.NONE);
        assertThat(decoder.maskedPan()).isEqualTo("123456**9012");
        assertThat(decodeHex(PFI + tlv("61", AID, tlv("5A", "1234567890123456789F")))).isEqualTo(CodeError.NONE);
        assertThat(decoder.maskedPan()).isEqualTo("123456*********6789");
        assertThat(decoder.appendMaskedPan(0, new StringBuilder("pan=")).toString())
            .isEqualTo("pan=123456*********6789");
    }

    @Test
    void shouldRefuseMalformedTrack2()
    {
        assertError(PFI + tlv("61", AID, "570F1234567890123458A191220112345F"), CodeError.INVALID_FIELD, 0x61, 0x57);
        assertError(PFI + tlv("61", AID, "57081234567890123458"), CodeError.INVALID_FIELD, 0x61, 0x57);
        assertError(PFI + tlv("61", AID, "570B1234567890123458D19122"), CodeError.INVALID_FIELD, 0x61, 0x57);
        assertError(PFI + tlv("61", AID, "570C1234567890123458D191220F"), CodeError.INVALID_FIELD, 0x61, 0x57);
        assertError(PFI + tlv("61", AID, "570C1234567890123458D1913201"), CodeError.INVALID_FIELD, 0x61, 0x57);
        assertError(PFI + tlv("61", AID, "570C1234567890123458D19122F1"), CodeError.INVALID_FIELD, 0x61, 0x57);
        assertError(PFI + tlv("61", AID, "570D1234567890123458D1912201FF"), CodeError.INVALID_FIELD, 0x61, 0x57);
        assertError(PFI + tlv("61", AID, "570C1234567890123458D1912201"), CodeError.NONE, 0, 0);
        assertError(PFI + tlv("61", AID, "570D1234567890123458D19122013F"), CodeError.NONE, 0, 0);
    }

    @Test
    void shouldRefusePanAndTrack2NamingDifferentCards()
    {
        final String otherPan = tlv("5A", "1234567890123459");

        assertError(PFI + tlv("61", AID, otherPan, TRACK2), CodeError.INVALID_FIELD, 0x61, 0x57);
        assertError(PFI + tlv("61", AID, PAN, TRACK2), CodeError.NONE, 0, 0);
    }

    @Test
    void shouldRefuseNonPrintableLabel()
    {
        assertError(PFI + tlv("61", AID, tlv("50", "41004200"), PAN), CodeError.INVALID_FIELD, 0x61, 0x50);
        assertError(PFI + tlv("61", AID, tlv("50", "E4BDA0E5A5BD"), PAN), CodeError.INVALID_FIELD, 0x61, 0x50);
        assertError(PFI + tlv("61", AID, tlv("50", ""), PAN), CodeError.INVALID_FIELD, 0x61, 0x50);
    }

    @Test
    void shouldRefuseEveryStrictPrefixOfSpecExample()
    {
        final byte[] bytes = hex(SPEC_EXAMPLE_1_HEX);
        for (int length = 0; length < bytes.length; length++)
        {
            final CodeError result = decoder.wrapBinary(new UnsafeBuffer(bytes), 0, length).decode();
            assertThat(result).as("prefix of %d bytes", length).isNotEqualTo(CodeError.NONE);
        }
        for (int length = 0; length < SPEC_EXAMPLE_1.length() - 1; length++)
        {
            assertThat(decodeText(SPEC_EXAMPLE_1.substring(0, length))).as("prefix of %d characters", length)
                .isNotEqualTo(CodeError.NONE);
        }
    }

    @Test
    void shouldDecodeAgainAfterAFailure()
    {
        assertThat(decodeText("!!!!")).isEqualTo(CodeError.MALFORMED);
        assertThat(decodeText(SPEC_EXAMPLE_1)).isEqualTo(CodeError.NONE);
        assertThat(decoder.error().code()).isEqualTo(CodeError.NONE);
        assertThat(decoder.errorInText()).isFalse();
        assertThat(decoder.maskedPan()).isEqualTo(SPEC_MASKED_PAN);
    }

    @Test
    void shouldNeverExposeTheFullPanThroughAnyPublicMethod() throws Exception
    {
        assertThat(decodeText(SPEC_EXAMPLE_1)).isEqualTo(CodeError.NONE);

        for (final Method method : CpmDecoder.class.getMethods())
        {
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class &&
                !"toString".equals(method.getName()))
            {
                continue;
            }
            final Class<?>[] parameters = method.getParameterTypes();
            final Object result;
            if (parameters.length == 0)
            {
                result = method.invoke(decoder);
            }
            else if (parameters.length == 1 && parameters[0] == int.class)
            {
                result = method.invoke(decoder, 0);
            }
            else
            {
                continue;
            }
            assertThat(String.valueOf(result)).as(method.getName()).doesNotContain(SPEC_PAN);
        }
        assertThat(decoder.error().toString()).doesNotContain(SPEC_PAN);
    }

    private CodeError decodeText(final String text)
    {
        return decoder.wrap(ascii(text), 0, text.length()).decode();
    }

    private CodeError decodeHex(final String hex)
    {
        final byte[] bytes = hex(hex);
        return decoder.wrapBinary(new UnsafeBuffer(bytes), 0, bytes.length).decode();
    }

    private void assertError(final String hex, final CodeError code, final int fieldId, final int subFieldId)
    {
        final CodeError result = decodeHex(hex);
        assertThat(result).as("%s: %s", hex, decoder.error()).isEqualTo(code);
        if (code != CodeError.NONE)
        {
            assertThat(decoder.error().code()).isEqualTo(code);
            assertThat(decoder.error().fieldId()).isEqualTo(fieldId);
            assertThat(decoder.error().subFieldId()).isEqualTo(subFieldId);
            assertThat(decoder.applicationCount()).isZero();
        }
    }
}
