package io.hutong.codec.url;

import io.hutong.codec.registry.RuleStatus;

import java.nio.charset.StandardCharsets;

/**
 * A wallet's merchant URL code prefix ({@code wxp://}, {@code https://qr.alipay.com/}). Immutable; thread-safe.
 *
 * @param participant index of the participant the rule routes to.
 * @param prefix      the prefix, scheme included; matched ignoring ASCII case.
 * @param status      how well sourced the rule is.
 */
public record UrlRule(int participant, String prefix, RuleStatus status)
{
    /**
     * Validating constructor.
     *
     * @param participant index of the participant the rule routes to.
     * @param prefix      the prefix, scheme included.
     * @param status      how well sourced the rule is.
     */
    public UrlRule
    {
        if (!UrlCodeMatcher.isUrlShaped(prefix) || !StandardCharsets.US_ASCII.newEncoder().canEncode(prefix))
        {
            throw new IllegalArgumentException("prefix: must be ASCII and start with a scheme and ://");
        }
    }

    /**
     * @return the prefix as ASCII bytes.
     */
    public byte[] prefixBytes()
    {
        return prefix.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param other another rule.
     * @return true if some URL would match both (one prefix starts with the other, ignoring case).
     */
    public boolean overlaps(final UrlRule other)
    {
        final String a = prefix.toLowerCase(java.util.Locale.ROOT);
        final String b = other.prefix.toLowerCase(java.util.Locale.ROOT);
        return a.startsWith(b) || b.startsWith(a);
    }
}
