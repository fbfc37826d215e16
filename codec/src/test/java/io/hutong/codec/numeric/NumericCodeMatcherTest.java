package io.hutong.codec.numeric;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.hutong.codec.numeric.NumericRuleTest.rule;
import static org.assertj.core.api.Assertions.assertThat;

class NumericCodeMatcherTest
{
    private final NumericCodeMatcher matcher = new NumericCodeMatcher(List.of(
        rule(0, "10-15", "18"),
        rule(1, "25-30", "16-24"),
        rule(2, "62", "19"),
        rule(3, "18", "18"),
        rule(4, "007", "12")));

    @Test
    void shouldFindTheRuleClaimingTheCode()
    {
        assertThat(match("134567890123456789")).isEqualTo(0);
        assertThat(match("2800000000000000")).isEqualTo(1);
        assertThat(match("280000000000000000000000")).isEqualTo(1);
        assertThat(match("6212345678901234567")).isEqualTo(2);
        assertThat(match("181234567890123456")).isEqualTo(3);
        assertThat(match("007123456789")).isEqualTo(4);
        assertThat(matcher.rule(3).participant()).isEqualTo(3);
        assertThat(matcher.ruleCount()).isEqualTo(5);
    }

    @Test
    void shouldMatchRangeEndsInclusively()
    {
        assertThat(match("100000000000000000")).isEqualTo(0);
        assertThat(match("159999999999999999")).isEqualTo(0);
        assertThat(match("099999999999999999")).isEqualTo(NumericCodeMatcher.NO_MATCH);
        assertThat(match("160000000000000000")).isEqualTo(NumericCodeMatcher.NO_MATCH);
    }

    @Test
    void shouldRefuseWrongLengths()
    {
        assertThat(match("13456789012345678")).isEqualTo(NumericCodeMatcher.NO_MATCH);
        assertThat(match("1345678901234567890")).isEqualTo(NumericCodeMatcher.NO_MATCH);
        assertThat(match("280000000000000")).isEqualTo(NumericCodeMatcher.NO_MATCH);
        assertThat(match("2800000000000000000000000")).isEqualTo(NumericCodeMatcher.NO_MATCH);
        assertThat(match("621234567890123456")).isEqualTo(NumericCodeMatcher.NO_MATCH);
        assertThat(match("07123456789")).isEqualTo(NumericCodeMatcher.NO_MATCH);
    }

    @Test
    void shouldNotTreatLeadingZerosAsInsignificant()
    {
        assertThat(match("070123456789")).isEqualTo(NumericCodeMatcher.NO_MATCH);
        assertThat(match("000712345678")).isEqualTo(NumericCodeMatcher.NO_MATCH);
    }

    @Test
    void shouldMatchAtAnOffsetWithoutReadingOutside()
    {
        final byte[] bytes = "xx6212345678901234567yy".getBytes(StandardCharsets.US_ASCII);

        assertThat(matcher.match(new UnsafeBuffer(bytes), 2, 19)).isEqualTo(2);
        assertThat(matcher.match(new UnsafeBuffer(bytes), 2, 0)).isEqualTo(NumericCodeMatcher.NO_MATCH);
        assertThat(matcher.match(new UnsafeBuffer(bytes, 2, 1), 0, 1)).isEqualTo(NumericCodeMatcher.NO_MATCH);
    }

    @Test
    void shouldMatchNothingWithNoRules()
    {
        final NumericCodeMatcher empty = new NumericCodeMatcher(List.of());

        assertThat(empty.ruleCount()).isZero();
        assertThat(empty.match(new UnsafeBuffer("134567890123456789".getBytes(StandardCharsets.US_ASCII)), 0, 18))
            .isEqualTo(NumericCodeMatcher.NO_MATCH);
    }

    private int match(final String digits)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(digits.getBytes(StandardCharsets.US_ASCII));
        return matcher.match(buffer, 0, buffer.capacity());
    }
}
