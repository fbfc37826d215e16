package io.hutong.core.engine;

import io.hutong.codec.classify.CodeClassifier;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletSchedule;
import io.hutong.core.engine.admission.Admission;
import io.hutong.core.engine.command.RequestDecoder;
import io.hutong.core.engine.command.RequestDescriptor;
import io.hutong.core.engine.command.RequestKind;
import io.hutong.core.engine.command.WalletResultCodec;
import io.hutong.core.settlement.Positions;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.MessageHandler;

import java.util.Objects;

/**
 * The transaction engine: the one thread that owns every payment's state (single writer, LMAX/Aeron style).
 * <pre>
 *  doWork(): now = clock
 *    1. drain the inbox (requests from front ends, results from connectors), up to batchLimit
 *         request  -&gt; CpmFlow / MpmFlow / RefundFlow / lookups
 *         result   -&gt; the flow that sent the call
 *    2. poll the deadline timer wheel (queries, reverse retries, releases, refund retries)
 *    3. if the batch decided anything: journal.commit(), then let out the outbox
 *         (wallet calls and replies; write-ahead: nothing leaves before its hop is durable)
 * </pre>
 * No locks; after warm-up no allocation beyond the strings a connector call and a wallet answer carry.
 * Not thread-safe: run it in one {@link org.agrona.concurrent.AgentRunner}.
 */
public final class Engine implements Agent, MessageHandler
{
    private static final long PUBLISH_INTERVAL_MS = 100;

    final EngineConfig config;
    final EpochClock clock;
    final EngineInbox inbox;
    final EngineJournal journal;
    final PaymentTable table;
    final Admission admission;
    final RecentCodes recentCodes;
    final WalletSlot[] wallets;
    final Positions positions;
    final CodeClassifier classifier;
    final ClientDirectory clients;
    final EngineCounters counters;
    final Outbox outbox = new Outbox();
    private final ReplySink[] replySinks = new ReplySink[3];
    private final PaymentTimers timers;
    private final WalletCalls calls;
    private final WalletResults results;
    private final RequestDecoder request = new RequestDecoder();
    private final WalletResultCodec result = new WalletResultCodec();
    private final CpmFlow cpm;
    private final MpmFlow mpm;
    private final RefundFlow refunds;
    private final Lookups lookups;
    long nowMs;
    private long lastTxnId;
    private boolean outboxDirty;
    private long lastPublishMs;

    /**
     * @param config      tunables.
     * @param clock       the wall clock in milliseconds (injected so tests control time).
     * @param inbox       where requests and results arrive.
     * @param journal     where every hop goes.
     * @param wallets     one slot per registry participant, in registry order.
     * @param classifier  decodes and routes codes (this thread's own instance).
     * @param clients     client slots to acquirer wallets.
     * @param clientSlots how many client slots admission tracks.
     * @param counters    metrics the engine updates.
     */
    public Engine(
        final EngineConfig config,
        final EpochClock clock,
        final EngineInbox inbox,
        final EngineJournal journal,
        final WalletSlot[] wallets,
        final CodeClassifier classifier,
        final ClientDirectory clients,
        final int clientSlots,
        final EngineCounters counters)
    {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.wallets = wallets.clone();
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.table = new PaymentTable(config.retainPayments());
        this.admission = new Admission(clientSlots, wallets.length, config.maxInFlightPerClient(),
            config.maxInFlightPerWallet(), config.maxInFlight());
        this.recentCodes = new RecentCodes(config.codeReuseWindowMs());
        this.positions = new Positions(wallets.length);
        this.nowMs = clock.time();
        this.timers = new PaymentTimers(nowMs, table, this::onDeadline);
        this.calls = new WalletCalls(this.wallets, config.clientIp(), inbox);
        this.cpm = new CpmFlow(this);
        this.mpm = new MpmFlow(this);
        this.refunds = new RefundFlow(this);
        this.lookups = new Lookups(this, cpm);
        this.results = new WalletResults(this, cpm, mpm, refunds);
        this.lastTxnId = nowMs << 12;
        counters.wallets(wallets.length);
    }

    /**
     * Register where replies for requests from one source go.
     *
     * @param source {@link RequestDescriptor#SOURCE_POS} or {@link RequestDescriptor#SOURCE_HTTP}.
     * @param sink   the front end's sink.
     */
    public void replySink(final int source, final ReplySink sink)
    {
        replySinks[source] = sink;
    }

    @Override
    public void onStart()
    {
        journal.transferOwnership();
    }

    @Override
    public String roleName()
    {
        return "hutong-engine";
    }

