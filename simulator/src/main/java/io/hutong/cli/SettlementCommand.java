package io.hutong.cli;

import io.hutong.core.keys.DataDirectory;
import io.hutong.core.settlement.SettlementReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * {@code hutong settlement [--date D] [--dir DIR] [--csv FILE]}: net the day's positions between wallets from
 * the journal, print who owes whom, and write them as CSV.
 */
@Command(
    name = "settlement",
    mixinStandardHelpOptions = true,
    header = "Net positions between wallets for a day, from the journal (table and CSV).",
    description = {
        "Replays the journal and nets the obligations of the settlement day (China Standard Time): CPM approved:",
        "issuer owes acquirer; MPM approved: payer owes payee; refunds and voids undo. Prints one line per pair",
        "that owes and writes the same as CSV (default DATA/settlement-<date>.csv)." },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = { "0:report written", "2:bad date or no readable journal", "1:internal fault" })
final class SettlementCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Settlement day (default: today in Asia/Shanghai).")
    private String date;

    @Option(names = "--dir", paramLabel = "DIR", description = "Journal directory (default: DATA/journal).")
    private Path directory;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: $HUTONG_DATA or ./hutong-data).")
    private String data;

    @Option(names = "--csv", paramLabel = "FILE", description = "CSV output (default: DATA/settlement-<date>.csv).")
    private Path csv;

    @Override
    public Integer call()
    {
        final LocalDate day;
        try
        {
            day = null == date ? LocalDate.now(SettlementReport.ZONE) : LocalDate.parse(date);
        }
        catch (final DateTimeParseException ex)
        {
            throw new IllegalArgumentException("--date=" + date + ": must be YYYY-MM-DD");
        }
        final Path dataDir = DataDirectory.resolve(data);
        final Path journal = null != directory ? directory : dataDir.resolve("journal");
        if (!Files.isDirectory(journal))
        {
            throw new IllegalArgumentException("--dir=" + journal + ": no journal there");
        }
        final SettlementReport report = new SettlementReport(day).read(journal);
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        report.print(out);
        final Path file = null != csv ? csv : dataDir.resolve("settlement-" + day + ".csv");
        report.writeCsv(file);
        out.println("csv " + file);
        return HutongCli.EXIT_OK;
    }
}
