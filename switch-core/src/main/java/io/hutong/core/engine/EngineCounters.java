package io.hutong.core.engine;

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
