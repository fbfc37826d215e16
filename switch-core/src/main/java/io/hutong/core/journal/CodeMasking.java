package io.hutong.core.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Masks payment codes for the journal (and for logs): at most the first 6 and the last 4 characters stay
 * visible, never more than a third of the code at either end, and the rest becomes {@code '*'}. Long codes
 * are shortened to {@value #MAX_MASKED_LENGTH} characters by dropping mask characters, so every masked code
 * fits the journal slot:
 * <pre>
 *   134567890123456789   (WeChat, 18)  -&gt;  134567********6789
 *   6212345678901234567  (UnionPay, 19) -&gt;  621234*********4567
 *   hQVDUFYwMWEaTwegAAAAVVVVVw8SNFZ4kBI0WNGRIgESNF8=  -&gt;  hQVDUF**************NF8=
 * </pre>
 * A value is accepted as masked ({@link #isMasked}) only if it is short enough, printable ASCII, contains a
 * {@code '*'} and has no run of more than {@value #MAX_DIGIT_RUN} digits, so a full 16-19 digit code or PAN
 * cannot be stored through the journal API even by mistake.
 * <p>
 * Stateless; thread-safe. The buffer forms allocate nothing.
 */
public final class CodeMasking
{
    /** Longest masked code: the journal slot's capacity. */
    public static final int MAX_MASKED_LENGTH = 24;
    /** Longest run of digits a masked code may contain. */
    public static final int MAX_DIGIT_RUN = 6;
    /** The mask character. */
    public static final char MASK = '*';

    private static final int MAX_HEAD = 6;
    private static final int MAX_TAIL = 4;

    private CodeMasking()
    {
    }

    /**
     * Mask a code held as bytes (as a POS frame or HTTP body carries it) into a buffer.
     *
     * @param code      the code's bytes; anything outside printable ASCII shows as {@code '?'}.
     * @param offset    first byte of the code.
     * @param length    bytes of the code.
     * @param dst       where the masked code goes.
     * @param dstOffset first byte to write.
     * @return bytes written, at most {@value #MAX_MASKED_LENGTH}.
     */
    public static int mask(
        final DirectBuffer code, final int offset, final int length, final MutableDirectBuffer dst, final int dstOffset)
    {
        final int head = Math.min(MAX_HEAD, length / 3);
        final int tail = Math.min(MAX_TAIL, length / 3);
        final int stars = Math.min(length - head - tail, MAX_MASKED_LENGTH - head - tail);
        int out = dstOffset;
        for (int i = 0; i < head; i++)
        {
            dst.putByte(out++, visible(code.getByte(offset + i)));
        }
        for (int i = 0; i < stars; i++)
        {
            dst.putByte(out++, (byte)MASK);
        }
        for (int i = length - tail; i < length; i++)
        {
            dst.putByte(out++, visible(code.getByte(offset + i)));
        }
        return out - dstOffset;
    }

    /**
     * Mask a code held as characters into a buffer.
     *
     * @param code      the code; anything outside printable ASCII shows as {@code '?'}.
     * @param dst       where the masked code goes.
     * @param dstOffset first byte to write.
     * @return bytes written, at most {@value #MAX_MASKED_LENGTH}.
     */
    public static int mask(final CharSequence code, final MutableDirectBuffer dst, final int dstOffset)
    {
        final int length = code.length();
        final int head = Math.min(MAX_HEAD, length / 3);
        final int tail = Math.min(MAX_TAIL, length / 3);
        final int stars = Math.min(length - head - tail, MAX_MASKED_LENGTH - head - tail);
        int out = dstOffset;
        for (int i = 0; i < head; i++)
        {
            dst.putByte(out++, visible(code.charAt(i)));
        }
        for (int i = 0; i < stars; i++)
        {
            dst.putByte(out++, (byte)MASK);
        }
        for (int i = length - tail; i < length; i++)
        {
            dst.putByte(out++, visible(code.charAt(i)));
        }
        return out - dstOffset;
    }

    /**
     * Mask a code into a new string, for logs and tests (allocates).
     *
     * @param code the code, may be null.
     * @return the masked code, empty for null.
     */
    public static String mask(final CharSequence code)
    {
        if (null == code)
        {
            return "";
        }
        final StringBuilder masked = new StringBuilder(MAX_MASKED_LENGTH);
        final int length = code.length();
        final int head = Math.min(MAX_HEAD, length / 3);
        final int tail = Math.min(MAX_TAIL, length / 3);
        final int stars = Math.min(length - head - tail, MAX_MASKED_LENGTH - head - tail);
        for (int i = 0; i < head; i++)
        {
            masked.append((char)visible(code.charAt(i)));
        }
        for (int i = 0; i < stars; i++)
        {
            masked.append(MASK);
        }
        for (int i = length - tail; i < length; i++)
        {
            masked.append((char)visible(code.charAt(i)));
        }
        return masked.toString();
    }

    /**
     * Whether a value may be stored as a masked code: empty, or at most {@value #MAX_MASKED_LENGTH} printable
     * ASCII characters with at least one {@code '*'} and no run of more than {@value #MAX_DIGIT_RUN} digits.
     *
     * @param value the candidate, may be null (counts as empty).
     * @return true if it looks masked.
     */
    public static boolean isMasked(final CharSequence value)
    {
        if (null == value || value.length() == 0)
        {
            return true;
        }
        final int length = value.length();
        if (length > MAX_MASKED_LENGTH)
        {
            return false;
        }
        boolean hasMask = false;
        int run = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = value.charAt(i);
            if (!JournalText.isPrintableAscii(c))
            {
                return false;
            }
            hasMask |= c == MASK;
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run > MAX_DIGIT_RUN)
            {
                return false;
            }
        }
        return hasMask;
    }

    /**
     * The longest run of ASCII digits in a byte range: what decides whether a value could be a full code.
     *
     * @param buffer the bytes.
     * @param offset first byte.
     * @param length bytes to look at.
     * @return the longest run of '0'..'9'.
     */
    public static int longestDigitRun(final DirectBuffer buffer, final int offset, final int length)
    {
        int longest = 0;
        int run = 0;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            run = b >= '0' && b <= '9' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static byte visible(final int c)
    {
        return JournalText.isPrintableAscii(c) ? (byte)c : (byte)'?';
    }
}
