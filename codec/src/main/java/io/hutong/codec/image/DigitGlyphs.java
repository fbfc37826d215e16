package io.hutong.codec.image;

import java.awt.Graphics2D;

/**
 * A 5 x 7 dot-matrix face for the digits printed under a payment-screen barcode. Drawn as filled squares rather
 * than through {@code java.awt.Font}: text rendering needs the JDK's font subsystem, and slim server images
 * (headless JRE without fontconfig or any font package) fail there with errors that cannot be recovered. Squares
 * need nothing but {@link Graphics2D#fillRect}, so the writer behaves the same on every host.
 * <p>
 * Thread-safe (stateless).
 */
final class DigitGlyphs
{
    /** Glyph width in dots. */
    static final int WIDTH = 5;
    /** Glyph height in dots. */
    static final int HEIGHT = 7;
    /** Advance from one character to the next, in dots: the glyph plus one dot of spacing. */
    static final int ADVANCE = WIDTH + 1;

    /** Rows top to bottom, {@code '#'} for a dot; indexed by digit value. */
    private static final String[][] GLYPHS =
    {
        { ".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###." },
        { "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###." },
        { ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####" },
        { "#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###." },
        { "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#." },
        { "#####", "#....", "####.", "....#", "....#", "#...#", ".###." },
        { "..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###." },
        { "#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..." },
        { ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###." },
        { ".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.." },
    };

    private DigitGlyphs()
    {
    }

    /**
     * Width in pixels of a line of text.
     *
     * @param length number of characters.
     * @param scale  pixels per dot.
     * @return the width, without trailing spacing.
     */
    static int width(final int length, final int scale)
    {
        return length <= 0 ? 0 : (length * ADVANCE - 1) * scale;
    }

    /**
     * Draw digits and spaces in the graphics' current colour; any other character is left blank.
     *
     * @param g     to draw with.
     * @param text  digits and spaces.
     * @param x     left edge, pixels.
     * @param y     top edge, pixels.
     * @param scale pixels per dot.
     */
    static void draw(final Graphics2D g, final CharSequence text, final int x, final int y, final int scale)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9)
            {
                continue;
            }
            final String[] rows = GLYPHS[digit];
            final int left = x + i * ADVANCE * scale;
            for (int row = 0; row < HEIGHT; row++)
            {
                for (int column = 0; column < WIDTH; column++)
                {
                    if ('#' == rows[row].charAt(column))
                    {
                        g.fillRect(left + column * scale, y + row * scale, scale, scale);
                    }
                }
            }
        }
    }
}
