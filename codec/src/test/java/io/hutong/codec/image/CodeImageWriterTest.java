package io.hutong.codec.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeImageWriterTest
{
    /** EMV MPM-shaped payload with a Chinese merchant name and city (CRC not meaningful here). */
    private static final String EMV_PAYLOAD =
        "000201010211153112345678901234567890123456789015204581253031565802CN5904咖啡小馆6002北京6304ABCD";
    private static final String CONSUMER_CODE = "134567890123456789";

    private final CodeImageWriter writer = new CodeImageWriter();
    private final CodeImageReader reader = new CodeImageReader();

    @TempDir
    Path tempDir;

    @Test
    void shouldRoundTripEmvPayloadWithChineseCharactersThroughPngFile() throws IOException
    {
        final Path png = tempDir.resolve("mpm.png");

        writer.writeQrPng(EMV_PAYLOAD, png);
        final ImageReadResult result = reader.read(png);

        assertThat(result.isSuccess()).as(result.toString()).isTrue();
        assertThat(result.codes()).containsExactly(new DecodedCode(Symbology.QR_CODE, EMV_PAYLOAD));
    }

    @Test
    void shouldRoundTripQrAtEveryErrorCorrectionLevelThroughStream() throws IOException
    {
        final String text = "https://qr.alipay.com/bax03431ljhokirwl38f00a7?商户=小馆";
        for (final QrErrorCorrection level : QrErrorCorrection.values())
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.withErrorCorrection(level).withQrModulePixels(4).writeQrPng(text, out);

            final ImageReadResult result = reader.read(new ByteArrayInputStream(out.toByteArray()));

            assertThat(result.firstText(Symbology.QR_CODE)).as("level %s", level).hasValue(text);
        }
    }

    @Test
    void shouldWritePaymentScreenThatReadsBackAsCode128AndQr() throws IOException
    {
        final Path png = tempDir.resolve("screen.png");

        writer.writePaymentScreenPng(CONSUMER_CODE, png);
        final ImageReadResult result = reader.read(png);

        assertThat(result.codes()).containsExactly(
            new DecodedCode(Symbology.QR_CODE, CONSUMER_CODE),
            new DecodedCode(Symbology.CODE_128, CONSUMER_CODE));
    }

    @Test
    void shouldWritePaymentScreenWithoutDigitsWhenHumanReadableIsOff()
    {
        final BufferedImage withDigits = writer.paymentScreenImage(CONSUMER_CODE);
        final BufferedImage withoutDigits = writer.withHumanReadableDigits(false).paymentScreenImage(CONSUMER_CODE);

        assertThat(withoutDigits.getHeight()).isLessThan(withDigits.getHeight());
        assertThat(reader.read(withoutDigits).codes()).hasSize(2);
    }

    @Test
    void shouldDrawQrWithFourModuleQuietZoneAndWholePixelModules()
    {
        // "1" is a version 1 symbol: 21 modules, plus 4 quiet modules each side.
        final BufferedImage image = writer.withQrModulePixels(5).qrImage("1");

        assertThat(image.getWidth()).isEqualTo((21 + 8) * 5);
        assertThat(image.getHeight()).isEqualTo(image.getWidth());
        assertThat(image.getRGB(4 * 5 - 1, 4 * 5 - 1)).as("last quiet-zone pixel").isEqualTo(0xFFFFFFFF);
        assertThat(image.getRGB(4 * 5, 4 * 5)).as("finder pattern corner").isEqualTo(0xFF000000);
    }

    @Test
    void shouldRoundTripPrintableAsciiCode128()
    {
        final String text = "Hutong-128 {ok}";

        final ImageReadResult result = reader.read(writer.code128Image(text));

        assertThat(result.codes()).containsExactly(new DecodedCode(Symbology.CODE_128, text));
    }

    @Test
    void shouldRefuseNonAsciiCode128WithTypedException()
    {
        assertThatThrownBy(() -> writer.code128Image("咖啡"))
            .isInstanceOf(UnencodableContentException.class)
            .hasMessage("text[0]=U+5496: Code 128 carries printable ASCII (U+0020..U+007E) only")
            .extracting(ex -> ((UnencodableContentException)ex).symbology())
            .isEqualTo(Symbology.CODE_128);
    }

    @Test
    void shouldRefuseCode128LongerThanLimit()
    {
        assertThatThrownBy(() -> writer.code128Image("1".repeat(81)))
            .isInstanceOf(UnencodableContentException.class)
            .hasMessage("text.length=81: must be in 1..80");
    }

    @Test
    void shouldRefuseQrTooLongForErrorCorrectionLevel()
    {
        // Version 40-H holds 1,273 bytes; 3,000 bytes fit at no level.
        final String text = "x".repeat(3000);

        assertThatThrownBy(() -> writer.withErrorCorrection(QrErrorCorrection.H).qrImage(text))
            .isInstanceOf(UnencodableContentException.class)
            .hasMessage("text.length=3000 (utf8Bytes=3000): too long for a QR code at errorCorrection=H");
    }

    @Test
    void shouldRefuseEmptyQrAndUnpairedSurrogate()
    {
        assertThatThrownBy(() -> writer.qrImage(""))
            .isInstanceOf(UnencodableContentException.class)
            .hasMessage("text.length=0: a QR code needs some text");
        assertThatThrownBy(() -> writer.qrImage("ab\uD800c"))
            .isInstanceOf(UnencodableContentException.class)
            .hasMessage("text[2] is an unpaired surrogate: not encodable as UTF-8");
    }

    @Test
    void shouldRefuseNonDigitPaymentScreenWithoutEchoingTheCode()
    {
        assertThatThrownBy(() -> writer.paymentScreenImage("1345678901234X6789"))
            .isInstanceOf(UnencodableContentException.class)
            .hasMessage("digits[13] is not 0-9: a payment screen carries a numeric code")
            .message()
            .doesNotContain("13456789");
    }

    @Test
    void shouldRejectOutOfRangeModuleSizeWithNameValueMessage()
    {
        assertThatThrownBy(() -> writer.withQrModulePixels(0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("qrModulePixels=0: must be in 1..32");
        assertThatThrownBy(() -> writer.withBarModulePixels(33))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("barModulePixels=33: must be in 1..32");
    }

    @Test
    void shouldWriteCompactOneBitPng() throws IOException
    {
        final Path png = tempDir.resolve("small.png");

        writer.writeQrPng("00020101021129", png);

        final byte[] bytes = Files.readAllBytes(png);
        assertThat(BoundedImageLoader.sniffFormat(bytes)).isEqualTo("png");
        assertThat(bytes.length).as("1-bit PNG stays small").isLessThan(2_000);
    }
}
