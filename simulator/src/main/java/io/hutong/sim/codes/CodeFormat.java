package io.hutong.sim.codes;

/**
 * The digit layout of one wallet's one-time consumer codes, as a phone makes them offline:
 *
 * <pre>
 *   prefix | account number | time | counter | check digits
 *   "10"   | 000042         | 517  | 03      | 48213     (WeChat: 18 digits)
 *          | 6 digits       | 3    | 2       | the rest (4..18)
 * </pre>
 *
 * <ul>
 *   <li>prefix: the lowest prefix of the wallet's numeric rule in the participant registry;</li>
 *   <li>time: the epoch second of creation modulo 1000 (the wallet takes the latest such second not more than
 *       {@link #FUTURE_SKEW_SECONDS} ahead of its clock, so a code says exactly when it was made);</li>
 *   <li>counter: 00-49 for codes made by phones (load generators), 50-99 for codes issued by {@code /sim/codes};</li>
 *   <li>check digits: {@link OfflineCodes#checkDigits}.</li>
 * </ul>
 *
 * Immutable and thread-safe.
 *
 * @param prefix the leading digits.
 * @param length the total number of digits.
 */
public record CodeFormat(String prefix, int length)
{
    /** Digits of the account number. */
    public static final int ACCOUNT_DIGITS = 6;
    /** Digits of the creation time (epoch second modulo 1000). */
    public static final int TIME_DIGITS = 3;
    /** Digits of the per-second counter. */
    public static final int COUNTER_DIGITS = 2;
    /** Counters 0 .. this-1 are made by phones; the rest by {@code /sim/codes}. */
    public static final int PHONE_COUNTERS = 50;
    /** Number of counter values per account and second. */
    public static final int COUNTERS = 100;
    /** Largest account number. */
    public static final int MAX_ACCOUNT_NUMBER = 999_999;
    /** Lifetime of a code in seconds. */
    public static final int TTL_SECONDS = 60;
    /** How far ahead of the wallet's clock a phone's clock may be, in seconds. */
    public static final int FUTURE_SKEW_SECONDS = 5;
    /** Fewest check digits a layout may leave. */
    public static final int MIN_CHECK_DIGITS = 4;
    /** Most check digits (a 63-bit value has 18 whole decimal digits). */
    public static final int MAX_CHECK_DIGITS = 18;

    /**
     * Validates the layout.
     *
     * @throws IllegalArgumentException with a {@code name=value: reason} message.
     */
    public CodeFormat
    {
        if (null == prefix || prefix.isEmpty() || prefix.length() > 10 || !isDigits(prefix))
        {
            throw new IllegalArgumentException("prefix=" + prefix + ": must be 1-10 digits");
        }
        final int checkDigits = length - prefix.length() - ACCOUNT_DIGITS - TIME_DIGITS - COUNTER_DIGITS;
        if (checkDigits < MIN_CHECK_DIGITS || checkDigits > MAX_CHECK_DIGITS)
        {
            throw new IllegalArgumentException("length=" + length + ": leaves " + checkDigits +
                " check digits after prefix, account, time and counter; must be " + MIN_CHECK_DIGITS + ".." +
                MAX_CHECK_DIGITS);
        }
    }

    /**
     * @return the number of check digits at the end of a code.
     */
    public int checkDigits()
    {
        return length - prefix.length() - ACCOUNT_DIGITS - TIME_DIGITS - COUNTER_DIGITS;
    }

    /**
     * @return the offset of the account number in a code.
     */
    public int accountOffset()
    {
        return prefix.length();
    }

    /**
     * @return the offset of the time digits in a code.
     */
    public int timeOffset()
    {
        return prefix.length() + ACCOUNT_DIGITS;
    }

    /**
     * @return the offset of the counter digits in a code.
     */
    public int counterOffset()
    {
        return timeOffset() + TIME_DIGITS;
    }

    /**
     * @return the offset of the check digits in a code.
     */
    public int checkOffset()
    {
        return counterOffset() + COUNTER_DIGITS;
    }

    static boolean isDigits(final CharSequence text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return true;
    }
}
