package io.hutong.codec.image;

import com.google.zxing.qrcode.encoder.ByteMatrix;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws payment codes as black-on-white images: a QR code for any text (merchant EMV payloads, URL codes), a
 * Code 128 barcode for printable ASCII, and a wallet-style "payment screen" for a numeric consumer code, laid out
 * as below with the same digits in both symbols:
 * <pre>
 *   +-------------------------------------------+
 *   | 10X quiet | Code 128 bars       | 10X quiet |
 *   |          1345 6789 0123 4567 89           |   (optional, 5 x 7 dot digits)
 *   |            +-------------------+          |
 *   |            | QR code, 4X quiet |          |
 *   |            +-------------------+          |
 *   +-------------------------------------------+
 * </pre>
 * Quiet zones are the minimums of ISO/IEC 18004 (QR, 4 modules) and ISO/IEC 15417 (Code 128, 10 modules). Sizes
 * are set in whole pixels per module so every module has the same width, which scanners need more than a
 * particular overall size. QR text that is all ASCII is encoded without an ECI header (bytes are identical in the
 * ISO-8859-1 default); other text is encoded as UTF-8 with an ECI 26 header so any conforming scanner reads it
 * back exactly. Drawing uses only {@link Graphics2D#fillRect}: no fonts, safe with {@code java.awt.headless=true}.
 * <p>
 * Content that cannot be drawn throws {@link UnencodableContentException}; bad configuration throws
 * {@link IllegalArgumentException} with a {@code name=value} message.
 * <p>
 * Thread-safe: immutable; the {@code with...} methods return new writers.
 */
public final class CodeImageWriter
{
    /** QR quiet zone on every side, in modules (ISO/IEC 18004 minimum). */
    public static final int QR_QUIET_ZONE_MODULES = 4;
    /** Code 128 quiet zone left and right, in modules (ISO/IEC 15417 minimum). */
    public static final int CODE_128_QUIET_ZONE_MODULES = 10;
    /** Longest Code 128 text accepted; ZXing's encoder and common scanners stop at 80 characters. */
    public static final int CODE_128_MAX_LENGTH = 80;
    /** Default QR module size in pixels. */
    public static final int DEFAULT_QR_MODULE_PIXELS = 8;
    /**
     * Default Code 128 narrowest-bar width in pixels. Four rather than the usual two or three: after a camera's
     * blur, JPEG and a 0.5x downscale a photographed bar still spans two pixels, below which reads fail.
     */
    public static final int DEFAULT_BAR_MODULE_PIXELS = 4;
    /** Largest module size accepted: a version-40 QR code at this size is already 5,920 pixels square. */
    public static final int MAX_MODULE_PIXELS = 32;

    private static final int DIGIT_GROUP = 4;

    private final QrErrorCorrection errorCorrection;
    private final int qrModulePixels;
    private final int barModulePixels;
    private final boolean humanReadableDigits;

    /**
     * Create a writer with error correction {@link QrErrorCorrection#M}, {@link #DEFAULT_QR_MODULE_PIXELS},
     * {@link #DEFAULT_BAR_MODULE_PIXELS} and human-readable digits on payment screens.
     */
    public CodeImageWriter()
    {
        this(QrErrorCorrection.M, DEFAULT_QR_MODULE_PIXELS, DEFAULT_BAR_MODULE_PIXELS, true);
    }

    private CodeImageWriter(
        final QrErrorCorrection errorCorrection,
        final int qrModulePixels,
        final int barModulePixels,
        final boolean humanReadableDigits)
    {
        this.errorCorrection = Objects.requireNonNull(errorCorrection, "errorCorrection");
        this.qrModulePixels = checkModulePixels("qrModulePixels", qrModulePixels);
        this.barModulePixels = checkModulePixels("barModulePixels", barModulePixels);
        this.humanReadableDigits = humanReadableDigits;
    }

    /**
     * @param errorCorrection QR error correction level.
     * @return a writer like this one with the given level.
     */
    public CodeImageWriter withErrorCorrection(final QrErrorCorrection errorCorrection)
    {
        return new CodeImageWriter(errorCorrection, qrModulePixels, barModulePixels, humanReadableDigits);
    }

    /**
     * @param qrModulePixels QR module size, 1..{@link #MAX_MODULE_PIXELS}.
     * @return a writer like this one with the given size.
     * @throws IllegalArgumentException when out of range.
     */
    public CodeImageWriter withQrModulePixels(final int qrModulePixels)
    {
        return new CodeImageWriter(errorCorrection, qrModulePixels, barModulePixels, humanReadableDigits);
    }

    /**
     * @param barModulePixels Code 128 narrowest-bar width, 1..{@link #MAX_MODULE_PIXELS}.
     * @return a writer like this one with the given width.
     * @throws IllegalArgumentException when out of range.
     */
    public CodeImageWriter withBarModulePixels(final int barModulePixels)
    {
        return new CodeImageWriter(errorCorrection, qrModulePixels, barModulePixels, humanReadableDigits);
    }

    /**
     * @param humanReadableDigits whether payment screens print the digits under the barcode.
     * @return a writer like this one with the given choice.
     */
    public CodeImageWriter withHumanReadableDigits(final boolean humanReadableDigits)
    {
        return new CodeImageWriter(errorCorrection, qrModulePixels, barModulePixels, humanReadableDigits);
    }

    /**
     * @return QR error correction level.
     */
    public QrErrorCorrection errorCorrection()
    {
        return errorCorrection;
    }

    /**
     * @return QR module size in pixels.
     */
    public int qrModulePixels()
    {
        return qrModulePixels;
    }

    /**
     * @return Code 128 narrowest-bar width in pixels.
     */
    public int barModulePixels()
    {
        return barModulePixels;
    }

    /**
     * @return whether payment screens print the digits under the barcode.
     */
    public boolean humanReadableDigits()
    {
        return humanReadableDigits;
    }

    /**
     * Draw a QR code with its quiet zone.
     *
     * @param text any Unicode text without unpaired surrogates.
     * @return a new black-and-white image.
     * @throws UnencodableContentException when the text is empty, not encodable as UTF-8, or too long for a QR
     *                                     code at the configured error correction.
     */
    public BufferedImage qrImage(final String text)
    {
        final ByteMatrix matrix = SymbolEncoder.qr(text, errorCorrection);
        final int size = (matrix.getWidth() + 2 * QR_QUIET_ZONE_MODULES) * qrModulePixels;
        final BufferedImage image = blankImage(size, size);
        final Graphics2D g = image.createGraphics();
        try
        {
            g.setColor(Color.BLACK);
            drawQr(g, matrix, 0, 0);
        }
        finally
        {
            g.dispose();
        }
        return image;
    }

    /**
     * Draw a Code 128 barcode with its quiet zones.
     *
     * @param text 1..{@link #CODE_128_MAX_LENGTH} printable ASCII characters (U+0020..U+007E).
     * @return a new black-and-white image.
     * @throws UnencodableContentException when the text is empty, too long or not printable ASCII.
     */
    public BufferedImage code128Image(final String text)
    {
        final boolean[] bars = SymbolEncoder.code128(text);
        final int width = (bars.length + 2 * CODE_128_QUIET_ZONE_MODULES) * barModulePixels;
        final int barHeight = barHeight(bars);
        final BufferedImage image = blankImage(width, barHeight);
        final Graphics2D g = image.createGraphics();
        try
        {
            g.setColor(Color.BLACK);
            drawBars(g, bars, CODE_128_QUIET_ZONE_MODULES * barModulePixels, 0, barHeight);
        }
        finally
        {
            g.dispose();
        }
        return image;
    }

    /**
     * Draw a consumer payment screen: Code 128 barcode above, QR code below, both carrying the same digits.
     *
     * @param digits the numeric consumer code, 1..{@link #CODE_128_MAX_LENGTH} ASCII digits.
     * @return a new black-and-white image.
     * @throws UnencodableContentException when the code is empty, too long or not all digits.
     */
    public BufferedImage paymentScreenImage(final String digits)
    {
        SymbolEncoder.checkDigits(digits);
        final boolean[] bars = SymbolEncoder.code128(digits);
        final ByteMatrix matrix = SymbolEncoder.qr(digits, errorCorrection);

        final int barcodeWidth = (bars.length + 2 * CODE_128_QUIET_ZONE_MODULES) * barModulePixels;
        final int barHeight = barHeight(bars);
        final int qrSize = (matrix.getWidth() + 2 * QR_QUIET_ZONE_MODULES) * qrModulePixels;
        final String grouped = humanReadableDigits ? groupDigits(digits) : "";
        final int glyphScale = Math.max(2, barModulePixels);
        final int textWidth = DigitGlyphs.width(grouped.length(), glyphScale);
        final int textBlock = humanReadableDigits ? (DigitGlyphs.HEIGHT + 4) * glyphScale : 0;

        // The top margin matches the QR quiet zone so the barcode never touches the image edge on a phone screen.
        final int top = QR_QUIET_ZONE_MODULES * qrModulePixels;
        final int width = Math.max(barcodeWidth, Math.max(qrSize, textWidth + 2 * top));
        final int height = top + barHeight + textBlock + qrSize;
        final BufferedImage image = blankImage(width, height);
        final Graphics2D g = image.createGraphics();
        try
        {
            g.setColor(Color.BLACK);
            final int barcodeLeft = (width - barcodeWidth) / 2 + CODE_128_QUIET_ZONE_MODULES * barModulePixels;
            drawBars(g, bars, barcodeLeft, top, barHeight);
            if (humanReadableDigits)
            {
                DigitGlyphs.draw(g, grouped, (width - textWidth) / 2, top + barHeight + 2 * glyphScale, glyphScale);
            }
            drawQr(g, matrix, (width - qrSize) / 2, top + barHeight + textBlock);
        }
        finally
        {
            g.dispose();
        }
        return image;
    }

    /**
     * Write a QR code as PNG to a file, replacing it if present.
     *
     * @param text as for {@link #qrImage(String)}.
     * @param path destination.
     * @throws IOException                 when the file cannot be written.
     * @throws UnencodableContentException as for {@link #qrImage(String)}.
     */
    public void writeQrPng(final String text, final Path path) throws IOException
    {
        writePng(qrImage(text), path);
    }

    /**
     * Write a QR code as PNG to a stream, which is flushed but not closed.
     *
     * @param text as for {@link #qrImage(String)}.
     * @param out  destination.
     * @throws IOException                 when the stream fails.
     * @throws UnencodableContentException as for {@link #qrImage(String)}.
     */
    public void writeQrPng(final String text, final OutputStream out) throws IOException
    {
        writePng(qrImage(text), out);
    }

    /**
     * Write a payment screen as PNG to a file, replacing it if present.
     *
     * @param digits as for {@link #paymentScreenImage(String)}.
     * @param path   destination.
     * @throws IOException                 when the file cannot be written.
     * @throws UnencodableContentException as for {@link #paymentScreenImage(String)}.
     */
    public void writePaymentScreenPng(final String digits, final Path path) throws IOException
    {
        writePng(paymentScreenImage(digits), path);
    }

    /**
     * Write a payment screen as PNG to a stream, which is flushed but not closed.
     *
     * @param digits as for {@link #paymentScreenImage(String)}.
     * @param out    destination.
     * @throws IOException                 when the stream fails.
     * @throws UnencodableContentException as for {@link #paymentScreenImage(String)}.
     */
    public void writePaymentScreenPng(final String digits, final OutputStream out) throws IOException
    {
        writePng(paymentScreenImage(digits), out);
    }

    /**
     * Write any image as PNG to a file, replacing it if present. Thread-safe.
     *
     * @param image to write.
     * @param path  destination.
     * @throws IOException when the file cannot be written.
     */
    public static void writePng(final BufferedImage image, final Path path) throws IOException
    {
        Objects.requireNonNull(path, "path");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path)))
        {
            writePng(image, out);
        }
    }

    /**
     * Write any image as PNG to a stream, which is flushed but not closed. Buffers in memory rather than through
     * ImageIO's temporary-file cache, so nothing is written to disk and no global ImageIO setting is changed.
     * Thread-safe.
     *
     * @param image to write.
     * @param out   destination.
     * @throws IOException when the stream fails or no PNG encoder is available.
     */
    public static void writePng(final BufferedImage image, final OutputStream out) throws IOException
    {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(out, "out");
        final Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext())
        {
            throw new IOException("format=png: no image encoder available");
        }
        final ImageWriter writer = writers.next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out))
        {
            writer.setOutput(ios);
            writer.write(image);
        }
        finally
        {
            writer.dispose();
        }
        out.flush();
    }

    private int barHeight(final boolean[] bars)
    {
        // ISO/IEC 15417 suggests at least 15% of the symbol width; a quarter reads better through a camera at an
        // angle, with a floor so very short codes stay tall enough to aim at.
        return Math.max(bars.length * barModulePixels / 4, 24 * barModulePixels);
    }

    private void drawBars(final Graphics2D g, final boolean[] bars, final int left, final int top, final int height)
    {
        int i = 0;
        while (i < bars.length)
        {
            if (!bars[i])
            {
                i++;
                continue;
            }
            // Fill a whole bar in one rectangle rather than one per module.
            final int start = i;
            while (i < bars.length && bars[i])
            {
                i++;
            }
            g.fillRect(left + start * barModulePixels, top, (i - start) * barModulePixels, height);
        }
    }

    private void drawQr(final Graphics2D g, final ByteMatrix matrix, final int left, final int top)
    {
        final int origin = QR_QUIET_ZONE_MODULES * qrModulePixels;
        for (int y = 0; y < matrix.getHeight(); y++)
        {
            for (int x = 0; x < matrix.getWidth(); x++)
            {
                if (1 == matrix.get(x, y))
                {
                    g.fillRect(
                        left + origin + x * qrModulePixels,
                        top + origin + y * qrModulePixels,
                        qrModulePixels,
                        qrModulePixels);
                }
            }
        }
    }

    private static BufferedImage blankImage(final int width, final int height)
    {
        // One bit per pixel: the PNG stays small and the image cannot carry anti-aliasing greys.
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        final Graphics2D g = image.createGraphics();
        try
        {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        }
        finally
        {
            g.dispose();
        }
        return image;
    }

    private static String groupDigits(final String digits)
    {
        final StringBuilder sb = new StringBuilder(digits.length() + digits.length() / DIGIT_GROUP);
        for (int i = 0; i < digits.length(); i++)
        {
            if (i > 0 && 0 == i % DIGIT_GROUP)
            {
                sb.append(' ');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    private static int checkModulePixels(final String name, final int value)
    {
        if (value < 1 || value > MAX_MODULE_PIXELS)
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be in 1.." + MAX_MODULE_PIXELS);
        }
        return value;
    }
}
