package io.hutong.connector.unionpay;

import java.util.LinkedHashMap;

/**
 * Field rules shared by the request records (client side) and the gateway request parser (server side), and the
 * common request header. Lengths follow the gateway's field tables (docs/wallet-unionpay.md). Package-private,
 * stateless.
 */
final class UnionPayChecks
{
    /** {@code mch_id}, {@code transaction_id}, {@code op_user_id}, {@code nonce_str}: String(32). */
    static final int MAX_ID = 32;
    /** {@code out_trade_no}, {@code out_refund_no}: String(32). */
    static final int MAX_ORDER_NO = 32;
    /** {@code body}: String(127). */
    static final int MAX_BODY = 127;
    /** {@code mch_create_ip}: String(16), an IPv4 address. */
    static final int MAX_IP = 16;
    /** {@code auth_code}: String(128). */
    static final int MAX_AUTH_CODE = 128;

    private UnionPayChecks()
    {
    }

    /** Letters, digits and '_' (the gateway's rule for merchant order numbers), 1..max. */
    static void orderNo(final String name, final String value)
    {
        notEmpty(name, value);
        if (value.length() > MAX_ORDER_NO)
        {
            throw new IllegalArgumentException(
                name + "=" + UnionPayMessages.echo(value) + ": longer than " + MAX_ORDER_NO);
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            final boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!ok)
            {
                throw new IllegalArgumentException(
                    name + "=" + UnionPayMessages.echo(value) + ": only [A-Za-z0-9_] allowed");
            }
        }
    }

    /** Printable ASCII without spaces, 1..max. */
    static void token(final String name, final String value, final int maxLength)
    {
        notEmpty(name, value);
        if (value.length() > maxLength)
        {
            throw new IllegalArgumentException(
                name + "=" + UnionPayMessages.echo(value) + ": longer than " + maxLength);
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7F)
            {
                throw new IllegalArgumentException(
                    name + "=" + UnionPayMessages.echo(value) + ": only printable ASCII allowed");
            }
        }
    }

    /** Free text without edge whitespace (it would not survive the XML reader) or control characters. */
    static void text(final String name, final String value, final int maxLength)
    {
        notEmpty(name, value);
        if (value.length() > maxLength)
        {
            throw new IllegalArgumentException(name + ".length=" + value.length() + ": longer than " + maxLength);
        }
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1)))
        {
            throw new IllegalArgumentException(name + ": leading or trailing whitespace");
        }
        for (int i = 0; i < value.length(); i++)
        {
            if (Character.isISOControl(value.charAt(i)))
            {
                throw new IllegalArgumentException(name + ": control character at " + i);
            }
        }
    }

    /**
     * A consumer code: digits (numeric codes) or base64 characters (an EMV CPM payload), 1..128. The message
     * shows only the length: the code is a bearer credential until it expires.
     */
    static void authCode(final String value)
    {
        final int length = null == value ? 0 : value.length();
        boolean ok = length > 0 && length <= MAX_AUTH_CODE;
        for (int i = 0; ok && i < length; i++)
        {
            final char c = value.charAt(i);
            ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                c == '+' || c == '/' || c == '=';
        }
        if (!ok)
        {
            throw new IllegalArgumentException(
                "auth_code.length=" + length + ": must be 1-" + MAX_AUTH_CODE + " digits or base64 characters");
        }
    }

    /** Dotted-quad IPv4, the only form String(16) can hold. */
    static void ipv4(final String value)
    {
        token(UnionPayFields.MCH_CREATE_IP, value, MAX_IP);
        int parts = 0;
        int digits = 0;
        int octet = 0;
        boolean ok = true;
        for (int i = 0; ok && i <= value.length(); i++)
        {
            final char c = i == value.length() ? '.' : value.charAt(i);
            if (c == '.')
            {
                ok = digits > 0 && octet <= 255;
                parts++;
                digits = 0;
                octet = 0;
            }
            else
            {
                ok = c >= '0' && c <= '9' && ++digits <= 3;
                octet = octet * 10 + (c - '0');
            }
        }
        if (!ok || parts != 4)
        {
            throw new IllegalArgumentException(
                "mch_create_ip=" + UnionPayMessages.echo(value) + ": not a dotted IPv4 address");
        }
    }

    /** Fee fields are Int in fen: 1 .. 2^31-1. */
    static void fee(final String name, final long fen)
    {
        if (fen <= 0 || fen > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException(name + "=" + fen + ": must be in 1.." + Integer.MAX_VALUE);
        }
    }

    /** A consumer code for logs: the first 6 and last 4 characters at most, the rest starred. */
    static String mask(final String code)
    {
        if (null == code)
        {
            return "null";
        }
        if (code.length() <= 10)
        {
            return "*".repeat(code.length());
        }
        return code.substring(0, 6) + "*".repeat(code.length() - 10) + code.substring(code.length() - 4);
    }

    static void notEmpty(final String name, final String value)
    {
        if (null == value || value.isEmpty())
        {
            throw new IllegalArgumentException(name + "=<empty>: must be set");
        }
    }

    /** Starts a request: service, version, charset, sign_type, mch_id (always sent, as the gateway's demos do). */
    static LinkedHashMap<String, String> header(final UnionPayService service, final UnionPayMerchant merchant)
    {
        final LinkedHashMap<String, String> params = new LinkedHashMap<>();
        params.put(UnionPayFields.SERVICE, service.wireName());
        params.put(UnionPayFields.VERSION, UnionPayFields.VERSION_2_0);
        params.put(UnionPayFields.CHARSET, UnionPayFields.CHARSET_UTF_8);
        params.put(UnionPayFields.SIGN_TYPE, merchant.signType().wireName());
        params.put(UnionPayFields.MCH_ID, merchant.mchId());
        return params;
    }

    /** Adds {@code nonce_str}, then {@code sign} last, and returns the map. */
    static LinkedHashMap<String, String> signed(
        final LinkedHashMap<String, String> params, final UnionPayMerchant merchant, final String nonceStr)
    {
        token(UnionPayFields.NONCE_STR, nonceStr, MAX_ID);
        params.put(UnionPayFields.NONCE_STR, nonceStr);
        params.put(UnionPayFields.SIGN, UnionPaySign.sign(params, merchant.keys()));
        return params;
    }
}
