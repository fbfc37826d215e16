package io.hutong.codec.image;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads payment codes (QR Code and Code 128) from PNG or JPEG images: screenshots, and photos of phone screens
 * taken by a cashier or a support agent. Every outcome is an {@link ImageReadResult}; corrupt, hostile or empty
 * input gives a typed failure, never an exception. Only {@code null} arguments (a bug) throw.
 * <p>
 * The search runs these attempts in order, looking only for the symbologies not yet found, and stops as soon as
 * both a QR code and a Code 128 barcode have been read (a wallet's payment screen shows one of each):
 * <pre>
 *   for scale in [1/n box-averaged copy (only if the longest side > 2048 px), full size]
 *     for rotation in [0, 90, 180, 270] (only 0 at full size when the longest side > 2048 px)
 *       for binarizer in [HybridBinarizer (local thresholds: uneven screen glare),
 *                         GlobalHistogramBinarizer (one threshold: low-contrast, blurred 1D bars)]
 *         QR code:  TRY_HARDER, ALSO_INVERTED, CHARACTER_SET=UTF-8
 *         Code 128: TRY_HARDER, then the inverted image (ALSO_INVERTED flips only the 2D bit matrix; ZXing
 *                   3.5's 1D readers scan rows instead, so light-on-dark bars need an inverted source)
 * </pre>
 * Each attempt uses ZXing's {@link GenericMultipleBarcodeReader}, so several codes of one symbology are all
 * returned. The downscaled copy comes first for big photos because it is several times faster and averages away
 * sensor noise; full size is still tried for what it missed, since thin Code 128 bars may not survive the averaging.
 * <p>
 * Limits guard against hostile files: the byte count is capped while reading and the pixel count is checked from
 * the image header before any raster is allocated (see {@link #maxFileBytes()} and {@link #maxPixels()}).
 * <p>
 * Thread-safe: immutable configuration, and the ZXing readers, which hold state, are created per call.
 */
public final class CodeImageReader
{
    /** Default largest image file or stream accepted: 20 MiB, above any phone photo or screenshot. */
    public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** Default largest image accepted: 50 megapixels, above what phone cameras save by default. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    /** Largest value allowed for {@code maxFileBytes}: the bytes are held in one array. */
    public static final long MAX_FILE_BYTES_LIMIT = 1L << 30;
    /** Largest value allowed for {@code maxPixels}: 250 MP of ARGB is already 1 GB of raster. */
    public static final long MAX_PIXELS_LIMIT = 250_000_000L;

    /** Images whose longest side is above this many pixels get a downscaled attempt first. */
    static final int DOWNSCALE_THRESHOLD = 2048;
    /** Longest side, in pixels, the downscaled copy is reduced to (at most). */
    static final int DOWNSCALE_TARGET = 1024;

    private static final Map<DecodeHintType, Object> QR_HINTS = hints(BarcodeFormat.QR_CODE);
    private static final Map<DecodeHintType, Object> CODE_128_HINTS = hints(BarcodeFormat.CODE_128);

    private final long maxFileBytes;
    private final long maxPixels;

    /**
     * Create a reader with {@link #DEFAULT_MAX_FILE_BYTES} and {@link #DEFAULT_MAX_PIXELS}.
     */
    public CodeImageReader()
    {
        this(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_PIXELS);
    }

    /**
     * Create a reader with explicit limits.
     *
     * @param maxFileBytes largest file or stream accepted, 1..{@link #MAX_FILE_BYTES_LIMIT}.
     * @param maxPixels    largest width x height accepted, 1..{@link #MAX_PIXELS_LIMIT}.
     * @throws IllegalArgumentException when a limit is out of range.
     */
    public CodeImageReader(final long maxFileBytes, final long maxPixels)
    {
        if (maxFileBytes < 1 || maxFileBytes > MAX_FILE_BYTES_LIMIT)
        {
            throw new IllegalArgumentException(
                "maxFileBytes=" + maxFileBytes + ": must be in 1.." + MAX_FILE_BYTES_LIMIT);
        }
        if (maxPixels < 1 || maxPixels > MAX_PIXELS_LIMIT)
        {
            throw new IllegalArgumentException("maxPixels=" + maxPixels + ": must be in 1.." + MAX_PIXELS_LIMIT);
        }
        this.maxFileBytes = maxFileBytes;
        this.maxPixels = maxPixels;
    }

    /**
     * @return largest image file or stream, in bytes, this reader accepts.
     */
    public long maxFileBytes()
    {
        return maxFileBytes;
    }

    /**
     * @return largest image, in pixels (width x height), this reader accepts.
     */
    public long maxPixels()
    {
        return maxPixels;
    }

    /**
     * Read the codes in a PNG or JPEG file. The format is recognised from the content, not the file name.
     *
     * @param path of the image file.
     * @return the codes found, or {@link ImageReadError#IO_ERROR}, {@link ImageReadError#IMAGE_TOO_LARGE},
     * {@link ImageReadError#UNREADABLE_IMAGE} or {@link ImageReadError#NOT_FOUND}.
     */
    public ImageReadResult read(final Path path)
    {
        Objects.requireNonNull(path, "path");
        return search(BoundedImageLoader.load(path, maxFileBytes, maxPixels));
    }

    /**
     * Read the codes in a PNG or JPEG image from a stream, consumed to its end (or to the size limit). The stream
     * is not closed.
     *
     * @param in the image bytes.
     * @return the codes found, or a typed failure as for {@link #read(Path)}.
     */
    public ImageReadResult read(final InputStream in)
    {
        Objects.requireNonNull(in, "in");
        return search(BoundedImageLoader.load(in, maxFileBytes, maxPixels));
    }

    /**
     * Read the codes in a PNG or JPEG image held in memory.
     *
     * @param bytes the image file content; not retained.
     * @return the codes found, or a typed failure as for {@link #read(Path)}.
     */
    public ImageReadResult read(final byte[] bytes)
    {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > maxFileBytes)
        {
            return ImageReadResult.failure(
                ImageReadError.IMAGE_TOO_LARGE,
                "image exceeds the size limit: bytes=" + bytes.length + " > maxFileBytes=" + maxFileBytes);
        }
        return search(BoundedImageLoader.decode(bytes, maxPixels));
    }

    /**
     * Read the codes in an image already decoded. The image is not modified.
     *
     * @param image to search.
     * @return the codes found, {@link ImageReadError#IMAGE_TOO_LARGE}, {@link ImageReadError#UNREADABLE_IMAGE}
     * (an image layout that cannot be converted to grey) or {@link ImageReadError#NOT_FOUND}.
     */
    public ImageReadResult read(final BufferedImage image)
    {
        Objects.requireNonNull(image, "image");
        final ImageReadResult tooLarge = BoundedImageLoader.checkPixels(image, maxPixels);
        if (null != tooLarge)
        {
            return tooLarge;
        }

        final LuminanceSource full;
        try
        {
            full = new BufferedImageLuminanceSource(image);
        }
        catch (final RuntimeException ex)
        {
            return ImageReadResult.failure(
                ImageReadError.UNREADABLE_IMAGE, "image layout cannot be converted to grey: type=" + image.getType());
        }

        final Found found = new Found();
        final int longestSide = Math.max(image.getWidth(), image.getHeight());
        final boolean large = longestSide > DOWNSCALE_THRESHOLD;
        if (large)
        {
            final int factor = (longestSide + DOWNSCALE_TARGET - 1) / DOWNSCALE_TARGET;
            searchAtScale(downscale(full, factor), 4, found);
        }
        if (!found.complete())
        {
            // At full size a large photo gets the upright pass only: every explicit rotation copies up to 50 MP,
            // and what it would add is already covered (QR detection is rotation-invariant; TRY_HARDER makes the
            // 1D reader scan rows both ways and retry at 90 degrees). Without this a 48 MP photo with no code
            // takes over ten seconds.
            searchAtScale(full, large ? 1 : 4, found);
        }
        return found.result();
    }

    private ImageReadResult search(final BoundedImageLoader.Loaded loaded)
    {
        return null != loaded.failure() ? loaded.failure() : read(loaded.image());
    }

    private static void searchAtScale(final LuminanceSource source, final int rotations, final Found found)
    {
        LuminanceSource rotated = source;
        for (int quarterTurns = 0; quarterTurns < rotations && !found.complete(); quarterTurns++)
        {
            if (quarterTurns > 0)
            {
                rotated = rotated.rotateCounterClockwise();
            }
            for (int binarizer = 0; binarizer < 2 && !found.complete(); binarizer++)
            {
                final boolean hybrid = 0 == binarizer;
                if (!found.has(Symbology.QR_CODE))
                {
                    decodeInto(rotated, hybrid, QR_HINTS, found);
                }
                if (!found.has(Symbology.CODE_128))
                {
                    decodeInto(rotated, hybrid, CODE_128_HINTS, found);
                    if (!found.has(Symbology.CODE_128))
                    {
                        decodeInto(rotated.invert(), hybrid, CODE_128_HINTS, found);
                    }
                }
            }
        }
    }

    private static void decodeInto(
        final LuminanceSource source, final boolean hybrid, final Map<DecodeHintType, Object> hints, final Found found)
    {
        final BinaryBitmap bitmap = new BinaryBitmap(
            hybrid ? new HybridBinarizer(source) : new GlobalHistogramBinarizer(source));
        final GenericMultipleBarcodeReader reader = new GenericMultipleBarcodeReader(new MultiFormatReader());
        try
        {
            for (final Result result : reader.decodeMultiple(bitmap, hints))
            {
                found.add(Symbology.of(result.getBarcodeFormat()), result.getText());
            }
        }
        catch (final ReaderException ex)
        {
            // Nothing of this symbology in this attempt: the next attempt may do better.
        }
        catch (final RuntimeException ex)
        {
            // ZXing's detectors have thrown array-bounds and argument errors on unusual noise patterns; a photo
            // that trips one is treated like a failed attempt rather than taking the caller down.
        }
    }

    /**
     * Box-average the luminance by an integer factor. Averaging, unlike nearest-neighbour or bilinear sampling,
     * keeps thin bars as grey rather than dropping them, and smooths sensor noise.
     */
    private static LuminanceSource downscale(final LuminanceSource source, final int factor)
    {
        final int width = source.getWidth();
        final int height = source.getHeight();
        final int scaledWidth = Math.max(1, width / factor);
        final int scaledHeight = Math.max(1, height / factor);
        final byte[] luminance = source.getMatrix();
        final BufferedImage scaled = new BufferedImage(scaledWidth, scaledHeight, BufferedImage.TYPE_BYTE_GRAY);
        final byte[] scaledLuminance = ((DataBufferByte)scaled.getRaster().getDataBuffer()).getData();
        final int area = factor * factor;

        for (int y = 0; y < scaledHeight; y++)
        {
            for (int x = 0; x < scaledWidth; x++)
            {
                int sum = 0;
                for (int dy = 0; dy < factor; dy++)
                {
                    final int row = Math.min(height - 1, y * factor + dy) * width;
                    for (int dx = 0; dx < factor; dx++)
                    {
                        sum += luminance[row + Math.min(width - 1, x * factor + dx)] & 0xFF;
                    }
                }
                scaledLuminance[y * scaledWidth + x] = (byte)(sum / area);
            }
        }
        return new BufferedImageLuminanceSource(scaled);
    }

    private static Map<DecodeHintType, Object> hints(final BarcodeFormat format)
    {
        final Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(format));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.ALSO_INVERTED, Boolean.TRUE);
        // Without this ZXing guesses the charset of QR byte segments that carry no ECI, and may pick Shift_JIS
        // or ISO-8859-1 for the Chinese merchant names EMV payloads carry as UTF-8.
        hints.put(DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        return Collections.unmodifiableMap(hints);
    }

    /**
     * Codes found so far in one read, per symbology, without duplicates. Not thread-safe: one per call.
     */
    private static final class Found
    {
        private final List<DecodedCode> qrCodes = new ArrayList<>(2);
        private final List<DecodedCode> code128s = new ArrayList<>(2);

        void add(final Symbology symbology, final String text)
        {
            if (null == symbology || null == text)
            {
                return;
            }
            final List<DecodedCode> codes = Symbology.QR_CODE == symbology ? qrCodes : code128s;
            for (final DecodedCode code : codes)
            {
                if (code.text().equals(text))
                {
                    return;
                }
            }
            codes.add(new DecodedCode(symbology, text));
        }

        boolean has(final Symbology symbology)
        {
            return !(Symbology.QR_CODE == symbology ? qrCodes : code128s).isEmpty();
        }

        boolean complete()
        {
            return !qrCodes.isEmpty() && !code128s.isEmpty();
        }

        ImageReadResult result()
        {
            if (qrCodes.isEmpty() && code128s.isEmpty())
            {
                return ImageReadResult.failure(ImageReadError.NOT_FOUND);
            }
            final List<DecodedCode> all = new ArrayList<>(qrCodes.size() + code128s.size());
            all.addAll(qrCodes);
            all.addAll(code128s);
            return ImageReadResult.success(all);
        }
    }
}
