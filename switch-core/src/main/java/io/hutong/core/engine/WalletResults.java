package io.hutong.core.engine;

import io.hutong.connector.WalletOperation;
import io.hutong.core.engine.command.WalletResultCodec;

/**
 * A wallet's answer arriving on the engine thread: matched to its payment by switch txn id (an answer for a
 * payment no longer waiting for one is counted stale and dropped), copied onto the payment (outcome, decline,
 * the wallet's code and txn id), timed per wallet, then handed to the flow that made the call.
 * <pre>
 *   PAY -&gt; CpmFlow   QUERY, REVERSE -&gt; CpmFlow or MpmFlow (journaled here)   REFUND -&gt; RefundFlow
 *   CREDIT, RELEASE -&gt; MpmFlow
 * </pre>
 * Engine thread only.
 */
final class WalletResults
{
    private final Engine engine;
    private final CpmFlow cpm;
    private final MpmFlow mpm;
    private final RefundFlow refunds;

    WalletResults(final Engine engine, final CpmFlow cpm, final MpmFlow mpm, final RefundFlow refunds)
    {
        this.engine = engine;
        this.cpm = cpm;
        this.mpm = mpm;
        this.refunds = refunds;
    }

    /**
     * @param result a wallet result message from the inbox.
     */
    void onResult(final WalletResultCodec result)
    {
        final Payment payment = engine.table.byId(result.correlationId());
        if (null == payment || !payment.callInFlight)
        {
            engine.counters.staleResults++;
            return;
        }
        payment.callInFlight = false;
        engine.counters.recordWalletCall(WalletOperation.RELEASE == result.operation() ||
            Flow.MPM != payment.flow ? payment.walletIndex : payment.counterpartyIndex,
            (System.nanoTime() - payment.callStartNs) / 1_000);
        payment.lastOutcome = result.status();
        payment.lastDecline = result.reason();
        payment.lastRequestSent = result.requestSent();
        if (result.walletCodeLength() > 0)
        {
            payment.walletCode.set(result.buffer(), result.walletCodeOffset(), result.walletCodeLength());
        }
        if (result.walletTxnIdLength() > 0)
        {
            payment.walletTxnId.set(result.buffer(), result.walletTxnIdOffset(), result.walletTxnIdLength());
        }
        switch (result.operation())
        {
            case PAY -> cpm.onPayResult(payment);
            case QUERY -> onQueryResult(payment);
            case REVERSE -> onReverseResult(payment);
            case REFUND -> refunds.onRefundResult(payment);
            case CREDIT -> mpm.onCreditResult(payment);
            case RELEASE -> mpm.onReleaseResult(payment);
            default -> engine.counters.staleResults++;
        }
    }

    private void onQueryResult(final Payment payment)
    {
        engine.journal.hop(Hop.QUERY_RESULT, payment);
        if (Flow.MPM == payment.flow)
        {
            mpm.onQueryResult(payment);
        }
        else
        {
            cpm.onQueryResult(payment);
        }
    }

    private void onReverseResult(final Payment payment)
    {
        engine.journal.hop(Hop.REVERSE_RESULT, payment);
        if (Flow.MPM == payment.flow)
        {
            mpm.onReverseResult(payment);
        }
        else
        {
            cpm.onReverseResult(payment);
        }
    }
}
