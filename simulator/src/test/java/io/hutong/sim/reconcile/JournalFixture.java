package io.hutong.sim.reconcile;

import io.hutong.core.journal.JournalFlow;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalReason;
import io.hutong.core.journal.JournalRecordEncoder;
import io.hutong.core.journal.JournalStatus;
import io.hutong.core.journal.JournalSyncMode;
import io.hutong.core.journal.JournalWriter;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Writes a hand-made switch journal the way the engine does (docs/journal.md): one record per hop, the wallets and
 * the order number on every hop from ROUTED on, the content hash on every hop. For reconciliation tests that need
 * a journal side the switch would never write. One thread.
 */
public final class JournalFixture implements AutoCloseable
{
    private final JournalWriter writer;
    private final UnsafeBuffer hash = new UnsafeBuffer(new byte[16]);

    /**
     * @param directory the journal directory, created if missing.
     */
    public JournalFixture(final Path directory)
    {
        writer = JournalWriter.open(directory, JournalSyncMode.NONE);
    }

    /**
     * @return a CPM payment to write hops of.
     */
    public Payment cpm(final long txnId, final String wallet, final String orderNo, final long amount)
    {
        return new Payment(JournalFlow.CPM, txnId, wallet, "alipay", orderNo, "pos-" + txnId, amount, txnId);
    }

    /**
     * @return an MPM payment (the payer is {@code wallet}, its hold {@code payerRef}) to write hops of.
     */
    public Payment mpm(
        final long txnId, final String payer, final String payee, final String orderNo, final String payerRef,
        final long amount)
    {
        return new Payment(JournalFlow.MPM, txnId, payer, payee, orderNo, payerRef, amount, txnId);
    }

    /**
     * An audit record, which reconciliation skips.
     */
    public void audit(final String detail)
    {
        writer.appendAudit(JournalHop.STARTED, detail);
    }

    @Override
    public void close()
    {
        writer.close();
    }

    /**
     * One payment's hops, appended as they are called.
     */
    public final class Payment
    {
        private final JournalFlow flow;
        private final long txnId;
        private final String wallet;
        private final String counterparty;
        private final String orderNo;
        private final String reference;
        private final long amount;
        private final long codeHash;
        private boolean routed;

        Payment(
            final JournalFlow flow, final long txnId, final String wallet, final String counterparty,
            final String orderNo, final String reference, final long amount, final long codeHash)
        {
            this.flow = flow;
            this.txnId = txnId;
            this.wallet = wallet;
            this.counterparty = counterparty;
            this.orderNo = orderNo;
            this.reference = reference;
            this.amount = amount;
            this.codeHash = codeHash;
        }

        /**
         * RECEIVED, DECODED and ROUTED.
         */
        public Payment routed()
        {
            hop(JournalHop.RECEIVED, JournalStatus.RECEIVED, JournalReason.NONE);
            hop(JournalHop.DECODED, JournalStatus.PENDING, JournalReason.NONE);
            routed = true;
            return hop(JournalHop.ROUTED, JournalStatus.PENDING, JournalReason.NONE);
        }

        /**
         * A call and its result, e.g. WALLET_SENT then WALLET_RESULT.
         */
        public Payment call(final JournalHop sent, final JournalHop result, final JournalStatus outcome)
        {
            hop(sent, JournalStatus.PENDING, JournalReason.NONE);
            return hop(result, outcome, JournalReason.NONE);
        }

        /**
         * FINAL then REPLIED with this status.
         */
        public Payment decided(final JournalStatus status, final JournalReason reason)
        {
            hop(JournalHop.FINAL, status, reason);
            return hop(JournalHop.REPLIED, status, reason);
        }

        /**
         * One hop.
         */
        public Payment hop(final JournalHop hop, final JournalStatus status, final JournalReason reason)
        {
            final JournalRecordEncoder record = writer.begin(hop, flow, txnId).amount(amount).currency(156)
                .terminalId("T0000").terminalTxnId(reference).status(status).reason(reason);
            hash.putLong(0, codeHash, ByteOrder.BIG_ENDIAN);
            hash.putLong(8, ~codeHash, ByteOrder.BIG_ENDIAN);
            record.contentHash(hash, 0);
            if (routed)
            {
                record.walletId(wallet).counterpartyWalletId(counterparty).walletOrderNo(orderNo);
            }
            writer.append();
            return this;
        }
    }
}
