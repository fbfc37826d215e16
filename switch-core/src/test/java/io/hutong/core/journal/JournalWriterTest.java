package io.hutong.core.journal;

import io.hutong.core.journal.JournalTestSupport.ManualClock;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.hutong.core.journal.JournalTestSupport.appendApprovedPayment;
import static io.hutong.core.journal.JournalTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalWriterTest
{
    @TempDir
    Path dir;

    @Test
    void shouldAppendStampAndReplayInOrder()
    {
        final ManualClock clock = new ManualClock(1_777_000_000_000_000_000L);
        final long first;
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE, clock, clock))
        {
            assertThat(writer.lastIndex()).isEqualTo(-1);
            writer.appendAudit(JournalHop.STARTED, "node=a");
            first = writer.lastIndex();
            clock.advanceMicros(5);
            appendApprovedPayment(writer, 7, "t-7");
            assertThat(writer.appendedCount()).isEqualTo(7);
        }

        final List<Long> indexes = new ArrayList<>();
        final List<Long> stamps = new ArrayList<>();
        try (JournalReader reader = JournalReader.openReadOnly(dir))
        {
            final long count = reader.replay((index, record) ->
            {
                indexes.add(index);
                stamps.add(record.epochNanos());
            });
            assertThat(count).isEqualTo(7);
            assertThat(reader.firstIndex()).isEqualTo(first);
        }
        assertThat(indexes).isSorted().doesNotHaveDuplicates();
        assertThat(stamps.get(0)).isEqualTo(1_777_000_000_000_000_000L);
        assertThat(stamps.get(1)).isEqualTo(1_777_000_000_000_005_000L);
        assertThat(readAll(dir)).containsExactly(
            "STARTED 0 ", "RECEIVED 7 t-7", "ROUTED 7 ", "WALLET_SENT 7 ", "WALLET_RESULT 7 ", "FINAL 7 ",
            "REPLIED 7 ");
    }

    @Test
    void shouldChainFromGenesisAndAcrossRestarts()
    {
        final UnsafeBuffer chainAtClose = new UnsafeBuffer(new byte[32]);
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            appendApprovedPayment(writer, 1, "t-1");
            writer.lastChain(chainAtClose, 0);
        }
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.SYNC))
        {
            final UnsafeBuffer resumed = new UnsafeBuffer(new byte[32]);
            writer.lastChain(resumed, 0);
            assertThat(resumed.byteArray()).isEqualTo(chainAtClose.byteArray());
            appendApprovedPayment(writer, 2, "t-2");
            writer.sync();
        }
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            appendApprovedPayment(writer, 3, "t-3");
        }

        final ChainVerifier verifier = new ChainVerifier();
        final List<ChainVerifier.Result> results = new ArrayList<>();
        try (JournalReader reader = JournalReader.openReadOnly(dir))
        {
            reader.replay((index, record) -> results.add(verifier.next(record)));
        }
        assertThat(results).hasSize(18).containsOnly(ChainVerifier.Result.OK);
    }

    @Test
    void shouldKeepTheChainAcrossTheDailyRoll()
    {
        final SetTimeProvider day = new SetTimeProvider("2026-05-01T23:59:59");
        final ManualClock clock = new ManualClock(0);
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.SYNC, clock, clock, day))
        {
            appendApprovedPayment(writer, 1, "t-1");
            day.advanceMillis(2_000);
            appendApprovedPayment(writer, 2, "t-2");
            writer.sync();
        }

        assertThat(dir.toFile().list()).contains("20260501L.cq4", "20260502L.cq4");
        final ChainVerifier verifier = new ChainVerifier();
        final List<String> seen = new ArrayList<>();
        try (JournalReader reader = JournalReader.openReadOnly(dir))
        {
            reader.replay((index, record) -> seen.add(JournalIndex.format(index) + " " + verifier.next(record)));
        }
        assertThat(seen).hasSize(12).allMatch(line -> line.endsWith(" OK"));
        assertThat(seen.get(0)).startsWith("2026-05-01#0");
        assertThat(seen.get(6)).startsWith("2026-05-02#0");
    }

    @Test
    void shouldReplayFromAnIndexAndRefuseAnUnknownOne()
    {
        final long third;
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            writer.appendAudit(JournalHop.STARTED, "a");
            writer.appendAudit(JournalHop.CONFIG_LOADED, "b");
            third = writer.appendAudit(JournalHop.LOGON, "c");
            writer.appendAudit(JournalHop.STOPPED, "d");
        }
        final List<String> details = new ArrayList<>();
        try (JournalReader reader = JournalReader.openReadOnly(dir))
        {
            assertThat(reader.replayFrom(third, (index, record) -> details.add(record.detail()))).isEqualTo(2);
            assertThat(reader.replayFrom(third + 1_000, (index, record) -> details.add("never")))
                .isEqualTo(JournalReader.NO_SUCH_INDEX);
        }
        assertThat(details).containsExactly("c", "d");
    }

    @Test
    void shouldResumeANamedTailerWhereItStopped()
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            for (int i = 0; i < 5; i++)
            {
                writer.appendAudit(JournalHop.ALERT, "alert-" + i);
            }
        }
        final List<String> seen = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir); JournalTailer tailer = reader.namedTailer("settlement"))
        {
            assertThat(tailer.poll((index, record) -> seen.add(record.detail()), 2)).isEqualTo(2);
        }
        try (JournalReader reader = JournalReader.open(dir); JournalTailer tailer = reader.namedTailer("settlement"))
        {
            assertThat(tailer.poll((index, record) -> seen.add(record.detail()), 10)).isEqualTo(3);
            assertThat(tailer.poll((index, record) -> seen.add("never"), 10)).isZero();
        }
        assertThat(seen).containsExactly("alert-0", "alert-1", "alert-2", "alert-3", "alert-4");
        try (JournalReader reader = JournalReader.openReadOnly(dir))
        {
            assertThatThrownBy(() -> reader.namedTailer("x")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void shouldRefuseAppendWithoutBegin()
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            assertThatThrownBy(writer::append).isInstanceOf(IllegalStateException.class);
            writer.appendAudit(JournalHop.STARTED, "x");
            assertThatThrownBy(writer::append).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void shouldRefuseToOpenAMissingDirectoryReadOnly()
    {
        assertThatThrownBy(() -> JournalReader.openReadOnly(dir.resolve("missing")))
            .isInstanceOf(JournalException.class)
            .hasMessageEndingWith("missing: no such directory");
    }

    @Test
    void shouldAppendFromAnotherThreadThanTheOneThatOpened() throws Exception
    {
        final JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.SYNC);
        final Thread engine = new Thread(() ->
        {
            appendApprovedPayment(writer, 9, "t-9");
            writer.sync();
            writer.close();
        }, "engine");
        engine.start();
        engine.join(30_000);
        assertThat(readAll(dir)).hasSize(6);
    }

    @Test
    void shouldCloseOnAnotherThreadOnceTheOwnerStopped() throws Exception
    {
        final JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.SYNC);
        final Thread engine = new Thread(() -> appendApprovedPayment(writer, 9, "t-9"), "engine");
        engine.start();
        engine.join(30_000);
        writer.close();

        assertThat(readAll(dir)).hasSize(6);
        try (JournalWriter reopened = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            assertThat(reopened.lastIndex()).isNotNegative();
        }
    }
}
