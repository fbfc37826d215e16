package io.hutong.core.engine;

import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The engine's counters: written as plain fields by the engine thread, published to other threads (the
 * metrics endpoint) by {@link #publish()} a few times a second, so counting costs nothing on the hot path.
 */
public final class EngineCounters
{
    /** Payments decided, by {@link FinalStatus} ordinal. */
    final long[] finals = new long[FinalStatus.values().length];
    /** Requests refused without a payment, by {@link Reason} ordinal. */
    final long[] refusals = new long[Reason.values().length];
    /** Declines by {@link Reason} ordinal. */
    final long[] declines = new long[Reason.values().length];
    long received;
    long malformedMessages;
    long staleResults;
    long alerts;
    long walletCalls;

    private static final int FIXED = 5;
    private final AtomicLongArray published =
        new AtomicLongArray(FIXED + FinalStatus.values().length + 2 * Reason.values().length);
    /** Microseconds from a request's arrival to its decision (FINAL), recorded by the engine thread. */
    final Recorder decisionLatencyUs = new Recorder(3);
    /** Microseconds of each wallet call, by wallet slot, recorded by the engine thread. */
    private Recorder[] walletLatencyUs = new Recorder[0];
    private AtomicLongArray gauges = new AtomicLongArray(0);
    private int wallets;

    /**
     * Size the per-wallet series; called once by the engine before it runs.
     *
     * @param wallets wallet slots.
     */
    void wallets(final int wallets)
    {
        this.wallets = wallets;
        walletLatencyUs = new Recorder[wallets];
        for (int i = 0; i < wallets; i++)
        {
            walletLatencyUs[i] = new Recorder(3);
        }
        // Gauges: in flight overall, payments known, inbox backlog, then per wallet: in flight, breaker state.
        gauges = new AtomicLongArray(3 + 2 * wallets);
    }

    void recordWalletCall(final int wallet, final long micros)
    {
        if (wallet >= 0 && wallet < walletLatencyUs.length)
        {
            walletLatencyUs[wallet].recordValue(Math.max(0, micros));
        }
    }

    void gauge(final int index, final long value)
    {
        gauges.lazySet(index, value);
    }

    /**
     * @return the recorder of decision latency (take interval histograms from any one thread).
     */
    public Recorder decisionLatencyUs()
    {
        return decisionLatencyUs;
    }

    /**
     * @param wallet a wallet slot.
     * @return the recorder of that wallet's call latency.
     */
    public Recorder walletLatencyUs(final int wallet)
    {
        return walletLatencyUs[wallet];
    }

    /**
     * @return wallet slots measured.
     */
    public int wallets()
    {
        return wallets;
    }

    /**
     * @return payments in flight (published value).
     */
    public long inFlight()
    {
        return gauges.length() > 0 ? gauges.get(0) : 0;
    }

    /**
     * @return payments the engine knows, in flight and retained (published value).
     */
    public long payments()
    {
        return gauges.length() > 1 ? gauges.get(1) : 0;
    }

    /**
     * @return bytes waiting in the engine's inbox (published value).
     */
    public long inboxBacklogBytes()
    {
        return gauges.length() > 2 ? gauges.get(2) : 0;
    }

    /**
     * @param wallet a wallet slot.
     * @return payments in flight at that wallet (published value).
     */
    public long walletInFlight(final int wallet)
    {
        return gauges.get(3 + 2 * wallet);
    }

    /**
     * @param wallet a wallet slot.
     * @return its breaker state: 0 closed, 1 open, 2 half open (published value).
     */
    public long breakerState(final int wallet)
    {
        return gauges.get(4 + 2 * wallet);
    }

    /**
     * Copy the counters where other threads read them. Engine thread.
     */
    public void publish()
    {
        int i = 0;
        published.lazySet(i++, received);
        published.lazySet(i++, malformedMessages);
        published.lazySet(i++, staleResults);
        published.lazySet(i++, alerts);
        published.lazySet(i++, walletCalls);
        for (final long value : finals)
        {
            published.lazySet(i++, value);
        }
        for (final long value : refusals)
        {
            published.lazySet(i++, value);
        }
        for (final long value : declines)
        {
            published.lazySet(i++, value);
        }
    }

    /**
     * @return payment requests received (published value).
     */
    public long received()
    {
        return published.get(0);
    }

    /**
     * @return malformed inbound messages (a front-end bug; published value).
     */
    public long malformedMessages()
    {
        return published.get(1);
    }

    /**
     * @return wallet results for no call in flight (published value).
     */
    public long staleResults()
    {
        return published.get(2);
    }

    /**
     * @return alerts raised (published value).
     */
    public long alerts()
    {
        return published.get(3);
    }

    /**
     * @return wallet calls made (published value).
     */
    public long walletCalls()
    {
        return published.get(4);
    }

    /**
     * @param status a final status.
     * @return payments decided with it (published value).
     */
    public long finals(final FinalStatus status)
    {
        return published.get(FIXED + status.ordinal());
    }

    /**
     * @param reason a reason.
     * @return requests refused with it (published value).
     */
    public long refusals(final Reason reason)
    {
        return published.get(FIXED + FinalStatus.values().length + reason.ordinal());
    }

    /**
     * @param reason a reason.
     * @return payments declined (or reversed) with it (published value).
     */
    public long declines(final Reason reason)
    {
        return published.get(FIXED + FinalStatus.values().length + Reason.values().length + reason.ordinal());
    }
}
