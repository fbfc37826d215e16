package io.hutong.sim.pos;

import io.hutong.codec.image.CodeImageReader;
import io.hutong.codec.image.CodeImageWriter;
import io.hutong.codec.image.ImageReadResult;
import io.hutong.codec.image.Symbology;

import java.awt.image.BufferedImage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Codes as a scanner reads them: a worker thread renders fresh codes to a phone's payment screen (Code 128 above a
 * QR, {@link CodeImageWriter#paymentScreenImage}) and reads them back with {@link CodeImageReader} (ZXing), keeping a
 * small stock per wallet for the open-loop dispatcher. Rendering and reading cost milliseconds of CPU, so they stay
 * off the schedule: when the stock is empty the dispatcher uses a code straight from the phone and counts a miss.
 * A code read back differently from what was drawn is discarded (counted) and never presented; codes older than
 * {@link #MAX_AGE_MS} are dropped unused, well inside a code's 60 s life. The worker rests nine times as long as
 * each scan took, so it never takes more than a tenth of a core from the switch it measures on a small machine.
 * <pre>
 *   PhoneCodes --next--&gt; [worker: render, read back, compare] --&gt; stock[wallet] --take--&gt; dispatcher
 * </pre>
 * Thread-safe: one worker thread fills, any thread takes.
 */
final class ScanWorker implements AutoCloseable
{
    /** Oldest stocked code handed out, milliseconds. */
    static final long MAX_AGE_MS = 15_000;
    private static final long IDLE_WAIT_MS = 5;
    private static final int REST_PER_WORK = 9;

    private final PhoneCodes[] codes;
    private final ConcurrentLinkedQueue<Scanned>[] stock;
    private final AtomicInteger[] depth;
    private volatile int[] target;
    private final CodeImageWriter writer = new CodeImageWriter();
    private final CodeImageReader reader = new CodeImageReader();
    private final Thread thread;
    private final LongAdder scanned = new LongAdder();
    private final LongAdder misread = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private volatile RunStats stats;
    private volatile boolean running = true;

    private record Scanned(String code, long madeMs)
    {
        @Override
        public String toString()
        {
            return "Scanned[madeMs=" + madeMs + "]";
        }
    }

    /**
     * @param codes the phones per wallet index (null: no CPM for that wallet).
     */
    @SuppressWarnings("unchecked")
    ScanWorker(final PhoneCodes[] codes)
    {
        this.codes = codes.clone();
        this.target = new int[codes.length];
        this.stock = new ConcurrentLinkedQueue[codes.length];
        this.depth = new AtomicInteger[codes.length];
        for (int i = 0; i < codes.length; i++)
        {
            stock[i] = new ConcurrentLinkedQueue<>();
            depth[i] = new AtomicInteger();
        }
        this.thread = new Thread(this::run, "hutong-pos-scanner");
        thread.setDaemon(true);
    }

    /**
     * Starts the worker thread.
     *
     * @return this.
     */
    ScanWorker start()
    {
        thread.start();
        return this;
    }

    /**
     * @param stockPerWallet codes to keep read back per wallet index, from now on.
     */
    void stock(final int[] stockPerWallet)
    {
        this.target = stockPerWallet.clone();
    }

    /**
     * @param runStats where scan times are recorded from now on.
     */
    void stats(final RunStats runStats)
    {
        this.stats = runStats;
    }

    /**
     * @param wallet a wallet index.
     * @param nowMs  the clock.
     * @return a code read back from its image, or null when none is in stock.
     */
    String take(final int wallet, final long nowMs)
    {
        Scanned code;
        while (null != (code = stock[wallet].poll()))
        {
            depth[wallet].decrementAndGet();
            if (nowMs - code.madeMs() <= MAX_AGE_MS)
            {
                return code.code();
            }
            expired.increment();
        }
        return null;
    }

    /**
     * @return codes rendered and read back correctly.
     */
    long scanned()
    {
        return scanned.sum();
    }

    /**
     * @return codes read back as something else (never presented).
     */
    long misread()
    {
        return misread.sum();
    }

    /**
     * @return stocked codes dropped for age.
     */
    long expired()
    {
        return expired.sum();
    }

    private void run()
    {
        while (running)
        {
            boolean worked = false;
            final int[] stockTarget = target;
            for (int wallet = 0; wallet < codes.length && running; wallet++)
            {
                if (null != codes[wallet] && depth[wallet].get() < stockTarget[wallet])
                {
                    worked |= scanOne(wallet);
                }
            }
            if (!worked)
            {
                try
                {
                    TimeUnit.MILLISECONDS.sleep(IDLE_WAIT_MS);
                }
                catch (final InterruptedException ex)
                {
                    return;
                }
            }
        }
    }

    private boolean scanOne(final int wallet)
    {
        final long madeMs = System.currentTimeMillis();
        final String code = codes[wallet].next(madeMs);
        if (null == code)
        {
            return false;
        }
        final long start = System.nanoTime();
        final BufferedImage screen = writer.paymentScreenImage(code);
        final ImageReadResult read = reader.read(screen);
        final long took = System.nanoTime() - start;
        final RunStats current = stats;
        if (null != current)
        {
            current.hop(RunStats.Hop.SCAN, took);
        }
        rest(took);
        final String text = read.firstText(Symbology.QR_CODE).orElseGet(() -> read.firstText(Symbology.CODE_128).orElse(null));
        if (!code.equals(text))
        {
            misread.increment();
            return true;
        }
        scanned.increment();
        stock[wallet].add(new Scanned(text, madeMs));
        depth[wallet].incrementAndGet();
        return true;
    }

    private void rest(final long workedNanos)
    {
        try
        {
            TimeUnit.NANOSECONDS.sleep(REST_PER_WORK * workedNanos);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close()
    {
        running = false;
        thread.interrupt();
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
