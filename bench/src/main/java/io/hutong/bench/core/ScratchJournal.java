package io.hutong.bench.core;

import io.hutong.core.engine.ChronicleJournal;
import io.hutong.core.journal.JournalSyncMode;
import io.hutong.core.journal.JournalWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real journal (Chronicle Queue through {@link JournalWriter} and the engine's {@link ChronicleJournal}) in a
 * fresh directory under {@code java.io.tmpdir}, deleted with everything in it on {@link #close()}: the journal
 * grows by about 2.3 KB per payment, so each benchmark trial starts empty and leaves nothing behind. Point
 * {@code -Djava.io.tmpdir} at the storage to be measured (it matters for SYNC).
 * <p>
 * Not thread-safe: the writer belongs to the thread that appends first (see {@link JournalWriter}).
 */
public final class ScratchJournal implements AutoCloseable
{
    private final Path directory;
    private final JournalWriter writer;
    private final ChronicleJournal journal;

    private ScratchJournal(final Path directory, final JournalWriter writer)
    {
        this.directory = directory;
        this.writer = writer;
        this.journal = new ChronicleJournal(writer);
    }

    /**
     * Open an empty journal.
     *
     * @param syncMode what a commit does.
     * @return the journal.
     * @throws UncheckedIOException if the directory cannot be created.
     */
    public static ScratchJournal open(final JournalSyncMode syncMode)
    {
        final Path directory;
        try
        {
            directory = Files.createTempDirectory("hutong-bench-journal-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("java.io.tmpdir=" + System.getProperty("java.io.tmpdir") +
                ": cannot create a journal directory", ex);
        }
        return new ScratchJournal(directory, JournalWriter.open(directory, syncMode));
    }

    /**
     * @return the journal directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * @return the writer under {@link #journal()}.
     */
    public JournalWriter writer()
    {
        return writer;
    }

    /**
     * @return the engine's journal over {@link #writer()}.
     */
    public ChronicleJournal journal()
    {
        return journal;
    }

    /**
     * Close the journal and delete its directory.
     *
     * @throws UncheckedIOException if a file cannot be deleted.
     */
    @Override
    public void close()
    {
        try
        {
            journal.close();
        }
        finally
        {
            delete(directory);
        }
    }

    private static void delete(final Path directory)
    {
        try (Stream<Path> walk = Files.walk(directory))
        {
            final List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (final Path path : paths)
            {
                Files.delete(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("journal.dir=" + directory + ": cannot delete", ex);
        }
    }
}
