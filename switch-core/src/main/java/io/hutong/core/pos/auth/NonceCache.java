package io.hutong.core.pos.auth;

import java.util.Arrays;

import io.hutong.core.pos.codec.PosFrameDescriptor;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;

/**
 * The logon nonces seen recently, per terminal, so a recorded Logon cannot be played again while its timestamp is
 * still inside the replay window. Bounded and allocation free after construction: two generations of fixed-size
 * open-addressing tables, each holding the (terminal id, nonce) pairs admitted during one retention period; when a
 * period ends the older generation is wiped and reused. A pair is therefore remembered for at least the retention
 * period and at most twice it.
 * <pre>
 *   time ---------|---- retention ----|---- retention ----|--&gt;
 *                 [ older generation  ][ current generation ]   admit: look up both, insert in current
 *                                     ^ rotation wipes older and swaps
 * </pre>
 * When the current generation is full the cache refuses ({@link Admission#FULL}) rather than forget a pair
 * early, which would open a replay: the verifier answers BUSY. Only logons with a good MAC and timestamp reach
 * the cache, so an attacker without a key cannot fill it.
 * <p>
 * Thread-safe: every method is synchronized (logons are rare next to frames, and the lock is uncontended).
 */
public final class NonceCache
{
    /** What {@link #admit} decided. */
    public enum Admission
    {
        /** The pair was new and is now remembered. */
        ADMITTED,
        /** The pair was seen within the retention period: a replay. */
        REPLAYED,
        /** The pair is new but the current generation is full; nothing was remembered. */
        FULL
    }

    private static final int LONGS_PER_ENTRY = 4;

    private final long retentionMs;
    private final int capacity;
    private final int mask;
    private final long[][] entries = new long[2][];
    private final boolean[][] used = new boolean[2][];
    private final int[] sizes = new int[2];
    private int current;
    private long currentStartMs;
    private boolean started;

    /**
     * @param capacity    most pairs admitted per generation (one retention period).
     * @param retentionMs shortest time a pair is remembered, ms; at least twice the replay window.
     * @throws IllegalArgumentException for a capacity outside 1..2^24 or a retention below 1 ms.
     */
    public NonceCache(final int capacity, final long retentionMs)
    {
        if (capacity < 1 || capacity > (1 << 24))
        {
            throw new IllegalArgumentException("capacity=" + capacity + ": must be 1..16777216");
        }
        if (retentionMs < 1)
        {
            throw new IllegalArgumentException("retentionMs=" + retentionMs + ": must be > 0");
        }
        this.capacity = capacity;
        this.retentionMs = retentionMs;
        // Load factor at most one half keeps linear probing short.
        final int slots = BitUtil.findNextPositivePowerOfTwo(capacity * 2);
        mask = slots - 1;
        for (int g = 0; g < 2; g++)
        {
            entries[g] = new long[slots * LONGS_PER_ENTRY];
            used[g] = new boolean[slots];
        }
    }

    /**
     * Remember a (terminal id, nonce) pair unless it was seen. Allocation free.
     *
     * @param terminalId       holding the 16-byte NUL-padded terminal id field.
     * @param terminalIdOffset first byte of that field.
     * @param nonce            holding the 16-byte nonce.
     * @param nonceOffset      first byte of the nonce.
     * @param nowMs            the current time, ms.
     * @return the decision.
     */
    public synchronized Admission admit(
        final DirectBuffer terminalId,
        final int terminalIdOffset,
        final DirectBuffer nonce,
        final int nonceOffset,
        final long nowMs)
    {
        rotate(nowMs);
        final long t0 = terminalId.getLong(terminalIdOffset, PosFrameDescriptor.BYTE_ORDER);
        final long t1 = terminalId.getLong(terminalIdOffset + 8, PosFrameDescriptor.BYTE_ORDER);
        final long n0 = nonce.getLong(nonceOffset, PosFrameDescriptor.BYTE_ORDER);
        final long n1 = nonce.getLong(nonceOffset + 8, PosFrameDescriptor.BYTE_ORDER);
        final int home = (int)mix(t0, t1, n0, n1) & mask;

        if (contains(1 - current, home, t0, t1, n0, n1) || contains(current, home, t0, t1, n0, n1))
        {
            return Admission.REPLAYED;
        }
        if (sizes[current] >= capacity)
        {
            return Admission.FULL;
        }
        final long[] table = entries[current];
        final boolean[] occupied = used[current];
        int slot = home;
        while (occupied[slot])
        {
            slot = (slot + 1) & mask;
        }
        final int base = slot * LONGS_PER_ENTRY;
        table[base] = t0;
        table[base + 1] = t1;
        table[base + 2] = n0;
        table[base + 3] = n1;
        occupied[slot] = true;
        sizes[current]++;
        return Admission.ADMITTED;
    }

    /**
     * @return pairs remembered now, both generations.
     */
    public synchronized int size()
    {
        return sizes[0] + sizes[1];
    }

    /**
     * @return the shortest time a pair is remembered, ms.
     */
    public long retentionMs()
    {
        return retentionMs;
    }

    private void rotate(final long nowMs)
    {
        if (!started)
        {
            started = true;
            currentStartMs = nowMs;
            return;
        }
        final long elapsed = nowMs - currentStartMs;
        if (elapsed < retentionMs)
        {
            // Also when the clock stepped back: pairs then stay longer, never shorter.
            return;
        }
        final int older = 1 - current;
        wipe(older);
        if (elapsed >= 2 * retentionMs)
        {
            // Both periods are over: everything remembered has expired.
            wipe(current);
        }
        current = older;
        currentStartMs = nowMs;
    }

    private void wipe(final int generation)
    {
        Arrays.fill(used[generation], false);
        Arrays.fill(entries[generation], 0L);
        sizes[generation] = 0;
    }

    private boolean contains(
        final int generation, final int home, final long t0, final long t1, final long n0, final long n1)
    {
        final long[] table = entries[generation];
        final boolean[] occupied = used[generation];
        int slot = home;
        while (occupied[slot])
        {
            final int base = slot * LONGS_PER_ENTRY;
            if (table[base] == t0 && table[base + 1] == t1 && table[base + 2] == n0 && table[base + 3] == n1)
            {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    private static long mix(final long t0, final long t1, final long n0, final long n1)
    {
        long h = n0 * 0x9E3779B97F4A7C15L;
        h = (h ^ n1) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ t0) * 0x165667B19E3779F9L;
        h = (h ^ t1) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 31);
    }
}
