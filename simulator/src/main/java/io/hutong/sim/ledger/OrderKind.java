package io.hutong.sim.ledger;

/**
 * What an order is in a simulated wallet's ledger. Immutable and thread-safe.
 */
public enum OrderKind
{
    /** A consumer-presented (CPM) payment: the consumer is debited, the merchant credited. */
    PAY,
    /** The payee leg of a merchant-presented (MPM) payment: a merchant of this wallet is credited. */
    CREDIT,
    /** The payer side of an MPM payment: the consumer's available balance is held until captured or released. */
    HOLD
}
