package io.hutong.sim.reconcile;

import io.hutong.core.journal.JournalFlow;
import io.hutong.core.journal.JournalReason;
import io.hutong.core.journal.JournalStatus;

/**
 * One payment as the switch's journal tells it, folded from all its hop records by {@link JournalPayments}.
 * Immutable and thread-safe.
 *
 * @param switchTxnId  the switch's transaction id.
 * @param flow         CPM, MPM or REFUND.
 * @param wallet       the issuer (CPM, REFUND) or payer (MPM) wallet, or null when the payment was never routed.
 * @param counterparty the acquirer (CPM, REFUND) or payee (MPM) wallet, or null.
 * @param orderNo      the order number the switch gave the wallet (ROUTED hop): the PAY order at the issuer (CPM,
 *                     and the refunded order for REFUND) or the CREDIT order at the payee (MPM); null when never
 *                     routed.
 * @param reference    the terminal's transaction id (CPM, REFUND) or the payer wallet's reference, which is the
 *                     payer hold's order number (MPM).
 * @param amount       fen.
 * @param status       the status of the last FINAL hop (APPROVED, DECLINED, REVERSED), or null when none yet.
 * @param reason       the reason of the last FINAL hop, or null.
 * @param walletCalled whether the switch ever sent the payment's wallet leg (WALLET_SENT, CREDIT_SENT, REFUND_SENT,
 *                     or a query or reverse of it).
 * @param settled      whether the payment is final and the switch has no wallet call outstanding for it (the last
 *                     hop is FINAL, or a wallet result that the switch will not retry, such as an acknowledged
 *                     release of the payer's hold).
 * @param codeHashHigh first 8 bytes of the request's content hash (CPM: amount, merchant and the consumer code), 0
 *                     when unknown.
 * @param codeHashLow  last 8 bytes of that hash.
 */
public record SwitchPayment(
    long switchTxnId,
    JournalFlow flow,
    String wallet,
    String counterparty,
    String orderNo,
    String reference,
    long amount,
    JournalStatus status,
    JournalReason reason,
    boolean walletCalled,
    boolean settled,
    long codeHashHigh,
    long codeHashLow)
{
    /**
     * @return true when the last FINAL hop says APPROVED.
     */
    public boolean approved()
    {
        return JournalStatus.APPROVED == status;
    }

    /**
     * @return the payment in a finding's words: {@code CPM DECLINED TIMEOUT 1234 fen, wallet called}.
     */
    public String describe()
    {
        final StringBuilder text = new StringBuilder(64).append(flow).append(' ')
            .append(null == status ? "not final" : status.name());
        if (null != reason && JournalReason.NONE != reason)
        {
            text.append(' ').append(reason.name());
        }
        text.append(' ').append(amount).append(" fen");
        if (null != status && !settled)
        {
            text.append(", wallet call outstanding");
        }
        text.append(walletCalled ? ", wallet called" : ", wallet never called");
        return text.toString();
    }
}
