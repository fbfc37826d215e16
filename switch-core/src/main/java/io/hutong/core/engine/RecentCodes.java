package io.hutong.core.engine;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongArrayQueue;

/**
 * The consumer codes presented to the switch recently, so that a code seen again within the window is refused
 * before any wallet call (codes are single-use; a second presentation is a replay, a double scan or fraud).
 * Codes are kept as 64-bit hashes with their expiry; expired entries leave in arrival order.
 * <p>
 * Engine thread only; no allocation once the map and queue have grown to the window's size.
 */
public final class RecentCodes
{
    private static final long ABSENT = Long.MIN_VALUE;

    private final Long2LongHashMap expiries = new Long2LongHashMap(ABSENT);
    private final LongArrayQueue orderHashes = new LongArrayQueue(ABSENT);
    private final LongArrayQueue orderExpiries = new LongArrayQueue(ABSENT);
    private final long windowMs;

    /**
     * @param windowMs how long a code stays remembered, &gt; 0 (longer than any wallet's code validity).
     */
    public RecentCodes(final long windowMs)
    {
        if (windowMs <= 0)
        {
            throw new IllegalArgumentException("codeReuseWindowMs=" + windowMs + ": must be > 0");
        }
        this.windowMs = windowMs;
    }

    /**
     * Remember a code unless it was seen within the window.
     *
     * @param codeHash the code's hash.
     * @param nowMs    the engine clock.
     * @return true if first seen now; false if seen within the window (a reuse).
     */
    public boolean firstUse(final long codeHash, final long nowMs)
    {
        expire(nowMs);
        final long expiry = expiries.get(codeHash);
        if (ABSENT != expiry && expiry - nowMs > 0)
        {
            return false;
        }
        expiries.put(codeHash, nowMs + windowMs);
        orderHashes.addLong(codeHash);
        orderExpiries.addLong(nowMs + windowMs);
        return true;
    }

    /**
     * @return codes remembered now.
     */
    public int size()
    {
        return expiries.size();
    }

    private void expire(final long nowMs)
    {
        // Entries expire in the order they were added (the window is fixed), so only the head can be due.
        while (!orderExpiries.isEmpty() && orderExpiries.peekLong() - nowMs <= 0)
        {
            final long hash = orderHashes.pollLong();
            final long expiry = orderExpiries.pollLong();
            if (expiries.get(hash) == expiry)
            {
                expiries.remove(hash);
            }
        }
    }
}
