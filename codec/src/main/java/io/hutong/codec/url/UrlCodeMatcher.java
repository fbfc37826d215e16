package io.hutong.codec.url;

import io.hutong.codec.text.Ascii;
import org.agrona.DirectBuffer;

import java.util.List;

/**
 * Recognises merchant URL codes and finds the wallet whose prefix claims one. Allocation free; immutable
 * and thread-safe.
 */
public final class UrlCodeMatcher
{
    /** Returned by {@link #match} when no rule claims the URL. */
    public static final int NO_MATCH = -1;
    /** Longest URL accepted, in bytes. */
    public static final int MAX_URL_LENGTH = 512;

    private final UrlRule[] rules;
    private final byte[][] prefixes;

    /**
     * @param rules non-overlapping rules (checked by the registry loader).
     */
    public UrlCodeMatcher(final List<UrlRule> rules)
    {
        this.rules = rules.toArray(new UrlRule[0]);
        this.prefixes = new byte[this.rules.length][];
        for (int i = 0; i < this.rules.length; i++)
        {
            prefixes[i] = this.rules[i].prefixBytes();
        }
    }

    /**
     * Whether text starts like an absolute URL: an RFC 3986 scheme followed by {@code ://}.
     *
     * @param text candidate.
     * @return true if URL-shaped.
     */
    public static boolean isUrlShaped(final CharSequence text)
    {
        final int colon = indexOfSchemeEnd(text);
        return colon > 0 && text.length() > colon + 2 && text.charAt(colon + 1) == '/' && text.charAt(colon + 2) == '/';
    }

    /**
     * Whether a buffer region starts like an absolute URL.
     *
     * @param buffer holding the text.
     * @param offset first byte.
     * @param length bytes.
     * @return true if URL-shaped.
     */
    public static boolean isUrlShaped(final DirectBuffer buffer, final int offset, final int length)
    {
        int i = 0;
        while (i < length && isSchemeChar(buffer.getByte(offset + i), i == 0))
        {
            i++;
        }
        return i > 0 && i + 2 < length && buffer.getByte(offset + i) == ':' &&
            buffer.getByte(offset + i + 1) == '/' && buffer.getByte(offset + i + 2) == '/';
    }

    /**
     * Check the characters of a URL: printable ASCII without spaces, quotes or angle brackets (RFC 3986
     * reserved and unreserved characters plus percent escapes).
     *
     * @param buffer holding the URL.
     * @param offset first byte.
     * @param length bytes.
     * @return offset of the first bad byte, or -1 when all are fine.
     */
    public static int findInvalidCharacter(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final int b = buffer.getByte(i) & 0xFF;
            if (b <= 0x20 || b >= 0x7F || b == '"' || b == '<' || b == '>' || b == '\\' || b == '^' ||
                b == '`' || b == '{' || b == '|' || b == '}')
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param buffer holding a URL-shaped code.
     * @param offset first byte.
     * @param length bytes.
     * @return index of the rule whose prefix claims it (with at least one character after the prefix), or
     * {@link #NO_MATCH}.
     */
    public int match(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < prefixes.length; i++)
        {
            final byte[] prefix = prefixes[i];
            if (length > prefix.length && Ascii.startsWithIgnoreCase(buffer, offset, length, prefix))
            {
                return i;
            }
        }
        return NO_MATCH;
    }

    /**
     * @param index a value returned by {@link #match}.
     * @return the rule.
     */
    public UrlRule rule(final int index)
    {
        return rules[index];
    }

    private static int indexOfSchemeEnd(final CharSequence text)
    {
        int i = 0;
        while (i < text.length() && isSchemeChar(text.charAt(i), i == 0))
        {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':' ? i : -1;
    }

    private static boolean isSchemeChar(final int c, final boolean first)
    {
        final boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return first ? letter : letter || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    }
}
