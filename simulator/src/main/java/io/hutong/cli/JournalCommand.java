package io.hutong.cli;

import io.hutong.core.journal.tools.JournalDump;
import io.hutong.core.journal.tools.JournalStats;
import io.hutong.core.journal.tools.JournalTail;
import io.hutong.core.journal.tools.JournalVerify;
import io.hutong.core.keys.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hutong journal tail|dump|stats|verify [--dir DIR]}: read the switch's journal. Exit codes: 0 ok,
 * 2 unreadable (no journal there, not a queue), 3 damaged (a hash-chain break or a torn tail). See
 * docs/journal.md.
 */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    header = "Read the switch's journal: tail, dump, stats, verify.",
    description = "Every hop of every payment, one record each, chained with SM3. See docs/journal.md.",
    subcommands = {
        JournalCommand.Tail.class, JournalCommand.Dump.class, JournalCommand.Stats.class, JournalCommand.Verify.class },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = { "0:ok", "2:no readable journal at --dir", "3:damaged: chain break or torn tail" })
final class JournalCommand
{
    private JournalCommand()
    {
    }

    /**
     * Where the journal is: --dir, else DATA/journal.
     */
    static final class Location
    {
        @Option(names = "--dir", paramLabel = "DIR",
            description = "Journal directory (default: DATA/journal, DATA = $HUTONG_DATA or ./hutong-data).")
        private Path directory;

        @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: $HUTONG_DATA or ./hutong-data).")
        private String data;

        Path resolve()
        {
            return null != directory ? directory : DataDirectory.resolve(data).resolve("journal");
        }
    }

    static PrintStream out()
    {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    static PrintStream err()
    {
        return new PrintStream(System.err, true, StandardCharsets.UTF_8);
    }

    @Command(name = "tail", mixinStandardHelpOptions = true,
        header = "Print the last records as JSON lines, then follow new ones until interrupted.")
    static final class Tail implements Callable<Integer>
    {
        @picocli.CommandLine.Mixin
        private Location location;

        @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "10", description = "Records to show first (default: 10).")
        private int lines;

        @Override
        public Integer call()
        {
            return new JournalTail(out(), err()).run(location.resolve(), lines);
        }
    }

    @Command(name = "dump", mixinStandardHelpOptions = true, header = "Print every record as one JSON line.")
    static final class Dump implements Callable<Integer>
    {
        @picocli.CommandLine.Mixin
        private Location location;

        @Override
        public Integer call()
        {
            return new JournalDump(out(), err()).run(location.resolve());
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
        header = "Count records per hop and give per-hop latency percentiles from RECEIVED, in microseconds.")
    static final class Stats implements Callable<Integer>
    {
        @picocli.CommandLine.Mixin
        private Location location;

        @Override
        public Integer call()
        {
            return new JournalStats(out(), err()).run(location.resolve());
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Recompute the SM3 hash chain; report the first break or a torn tail (exit 3).")
    static final class Verify implements Callable<Integer>
    {
        @picocli.CommandLine.Mixin
        private Location location;

        @Option(names = "--from-first", description = "Trust the first record present (older days were archived).")
        private boolean fromFirst;

        @Override
        public Integer call()
        {
            return new JournalVerify(out(), err()).run(location.resolve(), fromFirst);
        }
    }
}