    @Override
    public int doWork()
    {
        nowMs = clock.time();
        int work = inbox.drain(this, config.batchLimit());
        work += timers.poll(nowMs, config.batchLimit());
        if (nowMs - lastPublishMs >= PUBLISH_INTERVAL_MS)
        {
            publish();
        }
        if (!outbox.isEmpty() || outboxDirty)
        {
            journal.commit();
            flushOutbox();
            outboxDirty = false;
            work++;
        }
        return work;
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (RequestDescriptor.MSG_TYPE_ID == msgTypeId)
        {
            if (!request.wrap(buffer, index, length))
            {
                counters.malformedMessages++;
                return;
            }
            switch (request.kind())
            {
                case CPM_PAY -> cpm.onPay(request);
                case MPM_PAY -> mpm.onPay(request);
                case REFUND -> refunds.onRefund(request);
                case QUERY -> lookups.onQuery(request);
                case REVERSE -> lookups.onReverse(request);
                default -> counters.malformedMessages++;
            }
        }
        else if (WalletResultCodec.MSG_TYPE_ID == msgTypeId)
        {
            if (!result.wrap(buffer, index, length))
            {
                counters.malformedMessages++;
                return;
            }
            results.onResult(result);
        }
        else if (EngineInbox.AUDIT_MSG_TYPE_ID == msgTypeId)
        {
            onAudit(buffer, index, length);
        }
        else
        {
            counters.malformedMessages++;
        }
    }

    /**
     * Copy counters and gauges where the metrics endpoint reads them.
     */
    public void publish()
    {
        lastPublishMs = nowMs;
        counters.publish();
        counters.gauge(0, admission.total());
        counters.gauge(1, table.size());
        counters.gauge(2, inbox.backlogBytes());
        for (int i = 0; i < wallets.length; i++)
        {
            counters.gauge(3 + 2 * i, admission.wallet(i));
            counters.gauge(4 + 2 * i, wallets[i].breaker().state());
        }
    }

    private void onAudit(final DirectBuffer buffer, final int index, final int length)
    {
        final int hop = buffer.getByte(index);
        final int subjectLength = buffer.getShort(index + 1) & 0xFFFF;
        if (hop < 0 || hop >= Hop.values().length || 3 + subjectLength + 2 > length)
        {
            counters.malformedMessages++;
            return;
        }
        final int detailLength = buffer.getShort(index + 3 + subjectLength) & 0xFFFF;
        if (5 + subjectLength + detailLength != length)
        {
            counters.malformedMessages++;
            return;
        }
        journal.audit(Hop.values()[hop], buffer.getStringWithoutLengthAscii(index + 3, subjectLength),
            buffer.getStringWithoutLengthUtf8(index + 5 + subjectLength, detailLength));
        outboxDirty = true;
    }

    /**
     * A payment's deadline passed: its next attempt.
     */
    private void onDeadline(final Payment payment)
    {
        switch (payment.state)
        {
            case QUERYING -> send(payment, WalletOperation.QUERY, Hop.QUERY_SENT);
            case REVERSING -> send(payment, WalletOperation.REVERSE, Hop.REVERSE_SENT);
            case RELEASING -> send(payment, WalletOperation.RELEASE, Hop.RELEASE_SENT);
            case REFUNDING -> send(payment, WalletOperation.REFUND, Hop.REFUND_SENT);
            default ->
            {
                // A timer outlived the state that set it: nothing to do.
            }
        }
    }

    /**
     * @return the settlement positions of the day (engine thread, or after the engine stopped).
     */
    public Positions positions()
    {
        return positions;
    }

    /**
     * Rebuild state from the journal and take up unfinished work (see {@link Recovery}). Call once, before the
     * engine runs, on the thread that will run it.
     *
     * @param reader the journal.
     * @return payments rebuilt.
     */
    public long recover(final io.hutong.core.journal.JournalReader reader)
    {
        nowMs = clock.time();
        final Recovery recovery = new Recovery(this);
        reader.replay(recovery);
        recovery.resume();
        lastTxnId = Math.max(lastTxnId, nowMs << 12);
        return recovery.recovered();
    }

    Lookups lookups()
    {
        return lookups;
    }

