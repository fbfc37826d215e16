package io.hutong.core.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CodeMaskingTest
{
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "134567890123456789, 134567********6789",
        "6212345678901234567, 621234*********4567",
        "2812345678901234567890, 281234************7890",
        "hQVDUFYwMWEaTwegAAAAVVVVVw8SNFZ4kBI0WNGRIgESNF8=, hQVDUF**************NF8=",
        "1234567890, 123****890",
        "12, **",
        "1, *",
    })
    void shouldKeepAtMostSixAndFourAndNeverMoreThanAThirdAtEachEnd(final String code, final String masked)
    {
        assertThat(CodeMasking.mask(code)).isEqualTo(masked);
        assertThat(CodeMasking.isMasked(masked)).isTrue();

        final UnsafeBuffer out = new UnsafeBuffer(new byte[CodeMasking.MAX_MASKED_LENGTH]);
        final int length = CodeMasking.mask(code, out, 0);
        assertThat(out.getStringWithoutLengthAscii(0, length)).isEqualTo(masked);

        final UnsafeBuffer in = new UnsafeBuffer(("##" + code).getBytes(StandardCharsets.US_ASCII));
        final int fromBytes = CodeMasking.mask(in, 2, code.length(), out, 0);
        assertThat(out.getStringWithoutLengthAscii(0, fromBytes)).isEqualTo(masked);
    }

    @Test
    void shouldMaskEmptyAndNullToEmpty()
    {
        assertThat(CodeMasking.mask("")).isEmpty();
        assertThat(CodeMasking.mask(null)).isEmpty();
        assertThat(CodeMasking.isMasked("")).isTrue();
        assertThat(CodeMasking.isMasked(null)).isTrue();
    }

    @Test
    void shouldShowNonAsciiAsQuestionMarks()
    {
        assertThat(CodeMasking.mask("wxp://f2f0中文abcdefghij")).isEqualTo("wxp://************ghij");
        assertThat(CodeMasking.mask("中文中文中文")).isEqualTo("??**??");
    }

    @Test
    void shouldRefuseAnythingThatCouldBeAFullCode()
    {
        assertThat(CodeMasking.isMasked("134567890123456789")).isFalse();
        assertThat(CodeMasking.isMasked("1234567*")).isFalse();
        assertThat(CodeMasking.isMasked("123456*1234567")).isFalse();
        assertThat(CodeMasking.isMasked("abcdef")).isFalse();
        assertThat(CodeMasking.isMasked("x".repeat(24) + "*")).isFalse();
        assertThat(CodeMasking.isMasked("123456**\n1234")).isFalse();
        assertThat(CodeMasking.isMasked("123456**1234")).isTrue();
    }
}
