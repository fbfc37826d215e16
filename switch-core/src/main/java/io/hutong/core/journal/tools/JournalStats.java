package io.hutong.core.journal.tools;

import io.hutong.core.journal.JournalException;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalIndex;
import io.hutong.core.journal.JournalReader;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code journal stats}: records per hop, and per-hop latency percentiles from RECEIVED (p50, p90, p99,
 * p99.9, max, in microseconds) computed by {@link JournalStatistics}. Read-only.
 * <pre>
 *   journal.dir=/data/journal records=60 malformed=0 from 2026-05-01#0 to 2026-05-01#59 open=0
 *   hop                    count
 *   RECEIVED                  10
 *   ...
 *   from RECEIVED (us)     count       p50       p90       p99     p99.9       max
 *   ROUTED                    10      12.0      ...
 *   REPLIED (total)           10    1020.0      ...
 * </pre>
 * Not thread-safe; one run at a time.
 */
public final class JournalStats
{
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param out where the tables go.
     * @param err where problems are reported.
     */
    public JournalStats(final PrintStream out, final PrintStream err)
    {
        this.out = out;
        this.err = err;
    }

    /**
     * Print statistics of the journal in a directory.
     *
     * @param directory the journal directory.
     * @return {@link ToolExit#OK}, {@link ToolExit#DAMAGED} if malformed records were met (they are counted),
     *     or {@link ToolExit#UNREADABLE}.
     */
    public int run(final Path directory)
    {
        final JournalStatistics statistics = new JournalStatistics();
        try (JournalReader reader = JournalReader.openReadOnly(directory))
        {
            reader.replay(statistics);
        }
        catch (final JournalException ex)
        {
            err.println("journal stats: " + ex.getMessage());
            return ToolExit.UNREADABLE;
        }
        catch (final RuntimeException ex)
        {
            err.println("journal stats: journal.dir=" + directory + ": unreadable: " + ex);
            return ToolExit.UNREADABLE;
        }
        print(directory, statistics);
        return statistics.malformed() > 0 ? ToolExit.DAMAGED : ToolExit.OK;
    }

    private void print(final Path directory, final JournalStatistics statistics)
    {
        out.println("journal.dir=" + directory + " records=" + statistics.records() + " malformed=" +
            statistics.malformed() + (statistics.records() > 0 ? " from " +
            JournalIndex.format(statistics.firstIndex()) + " to " + JournalIndex.format(statistics.lastIndex()) : "") +
            " open=" + statistics.openTransactions() +
            (statistics.otherCodes() > 0 ? " unknown-hop=" + statistics.otherCodes() : ""));
        out.println(String.format(Locale.ROOT, "%-22s %9s", "hop", "count"));
        for (final JournalHop hop : JournalHop.values())
        {
            if (statistics.count(hop) > 0)
            {
                out.println(String.format(Locale.ROOT, "%-22s %9d", hop.name(), statistics.count(hop)));
            }
        }
        out.println(String.format(Locale.ROOT, "%-22s %9s %9s %9s %9s %9s %9s",
            "from RECEIVED (us)", "count", "p50", "p90", "p99", "p99.9", "max"));
        for (final JournalHop hop : JournalHop.values())
        {
            final Histogram latency = statistics.latency(hop);
            if (null == latency)
            {
                continue;
            }
            final StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-22s %9d",
                JournalHop.REPLIED == hop ? "REPLIED (total)" : hop.name(), latency.getTotalCount()));
            for (final double percentile : PERCENTILES)
            {
                row.append(String.format(Locale.ROOT, " %9.1f", latency.getValueAtPercentile(percentile) / 1_000.0));
            }
            row.append(String.format(Locale.ROOT, " %9.1f", latency.getMaxValue() / 1_000.0));
            out.println(row);
        }
    }
}
