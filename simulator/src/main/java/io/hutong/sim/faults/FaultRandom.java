package io.hutong.sim.faults;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A seedable, lock-free random source for fault decisions (SplitMix64 over an atomic counter): the same seed and
 * the same sequence of draws give the same values, so fault tests are repeatable. Thread-safe; never allocates.
 */
public final class FaultRandom
{
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private final AtomicLong state;

    /**
     * @param seed the seed.
     */
    public FaultRandom(final long seed)
    {
        this.state = new AtomicLong(seed);
    }

    /**
     * Starts the sequence again from a seed.
     *
     * @param seed the seed.
     */
    public void reseed(final long seed)
    {
        state.set(seed);
    }

    /**
     * @return the next 64 random bits.
     */
    public long nextLong()
    {
        long z = state.addAndGet(GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * @return a uniform double in [0, 1).
     */
    public double nextDouble()
    {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * @return a standard normal value (Box-Muller).
     */
    public double nextGaussian()
    {
        final double u1 = 1.0 - nextDouble(); // (0, 1]: log(0) must never happen
        final double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
