package io.hutong.sim.ledger;

/**
 * A consistent copy of one order, taken under the ledger's lock. Immutable and thread-safe.
 *
 * @param merchantId  the merchant the order belongs to ({@code null} for a payer hold, which has none).
 * @param orderNo     the merchant's order number.
 * @param kind        what the order is.
 * @param account     the consumer account (PAY, HOLD) or payee merchant (CREDIT); {@code null} when the code
 *                    named no account or the order is a reverse/release tombstone.
 * @param amount      the amount in fen.
 * @param state       the state at the time of the snapshot.
 * @param walletTxnId the wallet's transaction id.
 * @param refunded    the refunded total in fen.
 * @param createdAt   epoch milliseconds of creation.
 * @param finalAt     epoch milliseconds at which the current final state was reached, or -1 while not final.
 * @param decline     why a PAYERROR order was declined, else {@code null}.
 */
public record OrderSnapshot(
    String merchantId,
    String orderNo,
    OrderKind kind,
    String account,
    long amount,
    OrderState state,
    String walletTxnId,
    long refunded,
    long createdAt,
    long finalAt,
    Decline decline)
{
}
