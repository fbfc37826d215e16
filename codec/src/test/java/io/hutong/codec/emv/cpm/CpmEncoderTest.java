package io.hutong.codec.emv.cpm;

import io.hutong.codec.CodeError;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_1;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_1_HEX;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_2;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_EXAMPLE_2_CRYPTOGRAM_HEX;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_MASKED_PAN;
import static io.hutong.codec.emv.cpm.CpmSamples.SPEC_PAN;
import static io.hutong.codec.emv.cpm.CpmSamples.ascii;
import static io.hutong.codec.emv.cpm.CpmSamples.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpmEncoderTest
{
    private static final byte[] AID = hex("A0000000555555");

    @Test
    void shouldReproduceSpecExample1ByteForByte()
    {
        final CpmEncoder encoder = new CpmEncoder()
            .withApplication(CpmApplication.of(AID).withTrack2(SPEC_PAN, 1912, 201, "12345"));

        assertThat(encoder.encodeBytes()).isEqualTo(hex(SPEC_EXAMPLE_1_HEX));
        assertThat(encoder.encodeBase64()).isEqualTo(SPEC_EXAMPLE_1);
    }

    @Test
    void shouldReproduceSpecExample2ByteForByte()
    {
        final CpmEncoder encoder = new CpmEncoder()
            .withApplication(CpmApplication.of(AID).withLabel("Product1"))
            .withApplication(CpmApplication.of(hex("A0000000666666")).withLabel("Product2"))
            .withCommonPan(SPEC_PAN)
            .withCardholderName("CARDHOLDER/EMV")
            .withLanguagePreference("ruesdeen")
            .withCommonTransparentData(hex(SPEC_EXAMPLE_2_CRYPTOGRAM_HEX));

        assertThat(encoder.encodeBase64()).isEqualTo(SPEC_EXAMPLE_2);
    }

    @Test
    void shouldWriteIntoBufferAtOffset()
    {
        final CpmEncoder encoder = new CpmEncoder().withApplication(CpmApplication.of(AID).withPan(SPEC_PAN));
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);

        final int length = encoder.encode(buffer, 5);

        assertThat(length).isEqualTo(encoder.encodedLength());
        final CpmDecoder decoder = new CpmDecoder();
        assertThat(decoder.wrapBinary(buffer, 5, length).decode()).isEqualTo(CodeError.NONE);
        assertThat(decoder.maskedPan()).isEqualTo(SPEC_MASKED_PAN);
        assertThat(decoder.expiryYymm(0)).isEqualTo(-1);
    }

    @Test
    void shouldUseLongFormLengthsForLargeTemplates()
    {
        final byte[] issuerData = new byte[250];
        final byte[] tlv = new byte[3 + 1 + issuerData.length];
        tlv[0] = (byte)0x9F;
        tlv[1] = 0x10;
        tlv[2] = (byte)0x81;
        tlv[3] = (byte)issuerData.length;
        final String text = new CpmEncoder()
            .withApplication(CpmApplication.of(AID).withPan(SPEC_PAN).withTransparentData(tlv))
            .encodeBase64();

        final CpmDecoder decoder = new CpmDecoder();
        assertThat(decoder.wrap(ascii(text), 0, text.length()).decode()).isEqualTo(CodeError.NONE);
        assertThat(decoder.transparentTemplateLength(0)).isEqualTo(tlv.length);
        assertThat(decoder.binaryLength()).isGreaterThan(0xFF);
    }

    @Test
    void shouldRefuseThirdApplication()
    {
        final CpmApplication application = CpmApplication.of(AID).withPan(SPEC_PAN);
        final CpmEncoder two = new CpmEncoder().withApplication(application).withApplication(application);

        assertThatThrownBy(() -> two.withApplication(application)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseIncompletePayloads()
    {
        assertThatThrownBy(() -> new CpmEncoder().encodeBytes()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new CpmEncoder().withApplication(CpmApplication.of(AID)).encodeBytes())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("no PAN");
    }

    @Test
    void shouldRefusePayloadOverFiveHundredTwelveBytes()
    {
        final byte[] tlv = new byte[4 + 250];
        tlv[0] = (byte)0x9F;
        tlv[1] = 0x10;
        tlv[2] = (byte)0x81;
        tlv[3] = (byte)250;
        final CpmApplication application = CpmApplication.of(AID).withPan(SPEC_PAN).withTransparentData(tlv);
        final CpmEncoder encoder = new CpmEncoder().withApplication(application).withApplication(application);

        assertThatThrownBy(encoder::encodeBytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("512");
    }

    @Test
    void shouldRefuseBadApplicationArguments()
    {
        final CpmApplication application = CpmApplication.of(AID);

        assertThatThrownBy(() -> CpmApplication.of(new byte[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> application.withPan("12345678901")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> application.withPan("1234567890123A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> application.withTrack2(SPEC_PAN, 1913, 201))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> application.withTrack2(SPEC_PAN, 1912, 1000))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> application.withTrack2(SPEC_PAN, 1912, 201, "1".repeat(15)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> application.withLabel("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> application.withLabel("\u4F60\u597D")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> application.withTransparentData(hex("9F2605")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> application.withTransparentData(hex("9F3601019F360102")))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepPanOutOfExceptionMessages()
    {
        assertThatThrownBy(() -> CpmApplication.of(AID).withPan("1234567890123458X"))
            .hasMessageNotContaining("1234567890123458");
    }

    @Test
    void shouldBeImmutable()
    {
        final CpmApplication plain = CpmApplication.of(AID);
        plain.withPan(SPEC_PAN);

        assertThatThrownBy(() -> new CpmEncoder().withApplication(plain).encodeBytes())
            .isInstanceOf(IllegalStateException.class);
    }
}
