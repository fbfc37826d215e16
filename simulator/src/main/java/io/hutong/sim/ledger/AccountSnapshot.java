package io.hutong.sim.ledger;

/**
 * A consistent copy of one consumer account, taken under the ledger's lock. Immutable and thread-safe.
 *
 * @param account         the account id.
 * @param number          the account number carried in the account's offline payment codes.
 * @param balance         the balance in fen, holds and pending confirmations included.
 * @param held            the part of the balance held (payer holds) or reserved (payments being confirmed).
 * @param perPaymentLimit the largest single payment in fen, 0 for none.
 * @param dailyLimit      the most the account may pay per day (UTC+8) in fen, 0 for none.
 * @param frozen          true when the account may not pay.
 * @param spentToday      what the account paid today (UTC+8) in fen.
 */
public record AccountSnapshot(
    String account,
    int number,
    long balance,
    long held,
    long perPaymentLimit,
    long dailyLimit,
    boolean frozen,
    long spentToday)
{
    /**
     * @return the balance the consumer can spend: {@code balance - held}.
     */
    public long available()
    {
        return balance - held;
    }
}
