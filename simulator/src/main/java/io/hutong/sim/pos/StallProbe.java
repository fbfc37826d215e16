package io.hutong.sim.pos;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the machine under the generator: a thread that sleeps 1 ms at a time and records how late it wakes, as the
 * {@code stall} hop. On a quiet machine that is tens of microseconds; when other processes starve the CPU, or the JVM
 * pauses, it grows, and every latency the generator measures grows with it. Reported so that a figure taken on a busy
 * machine says so.
 * <p>
 * Thread-safe by confinement: its own daemon thread, started and stopped by the run.
 */
final class StallProbe implements AutoCloseable
{
    private static final long SLEEP_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final RunStats stats;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param stats where the wake-up delays go.
     */
    StallProbe(final RunStats stats)
    {
        this.stats = stats;
        this.thread = new Thread(this::run, "hutong-pos-stall-probe");
        thread.setDaemon(true);
    }

    /**
     * @return this, probing.
     */
    StallProbe start()
    {
        thread.start();
        return this;
    }

    private void run()
    {
        while (running)
        {
            final long before = System.nanoTime();
            LockSupport.parkNanos(SLEEP_NS);
            stats.hop(RunStats.Hop.STALL, System.nanoTime() - before - SLEEP_NS);
        }
    }

    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(1_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
