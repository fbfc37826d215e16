package io.hutong.sim.pos;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live progress of a run: on a terminal one line rewritten in place every second; otherwise (a pipe, a log
 * file, a CI job) a plain line every {@link #PLAIN_EVERY_SECONDS} seconds. Shows the offered rate, final answers per
 * second over the last interval, approved, declined, reversed, in doubt (offered, not final yet) and the
 * p99 of final-answer latency so far.
 * <pre>
 *   [  12s] offered 1000/s  final 998/s  approved 11800  declined 140  reversed 10  in doubt 50  busy 0  errors 0  p99 3.21 ms
 * </pre>
 * Thread-safe by confinement: its own daemon thread, started and stopped by the run.
 */
final class ProgressLine implements AutoCloseable
{
    /** Seconds between lines when not on a terminal. */
    static final int PLAIN_EVERY_SECONDS = 5;

    private final PrintWriter out;
    private final boolean tty;
    private final RunStats stats;
    private final int offeredTps;
    private final long startNs = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;
    private long lastFinished;
    private long lastNs = startNs;
    private int width;

    /**
     * @param out        where to print.
     * @param tty        true to rewrite one line (a console), false for plain lines.
     * @param stats      the run's statistics.
     * @param offeredTps the offered rate.
     */
    ProgressLine(final PrintWriter out, final boolean tty, final RunStats stats, final int offeredTps)
    {
        this.out = out;
        this.tty = tty;
        this.stats = stats;
        this.offeredTps = offeredTps;
        this.thread = new Thread(this::run, "hutong-pos-progress");
        thread.setDaemon(true);
    }

    /**
     * @return this, printing.
     */
    ProgressLine start()
    {
        thread.start();
        return this;
    }

    private void run()
    {
        int second = 0;
        while (running)
        {
            try
            {
                Thread.sleep(1_000);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            second++;
            stats.harvest();
            if (tty || 0 == second % PLAIN_EVERY_SECONDS)
            {
                print(false);
            }
        }
    }

    private synchronized void print(final boolean last)
    {
        final long now = System.nanoTime();
        final RunStats.Counters total = stats.total();
        final long finished = total.approved.sum() + total.declined.sum() + total.reversed.sum();
        final long errors = total.errors.sum();
        final double rate = (finished - lastFinished) / Math.max(1e-9, (now - lastNs) / 1e9);
        lastFinished = finished;
        lastNs = now;
        final long inDoubt = total.sent.sum() - finished - errors;
        final double p99 = stats.hop(RunStats.Hop.FINAL).getValueAtPercentile(99.0) / 1_000.0;
        final String line = String.format(Locale.ROOT,
            "[%4ds] offered %d/s  final %.0f/s  approved %d  declined %d  reversed %d  in doubt %d  busy %d  errors %d  " +
                "p99 %.2f ms", (now - startNs) / 1_000_000_000L, offeredTps, rate, total.approved.sum(),
            total.declined.sum(), total.reversed.sum(), inDoubt, total.busy.sum(), errors, p99);
        if (tty)
        {
            out.print('\r' + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
            if (last)
            {
                out.println();
            }
        }
        else
        {
            out.println(line);
        }
        out.flush();
    }

    /**
     * Stops the thread and prints the final state (on a terminal, ends the line).
     */
    @Override
    public void close()
    {
        running = false;
        thread.interrupt();
        try
        {
            thread.join(2_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        stats.harvest();
        print(true);
    }
}
