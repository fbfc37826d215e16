package io.hutong.codec.numeric;

import io.hutong.codec.registry.RuleStatus;

/**
 * One wallet's rule for its numeric one-time consumer codes: a range of leading-digit prefixes of a fixed
 * width and a range of total lengths (WeChat Pay: prefixes 10..15, 18 digits). Immutable; thread-safe.
 *
 * @param participant index of the participant the rule routes to.
 * @param prefixFrom  lowest prefix, as a number.
 * @param prefixTo    highest prefix, as a number.
 * @param prefixWidth digits in the prefix.
 * @param minLength   fewest digits in a code.
 * @param maxLength   most digits in a code.
 * @param status      how well sourced the rule is.
 */
public record NumericRule(
    int participant, long prefixFrom, long prefixTo, int prefixWidth, int minLength, int maxLength, RuleStatus status)
{
    /** Longest prefix a rule may name. */
    public static final int MAX_PREFIX_WIDTH = 10;
    /** Longest code a rule may accept. */
    public static final int MAX_CODE_LENGTH = 32;

    /**
     * Validating constructor.
     *
     * @param participant index of the participant the rule routes to.
     * @param prefixFrom  lowest prefix, as a number.
     * @param prefixTo    highest prefix, as a number.
     * @param prefixWidth digits in the prefix.
     * @param minLength   fewest digits in a code.
     * @param maxLength   most digits in a code.
     * @param status      how well sourced the rule is.
     */
    public NumericRule
    {
        if (prefixWidth < 1 || prefixWidth > MAX_PREFIX_WIDTH || prefixFrom > prefixTo || prefixFrom < 0)
        {
            throw new IllegalArgumentException("prefixes: need 1..10 digits with from <= to");
        }
        if (minLength < prefixWidth || minLength > maxLength || maxLength > MAX_CODE_LENGTH)
        {
            throw new IllegalArgumentException("lengths: need prefix width <= min <= max <= 32");
        }
    }

    /**
     * Whether this rule and another could both claim some code.
     *
     * @param other another rule.
     * @return true if some code of some length matches both.
     */
    public boolean overlaps(final NumericRule other)
    {
        if (maxLength < other.minLength || other.maxLength < minLength)
        {
            return false;
        }
        // Compare prefix ranges at the wider of the two widths: "18" covers 180..189 at width 3.
        final int width = Math.max(prefixWidth, other.prefixWidth);
        return widenLow(this, width) <= widenHigh(other, width) && widenLow(other, width) <= widenHigh(this, width);
    }

    private static long widenLow(final NumericRule rule, final int width)
    {
        return rule.prefixFrom * pow10(width - rule.prefixWidth);
    }

    private static long widenHigh(final NumericRule rule, final int width)
    {
        final long scale = pow10(width - rule.prefixWidth);
        return rule.prefixTo * scale + scale - 1;
    }

    private static long pow10(final int exponent)
    {
        long value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }
        return value;
    }

    /**
     * @return the rule as written in a registry file, e.g. {@code 10-15/18}.
     */
    public String describe()
    {
        final String prefixes = prefixFrom == prefixTo ? pad(prefixFrom) : pad(prefixFrom) + "-" + pad(prefixTo);
        final String lengths = minLength == maxLength ? Integer.toString(minLength) : minLength + "-" + maxLength;
        return "prefixes " + prefixes + ", length " + lengths;
    }

    private String pad(final long prefix)
    {
        final StringBuilder sb = new StringBuilder(Long.toString(prefix));
        while (sb.length() < prefixWidth)
        {
            sb.insert(0, '0');
        }
        return sb.toString();
    }
}