    /**
     * @return the payment table (engine thread, or after the engine stopped).
     */
    public PaymentTable table()
    {
        return table;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Shared steps used by the flows.
    // ---------------------------------------------------------------------------------------------------------

    long nextTxnId()
    {
        final long candidate = nowMs << 12;
        lastTxnId = Math.max(lastTxnId + 1, candidate);
        return lastTxnId;
    }

    /**
     * Raise the id counter past ids seen in the journal (recovery).
     */
    void observeTxnId(final long txnId)
    {
        lastTxnId = Math.max(lastTxnId, txnId);
    }

    String orderNo(final char kind, final long txnId)
    {
        return "H" + kind + (config.nodeId() < 10 ? "0" : "") + config.nodeId() + txnId;
    }

    WalletSchedule schedule(final Payment payment)
    {
        final int wallet = Flow.MPM == payment.flow && PaymentState.RELEASING != payment.state ?
            payment.counterpartyIndex : payment.walletIndex;
        return wallets[wallet].schedule();
    }

    /**
     * Journal a "sent" hop and queue the wallet call for after the commit.
     */
    void send(final Payment payment, final WalletOperation operation, final Hop hop)
    {
        switch (operation)
        {
            case QUERY -> payment.queries++;
            case REVERSE -> payment.reverseAttempts++;
            case RELEASE -> payment.releaseAttempts++;
            case REFUND -> payment.refundAttempts++;
            default ->
            {
            }
        }
        payment.callInFlight = true;
        payment.callStartNs = System.nanoTime();
        journal.hop(hop, payment);
        outbox.call(payment, operation);
    }

    void scheduleAt(final Payment payment, final long deadlineMs)
    {
        timers.scheduleAt(payment, deadlineMs);
    }

    void cancelTimer(final Payment payment)
    {
        timers.cancel(payment);
    }

    /**
     * Decide a payment's status, journal FINAL, free its admission and answer a waiting client.
     */
    void decide(final Payment payment, final FinalStatus status, final Reason reason)
    {
        payment.status = status;
        payment.reason = reason;
        journal.hop(Hop.FINAL, payment);
        counters.decisionLatencyUs.recordValue(Math.max(0, (System.nanoTime() - payment.receivedNs) / 1_000));
        counters.finals[status.ordinal()]++;
        releaseAdmission(payment);
        replyIfWaiting(payment);
    }

    /**
     * No more work for this payment: keep it for answers and let the table retire it in time.
     */
    void complete(final Payment payment)
    {
        cancelTimer(payment);
        payment.state = PaymentState.FINAL;
        payment.authCode = null;
        table.retire(payment);
    }

    void releaseAdmission(final Payment payment)
    {
        if (payment.admitted)
        {
            payment.admitted = false;
            admission.release(payment.clientIndex, payment.admittedWallet);
        }
    }

    void replyIfWaiting(final Payment payment)
    {
        if (payment.replyPending)
        {
            payment.replyPending = false;
            outbox.reply(payment.source, payment.sessionId, payment, Reason.NONE);
        }
    }

    void refuse(final RequestDecoder request, final Reason refusal)
    {
        counters.refusals[refusal.ordinal()]++;
        // A pooled scratch view carries the request's own ids back (a terminal matches answers by txn id).
        final Payment scratch = table.allocate();
        RequestFields.copyCommon(request, scratch, nowMs);
        scratch.status = FinalStatus.DECLINED;
        scratch.reason = refusal;
        if (RequestKind.MPM_PAY == request.kind() || RequestKind.REFUND == request.kind())
        {
            scratch.terminalTxnIdLength = RequestFields.copy(request, RequestDescriptor.REF_TXN_ID, scratch.terminalTxnId);
        }
        outbox.refusal(request.source(), request.sessionId(), scratch, refusal);
    }

    void alert(final Payment payment, final String detail)
    {
        payment.alerted = true;
        counters.alerts++;
        journal.audit(Hop.ALERT, Long.toString(payment.switchTxnId), detail);
    }

    /**
     * An in-doubt payment: query it at its next slot of the wallet's schedule (received + k x interval), or,
     * once the query window has closed, reverse it. After an alert (a refused reversal) it keeps being queried
     * until the wallet tells its fate.
     */
    void queryLater(final Payment payment)
    {
        final WalletSchedule schedule = schedule(payment);
        final long next = payment.receivedAtMs + (long)(payment.queries + 1) * schedule.queryIntervalMs();
        if (next - payment.receivedAtMs > schedule.queryWindowMs() && !payment.alerted)
        {
            reverse(payment);
            return;
        }
        scheduleAt(payment, Math.max(next, nowMs + 1));
    }

    /**
     * Start (or keep) reversing: the first attempt no sooner than the wallet allows, then backing off.
     */
    void reverse(final Payment payment)
    {
        payment.state = PaymentState.REVERSING;
        final WalletSchedule schedule = schedule(payment);
        final long notBefore = payment.receivedAtMs + schedule.reverseNotBeforeMs();
        final long at = 0 == payment.reverseAttempts ? Math.max(nowMs, notBefore) :
            Math.max(nowMs + schedule.reverseDelayMs(payment.reverseAttempts - 1), notBefore);
        if (at - nowMs <= 0)
        {
            send(payment, WalletOperation.REVERSE, Hop.REVERSE_SENT);
        }
        else
        {
            scheduleAt(payment, at);
        }
    }

    private void flushOutbox()
    {
        final int size = outbox.size();
        for (int i = 0; i < size; i++)
        {
            final Payment payment = outbox.payment(i);
            if (Outbox.CALL == outbox.kind(i))
            {
                calls.call(payment, outbox.operation(i));
            }
            else if (Outbox.REFUSAL == outbox.kind(i))
            {
                final ReplySink sink = replySinks[outbox.source(i)];
                if (null != sink)
                {
                    sink.reply(outbox.session(i), payment, outbox.refusal(i));
                }
                table.recycle(payment);
            }
            else
            {
                final ReplySink sink = replySinks[outbox.source(i)];
                final Reason refusal = outbox.refusal(i);
                if (null != sink)
                {
                    sink.reply(outbox.session(i), payment, refusal);
                }
                if (null != payment && (Reason.NONE == refusal || Reason.DUPLICATE == refusal))
                {
                    journal.hop(Hop.REPLIED, payment);
                }
            }
        }
        outbox.clear();
    }

    /**
     * @return true if the last wallet result certainly never reached the wallet.
     */
    static boolean notSent(final Payment payment)
    {
        return OutcomeStatus.UNKNOWN == payment.lastOutcome && !payment.lastRequestSent;
    }
}
