package io.hutong.sim.ledger;

import java.util.HashMap;

/**
 * One merchant enrolled with a wallet: its settled balance, its orders by order number and its refunds by refund
 * number. Mutable; guarded by the owning {@link Ledger}'s lock.
 */
final class Merchant
{
    final String id;
    final HashMap<String, Order> orders = new HashMap<>();
    final HashMap<String, Refund> refunds = new HashMap<>();
    long balance;

    Merchant(final String id)
    {
        this.id = id;
    }

    /**
     * One refund, for idempotency by refund number.
     */
    record Refund(Order order, long amount, String refundId)
    {
    }
}
