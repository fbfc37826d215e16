package io.hutong.core.engine;

import io.hutong.connector.OutcomeStatus;
import io.hutong.core.journal.JournalFlow;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalReason;
import io.hutong.core.journal.JournalRecordEncoder;
import io.hutong.core.journal.JournalStatus;
import io.hutong.core.journal.JournalText;
import io.hutong.core.journal.JournalWriter;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The engine's journal on Chronicle Queue: each {@link Hop} of a {@link Payment} becomes one fixed-layout
 * record through the {@link JournalWriter} (chained with SM3), and {@link #commit()} is the writer's group
 * commit. Maps the engine's vocabulary to the journal's stable codes by name, once, into arrays.
 * <p>
 * Engine thread only; no allocation per record.
 */
public final class ChronicleJournal implements EngineJournal
{
    private static final JournalHop[] HOPS = EnumTables.byName(Hop.class, JournalHop.class, null);
    private static final JournalFlow[] FLOWS = EnumTables.byName(Flow.class, JournalFlow.class, null);
    /** Refusal-only reasons never reach a FINAL record; the table stays total anyway. */
    private static final JournalReason[] REASONS =
        EnumTables.byName(Reason.class, JournalReason.class, JournalReason.INVALID_REQUEST);
    private static final JournalStatus[] FINALS = EnumTables.byName(FinalStatus.class, JournalStatus.class, null);

    private final JournalWriter writer;
    private final UnsafeBuffer hash = new UnsafeBuffer(new byte[16]);

    /**
     * @param writer the journal writer, owned by the engine thread from now on.
     */
    public ChronicleJournal(final JournalWriter writer)
    {
        this.writer = writer;
    }

    @Override
    public void hop(final Hop hop, final Payment p)
    {
        final JournalRecordEncoder record = writer.begin(HOPS[hop.ordinal()], FLOWS[p.flow.ordinal()], p.switchTxnId)
            .amount(p.amount)
            .currency(p.currency)
            .text(JournalText.TERMINAL_ID, p.terminalId, 0, p.terminalIdLength)
            .text(JournalText.TERMINAL_TXN_ID, p.terminalTxnId, 0, p.terminalTxnIdLength)
            .maskedCode(p.maskedCode, 0, p.maskedCodeLength);
        hash.putLong(0, p.contentHashHigh);
        hash.putLong(8, p.contentHashLow);
        record.contentHash(hash, 0);
        if (null != p.walletId)
        {
            record.walletId(p.walletId);
        }
        if (null != p.counterpartyWalletId)
        {
            record.counterpartyWalletId(p.counterpartyWalletId);
        }
        if (null != p.orderNo)
        {
            record.walletOrderNo(p.orderNo);
        }
        status(hop, p, record);
        writer.append();
    }

    private static void status(final Hop hop, final Payment p, final JournalRecordEncoder record)
    {
        switch (hop)
        {
            case RECEIVED -> record.status(JournalStatus.RECEIVED);
            case WALLET_RESULT, QUERY_RESULT, REVERSE_RESULT, REFUND_RESULT, CREDIT_RESULT, RELEASE_RESULT ->
            {
                final OutcomeStatus outcome = p.lastOutcome;
                record.status(null == outcome ? JournalStatus.WALLET_UNKNOWN : JournalStatus.of(outcome));
                if (null != p.lastDecline)
                {
                    record.reason(JournalReason.of(p.lastDecline));
                }
                else if (!p.lastRequestSent)
                {
                    record.reason(JournalReason.NOT_SENT);
                }
                if (!p.walletCode.isEmpty() && JournalText.WALLET_CODE.fits(p.walletCode))
                {
                    record.walletCode(p.walletCode);
                }
                if (!p.walletTxnId.isEmpty() && JournalText.WALLET_TXN_ID.fits(p.walletTxnId))
                {
                    record.walletTxnId(p.walletTxnId);
                }
            }
            case FINAL, REPLIED ->
            {
                record.status(FINALS[p.status.ordinal()]).reason(REASONS[p.reason.ordinal()]);
                if (!p.walletTxnId.isEmpty() && JournalText.WALLET_TXN_ID.fits(p.walletTxnId))
                {
                    record.walletTxnId(p.walletTxnId);
                }
            }
            default -> record.status(JournalStatus.PENDING);
        }
    }

    @Override
    public void audit(final Hop hop, final CharSequence subject, final CharSequence detail)
    {
        final JournalRecordEncoder record = writer.begin(HOPS[hop.ordinal()], JournalFlow.ADMIN, 0).detail(detail);
        if (subject.length() > 0 && JournalText.TERMINAL_ID.fits(subject))
        {
            record.terminalId(subject);
        }
        writer.append();
    }

    @Override
    public void commit()
    {
        writer.sync();
    }

    @Override
    public void transferOwnership()
    {
        writer.transferOwnership();
    }

    @Override
    public void close()
    {
        writer.close();
    }
}
