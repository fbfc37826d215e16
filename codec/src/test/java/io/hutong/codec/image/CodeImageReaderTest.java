package io.hutong.codec.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeImageReaderTest
{
    private static final String CONSUMER_CODE = "134567890123456789";

    private final CodeImageWriter writer = new CodeImageWriter();
    private final CodeImageReader reader = new CodeImageReader();

    @TempDir
    Path tempDir;

    @Test
    void shouldReadPaymentScreenRotatedBy90And180And270Degrees() throws IOException
    {
        final BufferedImage screen = writer.paymentScreenImage(CONSUMER_CODE);
        for (final int degrees : new int[]{ 90, 180, 270 })
        {
            final Path png = tempDir.resolve("rotated-" + degrees + ".png");
            CodeImageWriter.writePng(TestImages.rotate(screen, degrees), png);

            final ImageReadResult result = reader.read(png);

            assertThat(result.codes()).as("rotated %d", degrees).containsExactly(
                new DecodedCode(Symbology.QR_CODE, CONSUMER_CODE),
                new DecodedCode(Symbology.CODE_128, CONSUMER_CODE));
        }
    }

    @Test
    void shouldReadInvertedLightOnDarkPaymentScreen()
    {
        final BufferedImage darkMode = TestImages.invert(writer.paymentScreenImage(CONSUMER_CODE));

        final ImageReadResult result = reader.read(darkMode);

        assertThat(result.firstText(Symbology.QR_CODE)).hasValue(CONSUMER_CODE);
        assertThat(result.firstText(Symbology.CODE_128)).hasValue(CONSUMER_CODE);
    }

    @Test
    void shouldReadJpegPhotoOfPaymentScreen() throws IOException
    {
        final Path jpeg = tempDir.resolve("photo.jpg");
        Files.write(jpeg, TestImages.photoJpeg(writer.paymentScreenImage(CONSUMER_CODE), 0.7, 0.6f, 42));

        final ImageReadResult result = reader.read(jpeg);

        assertThat(result.firstText(Symbology.QR_CODE)).hasValue(CONSUMER_CODE);
        assertThat(result.firstText(Symbology.CODE_128)).hasValue(CONSUMER_CODE);
    }

    @Test
    void shouldReadLargePhotoThroughDownscaledAttempt() throws IOException
    {
        // Over the downscale threshold: a 3,000-pixel-wide shot where the code fills the middle.
        final BufferedImage screen = writer.withQrModulePixels(24).withBarModulePixels(9)
            .paymentScreenImage(CONSUMER_CODE);
        final BufferedImage big = new BufferedImage(
            CodeImageReader.DOWNSCALE_THRESHOLD + 800, screen.getHeight() + 400, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = big.createGraphics();
        try
        {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, big.getWidth(), big.getHeight());
            g.drawImage(screen, (big.getWidth() - screen.getWidth()) / 2, 200, null);
        }
        finally
        {
            g.dispose();
        }

        final ImageReadResult result = reader.read(new ByteArrayInputStream(TestImages.jpeg(big, 0.8f)));

        assertThat(result.codes()).hasSize(2);
        assertThat(result.firstText(Symbology.CODE_128)).hasValue(CONSUMER_CODE);
    }

    @Test
    void shouldReadQrFromBytesAndReportOnlyQr() throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeQrPng("wxp://f2f0abcdefghijklmnopqrstuvwxyz", out);

        final ImageReadResult result = reader.read(out.toByteArray());

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.error()).isEqualTo(ImageReadError.NONE);
        assertThat(result.message()).isEmpty();
        assertThat(result.codes()).containsExactly(
            new DecodedCode(Symbology.QR_CODE, "wxp://f2f0abcdefghijklmnopqrstuvwxyz"));
        assertThat(result.firstText(Symbology.CODE_128)).isEmpty();
    }

    @Test
    void shouldReportNotFoundForPngWithoutCode() throws IOException
    {
        final Path png = tempDir.resolve("no-code.png");
        CodeImageWriter.writePng(TestImages.noCode(640, 480, 7), png);

        final ImageReadResult result = reader.read(png);

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.error()).isEqualTo(ImageReadError.NOT_FOUND);
        assertThat(result.message()).isEqualTo("no QR code or barcode found in image");
        assertThat(result.codes()).isEmpty();
    }

    @Test
    void shouldReportUnreadableImageForEmptyFile() throws IOException
    {
        final Path empty = Files.createFile(tempDir.resolve("empty.png"));

        final ImageReadResult result = reader.read(empty);

        assertThat(result.error()).isEqualTo(ImageReadError.UNREADABLE_IMAGE);
        assertThat(result.message()).isEqualTo("not a PNG or JPEG image");
    }

    @Test
    void shouldReportUnreadableImageForTextFileNamedPng() throws IOException
    {
        final Path fake = Files.writeString(tempDir.resolve("fake.png"), "00020101021129370016A000000677010111");

        assertThat(reader.read(fake).error()).isEqualTo(ImageReadError.UNREADABLE_IMAGE);
    }

    @Test
    void shouldReportUnreadableImageForTruncatedAndCorruptedPngAndJpeg() throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeQrPng("00020101021129370016A000000677010111", out);
        final byte[] png = out.toByteArray();
        final byte[] jpeg = TestImages.jpeg(writer.qrImage("00020101021129"), 0.9f);

        final ImageReadResult truncatedPng = reader.read(Arrays.copyOf(png, png.length / 2));
        assertThat(truncatedPng.error()).isEqualTo(ImageReadError.UNREADABLE_IMAGE);
        assertThat(truncatedPng.message())
            .isEqualTo("not a PNG or JPEG image: corrupt, truncated or unsupported png data");

        final Random random = new Random(11);
        for (final byte[] original : new byte[][]{ png, jpeg })
        {
            for (int i = 0; i < 20; i++)
            {
                final byte[] corrupt = original.clone();
                // Keep the magic number so the decoders, not the sniffer, meet the damage.
                for (int j = 0; j < 8; j++)
                {
                    corrupt[8 + random.nextInt(corrupt.length - 8)] = (byte)random.nextInt(256);
                }
                final ImageReadResult result = reader.read(corrupt);
                assertThat(result.error()).isIn(
                    ImageReadError.NONE, ImageReadError.NOT_FOUND, ImageReadError.UNREADABLE_IMAGE);
            }
        }
    }

    @Test
    void shouldRefusePngWhoseHeaderClaimsTenGigapixelsBeforeDecoding() throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeQrPng("1", out);
        final byte[] bomb = withPngDimensions(out.toByteArray(), 100_000, 100_000);

        final ImageReadResult result = reader.read(bomb);

        assertThat(result.error()).isEqualTo(ImageReadError.IMAGE_TOO_LARGE);
        assertThat(result.message()).isEqualTo(
            "image exceeds the size limit: pixels=10000000000 > maxPixels=50000000");
    }

    @Test
    void shouldRefuseFilesAndStreamsOverByteLimit() throws IOException
    {
        final CodeImageReader small = new CodeImageReader(1_000, CodeImageReader.DEFAULT_MAX_PIXELS);
        final Path jpeg = tempDir.resolve("big.jpg");
        Files.write(jpeg, TestImages.jpeg(TestImages.noCode(400, 400, 3), 0.9f));
        final long size = Files.size(jpeg);

        assertThat(small.read(jpeg).message())
            .isEqualTo("image exceeds the size limit: bytes=" + size + " > maxFileBytes=1000");
        try (InputStream in = Files.newInputStream(jpeg))
        {
            final ImageReadResult result = small.read(in);
            assertThat(result.error()).isEqualTo(ImageReadError.IMAGE_TOO_LARGE);
            assertThat(result.message()).isEqualTo(
                "image exceeds the size limit: stream longer than maxFileBytes=1000");
        }
        assertThat(small.read(Files.readAllBytes(jpeg)).error()).isEqualTo(ImageReadError.IMAGE_TOO_LARGE);
    }

    @Test
    void shouldRefuseDecodedImageOverPixelLimit()
    {
        final CodeImageReader small = new CodeImageReader(CodeImageReader.DEFAULT_MAX_FILE_BYTES, 10_000);

        final ImageReadResult result = small.read(writer.qrImage("00020101021129"));

        assertThat(result.error()).isEqualTo(ImageReadError.IMAGE_TOO_LARGE);
    }

    @Test
    void shouldReportIoErrorForMissingFileAndFailingStream()
    {
        assertThat(reader.read(tempDir.resolve("missing.png")).error()).isEqualTo(ImageReadError.IO_ERROR);

        final InputStream failing = new InputStream()
        {
            public int read() throws IOException
            {
                throw new IOException("disk on fire");
            }
        };
        final ImageReadResult result = reader.read(failing);
        assertThat(result.error()).isEqualTo(ImageReadError.IO_ERROR);
        assertThat(result.message()).isEqualTo("could not read image stream: IOException");
    }

    @Test
    void shouldRejectLimitsOutOfRangeWithNameValueMessage()
    {
        assertThatThrownBy(() -> new CodeImageReader(0, 1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("maxFileBytes=0: must be in 1..1073741824");
        assertThatThrownBy(() -> new CodeImageReader(1, -5))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("maxPixels=-5: must be in 1..250000000");
    }

    @Test
    void shouldKeepCodeTextsOutOfToString()
    {
        final ImageReadResult result = reader.read(writer.paymentScreenImage(CONSUMER_CODE));

        assertThat(result.toString()).isEqualTo("ImageReadResult{codes=2}").doesNotContain(CONSUMER_CODE);
    }

    /**
     * Rewrite the IHDR width and height of a PNG and fix its CRC, as a decompression-bomb file would.
     */
    private static byte[] withPngDimensions(final byte[] png, final int width, final int height)
    {
        final byte[] patched = png.clone();
        final ByteBuffer buffer = ByteBuffer.wrap(patched);
        // Signature (8), IHDR length (4), "IHDR" (4), then width and height.
        assertThat(new String(patched, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("IHDR");
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        final CRC32 crc = new CRC32();
        crc.update(patched, 12, 4 + 13);
        buffer.putInt(12 + 4 + 13, (int)crc.getValue());
        return patched;
    }
}
