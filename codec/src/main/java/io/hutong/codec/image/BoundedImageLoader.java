package io.hutong.codec.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns untrusted bytes into a {@link BufferedImage} without letting a hostile file exhaust memory: the byte count
 * is capped while reading, the format is sniffed from magic numbers (PNG and JPEG only, whatever the file name
 * says), and the pixel count is checked from the image header before the raster is allocated. A tiny PNG can
 * declare 100,000 x 100,000 pixels, so the file size alone is not a bound.
 * <p>
 * Uses a {@link MemoryCacheImageInputStream} rather than {@code ImageIO.createImageInputStream} so that no temporary
 * files are written and the global {@code ImageIO.setUseCache} switch is left alone.
 * <p>
 * Thread-safe (stateless).
 */
final class BoundedImageLoader
{
    private static final byte[] PNG_MAGIC = { (byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    private static final byte[] JPEG_MAGIC = { (byte)0xFF, (byte)0xD8, (byte)0xFF };

    /**
     * Either a decoded image or the reason there is none.
     *
     * @param image   the decoded image, {@code null} on failure.
     * @param failure the failure, {@code null} on success.
     */
    record Loaded(BufferedImage image, ImageReadResult failure)
    {
    }

    private BoundedImageLoader()
    {
    }

    /**
     * Read and decode a file.
     *
     * @param path         of the image.
     * @param maxFileBytes largest file accepted.
     * @param maxPixels    largest width x height accepted.
     * @return the image or the failure.
     */
    static Loaded load(final Path path, final long maxFileBytes, final long maxPixels)
    {
        try
        {
            // Cheap early refusal of an obviously huge file; the bounded read below still enforces the limit if
            // the file grows between the two calls.
            final long size = Files.size(path);
            if (size > maxFileBytes)
            {
                return fileTooLarge(size, maxFileBytes);
            }
            try (InputStream in = Files.newInputStream(path))
            {
                return load(in, maxFileBytes, maxPixels);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return new Loaded(null, ImageReadResult.failure(
                ImageReadError.IO_ERROR, "could not read image file: " + ex.getClass().getSimpleName()));
        }
    }

    /**
     * Read a stream to its end (up to the limit) and decode it. The stream is not closed.
     *
     * @param in           the image bytes.
     * @param maxFileBytes largest byte count accepted.
     * @param maxPixels    largest width x height accepted.
     * @return the image or the failure.
     */
    static Loaded load(final InputStream in, final long maxFileBytes, final long maxPixels)
    {
        final byte[] bytes;
        try
        {
            // readNBytes grows its buffer as data arrives, so a short stream never costs the full limit.
            bytes = in.readNBytes((int)maxFileBytes + 1);
        }
        catch (final IOException | RuntimeException ex)
        {
            return new Loaded(null, ImageReadResult.failure(
                ImageReadError.IO_ERROR, "could not read image stream: " + ex.getClass().getSimpleName()));
        }
        if (bytes.length > maxFileBytes)
        {
            return new Loaded(null, ImageReadResult.failure(
                ImageReadError.IMAGE_TOO_LARGE,
                "image exceeds the size limit: stream longer than maxFileBytes=" + maxFileBytes));
        }
        return decode(bytes, maxPixels);
    }

    /**
     * Decode bytes already in memory.
     *
     * @param bytes     the image bytes.
     * @param maxPixels largest width x height accepted.
     * @return the image or the failure.
     */
    static Loaded decode(final byte[] bytes, final long maxPixels)
    {
        final String format = sniffFormat(bytes);
        if (null == format)
        {
            return new Loaded(null, ImageReadResult.failure(ImageReadError.UNREADABLE_IMAGE));
        }

        final Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext())
        {
            return new Loaded(null, ImageReadResult.failure(
                ImageReadError.UNREADABLE_IMAGE, "no image decoder available: format=" + format));
        }

        final ImageReader reader = readers.next();
        try (ImageInputStream iis = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)))
        {
            // Ignore metadata: it is never needed to find a code and is another place for a file to hide bulk.
            reader.setInput(iis, true, true);
            final int width = reader.getWidth(0);
            final int height = reader.getHeight(0);
            if (width <= 0 || height <= 0)
            {
                return corrupt(format);
            }
            final long pixels = (long)width * height;
            if (pixels > maxPixels)
            {
                return tooManyPixels(pixels, maxPixels);
            }
            final BufferedImage image = reader.read(0, reader.getDefaultReadParam());
            return null == image ? corrupt(format) : new Loaded(image, null);
        }
        catch (final IOException | RuntimeException ex)
        {
            // ImageIO's decoders report truncated or malformed data with IIOException, and with runtime
            // exceptions (array bounds, negative sizes) on some corrupt chunks; both mean the same to a caller.
            return corrupt(format);
        }
        finally
        {
            reader.dispose();
        }
    }

    /**
     * Check the pixel count of an image supplied directly by the caller.
     *
     * @param image     to check.
     * @param maxPixels largest width x height accepted.
     * @return the failure, or {@code null} when the image is within the limit.
     */
    static ImageReadResult checkPixels(final BufferedImage image, final long maxPixels)
    {
        final long pixels = (long)image.getWidth() * image.getHeight();
        return pixels > maxPixels ? tooManyPixels(pixels, maxPixels).failure() : null;
    }

    /**
     * Identify the format from its magic number.
     *
     * @param bytes the file content.
     * @return {@code "png"}, {@code "jpeg"} or {@code null}.
     */
    static String sniffFormat(final byte[] bytes)
    {
        if (startsWith(bytes, PNG_MAGIC))
        {
            return "png";
        }
        if (startsWith(bytes, JPEG_MAGIC))
        {
            return "jpeg";
        }
        return null;
    }

    private static boolean startsWith(final byte[] bytes, final byte[] prefix)
    {
        if (bytes.length < prefix.length)
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (bytes[i] != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    private static Loaded corrupt(final String format)
    {
        return new Loaded(null, ImageReadResult.failure(
            ImageReadError.UNREADABLE_IMAGE,
            "not a PNG or JPEG image: corrupt, truncated or unsupported " + format + " data"));
    }

    private static Loaded fileTooLarge(final long bytes, final long maxFileBytes)
    {
        return new Loaded(null, ImageReadResult.failure(
            ImageReadError.IMAGE_TOO_LARGE,
            "image exceeds the size limit: bytes=" + bytes + " > maxFileBytes=" + maxFileBytes));
    }

    private static Loaded tooManyPixels(final long pixels, final long maxPixels)
    {
        return new Loaded(null, ImageReadResult.failure(
            ImageReadError.IMAGE_TOO_LARGE,
            "image exceeds the size limit: pixels=" + pixels + " > maxPixels=" + maxPixels));
    }
}
