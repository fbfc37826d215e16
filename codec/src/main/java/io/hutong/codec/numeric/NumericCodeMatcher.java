package io.hutong.codec.numeric;

import org.agrona.DirectBuffer;

import java.util.List;

/**
 * Finds the wallet rule that claims a numeric consumer code. The registry guarantees rules never overlap,
 * so at most one matches. Allocation free; immutable and thread-safe.
 */
public final class NumericCodeMatcher
{
    /** Returned by {@link #match} when no rule claims the code. */
    public static final int NO_MATCH = -1;

    private final NumericRule[] rules;

    /**
     * @param rules non-overlapping rules (checked by the registry loader).
     */
    public NumericCodeMatcher(final List<NumericRule> rules)
    {
        this.rules = rules.toArray(new NumericRule[0]);
    }

    /**
     * @param buffer holding ASCII digits (the caller has checked they are all digits).
     * @param offset first digit.
     * @param length number of digits.
     * @return index of the matching rule in {@link #rule(int)}, or {@link #NO_MATCH}.
     */
    public int match(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < rules.length; i++)
        {
            final NumericRule rule = rules[i];
            if (length < rule.minLength() || length > rule.maxLength())
            {
                continue;
            }
            long prefix = 0;
            for (int d = 0; d < rule.prefixWidth(); d++)
            {
                prefix = prefix * 10 + (buffer.getByte(offset + d) - '0');
            }
            if (prefix >= rule.prefixFrom() && prefix <= rule.prefixTo())
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
    public NumericRule rule(final int index)
    {
        return rules[index];
    }

    /**
     * @return number of rules.
     */
    public int ruleCount()
    {
        return rules.length;
    }
}
