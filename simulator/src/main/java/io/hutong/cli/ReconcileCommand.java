package io.hutong.cli;

import io.hutong.core.keys.DataDirectory;
import io.hutong.sim.reconcile.ReconcileInputException;
import io.hutong.sim.reconcile.Reconciler;
import io.hutong.sim.reconcile.ReconciliationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code hutong reconcile --journal DIR --wallets CREDENTIALS.json [--report FILE.json] [--final]}: compare the
 * switch's journal with every wallet's ledger and print a short summary (a contract). Exit 0 when there is no
 * finding, 3 when there are findings, 2 when an input cannot be read (the wallet named), 1 for an internal fault.
 * See docs/reconciliation.md.
 */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    header = "Compare the switch's journal with every wallet's ledger: lost, duplicate, orphan, mismatched.",
    description = {
        "Reads the journal (read-only, safe while the switch runs) and every wallet's ledger (GET <baseUrl>/sim/ledger",
        "of each wallet in the credentials file), then checks that every payment the switch decided appears at its",
        "wallets exactly once in the same final state, and that every debit at a wallet belongs to a payment.",
        "Counts lost, duplicates, orphans and mismatched; payments still in progress at the switch are in doubt, not",
        "findings, unless --final. Prints a summary and the first findings; --report writes them all as JSON.",
        "See docs/reconciliation.md." },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = { "0:clean: no finding", "3:findings (lost, duplicates, orphans or mismatched above zero)",
        "2:an input cannot be read: journal, credentials, or a wallet (unreachable or not a ledger)",
        "1:internal fault" })
final class ReconcileCommand implements Callable<Integer>
{
    /** Findings above zero. */
    static final int EXIT_FINDINGS = 3;
    /** Findings printed on stdout; the report file has up to --max-findings. */
    private static final int PRINTED_FINDINGS = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "The switch's journal directory (default: DATA/journal).")
    private Path journal;

    @Option(names = "--wallets", paramLabel = "CREDENTIALS.json",
        description = "The wallets' credentials file (default: DATA/wallets/credentials.json).")
    private Path wallets;

    @Option(names = "--data", paramLabel = "DIR",
        description = "Data directory for the defaults (default: $HUTONG_DATA or ./hutong-data).")
    private String data;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the whole report as JSON.")
    private Path report;

    @Option(names = "--final",
        description = "The system is quiet: payments still in progress and unexplained new orders are orphans, " +
            "not in doubt.")
    private boolean strict;

    @Option(names = "--max-findings", paramLabel = "N", defaultValue = "" + Reconciler.DEFAULT_MAX_FINDINGS,
        description = "Findings kept in the report (default: ${DEFAULT-VALUE}); counts are always exact.")
    private int maxFindings;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "30000",
        description = "Connection and ledger page timeout per wallet (default: ${DEFAULT-VALUE}).")
    private long timeoutMs;

    @Option(names = "--settle-ms", paramLabel = "MS", defaultValue = "0",
        description = "Wait up to MS for payments in progress at the switch (reversals, hold releases) to finish " +
            "before comparing (default: ${DEFAULT-VALUE}).")
    private long settleMs;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (maxFindings < 0 || timeoutMs <= 0 || settleMs < 0)
        {
            throw new IllegalArgumentException(maxFindings < 0 ? "--max-findings=" + maxFindings + ": must be >= 0" :
                timeoutMs <= 0 ? "--timeout-ms=" + timeoutMs + ": must be > 0" :
                    "--settle-ms=" + settleMs + ": must be >= 0");
        }
        final Path dataDir = null == journal || null == wallets ? DataDirectory.resolve(data) : null;
        final Path journalDir = null != journal ? journal : dataDir.resolve("journal");
        final Path credentials = null != wallets ? wallets : dataDir.resolve("wallets").resolve("credentials.json");
        final ReconciliationReport result;
        try
        {
            result = new Reconciler().strict(strict).maxFindings(maxFindings).timeout(Duration.ofMillis(timeoutMs))
                .settleTimeout(Duration.ofMillis(settleMs)).run(journalDir, credentials);
        }
        catch (final ReconcileInputException ex)
        {
            err.println("hutong reconcile: " + ex.getMessage());
            err.flush();
            return HutongCli.EXIT_INVALID;
        }
        result.print(out, PRINTED_FINDINGS);
        if (null != report)
        {
            try
            {
                result.write(report);
            }
            catch (final UncheckedIOException ex)
            {
                err.println("hutong reconcile: " + ex.getMessage());
                err.flush();
                return HutongCli.EXIT_INVALID;
            }
            out.println("report " + report);
            out.flush();
        }
        return result.isClean() ? HutongCli.EXIT_OK : EXIT_FINDINGS;
    }
}
