package io.hutong.connector;

/**
 * Tell the payer wallet to release the hold it placed on its consumer for an MPM payment whose credit
 * failed. Resent until acknowledged; releasing twice is harmless. Immutable.
 *
 * @param orderNo the payer wallet's reference of the held payment, as it gave it to the switch.
 * @param amount  the held amount in fen.
 */
public record ReleaseCommand(String orderNo, long amount)
{
    /**
     * @throws IllegalArgumentException if a field breaks its rule.
     */
    public ReleaseCommand
    {
        CommandChecks.orderNo("orderNo", orderNo);
        CommandChecks.amount("amount", amount);
    }
}
