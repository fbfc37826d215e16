package io.hutong.connector.wechat;

import java.util.LinkedHashMap;

/**
 * Field validation and the common header shared by the request records. Package-private, stateless.
 */
final class WeChatChecks
{
    /** {@code out_trade_no} and {@code out_refund_no}: WeChat allows digits, letters and {@code _-|*}. */
    static final int MAX_OUT_TRADE_NO = 32;
    static final int MAX_OUT_REFUND_NO = 64;
    static final int MAX_BODY = 128;
    static final int AUTH_CODE_LENGTH = 18;

    private WeChatChecks()
    {
    }

    static void orderNo(final String name, final String value, final int maxLength)
    {
        notEmpty(name, value);
        if (value.length() > maxLength)
        {
            throw new IllegalArgumentException(name + "=" + value + ": longer than " + maxLength);
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            final boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                c == '_' || c == '-' || c == '|' || c == '*';
            if (!ok)
            {
                throw new IllegalArgumentException(name + "=" + value + ": only [A-Za-z0-9_-|*] allowed");
            }
        }
    }

    static void token(final String name, final String value, final int maxLength)
    {
        notEmpty(name, value);
        if (value.length() > maxLength)
        {
            throw new IllegalArgumentException(name + "=" + value + ": longer than " + maxLength);
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7F)
            {
                throw new IllegalArgumentException(name + "=" + value + ": only printable ASCII allowed");
            }
        }
    }

    static void authCode(final String value)
    {
        notEmpty(WeChatFields.AUTH_CODE, value);
        boolean digits = value.length() == AUTH_CODE_LENGTH;
        for (int i = 0; digits && i < value.length(); i++)
        {
            digits = value.charAt(i) >= '0' && value.charAt(i) <= '9';
        }
        if (!digits)
        {
            // The code is a bearer credential: show only its length.
            throw new IllegalArgumentException(
                "auth_code.length=" + value.length() + ": must be " + AUTH_CODE_LENGTH + " digits");
        }
    }

    static void fee(final String name, final long fen)
    {
        if (fen <= 0 || fen > Integer.MAX_VALUE)
        {
            // WeChat's fee fields are Int: 1 .. 2^31-1 fen.
            throw new IllegalArgumentException(name + "=" + fen + ": must be in 1.." + Integer.MAX_VALUE);
        }
    }

    static void text(final String name, final String value, final int maxLength)
    {
        notEmpty(name, value);
        if (value.length() > maxLength)
        {
            throw new IllegalArgumentException(name + ".length=" + value.length() + ": longer than " + maxLength);
        }
    }

    static void ip(final String value)
    {
        token(WeChatFields.SPBILL_CREATE_IP, value, 64);
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            final boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
                c == '.' || c == ':';
            if (!ok)
            {
                throw new IllegalArgumentException("spbill_create_ip=" + value + ": not an IPv4 or IPv6 address");
            }
        }
    }

    static void notEmpty(final String name, final String value)
    {
        if (null == value || value.isEmpty())
        {
            throw new IllegalArgumentException(name + "=<empty>: must be set");
        }
    }

    /** Starts a request: appid, mch_id, nonce_str, sign_type (always sent, as the official SDK does). */
    static LinkedHashMap<String, String> header(final WeChatMerchant merchant, final String nonceStr)
    {
        token(WeChatFields.NONCE_STR, nonceStr, 32);
        final LinkedHashMap<String, String> params = new LinkedHashMap<>();
        params.put(WeChatFields.APPID, merchant.appId());
        params.put(WeChatFields.MCH_ID, merchant.mchId());
        params.put(WeChatFields.NONCE_STR, nonceStr);
        params.put(WeChatFields.SIGN_TYPE, merchant.signType().wireName());
        return params;
    }

    /** Adds {@code sign} last and returns the map. */
    static LinkedHashMap<String, String> signed(
        final LinkedHashMap<String, String> params, final WeChatMerchant merchant)
    {
        params.put(WeChatFields.SIGN, WeChatSign.sign(params, merchant.signType(), merchant.apiKey()));
        return params;
    }
}
