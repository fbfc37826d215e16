package io.hutong.sim.ledger;

/**
 * Operation counters of one ledger, copied under its lock, for metrics and tests. Immutable and thread-safe.
 *
 * @param orders       orders recorded (every kind, tombstones included).
 * @param pays         new payments (resends not counted).
 * @param paysDeclined new payments declined.
 * @param userPaying   new payments that waited for the consumer.
 * @param resends      resent payments, credits and holds answered from the ledger.
 * @param reversals    orders reversed (each order once).
 * @param refunds      refunds made (each refund number once).
 * @param credits      credits made.
 * @param holds        holds placed.
 * @param releases     holds released.
 * @param captures     holds captured.
 */
public record LedgerCounters(
    long orders,
    long pays,
    long paysDeclined,
    long userPaying,
    long resends,
    long reversals,
    long refunds,
    long credits,
    long holds,
    long releases,
    long captures)
{
}
