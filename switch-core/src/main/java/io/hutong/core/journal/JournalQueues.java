package io.hutong.core.journal;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place the journal's Chronicle Queue is configured, so writer, reader and tools agree.
 * <p>
 * Stateless; thread-safe.
 */
final class JournalQueues
{
    /**
     * Daily files. LARGE_DAILY rather than FAST_DAILY: FAST_DAILY holds at most 2^32 records a day, and the
     * design load (100,000 records/s) reaches 8.6 billion in a day.
     */
    static final RollCycle ROLL_CYCLE = LargeRollCycles.LARGE_DAILY;

    private JournalQueues()
    {
    }

    static SingleChronicleQueue open(
        final Path directory, final SyncMode syncMode, final boolean readOnly, final TimeProvider timeProvider)
    {
        if (readOnly && !Files.isDirectory(directory))
        {
            throw new JournalException("journal.dir=" + directory + ": no such directory");
        }
        try
        {
            return SingleChronicleQueueBuilder.single(directory.toFile())
                .rollCycle(ROLL_CYCLE)
                .syncMode(syncMode)
                .readOnly(readOnly)
                .timeProvider(timeProvider)
                .build();
        }
        catch (final RuntimeException ex)
        {
            throw new JournalException("journal.dir=" + directory + ": cannot open queue: " + ex.getMessage(), ex);
        }
    }
}
