package io.hutong.sim.reconcile;

/**
 * One disagreement between the switch's journal and a wallet's ledger, as the report lists it. Carries no consumer
 * code and no secret: order numbers, account ids and amounts only. Immutable and thread-safe.
 *
 * @param kind        what kind of disagreement.
 * @param switchTxnId the switch's payment, or 0 when no payment in the journal accounts for the order.
 * @param flow        the payment's flow ({@code CPM}, {@code MPM}, {@code REFUND}), or null without a payment.
 * @param wallet      the wallet whose ledger holds (or should hold) the order.
 * @param merchantId  the order's merchant at that wallet, or null (payer holds, or no order).
 * @param orderNo     the order number at that wallet, or null when the payment never got one.
 * @param journal     what the journal says, e.g. {@code CPM DECLINED TIMEOUT 1234 fen, wallet called}.
 * @param ledger      what the ledger says, e.g. {@code PAY SUCCESS 1234 fen account=c000001}, or {@code no order}.
 * @param rule        the rule broken, in words.
 */
public record Finding(
    FindingKind kind,
    long switchTxnId,
    String flow,
    String wallet,
    String merchantId,
    String orderNo,
    String journal,
    String ledger,
    String rule)
{
}
