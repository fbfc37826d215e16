package io.hutong.connector;

/**
 * Cancel a pay whatever its state: the wallet undoes any debit and closes the order number for good, so a
 * late pay under it is refused. Sent when a payment's outcome stayed unknown past its window, and resent
 * until the wallet acknowledges it. Immutable.
 *
 * @param orderNo the order number of the pay.
 * @param amount  the pay's amount in fen (some wallets check it).
 */
public record ReverseCommand(String orderNo, long amount)
{
    /**
     * @throws IllegalArgumentException if a field breaks its rule.
     */
    public ReverseCommand
    {
        CommandChecks.orderNo("orderNo", orderNo);
        CommandChecks.amount("amount", amount);
    }
}
