package io.hutong.core.engine;

import org.agrona.DirectBuffer;

/**
 * Fast 64-bit hashes over bytes for the engine's indexes (idempotency keys, content, consumer codes). Not
 * cryptographic: every index that uses them compares the stored bytes or tolerates the 2^-64 chance.
 * Stateless; no allocation.
 */
public final class Hashes
{
    private static final long P1 = 0x9E3779B97F4A7C15L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;

    private Hashes()
    {
    }

    /**
     * @param seed the running hash (or a seed).
     * @param buffer the bytes.
     * @param offset first byte.
     * @param length byte count.
     * @return the hash continued over the bytes (and their length, so "ab"+"c" differs from "a"+"bc").
     */
    public static long hash(final long seed, final DirectBuffer buffer, final int offset, final int length)
    {
        long h = seed ^ (length * P3);
        int i = 0;
        for (; i + 8 <= length; i += 8)
        {
            h = mixIn(h, buffer.getLong(offset + i));
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 8)
        {
            tail |= (buffer.getByte(offset + i) & 0xFFL) << shift;
        }
        return mixIn(h, tail ^ 0x80L);
    }

    /**
     * @param seed  the running hash.
     * @param value a value to fold in.
     * @return the hash continued over the value.
     */
    public static long hash(final long seed, final long value)
    {
        return mixIn(seed, value);
    }

    /**
     * @param h a running hash.
     * @return the final avalanche of it; never 0 (0 means "no key" in the engine's maps).
     */
    public static long finish(final long h)
    {
        long x = h;
        x ^= x >>> 33;
        x *= P2;
        x ^= x >>> 29;
        x *= P3;
        x ^= x >>> 32;
        return 0 == x ? 1 : x;
    }

    private static long mixIn(final long h, final long k)
    {
        final long mixed = Long.rotateLeft(k * P2, 31) * P1;
        return Long.rotateLeft(h ^ mixed, 27) * P1 + P3;
    }
}
