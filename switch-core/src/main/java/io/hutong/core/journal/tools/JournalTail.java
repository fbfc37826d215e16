package io.hutong.core.journal.tools;

import io.hutong.core.journal.JournalException;
import io.hutong.core.journal.JournalReader;
import io.hutong.core.journal.JournalTailer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * {@code journal tail}: print the last few records, then follow the journal as it grows (like
 * {@code tail -f}), one JSON line per record in the {@link JournalDump} format, until the thread is
 * interrupted or the stop condition says so. Read-only; sleeps {@value #IDLE_MILLIS} ms when there is nothing
 * new, so it costs nothing next to a busy switch.
 * <p>
 * Not thread-safe; one run at a time.
 */
public final class JournalTail
{
    /** Pause between polls of an idle journal. */
    public static final long IDLE_MILLIS = 10;

    private static final int BATCH = 256;

    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param out where the JSON lines go.
     * @param err where problems are reported.
     */
    public JournalTail(final PrintStream out, final PrintStream err)
    {
        this.out = out;
        this.err = err;
    }

    /**
     * Follow until this thread is interrupted.
     *
     * @param directory   the journal directory.
     * @param lastRecords how many existing records to print first (0: only new ones).
     * @return {@link ToolExit#OK} when interrupted, {@link ToolExit#DAMAGED} if a malformed record was printed,
     *     {@link ToolExit#UNREADABLE} if the journal could not be opened.
     */
    public int run(final Path directory, final int lastRecords)
    {
        return run(directory, lastRecords, () -> false);
    }

    /**
     * Follow until this thread is interrupted or {@code stop} returns true (checked between polls).
     *
     * @param directory   the journal directory.
     * @param lastRecords how many existing records to print first (0: only new ones).
     * @param stop        asked between polls whether to stop.
     * @return as {@link #run(Path, int)}.
     */
    public int run(final Path directory, final int lastRecords, final BooleanSupplier stop)
    {
        final IdleStrategy idle = new SleepingMillisIdleStrategy(IDLE_MILLIS);
        try (JournalReader reader = JournalReader.openReadOnly(directory);
            JournalTailer tailer = reader.tailer();
            RecordJson json = new RecordJson(out))
        {
            tailer.toLast(lastRecords);
            final JournalDump.Printer printer = new JournalDump.Printer(json);
            while (!Thread.currentThread().isInterrupted() && !stop.getAsBoolean())
            {
                idle.idle(tailer.poll(printer, BATCH));
            }
            out.flush();
            return printer.malformed > 0 ? ToolExit.DAMAGED : ToolExit.OK;
        }
        catch (final JournalException ex)
        {
            err.println("journal tail: " + ex.getMessage());
            return ToolExit.UNREADABLE;
        }
        catch (final RuntimeException ex)
        {
            err.println("journal tail: journal.dir=" + directory + ": unreadable: " + ex);
            return ToolExit.UNREADABLE;
        }
    }
}
