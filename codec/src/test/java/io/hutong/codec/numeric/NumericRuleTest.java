package io.hutong.codec.numeric;

import io.hutong.codec.registry.RuleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumericRuleTest
{
    @ParameterizedTest(name = "{0}/{1}-{2} vs {3}/{4}-{5} -> {6}")
    @CsvSource({
        // prefixes a, lengths a, prefixes b, lengths b, overlaps
        "10-15, 18, 18, 18, false",         // DOMAIN.md: WeChat and JD side by side
        "10-19, 18, 18, 18, true",          // the widened WeChat rule swallows JD
        "10-15, 18, 15, 18, true",          // shared end point
        "10-15, 18, 16, 18, false",         // adjacent
        "10-15, 18, 10-15, 19, false",      // same prefixes, disjoint lengths
        "25-30, 16-24, 28, 24-26, true",    // length ranges touch at 24
        "25-30, 16-24, 28, 25-26, false",   // and one past
        "1, 17-19, 18, 18, true",           // different widths: 1 covers 10..19
        "1, 17-19, 20, 18, false",
        "1, 18, 100-199, 18, true",         // width 1 vs width 3
        "1, 18, 099, 18, false",
        "1, 18, 200, 18, false",
        "18, 18, 189, 18, true",            // 18 covers 180..189
        "18, 18, 190, 18, false",
        "18, 18, 179, 18, false",
        "17-18, 18, 179, 18, true",         // range at the narrower width widens to 170..189
        "0, 18, 09, 18, true",              // leading zeros are digits of the prefix
        "01, 19, 1, 19, false",             // 01 is not 1
        "0123456789, 20, 0, 20, true",      // widest prefix vs narrowest
        "9999999999, 32, 9, 32, true",
        "9999999999, 32, 8, 32, false"
    })
    void shouldDecideOverlapSymmetrically(
        final String prefixesA, final String lengthsA, final String prefixesB, final String lengthsB,
        final boolean overlaps)
    {
        final NumericRule a = rule(0, prefixesA, lengthsA);
        final NumericRule b = rule(1, prefixesB, lengthsB);

        assertThat(a.overlaps(b)).isEqualTo(overlaps);
        assertThat(b.overlaps(a)).isEqualTo(overlaps);
    }

    @Test
    void shouldOverlapItself()
    {
        final NumericRule wechat = rule(0, "10-15", "18");

        assertThat(wechat.overlaps(wechat)).isTrue();
    }

    @Test
    void shouldDescribeRuleAsWritten()
    {
        assertThat(rule(0, "10-15", "18").describe()).isEqualTo("prefixes 10-15, length 18");
        assertThat(rule(0, "25-30", "16-24").describe()).isEqualTo("prefixes 25-30, length 16-24");
        assertThat(rule(0, "01", "19").describe()).isEqualTo("prefixes 01, length 19");
        assertThat(rule(0, "007-010", "19").describe()).isEqualTo("prefixes 007-010, length 19");
    }

    @Test
    void shouldRefuseImpossibleRules()
    {
        assertThatThrownBy(() -> new NumericRule(0, 15, 10, 2, 18, 18, RuleStatus.VERIFIED))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("prefixes");
        assertThatThrownBy(() -> new NumericRule(0, -1, 10, 2, 18, 18, RuleStatus.VERIFIED))
            .hasMessageStartingWith("prefixes");
        assertThatThrownBy(() -> new NumericRule(0, 1, 1, 0, 18, 18, RuleStatus.VERIFIED))
            .hasMessageStartingWith("prefixes");
        assertThatThrownBy(() -> new NumericRule(0, 1, 1, 11, 18, 18, RuleStatus.VERIFIED))
            .hasMessageStartingWith("prefixes");
        assertThatThrownBy(() -> new NumericRule(0, 10, 15, 2, 1, 18, RuleStatus.VERIFIED))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("lengths");
        assertThatThrownBy(() -> new NumericRule(0, 10, 15, 2, 19, 18, RuleStatus.VERIFIED))
            .hasMessageStartingWith("lengths");
        assertThatThrownBy(() -> new NumericRule(0, 10, 15, 2, 18, 33, RuleStatus.VERIFIED))
            .hasMessageStartingWith("lengths");
    }

    @Test
    void shouldAcceptExtremes()
    {
        final NumericRule widest = new NumericRule(0, 0, 9_999_999_999L, 10, 10, 32, RuleStatus.PROVISIONAL);
        final NumericRule prefixIsWholeCode = new NumericRule(1, 5, 5, 1, 1, 1, RuleStatus.PROVISIONAL);

        assertThat(widest.overlaps(prefixIsWholeCode)).isFalse();
        assertThat(widest.overlaps(new NumericRule(1, 5, 5, 1, 1, 10, RuleStatus.PROVISIONAL))).isTrue();
    }

    /**
     * @param prefixes "10-15" or "18", as in the registry file.
     * @param lengths  "18" or "16-24".
     */
    static NumericRule rule(final int participant, final String prefixes, final String lengths)
    {
        final String[] p = prefixes.split("-");
        final String[] l = lengths.split("-");
        final String to = p.length == 1 ? p[0] : p[1];
        final int min = Integer.parseInt(l[0]);
        final int max = l.length == 1 ? min : Integer.parseInt(l[1]);
        return new NumericRule(participant, Long.parseLong(p[0]), Long.parseLong(to), p[0].length(), min, max,
            RuleStatus.VERIFIED);
    }
}
