package io.hutong.connector;

/**
 * Cancel a pay (or an MPM credit) whatever its state: the wallet undoes any debit (or credit) and closes the
 * order number for good, so a late pay under it is refused. Sent when a payment's outcome stayed unknown past
 * its window, and resent until the wallet acknowledges it. Immutable.
 *
 * @param orderNo the order number of the pay or credit.
 * @param amount  its amount in fen (some wallets check it).
 * @param of      what created the order: {@link WalletOperation#PAY} or {@link WalletOperation#CREDIT} (then
 *                sent through the interop interface that made it).
 */
public record ReverseCommand(String orderNo, long amount, WalletOperation of)
{
    /**
     * @throws IllegalArgumentException if a field breaks its rule.
     */
    public ReverseCommand
    {
        CommandChecks.orderNo("orderNo", orderNo);
        CommandChecks.amount("amount", amount);
        CommandChecks.createdBy("of", of);
    }

    /**
     * A reverse of a pay.
     *
     * @param orderNo the pay's order number.
     * @param amount  its amount in fen.
     */
    public ReverseCommand(final String orderNo, final long amount)
    {
        this(orderNo, amount, WalletOperation.PAY);
    }
}
