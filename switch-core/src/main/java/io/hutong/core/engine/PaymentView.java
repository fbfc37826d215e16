package io.hutong.core.engine;

import org.agrona.DirectBuffer;

/**
 * What a front end may read of a payment to answer its client: valid only during the
 * {@link ReplySink#reply} call that hands it over (the engine reuses the object).
 */
public interface PaymentView
{
    /**
     * @return the switch's id of the payment.
     */
    long switchTxnId();

    /**
     * @return CPM, MPM or REFUND.
     */
    Flow flow();

    /**
     * @return PENDING until final, then the final state.
     */
    FinalStatus status();

    /**
     * @return why it was declined or reversed; {@link Reason#NONE} otherwise.
     */
    Reason reason();

    /**
     * @return the amount in fen.
     */
    long amount();

    /**
     * @return the amount refunded so far (CPM payments).
     */
    long refundedAmount();

    /**
     * @return the wallet debited (CPM issuer, MPM payer), or null if none was routed.
     */
    String walletId();

    /**
     * @return the other wallet (CPM acquirer, MPM payee), or null.
     */
    String counterpartyWalletId();

    /**
     * @return the wallet's transaction id, or null; a view of the engine's own bytes (copy with {@code toString}).
     */
    CharSequence walletTxnId();

    /**
     * @return the wallet's own code for the outcome, or null; a view of the engine's own bytes.
     */
    CharSequence walletCode();

    /**
     * @return the terminal (or API client) id's bytes; read {@link #terminalIdLength()} of them.
     */
    DirectBuffer terminalId();

    /**
     * @return the terminal id's length.
     */
    int terminalIdLength();

    /**
     * @return the terminal txn id's bytes (CPM, REFUND) or the payer reference (MPM).
     */
    DirectBuffer terminalTxnId();

    /**
     * @return its length.
     */
    int terminalTxnIdLength();

    /**
     * @return the masked code (first 6 and last 4 characters at most), for receipts and logs.
     */
    DirectBuffer maskedCode();

    /**
     * @return its length.
     */
    int maskedCodeLength();

    /**
     * @return the epoch millisecond the switch received the payment.
     */
    long receivedAtMs();
}
