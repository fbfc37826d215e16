package io.hutong.connector;

/**
 * Ask for the state of an earlier pay or credit under the switch's order number. Immutable.
 *
 * @param orderNo the order number the pay or credit was sent with.
 * @param of      what created the order: {@link WalletOperation#PAY} (the wallet's own API answers) or
 *                {@link WalletOperation#CREDIT} (an MPM credit: answered through the interop interface that
 *                made it).
 */
public record QueryCommand(String orderNo, WalletOperation of)
{
    /**
     * @throws IllegalArgumentException if the order number breaks its rule or {@code of} is neither PAY nor CREDIT.
     */
    public QueryCommand
    {
        CommandChecks.orderNo("orderNo", orderNo);
        CommandChecks.createdBy("of", of);
    }

    /**
     * A query of a pay.
     *
     * @param orderNo the pay's order number.
     */
    public QueryCommand(final String orderNo)
    {
        this(orderNo, WalletOperation.PAY);
    }
}
