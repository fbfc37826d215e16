package io.hutong.connector.unionpay;

import java.util.Map;

/**
 * Checks shared by the answer reader and the gateway request parser, each failing with a typed
 * {@link UnionPayMessageException}. Package-private, stateless.
 */
final class UnionPayMessages
{
    /** Longest received value echoed in a refusal message; the rest is cut so a hostile input cannot flood logs. */
    private static final int MAX_ECHO = 40;

    private UnionPayMessages()
    {
    }

    /**
     * Checks {@code sign_type} and {@code sign}.
     *
     * @param fields        the received fields.
     * @param keys          the keys whose peer half verifies.
     * @param absentMeansMd5 true for requests (the gateway defaults an absent {@code sign_type} to MD5); false for
     *                      answers, where an absent {@code sign_type} means "as configured".
     */
    static void checkSignature(final Map<String, String> fields, final UnionPayKeys keys, final boolean absentMeansMd5)
        throws UnionPayMessageException
    {
        final String sign = fields.get(UnionPayFields.SIGN);
        if (null == sign || sign.isEmpty())
        {
            throw new UnionPayMessageException(UnionPayMessageException.Reason.MISSING_SIGNATURE, "sign=<empty>");
        }
        final String declared = fields.get(UnionPayFields.SIGN_TYPE);
        final boolean absent = null == declared || declared.isEmpty();
        if (!absent || absentMeansMd5)
        {
            final UnionPaySignType type = UnionPaySignType.fromWireName(declared);
            if (null == type)
            {
                throw new UnionPayMessageException(
                    UnionPayMessageException.Reason.UNSUPPORTED_SIGN_TYPE, "sign_type=" + echo(declared));
            }
            if (type != keys.signType())
            {
                throw new UnionPayMessageException(UnionPayMessageException.Reason.SIGN_TYPE_MISMATCH,
                    "sign_type=" + type.wireName() + " expected=" + keys.signType().wireName());
            }
        }
        if (!UnionPaySign.verify(fields, keys))
        {
            throw new UnionPayMessageException(
                UnionPayMessageException.Reason.BAD_SIGNATURE, "sign_type=" + keys.signType().wireName());
        }
    }

    /**
     * @return the non-empty value of a field.
     */
    static String require(final Map<String, String> fields, final String name) throws UnionPayMessageException
    {
        final String value = fields.get(name);
        if (null == value || value.isEmpty())
        {
            throw new UnionPayMessageException(UnionPayMessageException.Reason.MISSING_FIELD, name + "=<empty>");
        }
        return value;
    }

    /**
     * Checks that an amount, if present, is a decimal integer in 0..2^31-1 (the gateway's Int).
     */
    static void optionalFee(final Map<String, String> fields, final String name) throws UnionPayMessageException
    {
        final String value = fields.get(name);
        if (null != value && !value.isEmpty() && parseFee(value) < 0)
        {
            throw new UnionPayMessageException(
                UnionPayMessageException.Reason.BAD_FIELD, name + "=" + echo(value) + ": not an amount in fen");
        }
    }

    /**
     * @param value a checked amount, or null.
     * @return the amount, or -1 when absent or not an amount.
     */
    static long feeOrMinusOne(final String value)
    {
        return null == value || value.isEmpty() ? -1 : parseFee(value);
    }

    /**
     * @return the amount, or -1 if the text is not 1-10 decimal digits or exceeds 2^31-1.
     */
    static long parseFee(final String value)
    {
        final int length = value.length();
        if (0 == length || length > 10)
        {
            return -1;
        }
        long fen = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = value.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            fen = fen * 10 + (c - '0');
        }
        return fen > Integer.MAX_VALUE ? -1 : fen;
    }

    /**
     * A received value for a refusal message, cut to {@value #MAX_ECHO} characters.
     */
    static String echo(final String value)
    {
        if (null == value)
        {
            return "null";
        }
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "...";
    }
}
