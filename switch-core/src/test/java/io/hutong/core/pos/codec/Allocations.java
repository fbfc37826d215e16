package io.hutong.core.pos.codec;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures the bytes the current thread allocates around a warm loop (com.sun.management.ThreadMXBean), the way
 * codec's MpmAllocationTest does.
 */
public final class Allocations
{
    public static final int WARM_UP = 20_000;
    public static final int ITERATIONS = 20_000;
    /**
     * JIT and counter noise over a whole loop (a few hundred bytes seen when a loop is compiled on stack); one
     * allocation per iteration would be at least 320,000 bytes.
     */
    public static final long TOLERANCE_BYTES = 1024;

    private Allocations()
    {
    }

    /**
     * Run {@code step} WARM_UP times, then measure ITERATIONS more.
     *
     * @param step one iteration; returns a value folded into a sink so the JIT cannot drop it.
     * @return bytes allocated by the measured iterations.
     */
    public static long measure(final LongSupplier step)
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "JVM has no com.sun.management.ThreadMXBean");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "thread allocation counter not supported");
        threads.setThreadAllocatedMemoryEnabled(true);

        long sink = 0;
        for (int i = 0; i < WARM_UP; i++)
        {
            sink += step.getAsLong();
        }
        final long id = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < ITERATIONS; i++)
        {
            sink += step.getAsLong();
        }
        final long allocated = threads.getThreadAllocatedBytes(id) - before;
        if (sink == Long.MIN_VALUE)
        {
            throw new AssertionError("unreachable: keeps the sink alive");
        }
        return allocated;
    }
}
