package io.hutong.sim.codes;

import java.util.Arrays;
import javax.crypto.Mac;

/**
 * One wallet's consumer codes: checks a scanned code against its account's seed, its lifetime and the codes already
 * used, and issues codes for {@code /sim/codes}. Every check is O(1): one HMAC, then one bit in a per-account ring
 * of used counters per second, so no code needs remembering beyond its 60 s life and nothing allocates once an
 * account's ring exists.
 *
 * <pre>
 *   slot[number] -- mac (keyed with the seed, made once)
 *                -- ringSecond[128]  second held by each ring entry (second mod 128)
 *                -- ringUsed[128*2]  100 counter bits per second
 * </pre>
 *
 * Not thread-safe: the owning {@link io.hutong.sim.ledger.Ledger} calls it under its lock.
 */
public final class CodeBook
{
    /** {@link #check} result: the code is malformed, names no account, or its check digits are wrong. */
    public static final int INVALID = -1;
    /** {@link #check} result: the code is older than {@link CodeFormat#TTL_SECONDS}. */
    public static final int EXPIRED = -2;
    /** {@link #check} result: the code was used before. */
    public static final int USED = -3;
    /** {@link #issue} result when the account already has every issuable code of this second. */
    public static final String EXHAUSTED = null;

    private static final int RING = 128;
    private static final int WORDS = 2;

    private final CodeFormat format;
    private final byte[] scratch;
    private Slot[] slots = new Slot[64];

    /**
     * @param format the wallet's code layout.
     */
    public CodeBook(final CodeFormat format)
    {
        this.format = format;
        this.scratch = new byte[OfflineCodes.messageLength(format) + 32];
    }

    /**
     * @return the code layout.
     */
    public CodeFormat format()
    {
        return format;
    }

    /**
     * Registers an account's seed.
     *
     * @param number the account number, 1..999999.
     * @param seed   the seed; a new seed for a known number replaces the old one and forgets its used codes.
     */
    public void register(final int number, final byte[] seed)
    {
        if (number < 1 || number > CodeFormat.MAX_ACCOUNT_NUMBER)
        {
            throw new IllegalArgumentException("number=" + number + ": must be 1.." + CodeFormat.MAX_ACCOUNT_NUMBER);
        }
        if (number >= slots.length)
        {
            slots = Arrays.copyOf(slots, Math.max(number + 1, slots.length * 2));
        }
        slots[number] = new Slot(OfflineCodes.newMac(seed));
    }

    /**
     * Checks a scanned code and, when it is good, marks it used (a code is consumed by its first use even if the
     * payment then fails).
     *
     * @param code  the scanned digits.
     * @param nowMs the wallet's clock, epoch milliseconds.
     * @return the account number (&gt; 0), or {@link #INVALID}, {@link #EXPIRED} or {@link #USED}.
     */
    public int check(final CharSequence code, final long nowMs)
    {
        if (null == code || code.length() != format.length() || !CodeFormat.isDigits(code) ||
            !startsWith(code, format.prefix()))
        {
            return INVALID;
        }
        final int number = (int)OfflineCodes.parseDigits(code, format.accountOffset(), CodeFormat.ACCOUNT_DIGITS);
        final Slot slot = number < slots.length ? slots[number] : null;
        if (null == slot)
        {
            return INVALID;
        }
        final long nowSecond = Math.floorDiv(nowMs, 1000L);
        final long residue = OfflineCodes.parseDigits(code, format.timeOffset(), CodeFormat.TIME_DIGITS);
        final long horizon = nowSecond + CodeFormat.FUTURE_SKEW_SECONDS;
        final long second = horizon - Math.floorMod(horizon - residue, 1000L);
        final int counter = (int)OfflineCodes.parseDigits(code, format.counterOffset(), CodeFormat.COUNTER_DIGITS);
        final long check = OfflineCodes.parseDigits(code, format.checkOffset(), format.checkDigits());
        if (check != OfflineCodes.checkDigits(slot.mac, format, number, second, counter, scratch))
        {
            return INVALID;
        }
        if (nowSecond - second > CodeFormat.TTL_SECONDS)
        {
            return EXPIRED;
        }
        return slot.markUsed(second, counter) ? number : USED;
    }

    /**
     * Issues a fresh code for an account, as {@code /sim/codes} does: the next server counter (50..99) of the
     * current second.
     *
     * @param number the account number.
     * @param nowMs  the wallet's clock, epoch milliseconds.
     * @return the code, or {@link #EXHAUSTED} when the account got 50 codes this second already.
     * @throws IllegalArgumentException when the account is not registered.
     */
    public String issue(final int number, final long nowMs)
    {
        final Slot slot = number > 0 && number < slots.length ? slots[number] : null;
        if (null == slot)
        {
            throw new IllegalArgumentException("number=" + number + ": not registered");
        }
        final long second = Math.floorDiv(nowMs, 1000L);
        if (slot.issueSecond != second)
        {
            slot.issueSecond = second;
            slot.issueCounter = CodeFormat.PHONE_COUNTERS;
        }
        if (slot.issueCounter >= CodeFormat.COUNTERS)
        {
            return EXHAUSTED;
        }
        final int counter = slot.issueCounter++;
        final long check = OfflineCodes.checkDigits(slot.mac, format, number, second, counter, scratch);
        final char[] code = new char[format.length()];
        format.prefix().getChars(0, format.prefix().length(), code, 0);
        OfflineCodes.putDigits(code, format.accountOffset(), CodeFormat.ACCOUNT_DIGITS, number);
        OfflineCodes.putDigits(code, format.timeOffset(), CodeFormat.TIME_DIGITS, Math.floorMod(second, 1000L));
        OfflineCodes.putDigits(code, format.counterOffset(), CodeFormat.COUNTER_DIGITS, counter);
        OfflineCodes.putDigits(code, format.checkOffset(), format.checkDigits(), check);
        return new String(code);
    }

    private static boolean startsWith(final CharSequence code, final String prefix)
    {
        for (int i = 0; i < prefix.length(); i++)
        {
            if (code.charAt(i) != prefix.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * One account's HMAC and used-code ring. The ring is made on the first use, so idle accounts cost one Mac.
     */
    private static final class Slot
    {
        private final Mac mac;
        private long[] ringSecond;
        private long[] ringUsed;
        private long issueSecond = Long.MIN_VALUE;
        private int issueCounter;

        Slot(final Mac mac)
        {
            this.mac = mac;
        }

        /**
         * @return true when the (second, counter) pair was not used before; it is used now.
         */
        boolean markUsed(final long second, final int counter)
        {
            if (null == ringSecond)
            {
                ringSecond = new long[RING];
                Arrays.fill(ringSecond, Long.MIN_VALUE);
                ringUsed = new long[RING * WORDS];
            }
            final int entry = (int)(second & (RING - 1));
            if (ringSecond[entry] != second)
            {
                // The ring is longer than a code's life plus the clock skew, so the second it held has expired.
                ringSecond[entry] = second;
                for (int w = 0; w < WORDS; w++)
                {
                    ringUsed[entry * WORDS + w] = 0;
                }
            }
            final int word = entry * WORDS + (counter >>> 6);
            final long bit = 1L << (counter & 63);
            if (0 != (ringUsed[word] & bit))
            {
                return false;
            }
            ringUsed[word] |= bit;
            return true;
        }
    }
}
