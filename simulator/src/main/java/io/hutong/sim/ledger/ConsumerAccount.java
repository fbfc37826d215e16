package io.hutong.sim.ledger;

/**
 * One consumer account. Mutable; guarded by the owning {@link Ledger}'s lock.
 */
final class ConsumerAccount
{
    private static final long DAY_MS = 86_400_000L;
    // Limits count per day in China Standard Time, as the wallets do.
    private static final long UTC_PLUS_8_MS = 8 * 3_600_000L;

    final String id;
    final int number;
    final byte[] seed;
    long balance;
    long held;
    long perPaymentLimit;
    long dailyLimit;
    boolean frozen;
    private long day = Long.MIN_VALUE;
    private long spentToday;

    ConsumerAccount(final String id, final int number, final byte[] seed)
    {
        this.id = id;
        this.number = number;
        this.seed = seed;
    }

    static long dayOf(final long epochMs)
    {
        return Math.floorDiv(epochMs + UTC_PLUS_8_MS, DAY_MS);
    }

    /**
     * @return why a debit of {@code amount} on day {@code today} is refused, or null when it may go ahead.
     */
    Decline checkDebit(final long amount, final long today)
    {
        if (frozen)
        {
            return Decline.ACCOUNT_FROZEN;
        }
        if (perPaymentLimit > 0 && amount > perPaymentLimit)
        {
            return Decline.LIMIT_EXCEEDED;
        }
        if (dailyLimit > 0 && spentOn(today) + amount > dailyLimit)
        {
            return Decline.LIMIT_EXCEEDED;
        }
        if (balance - held < amount)
        {
            return Decline.INSUFFICIENT_FUNDS;
        }
        return null;
    }

    void spend(final long amount, final long today)
    {
        spentToday = spentOn(today) + amount;
        day = today;
    }

    /**
     * Gives back daily allowance for a payment undone the same day; one undone another day stays counted.
     */
    void unspend(final long amount, final long dayOfPayment)
    {
        if (day == dayOfPayment)
        {
            spentToday = Math.max(0, spentToday - amount);
        }
    }

    long spentOn(final long today)
    {
        return day == today ? spentToday : 0;
    }

    AccountSnapshot snapshot(final long today)
    {
        return new AccountSnapshot(id, number, balance, held, perPaymentLimit, dailyLimit, frozen, spentOn(today));
    }
}
