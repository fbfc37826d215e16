package io.hutong.core.journal.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalSyncMode;
import io.hutong.core.journal.JournalWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalTailTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldPrintTheLastRecordsThenFollowNewOnesUntilStopped() throws Exception
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            writer.appendAudit(JournalHop.STARTED, "old-1");
            writer.appendAudit(JournalHop.LOGON, "old-2");
            writer.appendAudit(JournalHop.LOGON, "old-3");
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        final AtomicBoolean stop = new AtomicBoolean();
        final CompletableFuture<Integer> tail = CompletableFuture.supplyAsync(
            () -> new JournalTail(print, System.err).run(dir, 2, stop::get));

        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            waitForLines(out, 2);
            writer.appendAudit(JournalHop.ALERT, "new-1");
            writer.appendAudit(JournalHop.STOPPED, "new-2");
            waitForLines(out, 4);
        }
        stop.set(true);

        assertThat(tail.get(30, TimeUnit.SECONDS)).isEqualTo(ToolExit.OK);
        final List<String> details = new ArrayList<>();
        for (final String line : out.toString(StandardCharsets.UTF_8).split("\n"))
        {
            details.add(MAPPER.readTree(line).get("detail").asText());
        }
        assertThat(details).containsExactly("old-2", "old-3", "new-1", "new-2");
    }

    @Test
    void shouldStopWhenInterrupted() throws Exception
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            writer.appendAudit(JournalHop.STARTED, "x");
        }
        final int[] exit = {-1};
        final Thread thread = new Thread(() -> exit[0] = new JournalTail(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err).run(dir, 0));
        thread.start();
        Thread.sleep(200);
        thread.interrupt();
        thread.join(30_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(exit[0]).isEqualTo(ToolExit.OK);
    }

    private static void waitForLines(final ByteArrayOutputStream out, final int lines) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (out.toString(StandardCharsets.UTF_8).split("\n", -1).length - 1 < lines)
        {
            assertThat(System.nanoTime() - deadline).as("waiting for %d lines", lines).isNegative();
            Thread.sleep(5);
        }
    }
}
