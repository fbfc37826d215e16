package io.hutong.sim.codes;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeBookTest
{
    private static final CodeFormat WECHAT = new CodeFormat("10", 18);
    private static final byte[] SEED = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long T0 = 1_767_000_000_000L;

    private final CodeBook book = new CodeBook(WECHAT);

    CodeBookTest()
    {
        book.register(42, SEED);
    }

    @Test
    void shouldLayOutTheCodeAsDocumented()
    {
        final String code = OfflineCodes.derive(WECHAT, 42, SEED, T0 / 1000, 7);

        assertThat(code).hasSize(18).startsWith("10000042").matches("[0-9]{18}");
        assertThat(code.substring(8, 11)).isEqualTo(String.format("%03d", (T0 / 1000) % 1000));
        assertThat(code.substring(11, 13)).isEqualTo("07");
        assertThat(WECHAT.checkDigits()).isEqualTo(5);
    }

    @Test
    void shouldAcceptAnOfflineCodeOnceAndRefuseItAfterwards()
    {
        final String code = OfflineCodes.derive(WECHAT, 42, SEED, T0 / 1000, 3);

        assertThat(book.check(code, T0 + 500)).isEqualTo(42);
        assertThat(book.check(code, T0 + 900)).isEqualTo(CodeBook.USED);
    }

    @Test
    void shouldExpireACodeAfterSixtySeconds()
    {
        final String code = OfflineCodes.derive(WECHAT, 42, SEED, T0 / 1000, 3);

        assertThat(book.check(code, T0 + 61_000)).isEqualTo(CodeBook.EXPIRED);
        final String fresh = OfflineCodes.derive(WECHAT, 42, SEED, T0 / 1000, 4);
        assertThat(book.check(fresh, T0 + 60_999)).isEqualTo(42);
    }

    @Test
    void shouldRefuseTamperedUnknownAndMalformedCodes()
    {
        final String code = OfflineCodes.derive(WECHAT, 42, SEED, T0 / 1000, 3);
        final char last = code.charAt(17);
        final String tampered = code.substring(0, 17) + (char)(last == '9' ? '0' : last + 1);

        assertThat(book.check(tampered, T0)).isEqualTo(CodeBook.INVALID);
        assertThat(book.check(OfflineCodes.derive(WECHAT, 43, SEED, T0 / 1000, 3), T0)).isEqualTo(CodeBook.INVALID);
        assertThat(book.check("11" + code.substring(2), T0)).isEqualTo(CodeBook.INVALID);
        assertThat(book.check(code.substring(1), T0)).isEqualTo(CodeBook.INVALID);
        assertThat(book.check(code.replace('0', 'x'), T0)).isEqualTo(CodeBook.INVALID);
        assertThat(book.check(null, T0)).isEqualTo(CodeBook.INVALID);
        // The tampered attempts consumed nothing: the real code still works.
        assertThat(book.check(code, T0)).isEqualTo(42);
    }

    @Test
    void shouldRefuseACodeMadeWithAnotherSeed()
    {
        final byte[] otherSeed = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

        assertThat(book.check(OfflineCodes.derive(WECHAT, 42, otherSeed, T0 / 1000, 3), T0))
            .isEqualTo(CodeBook.INVALID);
    }

    @Test
    void shouldAcceptAPhoneClockAFewSecondsAhead()
    {
        final String ahead = OfflineCodes.derive(WECHAT, 42, SEED, T0 / 1000 + 4, 1);

        assertThat(book.check(ahead, T0)).isEqualTo(42);
    }

    @Test
    void shouldIssueDistinctCodesFromTheServerCountersUntilTheSecondIsSpent()
    {
        final Set<String> codes = new HashSet<>();
        for (int i = 0; i < CodeFormat.COUNTERS - CodeFormat.PHONE_COUNTERS; i++)
        {
            final String code = book.issue(42, T0);
            assertThat(Integer.parseInt(code.substring(11, 13))).isBetween(50, 99);
            codes.add(code);
        }

        assertThat(codes).hasSize(50);
        assertThat(book.issue(42, T0 + 999)).isNull();
        assertThat(book.issue(42, T0 + 1000)).isNotNull();
        for (final String code : codes)
        {
            assertThat(book.check(code, T0 + 2000)).isEqualTo(42);
        }
    }

    @Test
    void shouldTellUsedCodesApartAcrossManySecondsWithoutGrowing()
    {
        for (long second = 0; second < 400; second++)
        {
            final long now = T0 + second * 1000;
            final String code = OfflineCodes.derive(WECHAT, 42, SEED, now / 1000, 0);
            assertThat(book.check(code, now)).as("second %d", second).isEqualTo(42);
            assertThat(book.check(code, now + 10)).isEqualTo(CodeBook.USED);
        }
    }

    @Test
    void shouldRefuseLayoutsWithTooFewCheckDigits()
    {
        assertThatThrownBy(() -> new CodeFormat("10", 16))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("length=16: leaves 3 check digits");
        assertThatThrownBy(() -> new CodeFormat("1a", 18)).hasMessageStartingWith("prefix=1a");
        assertThat(new CodeFormat("62", 19).checkDigits()).isEqualTo(6);
    }

    @Test
    void shouldRefuseOutOfRangeDerivationParameters()
    {
        assertThatThrownBy(() -> OfflineCodes.derive(WECHAT, 0, SEED, 1, 0)).hasMessageStartingWith("accountNumber=0");
        assertThatThrownBy(() -> OfflineCodes.derive(WECHAT, 1, SEED, 1, 100)).hasMessageStartingWith("counter=100");
        assertThatThrownBy(() -> book.issue(7, T0)).hasMessageStartingWith("number=7");
    }
}
