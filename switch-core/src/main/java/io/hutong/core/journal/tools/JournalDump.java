package io.hutong.core.journal.tools;

import io.hutong.core.journal.JournalException;
import io.hutong.core.journal.JournalReader;
import io.hutong.core.journal.JournalRecordDecoder;
import io.hutong.core.journal.JournalRecordHandler;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code journal dump}: every record, oldest first, as one JSON object per line (fields in docs/journal.md).
 * Opens the journal read-only, so it is safe on a live journal and on an archived copy.
 * <p>
 * Not thread-safe; one run at a time.
 */
public final class JournalDump
{
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param out where the JSON lines go.
     * @param err where problems are reported.
     */
    public JournalDump(final PrintStream out, final PrintStream err)
    {
        this.out = out;
        this.err = err;
    }

    /**
     * Dump the journal in a directory.
     *
     * @param directory the journal directory.
     * @return {@link ToolExit#OK}, {@link ToolExit#DAMAGED} if a record was malformed (it is still printed, as an
     *     error line), or {@link ToolExit#UNREADABLE}.
     */
    public int run(final Path directory)
    {
        try (JournalReader reader = JournalReader.openReadOnly(directory); RecordJson json = new RecordJson(out))
        {
            final Printer printer = new Printer(json);
            reader.replay(printer);
            out.flush();
            return printer.malformed > 0 ? ToolExit.DAMAGED : ToolExit.OK;
        }
        catch (final JournalException ex)
        {
            err.println("journal dump: " + ex.getMessage());
            return ToolExit.UNREADABLE;
        }
        catch (final RuntimeException ex)
        {
            err.println("journal dump: journal.dir=" + directory + ": unreadable: " + ex);
            return ToolExit.UNREADABLE;
        }
    }

    static final class Printer implements JournalRecordHandler
    {
        private final RecordJson json;
        long malformed;

        Printer(final RecordJson json)
        {
            this.json = json;
        }

        @Override
        public void onRecord(final long index, final JournalRecordDecoder record)
        {
            json.write(index, record);
        }

        @Override
        public void onMalformed(final long index, final JournalRecordDecoder record)
        {
            malformed++;
            json.write(index, record);
        }
    }
}
