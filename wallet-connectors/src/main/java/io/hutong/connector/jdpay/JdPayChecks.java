package io.hutong.connector.jdpay;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Field validation shared by the request records and the readers. Bounds marked [P] in docs/wallet-jdpay.md
 * are provisional: JD does not publish them. Package-private, stateless.
 */
final class JdPayChecks
{
    static final int MAX_MERCHANT = 32;
    static final int MAX_TRADE_NUM = 64;
    static final int MAX_DEVICE = 32;
    static final int MAX_NAME = 128;
    static final int MAX_TEXT = 256;
    static final int MAX_URL = 256;
    /** About 100 million yuan: far above any barcode payment, far below overflow. */
    static final long MAX_AMOUNT = 9_999_999_999L;

    private static final DateTimeFormatter TRADE_TIME =
        DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private JdPayChecks()
    {
    }

    static void merchant(final String value)
    {
        ascii(JdPayFields.MERCHANT, value, MAX_MERCHANT, false);
    }

    static boolean isMerchant(final String value)
    {
        try
        {
            merchant(value);
            return true;
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
    }

    /** Trade numbers: JD says "digits or letters"; its own test answers also use '_'. */
    static void tradeNum(final String name, final String value)
    {
        ascii(name, value, MAX_TRADE_NUM, true);
    }

    static void device(final String value)
    {
        ascii(JdPayFields.DEVICE, value, MAX_DEVICE, true);
    }

    /** JD payment codes: 18 digits starting 18; JD also takes 19-digit UnionPay-style codes. Never echoed. */
    static void token(final String value)
    {
        boolean digits = null != value && (value.length() == 18 || value.length() == 19);
        for (int i = 0; digits && i < value.length(); i++)
        {
            digits = value.charAt(i) >= '0' && value.charAt(i) <= '9';
        }
        if (!digits)
        {
            throw new IllegalArgumentException(
                "token.length=" + (null == value ? 0 : value.length()) + ": must be 18 or 19 digits");
        }
    }

    static void amount(final String name, final long fen)
    {
        if (fen < 1 || fen > MAX_AMOUNT)
        {
            throw new IllegalArgumentException(name + "=" + fen + ": must be in 1.." + MAX_AMOUNT + " fen");
        }
    }

    static void tradeTime(final String value)
    {
        if (null == value || value.length() != 14)
        {
            throw new IllegalArgumentException("tradeTime=" + value + ": must be yyyyMMddHHmmss");
        }
        try
        {
            LocalDateTime.parse(value, TRADE_TIME);
        }
        catch (final DateTimeParseException ex)
        {
            throw new IllegalArgumentException("tradeTime=" + value + ": not a date-time", ex);
        }
    }

    /** Required free text: no control characters (JD's signature step deletes tabs and line breaks). */
    static void text(final String name, final String value, final int maxLength)
    {
        if (null == value || value.isEmpty())
        {
            throw new IllegalArgumentException(name + "=<empty>: must be set");
        }
        optionalText(name, value, maxLength);
    }

    /** Optional free text: null allowed, else as {@link #text}; an empty string counts as absent. */
    static void optionalText(final String name, final String value, final int maxLength)
    {
        if (null == value)
        {
            return;
        }
        if (value.length() > maxLength)
        {
            throw new IllegalArgumentException(name + ".length=" + value.length() + ": longer than " + maxLength);
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F || c == 0xFFFE || c == 0xFFFF)
            {
                throw new IllegalArgumentException(name + ".char=" + (int)c + ": control characters cannot be signed");
            }
        }
        if (!value.equals(value.strip()))
        {
            throw new IllegalArgumentException(name +
                ": leading or trailing whitespace is lost by JD's signature step");
        }
    }

    static void optionalUrl(final String name, final String value)
    {
        if (null == value)
        {
            return;
        }
        optionalText(name, value, MAX_URL);
        if ((!value.startsWith("https://") && !value.startsWith("http://")) || value.indexOf(' ') >= 0)
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be an http(s) URL");
        }
    }

    /** Empty strings count as absent (JD writes absent optional fields as empty elements). */
    static String emptyToNull(final String value)
    {
        return null == value || value.isEmpty() ? null : value;
    }

    private static void ascii(final String name, final String value, final int maxLength, final boolean punctuation)
    {
        if (null == value || value.isEmpty())
        {
            throw new IllegalArgumentException(name + "=<empty>: must be set");
        }
        if (value.length() > maxLength)
        {
            throw new IllegalArgumentException(name + ".length=" + value.length() + ": longer than " + maxLength);
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            final boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (punctuation && (c == '_' || c == '-'));
            if (!ok)
            {
                throw new IllegalArgumentException(name + "=" + value + ": only [A-Za-z0-9" +
                    (punctuation ? "_-" : "") + "]");
            }
        }
    }
}
