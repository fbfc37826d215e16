package io.hutong.sim.reconcile;

import io.hutong.core.journal.JournalException;
import io.hutong.core.journal.JournalFlow;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalIndex;
import io.hutong.core.journal.JournalReader;
import io.hutong.core.journal.JournalReason;
import io.hutong.core.journal.JournalRecordDecoder;
import io.hutong.core.journal.JournalRecordHandler;
import io.hutong.core.journal.JournalStatus;
import io.hutong.core.journal.JournalText;
import org.agrona.collections.Long2ObjectHashMap;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Folds a switch journal into one {@link SwitchPayment} per switch transaction id: flow, wallets, the order number
 * given to the wallet, the last FINAL status, whether a wallet call was ever sent, and whether the switch still has
 * work outstanding. Opens the journal read-only (safe on a live journal) and reads every day present; audit events
 * are skipped. Strings are made only for the few text fields it keeps, so a million-hop journal reads in seconds.
 * <p>
 * A malformed record stops the read ({@link ReconcileInputException}): a damaged journal cannot be reconciled, and
 * {@code hutong journal verify} says where it is damaged. Stateless and thread-safe.
 */
public final class JournalPayments
{
    private JournalPayments()
    {
    }

    /**
     * @param directory the journal directory ({@code DATA/journal}).
     * @return every payment in it, by switch transaction id.
     * @throws ReconcileInputException when the directory is missing, not a journal, or holds a malformed record.
     */
    public static List<SwitchPayment> read(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            throw new ReconcileInputException("journal=" + directory + ": no such directory");
        }
        final Folder folder = new Folder(directory);
        try (JournalReader reader = JournalReader.openReadOnly(directory))
        {
            reader.replay(folder);
        }
        catch (final JournalException ex)
        {
            throw new ReconcileInputException("journal=" + directory + ": cannot read (" + ex.getMessage() + ")", ex);
        }
        return folder.payments();
    }

    /**
     * Accumulates hop records per transaction. Reading thread only.
     */
    private static final class Folder implements JournalRecordHandler
    {
        private final Path directory;
        private final Long2ObjectHashMap<Builder> byTxnId = new Long2ObjectHashMap<>();

        Folder(final Path directory)
        {
            this.directory = directory;
        }

        @Override
        public void onRecord(final long index, final JournalRecordDecoder record)
        {
            final JournalFlow flow = record.flow();
            final JournalHop hop = record.hop();
            final long txnId = record.switchTxnId();
            if (0 == txnId || null == flow || JournalFlow.ADMIN == flow || null == hop)
            {
                return;
            }
            Builder payment = byTxnId.get(txnId);
            if (null == payment)
            {
                payment = new Builder(txnId, flow);
                byTxnId.put(txnId, payment);
            }
            payment.add(hop, record);
        }

        @Override
        public void onMalformed(final long index, final JournalRecordDecoder record)
        {
            throw new ReconcileInputException("journal=" + directory + " index=" + JournalIndex.format(index) +
                ": malformed record (" + record.error() + "); run `hutong journal verify`");
        }

        List<SwitchPayment> payments()
        {
            final List<SwitchPayment> payments = new ArrayList<>(byTxnId.size());
            for (final Builder builder : byTxnId.values())
            {
                payments.add(builder.build());
            }
            payments.sort(Comparator.comparingLong(SwitchPayment::switchTxnId));
            return payments;
        }
    }

    /**
     * One payment being folded. Reading thread only.
     */
    private static final class Builder
    {
        private final long switchTxnId;
        private final JournalFlow flow;
        private String wallet;
        private String counterparty;
        private String orderNo;
        private String reference;
        private long amount;
        private JournalStatus status;
        private JournalReason reason;
        private boolean walletCalled;
        private JournalHop lastHop;
        private JournalStatus lastStatus;
        private long codeHashHigh;
        private long codeHashLow;

        Builder(final long switchTxnId, final JournalFlow flow)
        {
            this.switchTxnId = switchTxnId;
            this.flow = flow;
        }

        void add(final JournalHop hop, final JournalRecordDecoder record)
        {
            amount = record.amount();
            // The engine writes the wallets, order number and reference on every hop once known: take them from the
            // first record that has them, so a journal whose older days were archived still yields them.
            if (null == wallet && record.textLength(JournalText.WALLET_ID) > 0)
            {
                wallet = record.walletId();
            }
            if (null == counterparty && record.textLength(JournalText.COUNTERPARTY_WALLET_ID) > 0)
            {
                counterparty = record.counterpartyWalletId();
            }
            if (null == orderNo && record.textLength(JournalText.WALLET_ORDER_NO) > 0)
            {
                orderNo = record.walletOrderNo();
            }
            if (null == reference && record.textLength(JournalText.TERMINAL_TXN_ID) > 0)
            {
                reference = record.terminalTxnId();
            }
            switch (hop)
            {
                case RECEIVED ->
                {
                    final int at = record.contentHashOffset();
                    codeHashHigh = record.buffer().getLong(at, ByteOrder.BIG_ENDIAN);
                    codeHashLow = record.buffer().getLong(at + Long.BYTES, ByteOrder.BIG_ENDIAN);
                }
                case WALLET_SENT, CREDIT_SENT, REFUND_SENT, QUERY_SENT, REVERSE_SENT -> walletCalled = true;
                case FINAL ->
                {
                    status = record.status();
                    reason = record.reason();
                }
                default ->
                {
                }
            }
            if (JournalHop.REPLIED != hop)
            {
                // Replies are written after the batch's wallet calls, so they say nothing about outstanding work.
                lastHop = hop;
                lastStatus = record.status();
            }
        }

        SwitchPayment build()
        {
            return new SwitchPayment(switchTxnId, flow, wallet, counterparty, orderNo, reference, amount, status,
                reason, walletCalled, settled(), codeHashHigh, codeHashLow);
        }

        /**
         * Final, and nothing more will be sent: the last hop is FINAL, or (MPM after a decline or reversal) the payer
         * wallet's answer to the release of its hold, accepted or refused for good. Anything else after the last
         * FINAL (a void's reversal, a release being retried) is work in progress.
         */
        private boolean settled()
        {
            if (null == status)
            {
                return false;
            }
            return JournalHop.FINAL == lastHop || (JournalHop.RELEASE_RESULT == lastHop &&
                (JournalStatus.WALLET_APPROVED == lastStatus || JournalStatus.WALLET_DECLINED == lastStatus));
        }
    }
}
