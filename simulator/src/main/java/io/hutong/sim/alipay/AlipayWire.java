package io.hutong.sim.alipay;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The field formats of the Alipay trade APIs as the simulated gateway reads and writes them (alipay.trade.pay,
 * query, cancel, refund references): amounts in yuan with at most two decimals, times as
 * {@code yyyy-MM-dd HH:mm:ss} China Standard Time, order numbers, payment codes and buyer ids. Stateless and
 * thread-safe.
 */
final class AlipayWire
{
    /** Returned by {@link #fen} for text that is not a yuan amount. */
    static final long NOT_AN_AMOUNT = -1;
    /** Alipay's largest amount in one trade: 100,000,000.00 yuan, in fen. */
    static final long MAX_FEN = 10_000_000_000L;

    private static final Pattern YUAN = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,2})?");
    private static final Pattern ORDER_NO = Pattern.compile("[0-9A-Za-z_]{1,64}");
    private static final Pattern AUTH_CODE = Pattern.compile("[0-9]{16,24}");
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private AlipayWire()
    {
    }

    /**
     * @param yuan an amount as sent, e.g. {@code 12.3} or {@code 12.34}.
     * @return the amount in fen, or {@link #NOT_AN_AMOUNT} when the text is not digits with at most two decimals
     *         (signs, exponents and more decimals are refused rather than rounded).
     */
    static long fen(final String yuan)
    {
        if (null == yuan || !YUAN.matcher(yuan).matches())
        {
            return NOT_AN_AMOUNT;
        }
        final int dot = yuan.indexOf('.');
        if (dot < 0)
        {
            return Long.parseLong(yuan) * 100;
        }
        final String decimals = yuan.substring(dot + 1);
        final long cents = Long.parseLong(decimals) * (1 == decimals.length() ? 10 : 1);
        return Long.parseLong(yuan.substring(0, dot)) * 100 + cents;
    }

    /**
     * @param fen an amount in fen, not negative.
     * @return the yuan string with exactly two decimals, e.g. 1 -&gt; {@code 0.01}.
     */
    static String yuan(final long fen)
    {
        final long cents = fen % 100;
        return (fen / 100) + (cents < 10 ? ".0" : ".") + cents;
    }

    /**
     * @param epochMs epoch milliseconds.
     * @return the Alipay time text, e.g. {@code 2026-01-31 09:30:00}.
     */
    static String time(final long epochMs)
    {
        return TIME.format(Instant.ofEpochMilli(epochMs));
    }

    /**
     * @param text a timestamp as a client sent it.
     * @return true when it is {@code yyyy-MM-dd HH:mm:ss}.
     */
    static boolean isTime(final String text)
    {
        if (null == text || text.length() != 19)
        {
            return false;
        }
        try
        {
            TIME.parse(text);
            return true;
        }
        catch (final RuntimeException ex)
        {
            return false;
        }
    }

    /**
     * @param value an {@code out_trade_no} or {@code out_request_no}.
     * @return true for 1-64 letters, digits or underscores.
     */
    static boolean isOrderNo(final String value)
    {
        return null != value && ORDER_NO.matcher(value).matches();
    }

    /**
     * @param value an {@code auth_code}.
     * @return true for 16-24 digits (the auth_code field definition); whether it is a live code is the code book's
     *         business.
     */
    static boolean isAuthCode(final String value)
    {
        return null != value && AUTH_CODE.matcher(value).matches();
    }

    /**
     * @param account the consumer account id.
     * @return the masked login Alipay shows merchants ({@code buyer_logon_id}), e.g. {@code c00***@sim}.
     */
    static String buyerLogonId(final String account)
    {
        return account.substring(0, Math.min(3, account.length())) + "***@sim";
    }

    /**
     * @param accountNumber the consumer's account number.
     * @return a {@code buyer_user_id} in Alipay's form: {@code 2088} and 12 digits.
     */
    static String buyerUserId(final int accountNumber)
    {
        final String digits = Integer.toString(accountNumber);
        final StringBuilder id = new StringBuilder(16).append("2088");
        for (int i = digits.length(); i < 12; i++)
        {
            id.append('0');
        }
        return id.append(digits).toString();
    }
}
