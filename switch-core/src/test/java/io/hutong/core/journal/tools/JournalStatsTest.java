package io.hutong.core.journal.tools;

import io.hutong.core.journal.JournalFlow;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalReader;
import io.hutong.core.journal.JournalSyncMode;
import io.hutong.core.journal.JournalTestSupport.ManualClock;
import io.hutong.core.journal.JournalWriter;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalStatsTest
{
    @TempDir
    Path dir;

    private final ManualClock wall = new ManualClock(1_777_593_600_000_000_000L);
    private final ManualClock monotonic = new ManualClock(1_000_000_000L);

    @Test
    void shouldCountHopsAndMeasureFromReceivedPerTransaction()
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE, wall, monotonic))
        {
            writer.appendAudit(JournalHop.STARTED, "run 1");
            hop(writer, JournalHop.RECEIVED, 1, 0);
            hop(writer, JournalHop.RECEIVED, 2, 5);
            hop(writer, JournalHop.ROUTED, 1, 5);      // txn 1 at 10
            hop(writer, JournalHop.ROUTED, 2, 25);     // txn 2 at 35 -> 30
            hop(writer, JournalHop.WALLET_RESULT, 1, 965); // txn 1 at 1000
            hop(writer, JournalHop.FINAL, 1, 10);      // 1010
            hop(writer, JournalHop.REPLIED, 1, 10);    // 1020
            hop(writer, JournalHop.WALLET_RESULT, 2, 1985); // txn 2 at 3005 -> 3000
            hop(writer, JournalHop.FINAL, 2, 10);      // 3010
            hop(writer, JournalHop.REPLIED, 2, 10);    // 3020
            hop(writer, JournalHop.RECEIVED, 3, 100);
        }
        // Restart: the monotonic clock starts again from a small value; wall time moves on by 2000 us.
        final ManualClock restarted = new ManualClock(5_000L);
        wall.advanceMicros(2_000);
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE, wall, restarted))
        {
            writer.appendAudit(JournalHop.STARTED, "run 2");
            writer.begin(JournalHop.REPLIED, JournalFlow.CPM, 3);
            writer.append();
        }

        final JournalStatistics statistics = new JournalStatistics();
        try (JournalReader reader = JournalReader.openReadOnly(dir))
        {
            reader.replay(statistics);
        }

        assertThat(statistics.records()).isEqualTo(14);
        assertThat(statistics.count(JournalHop.RECEIVED)).isEqualTo(3);
        assertThat(statistics.count(JournalHop.REPLIED)).isEqualTo(3);
        assertThat(statistics.count(JournalHop.STARTED)).isEqualTo(2);
        assertThat(statistics.openTransactions()).isEqualTo(1);
        assertMicros(statistics.latency(JournalHop.ROUTED), 2, 10, 30);
        assertMicros(statistics.latency(JournalHop.WALLET_RESULT), 2, 1_000, 3_000);
        assertMicros(statistics.latency(JournalHop.FINAL), 2, 1_010, 3_010);
        final Histogram total = statistics.latency(JournalHop.REPLIED);
        assertThat(total.getTotalCount()).isEqualTo(3);
        assertThat((double)total.getValueAtPercentile(50)).isCloseTo(2_000_000, withinPercentage(0.1));
        assertThat((double)total.getMaxValue()).isCloseTo(3_020_000, withinPercentage(0.1));
        assertThat((double)total.getMinValue()).isCloseTo(1_020_000, withinPercentage(0.1));
        assertThat(statistics.latency(JournalHop.WALLET_SENT)).isNull();

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(new JournalStats(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(dir))
            .isEqualTo(ToolExit.OK);
        final String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains(" records=14 malformed=0 ").contains(" open=1");
        assertThat(text).containsPattern("(?m)^RECEIVED +3$");
        assertThat(text).containsPattern("(?m)^from RECEIVED \\(us\\) +count +p50 +p90 +p99 +p99\\.9 +max$");
        assertThat(text).containsPattern("(?m)^ROUTED +2 +10\\.0 +30\\.0 +30\\.0 +30\\.0 +30\\.0$");
        assertThat(text).containsPattern("(?m)^REPLIED \\(total\\) +3 +200[01]\\.\\d( +302[01]\\.\\d){4}$");
    }

    private void hop(final JournalWriter writer, final JournalHop hop, final long txnId, final long afterMicros)
    {
        wall.advanceMicros(afterMicros);
        monotonic.advanceMicros(afterMicros);
        writer.begin(hop, JournalFlow.CPM, txnId);
        writer.append();
    }

    private static void assertMicros(final Histogram histogram, final long count, final long min, final long max)
    {
        assertThat(histogram.getTotalCount()).isEqualTo(count);
        assertThat((double)histogram.getMinValue()).isCloseTo(min * 1_000.0, withinPercentage(0.1));
        assertThat((double)histogram.getMaxValue()).isCloseTo(max * 1_000.0, withinPercentage(0.1));
    }
}
