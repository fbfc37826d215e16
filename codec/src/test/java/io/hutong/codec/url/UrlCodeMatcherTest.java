package io.hutong.codec.url;

import io.hutong.codec.registry.RuleStatus;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlCodeMatcherTest
{
    private final UrlCodeMatcher matcher = new UrlCodeMatcher(List.of(
        new UrlRule(0, "wxp://", RuleStatus.SECONDARY),
        new UrlRule(0, "https://payapp.weixin.qq.com/", RuleStatus.SECONDARY),
        new UrlRule(1, "https://qr.alipay.com/", RuleStatus.SECONDARY)));

    @Test
    void shouldMatchPrefixes()
    {
        assertThat(match("wxp://f2f0XYZ")).isEqualTo(0);
        assertThat(match("https://payapp.weixin.qq.com/qr/AbC")).isEqualTo(1);
        assertThat(match("https://qr.alipay.com/bax08861")).isEqualTo(2);
        assertThat(matcher.rule(2).participant()).isEqualTo(1);
        assertThat(matcher.rule(2).status()).isEqualTo(RuleStatus.SECONDARY);
    }

    @Test
    void shouldIgnoreCaseOfSchemeAndHost()
    {
        assertThat(match("WXP://f2f0XYZ")).isEqualTo(0);
        assertThat(match("HTTPS://QR.ALIPAY.COM/bax08861")).isEqualTo(2);
        assertThat(match("Https://Qr.Alipay.Com/bax08861")).isEqualTo(2);
    }

    @Test
    void shouldNeedAtLeastOneCharacterAfterThePrefix()
    {
        assertThat(match("wxp://")).isEqualTo(UrlCodeMatcher.NO_MATCH);
        assertThat(match("https://qr.alipay.com/")).isEqualTo(UrlCodeMatcher.NO_MATCH);
        assertThat(match("wxp://x")).isEqualTo(0);
        assertThat(match("https://qr.alipay.com/x")).isEqualTo(2);
    }

    @Test
    void shouldNotMatchOtherHostsOrLookalikes()
    {
        assertThat(match("https://qr.alipay.co/bax")).isEqualTo(UrlCodeMatcher.NO_MATCH);
        assertThat(match("https://qr.alipay.com.evil.cn/bax")).isEqualTo(UrlCodeMatcher.NO_MATCH);
        assertThat(match("http://qr.alipay.com/bax")).isEqualTo(UrlCodeMatcher.NO_MATCH);
        assertThat(match("wxp:/abc")).isEqualTo(UrlCodeMatcher.NO_MATCH);
        assertThat(match("xwxp://abc")).isEqualTo(UrlCodeMatcher.NO_MATCH);
    }

    @Test
    void shouldMatchAtAnOffset()
    {
        final UnsafeBuffer buffer = ascii("  wxp://abc  ");

        assertThat(matcher.match(buffer, 2, 9)).isEqualTo(0);
        assertThat(matcher.match(buffer, 2, 6)).isEqualTo(UrlCodeMatcher.NO_MATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = { "wxp://x", "https://a", "a+b-c.d://", "A1://x", "svn+ssh://host" })
    void shouldRecogniseUrlShapes(final String text)
    {
        assertThat(UrlCodeMatcher.isUrlShaped(text)).isTrue();
        assertThat(UrlCodeMatcher.isUrlShaped(ascii(text), 0, text.length())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ":", "://x", "1http://x", "+a://x", "https:/x", "https:x", "https//x", "https:",
        "https:/", "mailto:a@b.c", "00020101", "hQVDUFYwMQ", "http s://x", "ht\u00e9tp://x" })
    void shouldRefuseTextThatIsNotUrlShaped(final String text)
    {
        assertThat(UrlCodeMatcher.isUrlShaped(text)).isFalse();
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(UrlCodeMatcher.isUrlShaped(new UnsafeBuffer(bytes), 0, bytes.length)).isFalse();
    }

    @Test
    void shouldDecideUrlShapeOnTheGivenRegionOnly()
    {
        final UnsafeBuffer buffer = ascii("wxp://abc");

        assertThat(UrlCodeMatcher.isUrlShaped(buffer, 0, 5)).isFalse();
        assertThat(UrlCodeMatcher.isUrlShaped(buffer, 0, 6)).isTrue();
    }

    @Test
    void shouldFindFirstInvalidCharacter()
    {
        assertThat(invalidAt("https://qr.alipay.com/bax08861?x=1&y=%20#frag~_-.!$'()*+,;=:@[]")).isEqualTo(-1);
        assertThat(invalidAt("wxp://a b")).isEqualTo(7);
        for (final char bad : new char[]{ '"', '<', '>', '\\', '^', '`', '{', '|', '}', '\t', '\u007f', ' ' })
        {
            assertThat(invalidAt("wxp://ab" + bad + "c")).as("char %d", (int)bad).isEqualTo(8);
        }
        final byte[] utf8 = "wxp://支付".getBytes(StandardCharsets.UTF_8);
        assertThat(UrlCodeMatcher.findInvalidCharacter(new UnsafeBuffer(utf8), 0, utf8.length)).isEqualTo(6);
    }

    @Test
    void shouldReportInvalidCharacterOffsetInTheBuffer()
    {
        final UnsafeBuffer buffer = ascii("<<wxp://a>b");

        assertThat(UrlCodeMatcher.findInvalidCharacter(buffer, 2, 7)).isEqualTo(-1);
        assertThat(UrlCodeMatcher.findInvalidCharacter(buffer, 2, 8)).isEqualTo(9);
    }

    @Test
    void shouldRefuseRulesThatAreNotAsciiUrlPrefixes()
    {
        assertThatThrownBy(() -> new UrlRule(0, "qr.alipay.com/", RuleStatus.SECONDARY))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("prefix");
        assertThatThrownBy(() -> new UrlRule(0, "https://支付.cn/", RuleStatus.SECONDARY))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("prefix");
    }

    @Test
    void shouldDetectOverlappingRulesIgnoringCase()
    {
        final UrlRule alipay = new UrlRule(1, "https://qr.alipay.com/", RuleStatus.SECONDARY);

        assertThat(alipay.overlaps(new UrlRule(2, "HTTPS://QR.ALIPAY.COM/pay/", RuleStatus.PROVISIONAL))).isTrue();
        assertThat(alipay.overlaps(new UrlRule(2, "https://qr.", RuleStatus.PROVISIONAL))).isTrue();
        assertThat(alipay.overlaps(new UrlRule(2, "https://qr.95516.com/", RuleStatus.PROVISIONAL))).isFalse();
        assertThat(new UrlRule(2, "https://qr.95516.com/", RuleStatus.PROVISIONAL).overlaps(alipay)).isFalse();
    }

    private int match(final String url)
    {
        final UnsafeBuffer buffer = ascii(url);
        return matcher.match(buffer, 0, buffer.capacity());
    }

    private static int invalidAt(final String url)
    {
        return UrlCodeMatcher.findInvalidCharacter(ascii(url), 0, url.length());
    }

    private static UnsafeBuffer ascii(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
