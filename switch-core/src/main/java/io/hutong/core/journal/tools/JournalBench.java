package io.hutong.core.journal.tools;

import io.hutong.core.journal.ContentHasher;
import io.hutong.core.journal.JournalFlow;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalRecordEncoder;
import io.hutong.core.journal.JournalStatus;
import io.hutong.core.journal.JournalSyncMode;
import io.hutong.core.journal.JournalWriter;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures the journal on this machine's disk, single thread, the way the engine uses it: appends per second
 * and latency per append in {@link JournalSyncMode#NONE} mode, then in {@link JournalSyncMode#SYNC} mode the
 * cost of one group commit (appends of a batch plus one {@link JournalWriter#sync()}) for batches of 1, 10,
 * 100 and 1000 records. Each append is a 320-byte WALLET_RESULT record with every hot-path field set (masked
 * code included); one in {@value #HOPS_PER_PAYMENT} also hashes a 96-byte request content, as the RECEIVED
 * hop of a ten-hop payment does. Operators run it to choose a sync mode for their storage; figures for our machines
 * are in docs/journal.md.
 * <pre>
 *   java ${hutong.jvm.flags} -cp ... io.hutong.core.journal.tools.JournalBench [DIR [APPENDS [SECONDS [none|sync]]]]
 * </pre>
 * Not thread-safe; writes into a fresh sub-directory of DIR and deletes nothing (journal files are large:
 * remove them afterwards).
 */
public final class JournalBench
{
    private static final int[] BATCHES = {1, 10, 100, 1_000};
    private static final int HOPS_PER_PAYMENT = 10;

    private final PrintStream out;
    private final UnsafeBuffer code = new UnsafeBuffer("134567890123456789".getBytes(StandardCharsets.US_ASCII));
    private final UnsafeBuffer canonical = new UnsafeBuffer(new byte[96]);
    private final ContentHasher hasher = new ContentHasher();

    /**
     * @param out where the figures go.
     */
    public JournalBench(final PrintStream out)
    {
        this.out = out;
    }

    /**
     * Run by hand.
     *
     * @param args optional: directory (default: a temporary one), appends for the NONE run (default
     *             2,000,000), seconds per SYNC batch size (default 5), and {@code none} or {@code sync} to run
     *             only one of the two (default both).
     * @throws IOException if the directory cannot be created.
     */
    public static void main(final String[] args) throws IOException
    {
        final Path base = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("hutong-journal-bench");
        final int appends = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        final int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        final String only = args.length > 3 ? args[3] : "";
        System.exit(new JournalBench(System.out).run(base, "sync".equals(only) ? 0 : appends,
            "none".equals(only) ? 0 : seconds));
    }

    /**
     * Run both measurements.
     *
     * @param base        directory under which the journals are written.
     * @param appends     appends measured in NONE mode (the same number again warms up); 0 skips it.
     * @param syncSeconds seconds measured per SYNC batch size; 0 skips it.
     * @return {@link ToolExit#OK}.
     * @throws IOException if a directory cannot be created.
     */
    public int run(final Path base, final int appends, final int syncSeconds) throws IOException
    {
        out.println("journal bench: dir=" + base + " java=" + System.getProperty("java.vm.version") + " cpus=" +
            Runtime.getRuntime().availableProcessors());
        if (appends > 0)
        {
            measureNone(Files.createDirectories(base.resolve("none-" + System.nanoTime())), appends);
        }
        if (syncSeconds > 0)
        {
            measureSync(Files.createDirectories(base.resolve("sync-" + System.nanoTime())), syncSeconds);
        }
        return ToolExit.OK;
    }

    private void measureNone(final Path dir, final int appends)
    {
        final Histogram latency = new Histogram(3);
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            for (int i = 0; i < appends; i++)
            {
                appendHop(writer, i);
            }
            long previous = System.nanoTime();
            final long start = previous;
            for (int i = 0; i < appends; i++)
            {
                appendHop(writer, i);
                final long now = System.nanoTime();
                latency.recordValue(now - previous);
                previous = now;
            }
            final double seconds = (previous - start) / 1e9;
            out.println(String.format(Locale.ROOT,
                "NONE  appends=%d  %.0f appends/s  per append (ns): mean %.0f p50 %d p90 %d p99 %d p99.9 %d max %d",
                appends, appends / seconds, latency.getMean(), latency.getValueAtPercentile(50),
                latency.getValueAtPercentile(90), latency.getValueAtPercentile(99),
                latency.getValueAtPercentile(99.9), latency.getMaxValue()));
        }
    }

    private void measureSync(final Path dir, final int seconds)
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.SYNC))
        {
            for (final int batch : BATCHES)
            {
                final Histogram perBatch = new Histogram(3);
                final Histogram perSync = new Histogram(3);
                final long start = System.nanoTime();
                final long end = start + seconds * 1_000_000_000L;
                long batches = 0;
                long now = start;
                while (now - end < 0)
                {
                    for (int i = 0; i < batch; i++)
                    {
                        appendHop(writer, i);
                    }
                    final long beforeSync = System.nanoTime();
                    writer.sync();
                    final long after = System.nanoTime();
                    perBatch.recordValue(after - now);
                    perSync.recordValue(after - beforeSync);
                    now = after;
                    batches++;
                }
                final double elapsed = (now - start) / 1e9;
                out.println(String.format(Locale.ROOT,
                    "SYNC  batch=%-5d batches=%-6d %.0f records/s  batch+sync (us): p50 %.0f p90 %.0f p99 %.0f " +
                    "max %.0f  sync alone (us): p50 %.0f p99 %.0f",
                    batch, batches, batches * batch / elapsed, perBatch.getValueAtPercentile(50) / 1e3,
                    perBatch.getValueAtPercentile(90) / 1e3, perBatch.getValueAtPercentile(99) / 1e3,
                    perBatch.getMaxValue() / 1e3, perSync.getValueAtPercentile(50) / 1e3,
                    perSync.getValueAtPercentile(99) / 1e3));
            }
        }
    }

    private void appendHop(final JournalWriter writer, final int i)
    {
        canonical.putInt(0, i);
        final JournalRecordEncoder record = writer.begin(JournalHop.WALLET_RESULT, JournalFlow.CPM, i)
            .terminalId("POS-0001")
            .terminalTxnId("T20260501-000001")
            .walletId("wechat")
            .counterpartyWalletId("alipay")
            .amount(1_000)
            .currency(156)
            .status(JournalStatus.WALLET_APPROVED)
            .maskCode(code, 0, code.capacity())
            .walletCode("SUCCESS")
            .walletTxnId("4200001234567890123456789")
            .walletOrderNo("HT000000000000001");
        if (i % HOPS_PER_PAYMENT == 0)
        {
            // Only the RECEIVED hop hashes the request's content; every hop pays for the chain.
            hasher.hash(canonical, 0, canonical.capacity(), record.buffer(), record.contentHashOffset());
        }
        writer.append();
    }
}
