package io.hutong.connector;

/**
 * Field rules shared by the wallet command records, chosen so that every participating wallet's API accepts
 * the values as they are: order numbers fit WeChat's 32-character {@code out_trade_no}, amounts are whole
 * fen within every wallet's range.
 */
final class CommandChecks
{
    /** Longest order or refund number: WeChat's {@code out_trade_no} and {@code out_refund_no} take 32. */
    static final int MAX_ORDER_NO_LENGTH = 32;
    /** Largest amount in fen (999,999,999.99 CNY), the GM interface's bound and beyond any wallet's limit. */
    static final long MAX_AMOUNT = 99_999_999_999L;
    /** Longest consumer code: an EMV consumer-presented payload is at most 512 bytes of base64 text. */
    static final int MAX_AUTH_CODE_LENGTH = 512;
    /** Longest payment subject (characters), the GM interface's and Alipay's bound. */
    static final int MAX_SUBJECT_LENGTH = 128;

    private CommandChecks()
    {
    }

    static String orderNo(final String name, final String value)
    {
        if (null == value || value.isEmpty() || value.length() > MAX_ORDER_NO_LENGTH)
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be 1-" + MAX_ORDER_NO_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '-'))
            {
                throw new IllegalArgumentException(name + "=" + value + ": only [0-9A-Za-z_-] allowed");
            }
        }
        return value;
    }

    static long amount(final String name, final long value)
    {
        if (value <= 0 || value > MAX_AMOUNT)
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be 1.." + MAX_AMOUNT + " fen");
        }
        return value;
    }

    static String text(final String name, final String value, final int maxLength)
    {
        if (null == value || value.isEmpty() || value.length() > maxLength)
        {
            throw new IllegalArgumentException(name + ": must be 1-" + maxLength + " characters, was " +
                (null == value ? "null" : value.length()));
        }
        return value;
    }

    static WalletOperation createdBy(final String name, final WalletOperation operation)
    {
        if (WalletOperation.PAY != operation && WalletOperation.CREDIT != operation)
        {
            throw new IllegalArgumentException(name + "=" + operation + ": must be PAY or CREDIT");
        }
        return operation;
    }

    /**
     * Consumer codes are checked for shape only and never echoed: a full code must not reach an exception
     * message, so a log line of one cannot leak it.
     */
    static String authCode(final String value)
    {
        if (null == value || value.isEmpty() || value.length() > MAX_AUTH_CODE_LENGTH)
        {
            throw new IllegalArgumentException("authCode.length=" + (null == value ? "null" : value.length()) +
                ": must be 1-" + MAX_AUTH_CODE_LENGTH);
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c <= ' ' || c > '~')
            {
                throw new IllegalArgumentException("authCode[" + i + "]: not printable ASCII");
            }
        }
        return value;
    }

    /**
     * A code masked for logs: first 6 and last 4 characters at most, the rest as '*'.
     */
    static String mask(final String code)
    {
        final int n = code.length();
        if (n <= 10)
        {
            return "*".repeat(n);
        }
        return code.substring(0, 6) + "*".repeat(n - 10) + code.substring(n - 4);
    }
}
