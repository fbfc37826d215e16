package io.hutong.bench.connector;

import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One open-loop run: calls {@code connector.pay} for every call of a {@link PayPlan} at its fixed time,
 * {@code start + i / rate}, whether or not earlier calls have answered, and records each call's latency from that
 * intended time, so a stalled connector, wallet or sender cannot hide its queueing (no coordinated omission).
 * <pre>
 *   sender thread                         connector threads (event loop, crypto pool)
 *   wait for intended(i) -- park, then a short spin
 *   sentAt[i] = now; connector.pay(i) --&gt;  ... HTTP ... onResult(i, result)
 *                                            latency        = now - intended(i)   (the headline, CO-safe)
 *                                            service time   = now - sentAt[i]     (what a closed loop would see)
 *   send lag = sentAt[i] - intended(i)       the tool's own lateness, recorded by the sender
 * </pre>
 * The first {@code warmupCalls} calls run on the same schedule but are not recorded. Values are nanoseconds.
 * <p>
 * Not reusable: one instance per run. {@link #onResult} is thread-safe (histograms are HdrHistogram
 * {@link Recorder}s); {@link #run} is called once, from one thread.
 */
public final class OpenLoopRun implements WalletCallback
{
    /** How long before the intended time the sender stops parking and spins: about Linux's timer slack. */
    private static final long SPIN_NS = 60_000;
    private static final long DRAIN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(20);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final WalletConnector connector;
    private final PayPlan plan;
    private final int rate;
    private final int warmupCalls;
    private final long[] sentAt;
    private final Recorder latency = new Recorder(3);
    private final Recorder serviceTime = new Recorder(3);
    private final Histogram sendLag = new Histogram(3);
    private final AtomicLongArray statusCounts = new AtomicLongArray(OutcomeStatus.values().length);
    private final Map<String, LongAdder> notApproved = new ConcurrentHashMap<>();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicLong lastCompletionNs = new AtomicLong();
    private long startNs;

    /**
     * @param connector   the connector under test.
     * @param plan        every call, warm-up first.
     * @param rate        calls per second.
     * @param warmupCalls calls at the head of the plan that are not recorded.
     */
    public OpenLoopRun(final WalletConnector connector, final PayPlan plan, final int rate, final int warmupCalls)
    {
        this.connector = connector;
        this.plan = plan;
        this.rate = rate;
        this.warmupCalls = warmupCalls;
        this.sentAt = new long[plan.size()];
    }

    /**
     * Sends every call on schedule, then waits (at most 20 s) for the last answers.
     *
     * @param startNs the {@link System#nanoTime()} at which call 0 is due.
     * @return what the measured calls saw.
     */
    public RoundTripResult run(final long startNs)
    {
        this.startNs = startNs;
        long cpuBefore = 0;
        long senderCpuBefore = 0;
        long gcCountBefore = 0;
        long gcMillisBefore = 0;
        for (int i = 0; i < plan.size(); i++)
        {
            final long intended = intended(i);
            awaitTime(intended);
            if (i == warmupCalls)
            {
                cpuBefore = processCpuNanos();
                senderCpuBefore = THREADS.getCurrentThreadCpuTime();
                gcCountBefore = gcCount();
                gcMillisBefore = gcMillis();
            }
            final long now = System.nanoTime();
            sentAt[i] = now;
            if (i >= warmupCalls)
            {
                sendLag.recordValue(now - intended);
            }
            connector.pay(i, plan.command(i), this);
        }
        final long lastSendNs = System.nanoTime();
        final long senderCpu = THREADS.getCurrentThreadCpuTime() - senderCpuBefore;
        final long drainDeadline = lastSendNs + DRAIN_TIMEOUT_NS;
        while (completed.get() < plan.size() && System.nanoTime() - drainDeadline < 0)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        final long cpu = processCpuNanos() - cpuBefore;
        final long firstMeasuredNs = intended(warmupCalls);
        final Map<String, Long> failures = new TreeMap<>();
        notApproved.forEach((key, count) -> failures.put(key, count.sum()));
        return new RoundTripResult(
            plan.size() - warmupCalls,
            completed.get() - warmupCalls,
            statusCounts.get(OutcomeStatus.APPROVED.ordinal()),
            failures,
            lastSendNs - firstMeasuredNs,
            lastCompletionNs.get() - firstMeasuredNs,
            latency.getIntervalHistogram(),
            serviceTime.getIntervalHistogram(),
            sendLag.copy(),
            cpu,
            senderCpu,
            gcCount() - gcCountBefore,
            gcMillis() - gcMillisBefore);
    }

    /**
     * Records one answer. Called once per call by the connector, on its own threads.
     *
     * @param correlationId the call's index in the plan.
     * @param result        the connector's result.
     */
    @Override
    public void onResult(final long correlationId, final WalletResult result)
    {
        final long now = System.nanoTime();
        final int i = (int)correlationId;
        if (i >= warmupCalls)
        {
            latency.recordValue(Math.max(0, now - intended(i)));
            serviceTime.recordValue(Math.max(0, now - sentAt[i]));
            statusCounts.incrementAndGet(result.status().ordinal());
            if (OutcomeStatus.APPROVED != result.status())
            {
                notApproved.computeIfAbsent(result.status() + "/" + result.walletCode(), (key) -> new LongAdder())
                    .increment();
            }
            lastCompletionNs.accumulateAndGet(now, Math::max);
        }
        completed.incrementAndGet();
    }

    private long intended(final int index)
    {
        return startNs + index * 1_000_000_000L / rate;
    }

    /**
     * Parks until shortly before the time, then spins: parking alone wakes up to ~60 us late on Linux.
     */
    private static void awaitTime(final long deadlineNs)
    {
        long remaining;
        while ((remaining = deadlineNs - System.nanoTime()) > 0)
        {
            if (remaining > SPIN_NS)
            {
                LockSupport.parkNanos(remaining - SPIN_NS);
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }

    private static long processCpuNanos()
    {
        return ((com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    private static long gcCount()
    {
        long total = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    private static long gcMillis()
    {
        long total = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
