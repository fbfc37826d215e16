package io.hutong.core.journal;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.nio.file.Path;

/**
 * Reads a journal directory: replay from the start (recovery rebuilds idempotency, positions and the reversal
 * queue this way), replay from an index, or hand out tailers, named ones resuming where they stopped. Records
 * arrive at a {@link JournalRecordHandler} as flyweight views; nothing is allocated per record.
 * <p>
 * A reader may run while a {@link JournalWriter} (in this process or another) appends to the same directory.
 * <p>
 * Not thread-safe: use from one thread; each {@link JournalTailer} belongs to the thread that created it.
 */
public final class JournalReader implements AutoCloseable
{
    /** Returned by {@link #replayFrom} when the index does not exist in the journal. */
    public static final long NO_SUCH_INDEX = -1;

    private final Path directory;
    private final SingleChronicleQueue queue;
    private final boolean readOnly;

    private JournalReader(final Path directory, final SingleChronicleQueue queue, final boolean readOnly)
    {
        this.directory = directory;
        this.queue = queue;
        this.readOnly = readOnly;
    }

    /**
     * Open a journal for reading, allowing named tailers (which store their position in the directory).
     *
     * @param directory the journal directory; created if missing.
     * @return the reader.
     * @throws JournalException if the queue cannot be opened.
     */
    public static JournalReader open(final Path directory)
    {
        return new JournalReader(
            directory, JournalQueues.open(directory, SyncMode.NONE, false, SystemTimeProvider.INSTANCE), false);
    }

    /**
     * Open a journal strictly read-only (tools, archived copies): nothing in the directory is created or
     * changed, and named tailers are refused.
     *
     * @param directory an existing journal directory.
     * @return the reader.
     * @throws JournalException if the directory does not exist or the queue cannot be opened.
     */
    public static JournalReader openReadOnly(final Path directory)
    {
        return new JournalReader(
            directory, JournalQueues.open(directory, SyncMode.NONE, true, SystemTimeProvider.INSTANCE), true);
    }

    /**
     * Deliver every record from the first to the last present now.
     *
     * @param handler receives each record.
     * @return records delivered (valid and malformed).
     */
    public long replay(final JournalRecordHandler handler)
    {
        try (JournalTailer tailer = tailer())
        {
            return drain(tailer.toStart(), handler);
        }
    }

    /**
     * Deliver every record from {@code index} to the last present now.
     *
     * @param index   the first index to deliver.
     * @param handler receives each record.
     * @return records delivered, or {@link #NO_SUCH_INDEX} if {@code index} is not in the journal.
     */
    public long replayFrom(final long index, final JournalRecordHandler handler)
    {
        try (JournalTailer tailer = tailer())
        {
            if (!tailer.moveToIndex(index))
            {
                return NO_SUCH_INDEX;
            }
            return drain(tailer, handler);
        }
    }

    /**
     * A new anonymous tailer at the first record. The caller closes it.
     *
     * @return the tailer.
     */
    public JournalTailer tailer()
    {
        return new JournalTailer(queue.createTailer());
    }

    /**
     * A named tailer: it starts at the first record the first time, and afterwards where the tailer of that
     * name last read, across restarts. The caller closes it.
     *
     * @param name a stable consumer name, e.g. {@code settlement}.
     * @return the tailer.
     * @throws IllegalStateException on a read-only reader, which cannot store positions.
     */
    public JournalTailer namedTailer(final String name)
    {
        if (readOnly)
        {
            throw new IllegalStateException("journal.dir=" + directory + " tailer=" + name +
                ": named tailers need a writable reader (JournalReader.open)");
        }
        return new JournalTailer(queue.createTailer(name));
    }

    /**
     * @return the index of the first record present, or {@link Long#MAX_VALUE} when the journal is empty.
     */
    public long firstIndex()
    {
        return queue.firstIndex();
    }

    /**
     * @return the index of the last record present, or -1 when the journal is empty.
     */
    public long lastIndex()
    {
        return queue.lastIndex();
    }

    /**
     * @return the directory read.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * Close the queue.
     */
    @Override
    public void close()
    {
        queue.close();
    }

    private static long drain(final JournalTailer tailer, final JournalRecordHandler handler)
    {
        long count = 0;
        while (tailer.readOne(handler))
        {
            count++;
        }
        return count;
    }
}
