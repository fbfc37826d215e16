package io.hutong.cli;

import io.hutong.sim.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hutong demo [--seconds N] [--tps N] [--warmup-seconds N] [--report FILE.json] [--html FILE.html] [--data DIR]}: the whole
 * system in one process under a mixed, faulty load, reconciled at the end. Exits 0 only when reconciliation is
 * clean.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "Run wallets, switch and POS terminals under a mixed load with faults, then reconcile.",
    description = {
        "Starts the seven simulated wallets, the switch and 16 POS terminals in this process on loopback, offers",
        "CPM payments over the POS protocol and MPM payments over the HTTP API across all wallets, with injected",
        "faults (slow answers, consumers confirming in the app, timeouts, 'outcome unknown' errors, one wallet's",
        "brownout), then reconciles the switch's journal with every wallet's ledger and prints throughput, latency",
        "per hop and per wallet, outcomes and reconciliation. A fault-free warm-up at the same rate comes first.",
        "Takes about --warmup-seconds plus --seconds plus 5-10 s." },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = { "0:reconciliation clean", "3:reconciliation found lost, duplicate, orphan or mismatched payments",
        "2:invalid options", "1:internal fault" })
final class DemoCommand implements Callable<Integer>
{
    /** Reconciliation found something. */
    static final int EXIT_FINDINGS = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "" + Demo.DEFAULT_SECONDS,
        description = "Length of the load (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--tps", paramLabel = "N", defaultValue = "" + Demo.DEFAULT_TPS,
        description = "Offered payments per second (default: ${DEFAULT-VALUE}).")
    private int tps;

    @Option(names = "--warmup-seconds", paramLabel = "N", defaultValue = "" + Demo.DEFAULT_WARMUP_SECONDS,
        description = "Fault-free warm-up at the same rate before the measured load; its payments are reconciled " +
            "but not in the figures (default: ${DEFAULT-VALUE}).")
    private int warmupSeconds;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the report as JSON.")
    private Path report;

    @Option(names = "--html", paramLabel = "FILE.html", description = "Write the report as HTML with SVG charts.")
    private Path html;

    @Option(names = "--data", paramLabel = "DIR", description = "A fresh data directory (default: a new temporary one).")
    private Path data;

    @Override
    public Integer call() throws InterruptedException
    {
        final boolean tty = null != System.console();
        final var result = Demo.run(new Demo.Settings(tps, seconds, warmupSeconds, data, report, html),
            spec.commandLine().getOut(), tty);
        if (null != report)
        {
            spec.commandLine().getOut().println("report " + report);
        }
        if (null != html)
        {
            spec.commandLine().getOut().println("html " + html);
        }
        spec.commandLine().getOut().flush();
        return result.path("reconciliation").path("clean").asBoolean(false) ? HutongCli.EXIT_OK : EXIT_FINDINGS;
    }
}
