package io.hutong.sim.pos;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counts and latencies of one run (one step of a search for the maximum): per wallet, per flow and in total,
 * with one HdrHistogram per hop. Latencies are microseconds from each payment's intended start on the open-loop
 * schedule, so time a payment spent waiting for the generator, a connection or a retry counts against the switch,
 * as it would for a customer (no coordinated omission).
 * <pre>
 *   hops: dispatch     intended start -&gt; handed to its terminal (the schedule thread's lag)
 *         send         intended start -&gt; request written (the generator's own lag)
 *         firstAnswer  intended start -&gt; first answer (IN_PROGRESS included)
 *         final        intended start -&gt; final answer (the payment's latency)
 *         hold, capture  MPM: the payer wallet's hold and capture calls (their own duration)
 *         scan         rendering a code to an image and reading it back (off the schedule)
 *         stall        how late a thread sleeping 1 ms wakes (the machine's and the JVM's own pauses)
 * </pre>
 * Thread-safe: recording is wait-free ({@link Recorder}, {@link LongAdder}); {@link #harvest()} folds the interval
 * histograms into the totals under a lock, from the progress thread and at the end.
 */
public final class RunStats
{
    /** The latency hops. */
    enum Hop
    {
        /** Intended start to the payment handed to its terminal or the MPM payer (the schedule's own lag). */
        DISPATCH("dispatch"),
        /** Intended start to request written. */
        SEND("send"),
        /** Intended start to first answer. */
        FIRST_ANSWER("firstAnswer"),
        /** Intended start to final answer. */
        FINAL("final"),
        /** MPM hold at the payer wallet. */
        HOLD("hold"),
        /** MPM capture at the payer wallet. */
        CAPTURE("capture"),
        /** Image render and read-back of a consumer code. */
        SCAN("scan"),
        /**
         * How late a generator thread that sleeps 1 ms wakes up: the machine's own stalls (CPU starvation by other
         * processes, GC), which every other hop includes too.
         */
        STALL("stall");

        private final String jsonName;

        Hop(final String jsonName)
        {
            this.jsonName = jsonName;
        }

        /**
         * @return the hop's name in the report.
         */
        String jsonName()
        {
            return jsonName;
        }
    }

    /** Index of the CPM flow. */
    static final int CPM = 0;
    /** Index of the MPM flow. */
    static final int MPM = 1;

    private static final Hop[] HOPS = Hop.values();
    private static final int DIGITS = 3;

    private final List<String> wallets;
    private final PaymentOutcome.Listener listener;
    private final Counters total = new Counters();
    private final Counters[] byWallet;
    private final Counters[] byFlow = { new Counters(), new Counters() };
    private final Latency[] hops = new Latency[HOPS.length];
    private final Latency[] walletLatency;
    private final Latency[] flowLatency = { new Latency(), new Latency() };
    private final Map<String, LongAdder> declineReasons = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorReasons = new ConcurrentHashMap<>();
    final LongAdder queries = new LongAdder();
    final LongAdder resends = new LongAdder();
    final LongAdder lateAnswers = new LongAdder();
    final LongAdder captureErrors = new LongAdder();
    final LongAdder imageCodes = new LongAdder();
    final LongAdder imageMisses = new LongAdder();

    /**
     * @param wallets  the wallet ids, indexed as {@link Payment#wallet}.
     * @param listener receives every payment's outcome.
     */
    RunStats(final List<String> wallets, final PaymentOutcome.Listener listener)
    {
        this.wallets = List.copyOf(wallets);
        this.listener = listener;
        this.byWallet = new Counters[wallets.size()];
        this.walletLatency = new Latency[wallets.size()];
        for (int i = 0; i < wallets.size(); i++)
        {
            byWallet[i] = new Counters();
            walletLatency[i] = new Latency();
        }
        for (int i = 0; i < hops.length; i++)
        {
            hops[i] = new Latency();
        }
    }

    /**
     * A payment was offered (counted once, whatever its retries).
     */
    void started(final Payment payment)
    {
        total.sent.increment();
        byWallet[payment.wallet].sent.increment();
        byFlow[payment.mpm ? MPM : CPM].sent.increment();
    }

    /**
     * The payment's request was written (first attempt only).
     */
    void sent(final Payment payment, final long nowNs)
    {
        if (!payment.paySent)
        {
            payment.paySent = true;
            record(hops[Hop.SEND.ordinal()], nowNs - payment.intendedNs);
        }
    }

    /**
     * The switch answered the payment (any answer but BUSY); records the first.
     */
    void answered(final Payment payment, final long nowNs)
    {
        if (!payment.answered)
        {
            payment.answered = true;
            record(hops[Hop.FIRST_ANSWER.ordinal()], nowNs - payment.intendedNs);
        }
    }

    /**
     * The switch answered BUSY (nothing done; the payment will be tried again).
     */
    void busy(final Payment payment)
    {
        total.busy.increment();
        byWallet[payment.wallet].busy.increment();
        byFlow[payment.mpm ? MPM : CPM].busy.increment();
    }

    /**
     * @param hop   a hop timed on its own (hold, capture, scan).
     * @param nanos its duration.
     */
    void hop(final Hop hop, final long nanos)
    {
        record(hops[hop.ordinal()], nanos);
    }

    /**
     * The payment is final: counted, its latency recorded, the listener told. Call once per payment.
     *
     * @param payment     the payment.
     * @param status      how it ended.
     * @param reason      the decline or error reason, null when approved.
     * @param reference   the terminal txn id or payer reference.
     * @param walletTxnId the wallet's transaction id, or null.
     * @param nowNs       now, {@link System#nanoTime()}.
     */
    void finish(
        final Payment payment,
        final PaymentOutcome.Status status,
        final String reason,
        final String reference,
        final String walletTxnId,
        final long nowNs)
    {
        payment.state = Payment.DONE;
        final long latencyNs = nowNs - payment.intendedNs;
        if (PaymentOutcome.Status.ERROR != status)
        {
            answered(payment, nowNs);
            record(hops[Hop.FINAL.ordinal()], latencyNs);
            record(walletLatency[payment.wallet], latencyNs);
            record(flowLatency[payment.mpm ? MPM : CPM], latencyNs);
        }
        final Counters wallet = byWallet[payment.wallet];
        final Counters flow = byFlow[payment.mpm ? MPM : CPM];
        total.count(status);
        wallet.count(status);
        flow.count(status);
        if (PaymentOutcome.Status.DECLINED == status || PaymentOutcome.Status.REVERSED == status)
        {
            declineReasons.computeIfAbsent(status.name() + " " + reason, (k) -> new LongAdder()).increment();
        }
        else if (PaymentOutcome.Status.ERROR == status)
        {
            errorReasons.computeIfAbsent(reason, (k) -> new LongAdder()).increment();
        }
        if (PaymentOutcome.Listener.NONE != listener)
        {
            listener.onOutcome(new PaymentOutcome(payment.mpm, wallets.get(payment.wallet),
                payment.payee < 0 ? null : wallets.get(payment.payee), status, reason, reference, walletTxnId,
                latencyNs / 1_000));
        }
    }

    /**
     * @return true when someone listens to outcomes (so references and wallet txn ids are worth copying out).
     */
    boolean wantsOutcomes()
    {
        return PaymentOutcome.Listener.NONE != listener;
    }

    private static void record(final Latency latency, final long nanos)
    {
        latency.recorder.recordValue(Math.max(0L, nanos / 1_000L));
    }

    /**
     * Folds what was recorded since the last call into the totals.
     */
    synchronized void harvest()
    {
        for (final Latency latency : hops)
        {
            latency.harvest();
        }
        for (final Latency latency : walletLatency)
        {
            latency.harvest();
        }
        for (final Latency latency : flowLatency)
        {
            latency.harvest();
        }
    }

    /**
     * @return the wallets, indexed as payments name them.
     */
    List<String> wallets()
    {
        return wallets;
    }

    /**
     * @return the totals.
     */
    Counters total()
    {
        return total;
    }

    /**
     * @param wallet a wallet index.
     * @return its counts.
     */
    Counters wallet(final int wallet)
    {
        return byWallet[wallet];
    }

    /**
     * @param flow {@link #CPM} or {@link #MPM}.
     * @return its counts.
     */
    Counters flow(final int flow)
    {
        return byFlow[flow];
    }

    /**
     * @param hop a hop.
     * @return its latencies so far (after {@link #harvest()}); read under this object's lock.
     */
    synchronized Histogram hop(final Hop hop)
    {
        return hops[hop.ordinal()].total.copy();
    }

    /**
     * @param wallet a wallet index.
     * @return its final latencies so far (after {@link #harvest()}).
     */
    synchronized Histogram walletLatency(final int wallet)
    {
        return walletLatency[wallet].total.copy();
    }

    /**
     * @param flow {@link #CPM} or {@link #MPM}.
     * @return its final latencies so far (after {@link #harvest()}).
     */
    synchronized Histogram flowLatency(final int flow)
    {
        return flowLatency[flow].total.copy();
    }

    /**
     * @return declines and reversals by status and reason, sorted.
     */
    Map<String, Long> declineReasons()
    {
        return sorted(declineReasons);
    }

    /**
     * @return errors by reason, sorted.
     */
    Map<String, Long> errorReasons()
    {
        return sorted(errorReasons);
    }

    private static Map<String, Long> sorted(final Map<String, LongAdder> counts)
    {
        final Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((reason, count) -> sorted.put(reason, count.sum()));
        return Collections.unmodifiableMap(sorted);
    }

    /**
     * One recorder for the recording threads and the harvested total.
     */
    private static final class Latency
    {
        private final Recorder recorder = new Recorder(DIGITS);
        private final Histogram total = new Histogram(DIGITS);
        private Histogram interval;

        void harvest()
        {
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
        }
    }

    /**
     * Outcome counts of one slice (a wallet, a flow, the total). Thread-safe.
     */
    static final class Counters
    {
        final LongAdder sent = new LongAdder();
        final LongAdder approved = new LongAdder();
        final LongAdder declined = new LongAdder();
        final LongAdder reversed = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder busy = new LongAdder();

        void count(final PaymentOutcome.Status status)
        {
            switch (status)
            {
                case APPROVED -> approved.increment();
                case DECLINED -> declined.increment();
                case REVERSED -> reversed.increment();
                default -> errors.increment();
            }
        }

        /**
         * @return payments with an outcome.
         */
        long finished()
        {
            return approved.sum() + declined.sum() + reversed.sum() + errors.sum();
        }
    }
}
