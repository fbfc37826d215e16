package io.hutong.core.journal.tools;

import io.hutong.core.journal.ChainVerifier;
import io.hutong.core.journal.JournalException;
import io.hutong.core.journal.JournalIndex;
import io.hutong.core.journal.JournalReader;
import io.hutong.core.journal.JournalRecordDecoder;
import io.hutong.core.journal.JournalRecordHandler;
import io.hutong.core.journal.JournalTailer;

import org.agrona.DirectBuffer;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code journal verify}: recompute the hash chain over every record, oldest first, and report the first record
 * that is malformed or does not chain to the one before, with its index. A problem at the very last record is
 * reported as a torn tail (what a crash or power cut during a write leaves); anywhere else as a break (what an
 * edit, insertion or removal leaves). Read-only.
 * <p>
 * By default the first record present must chain from the genesis value; when older days were archived away,
 * {@code anchorAtFirst} trusts the first record present and checks from the second on.
 * <p>
 * Not thread-safe; one run at a time.
 */
public final class JournalVerify
{
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param out where the verdict goes.
     * @param err where problems opening the journal are reported.
     */
    public JournalVerify(final PrintStream out, final PrintStream err)
    {
        this.out = out;
        this.err = err;
    }

    /**
     * Verify from the genesis value.
     *
     * @param directory the journal directory.
     * @return {@link ToolExit#OK} clean, {@link ToolExit#DAMAGED} broken or torn, {@link ToolExit#UNREADABLE}.
     */
    public int run(final Path directory)
    {
        return run(directory, false);
    }

    /**
     * Verify the journal in a directory.
     *
     * @param directory     the journal directory.
     * @param anchorAtFirst trust the first record present instead of requiring it to chain from genesis.
     * @return {@link ToolExit#OK} clean, {@link ToolExit#DAMAGED} broken or torn, {@link ToolExit#UNREADABLE}.
     */
    public int run(final Path directory, final boolean anchorAtFirst)
    {
        final Walk walk = new Walk(anchorAtFirst);
        try (JournalReader reader = JournalReader.openReadOnly(directory); JournalTailer tailer = reader.tailer())
        {
            try
            {
                while (tailer.readOne(walk))
                {
                    // the handler does the work
                }
            }
            catch (final RuntimeException ex)
            {
                out.println("verify: journal.dir=" + directory + " DAMAGED: unreadable after " + walk.records +
                    " records (last good index " + format(walk.lastIndex) + "): " + ex);
                return ToolExit.DAMAGED;
            }
            return report(directory, walk);
        }
        catch (final JournalException ex)
        {
            err.println("journal verify: " + ex.getMessage());
            return ToolExit.UNREADABLE;
        }
        catch (final RuntimeException ex)
        {
            err.println("journal verify: journal.dir=" + directory + ": unreadable: " + ex);
            return ToolExit.UNREADABLE;
        }
    }

    private int report(final Path directory, final Walk walk)
    {
        if (0 == walk.problems)
        {
            out.println("verify: journal.dir=" + directory + " OK: " + walk.records + " records chained" +
                (walk.records > 0 ? " from " + format(walk.firstIndex) + " to " + format(walk.lastIndex) +
                    (walk.anchorAtFirst ? " (anchored at the first record)" : " (from genesis)") +
                    ", last chain " + hex(walk.verifier.previous()) : ""));
            return ToolExit.OK;
        }
        final boolean torn = walk.firstProblemIndex == walk.lastIndex;
        out.println("verify: journal.dir=" + directory + (torn ? " TORN TAIL" : " BROKEN") + " at index " +
            format(walk.firstProblemIndex) + " (record " + walk.firstProblemOrdinal + " of " + walk.records + "): " +
            walk.firstProblem + "; " + walk.problems + " problem record(s) in all");
        return ToolExit.DAMAGED;
    }

    private static String hex(final DirectBuffer value)
    {
        final StringBuilder hex = new StringBuilder(2 * value.capacity());
        for (int i = 0; i < value.capacity(); i++)
        {
            hex.append(Character.forDigit((value.getByte(i) >>> 4) & 0xF, 16))
                .append(Character.forDigit(value.getByte(i) & 0xF, 16));
        }
        return hex.toString();
    }

    private static String format(final long index)
    {
        return index < 0 ? "none" : JournalIndex.format(index) + " (0x" + Long.toHexString(index) + ")";
    }

    private static final class Walk implements JournalRecordHandler
    {
        private final ChainVerifier verifier = new ChainVerifier();
        private final boolean anchorAtFirst;
        private long records;
        private long problems;
        private long firstIndex = -1;
        private long lastIndex = -1;
        private long firstProblemIndex = -1;
        private long firstProblemOrdinal;
        private String firstProblem;

        Walk(final boolean anchorAtFirst)
        {
            this.anchorAtFirst = anchorAtFirst;
        }

        @Override
        public void onRecord(final long index, final JournalRecordDecoder record)
        {
            seen(index);
            if (anchorAtFirst && 1 == records)
            {
                verifier.anchor(record.buffer(), record.chainOffset());
            }
            else if (verifier.next(record) == ChainVerifier.Result.MISMATCH)
            {
                problem(index, 1 == records ?
                    "chain does not start at genesis (older days removed? use anchorAtFirst)" :
                    "chain mismatch: the record or the one before was altered, inserted or removed");
            }
        }

        @Override
        public void onMalformed(final long index, final JournalRecordDecoder record)
        {
            seen(index);
            verifier.next(record);
            problem(index, "malformed record: " + record.error() + ", " + record.length() + " bytes");
        }

        private void seen(final long index)
        {
            records++;
            if (firstIndex < 0)
            {
                firstIndex = index;
            }
            lastIndex = index;
        }

        private void problem(final long index, final String what)
        {
            problems++;
            if (firstProblemIndex < 0)
            {
                firstProblemIndex = index;
                firstProblemOrdinal = records;
                firstProblem = what;
            }
        }
    }
}
