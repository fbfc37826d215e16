package io.hutong.core.settlement;

/**
 * The inter-wallet obligations of the day: {@code owed(debtor, creditor)} is what the debtor wallet (which took
 * money from its consumers) owes the creditor wallet (whose merchants were paid), in fen. A CPM payment
 * approved by issuer I at a merchant acquired by A adds to (I, A); an MPM payment approved with payer P and
 * payee Q adds to (P, Q); reversals and refunds subtract. Payments within one wallet are not obligations.
 * <p>
 * Single-writer (the engine thread, or a replay); no allocation.
 */
public final class Positions
{
    private final int wallets;
    private final long[] owed;

    /**
     * @param wallets number of wallet slots.
     */
    public Positions(final int wallets)
    {
        this.wallets = wallets;
        this.owed = new long[wallets * wallets];
    }

    /**
     * @param debtor   the wallet that holds the consumer's money.
     * @param creditor the wallet whose merchant is owed.
     * @param amount   fen; negative to undo.
     */
    public void add(final int debtor, final int creditor, final long amount)
    {
        if (debtor != creditor)
        {
            owed[debtor * wallets + creditor] += amount;
        }
    }

    /**
     * @param debtor   a wallet slot.
     * @param creditor a wallet slot.
     * @return the gross amount the debtor owes the creditor.
     */
    public long owed(final int debtor, final int creditor)
    {
        return owed[debtor * wallets + creditor];
    }

    /**
     * @param a a wallet slot.
     * @param b a wallet slot.
     * @return what {@code a} owes {@code b} after netting both directions (negative: {@code b} owes {@code a}).
     */
    public long net(final int a, final int b)
    {
        return owed(a, b) - owed(b, a);
    }

    /**
     * @return number of wallet slots.
     */
    public int wallets()
    {
        return wallets;
    }

    /**
     * Forget everything (a new settlement day).
     */
    public void clear()
    {
        java.util.Arrays.fill(owed, 0);
    }
}
