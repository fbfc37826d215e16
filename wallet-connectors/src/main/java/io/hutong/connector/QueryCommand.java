package io.hutong.connector;

/**
 * Ask for the state of an earlier pay or credit under the switch's order number. Immutable.
 *
 * @param orderNo the order number the pay or credit was sent with.
 */
public record QueryCommand(String orderNo)
{
    /**
     * @throws IllegalArgumentException if the order number breaks its rule.
     */
    public QueryCommand
    {
        CommandChecks.orderNo("orderNo", orderNo);
    }
}
