package io.hutong.codec.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Image manipulations that turn a clean generated code into what a scanner sees: a rotated phone, a dark-mode
 * screen, a camera photo. Everything is generated, so no binary fixtures are committed. Thread-safe (stateless).
 */
final class TestImages
{
    private TestImages()
    {
    }

    /**
     * @param image   source.
     * @param degrees clockwise, a multiple of 90.
     * @return a new RGB image, rotated.
     */
    static BufferedImage rotate(final BufferedImage image, final int degrees)
    {
        final int quarterTurns = Math.floorMod(degrees / 90, 4);
        final boolean swap = 1 == quarterTurns % 2;
        final int width = swap ? image.getHeight() : image.getWidth();
        final int height = swap ? image.getWidth() : image.getHeight();
        final BufferedImage rotated = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = rotated.createGraphics();
        try
        {
            final AffineTransform transform = new AffineTransform();
            transform.translate(width / 2.0, height / 2.0);
            transform.quadrantRotate(quarterTurns);
            transform.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
            g.drawImage(image, transform, null);
        }
        finally
        {
            g.dispose();
        }
        return rotated;
    }

    /**
     * @param image source.
     * @return a new RGB image, light on dark like a wallet in dark mode.
     */
    static BufferedImage invert(final BufferedImage image)
    {
        final BufferedImage inverted = toRgb(image);
        for (int y = 0; y < inverted.getHeight(); y++)
        {
            for (int x = 0; x < inverted.getWidth(); x++)
            {
                inverted.setRGB(x, y, ~inverted.getRGB(x, y) | 0xFF000000);
            }
        }
        return inverted;
    }

    /**
     * Imitate a phone photo of a screen: a grey noisy surround, sensor noise, slight blur, scaled down, then
     * JPEG-compressed.
     *
     * @param image   the clean code.
     * @param scale   resize factor, e.g. 0.7.
     * @param quality JPEG quality, 0..1.
     * @param seed    for the noise, so runs are repeatable.
     * @return JPEG bytes.
     * @throws IOException if the JPEG encoder fails.
     */
    static byte[] photoJpeg(final BufferedImage image, final double scale, final float quality, final long seed)
        throws IOException
    {
        final int border = 120;
        final BufferedImage canvas = new BufferedImage(
            image.getWidth() + 2 * border, image.getHeight() + 2 * border, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = canvas.createGraphics();
        try
        {
            g.setColor(new Color(128, 128, 128));
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            g.drawImage(image, border, border, null);
        }
        finally
        {
            g.dispose();
        }

        final Random random = new Random(seed);
        for (int y = 0; y < canvas.getHeight(); y++)
        {
            for (int x = 0; x < canvas.getWidth(); x++)
            {
                final int rgb = canvas.getRGB(x, y);
                final int noise = (int)(random.nextGaussian() * 18);
                final int grey = Math.max(0, Math.min(255, ((rgb >> 8) & 0xFF) + noise));
                canvas.setRGB(x, y, 0xFF000000 | grey << 16 | grey << 8 | grey);
            }
        }

        final float ninth = 1.0f / 9.0f;
        final BufferedImage blurred = new ConvolveOp(
            new Kernel(3, 3, new float[]{ ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth }),
            ConvolveOp.EDGE_NO_OP,
            null).filter(canvas, null);

        final BufferedImage scaled = new BufferedImage(
            (int)(blurred.getWidth() * scale), (int)(blurred.getHeight() * scale), BufferedImage.TYPE_INT_RGB);
        final Graphics2D sg = scaled.createGraphics();
        try
        {
            sg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            sg.drawImage(blurred, 0, 0, scaled.getWidth(), scaled.getHeight(), null);
        }
        finally
        {
            sg.dispose();
        }
        return jpeg(scaled, quality);
    }

    /**
     * @param image   to compress.
     * @param quality JPEG quality, 0..1.
     * @return JPEG bytes.
     * @throws IOException if the encoder fails.
     */
    static byte[] jpeg(final BufferedImage image, final float quality) throws IOException
    {
        final ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out))
        {
            final ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(toRgb(image), null, null), param);
        }
        finally
        {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * @param image source of any type.
     * @return a new RGB copy.
     */
    static BufferedImage toRgb(final BufferedImage image)
    {
        final BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = rgb.createGraphics();
        try
        {
            g.drawImage(image, 0, 0, null);
        }
        finally
        {
            g.dispose();
        }
        return rgb;
    }

    /**
     * @param width  pixels.
     * @param height pixels.
     * @param seed   for the pattern.
     * @return an RGB image of soft gradients and blobs: busy, but with no code in it.
     */
    static BufferedImage noCode(final int width, final int height, final long seed)
    {
        final Random random = new Random(seed);
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        try
        {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(200, 190, 170));
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < 40; i++)
            {
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
                final int size = 10 + random.nextInt(width / 3);
                g.fillOval(random.nextInt(width), random.nextInt(height), size, size);
            }
        }
        finally
        {
            g.dispose();
        }
        return image;
    }
}
