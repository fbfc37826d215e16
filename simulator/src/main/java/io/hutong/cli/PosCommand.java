package io.hutong.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.core.keys.DataDirectory;
import io.hutong.sim.pos.LoadReport;
import io.hutong.sim.pos.LoadSettings;
import io.hutong.sim.pos.MaxRateSearch;
import io.hutong.sim.pos.PaymentOutcome;
import io.hutong.sim.pos.PosLoad;
import io.hutong.sim.pos.RunResult;
import io.hutong.sim.pos.WalletCredentials;
import io.hutong.sim.pos.Weights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hutong pos --switch HOST:PORT --wallets CREDENTIALS.json [...]}: POS terminals as an open-loop load
 * generator (io.hutong.sim.pos). Prints live progress, then a short summary; writes the JSON report with
 * {@code --report}. Exit 0 when the run happened (whatever the payments' outcomes), 2 when it could not start (bad
 * options or files, switch unreachable, logon refused), 1 for an internal fault. SIGINT or SIGTERM stops offering,
 * waits at most 5 s for answers and reports what was offered.
 */
@Command(
    name = "pos",
    mixinStandardHelpOptions = true,
    header = "POS terminals: open-loop payment load against the switch, with latency percentiles.",
    description = {
        "Simulates N POS terminals, each with its own connection and key, speaking the binary POS protocol (Logon,",
        "Pay, Query, heartbeats), plus payer wallets paying merchant codes through the HTTP API (MPM). Payments are",
        "offered at a fixed rate whatever the answers (open loop) and latency is measured from each payment's",
        "intended start, so a slow switch cannot hide its delay. Consumer codes are made offline from the account",
        "seeds in the credentials file, as a phone makes them; a share is rendered to an image and read back.",
        "See docs/load-generator.md." },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = { "0:the run happened (see the report for outcomes)",
        "2:bad options or files, switch unreachable, logon refused", "1:internal fault" })
final class PosCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--switch", required = true, paramLabel = "HOST:PORT", description = "The switch's POS listener.")
    private String switchAddress;

    @Option(names = "--wallets", required = true, paramLabel = "CREDENTIALS.json",
        description = "The wallets' credentials file (`hutong wallets` prints its path).")
    private Path wallets;

    @Option(names = "--http", paramLabel = "HOST:PORT",
        description = "The switch's HTTP API for MPM payments (default: the switch host, port 8080).")
    private String httpAddress;

    @Option(names = "--data", paramLabel = "DIR",
        description = "The switch's data directory (default: $HUTONG_DATA or ./hutong-data).")
    private String dataDirectory;

    @Option(names = "--terminals-file", paramLabel = "FILE", description = "Terminal keys (default: DATA/terminals.json).")
    private Path terminalsFile;

    @Option(names = "--clients", paramLabel = "FILE", description = "HTTP API clients (default: DATA/clients.json).")
    private Path clientsFile;

    @Option(names = "--terminals", paramLabel = "N", defaultValue = "" + LoadSettings.DEFAULT_TERMINALS,
        description = "Terminals, each its own connection (default: ${DEFAULT-VALUE}).")
    private int terminals;

    @Option(names = "--tps", paramLabel = "N", defaultValue = "" + LoadSettings.DEFAULT_TPS,
        description = "Offered payments per second; with --find-max the first rate (default: ${DEFAULT-VALUE}).")
    private int tps;

    @Option(names = "--seconds", paramLabel = "N",
        description = "How long to offer (default: 30; with --find-max, each step: 10).")
    private Integer seconds;

    @Option(names = "--mix", paramLabel = "cpm=W,mpm=W", defaultValue = "cpm=80,mpm=20",
        description = "CPM (terminal scans the consumer) and MPM (consumer's wallet pays a merchant code) weights " +
            "(default: ${DEFAULT-VALUE}).")
    private String mix;

    @Option(names = "--wallet-mix", paramLabel = "ID=W,...",
        description = "Debited wallets' weights (default: wechat=40,alipay=30,unionpay=10, others 5, over the " +
            "wallets in the credentials file).")
    private String walletMix;

    @Option(names = "--image-share", paramLabel = "X", defaultValue = "" + LoadSettings.DEFAULT_IMAGE_SHARE,
        description = "Share of CPM codes rendered to an image and read back, 0..1 (default: ${DEFAULT-VALUE}).")
    private double imageShare;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the JSON report here.")
    private Path report;

    @Option(names = "--find-max", description = "Search the highest rate whose p99 stays under --p99-ms.")
    private boolean findMax;

    @Option(names = "--p99-ms", paramLabel = "MS", defaultValue = "50",
        description = "The p99 target of --find-max, milliseconds (default: ${DEFAULT-VALUE}).")
    private double p99Ms;

    @Option(names = "--warmup-seconds", paramLabel = "N", defaultValue = "0",
        description = "First offer the rate for N seconds and discard the figures (JIT, connection pools) " +
            "(default: ${DEFAULT-VALUE}).")
    private int warmupSeconds;

    @Option(names = "--event-loops", paramLabel = "N", defaultValue = "1",
        description = "Netty event loops for all connections (default: ${DEFAULT-VALUE}).")
    private int eventLoops;

    @Option(names = "--drain-seconds", paramLabel = "N", defaultValue = "" + LoadSettings.DEFAULT_DRAIN_SECONDS,
        description = "After the offer, wait at most this long for every payment to be final (default: ${DEFAULT-VALUE}).")
    private int drainSeconds;

    @Option(names = "--answer-timeout-ms", paramLabel = "MS", defaultValue = "" + LoadSettings.DEFAULT_ANSWER_TIMEOUT_MS,
        description = "A terminal queries a payment not answered within this (default: ${DEFAULT-VALUE}).")
    private long answerTimeoutMs;

    @Option(names = "--query-interval-ms", paramLabel = "MS", defaultValue = "" + LoadSettings.DEFAULT_QUERY_INTERVAL_MS,
        description = "Interval between queries of a payment in progress (default: ${DEFAULT-VALUE}).")
    private long queryIntervalMs;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
        description = "Seed of the random choices of wallet, flow and amount (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws InterruptedException, IOException
    {
        final LoadSettings settings = settings();
        final PrintWriter out = spec.commandLine().getOut();
        final boolean tty = null != System.console();
        try (PosLoad load = PosLoad.start(settings, PaymentOutcome.Listener.NONE))
        {
            // Handled so that Ctrl-C ends the offer and still reports, instead of killing the JVM mid-run.
            Signal.handle(new Signal("INT"), (signal) -> load.stop());
            Signal.handle(new Signal("TERM"), (signal) -> load.stop());
            if (warmupSeconds > 0)
            {
                final RunResult warmup = load.run(settings.tps(), warmupSeconds, out, tty);
                out.println("warm-up (discarded): " + warmup.sent() + " payments, " + warmup.inDoubt() + " in doubt");
            }
            final ObjectNode json;
            final String summary;
            if (findMax)
            {
                final MaxRateSearch.Result result = MaxRateSearch.search(load, settings.tps(), settings.seconds(), p99Ms,
                    out, tty);
                json = MaxRateSearch.toJson(load, result, p99Ms);
                summary = "find-max: highest rate with p99 <= " + p99Ms + " ms: " + result.maxTps() + "/s" +
                    System.lineSeparator() + "best run: " + LoadReport.summary(load, result.best());
            }
            else
            {
                final RunResult result = load.run(settings.tps(), settings.seconds(), out, tty);
                json = LoadReport.toJson(load, result);
                summary = LoadReport.summary(load, result);
            }
            out.println(summary);
            if (null != report)
            {
                LoadReport.write(json, report);
                out.println("report " + report.toAbsolutePath());
            }
            out.flush();
        }
        return HutongCli.EXIT_OK;
    }

    /**
     * @return the validated settings.
     * @throws IllegalArgumentException naming the option.
     */
    LoadSettings settings()
    {
        final Path data = DataDirectory.resolve(dataDirectory);
        final InetSocketAddress pos = address("--switch", switchAddress);
        final InetSocketAddress http = null == httpAddress ?
            new InetSocketAddress(pos.getHostString(), 8080) : address("--http", httpAddress);
        final WalletCredentials credentials = WalletCredentials.load(wallets);
        final Weights flows = Weights.parse("--mix", mix, LoadSettings.FLOWS);
        final Weights walletWeights = null == walletMix ? LoadSettings.defaultWalletMix(credentials.wallets().keySet()) :
            Weights.parse("--wallet-mix", walletMix, credentials.wallets().keySet());
        final int length = null != seconds ? seconds : findMax ? 10 : LoadSettings.DEFAULT_SECONDS;
        if (!(p99Ms > 0))
        {
            throw new IllegalArgumentException("--p99-ms=" + p99Ms + ": must be > 0");
        }
        if (warmupSeconds < 0 || warmupSeconds > 3_600)
        {
            throw new IllegalArgumentException("--warmup-seconds=" + warmupSeconds + ": must be 0..3600");
        }
        return new LoadSettings(pos, http, wallets, null == terminalsFile ? data.resolve("terminals.json") : terminalsFile,
            null == clientsFile ? data.resolve("clients.json") : clientsFile, terminals, tps, length, flows,
            walletWeights, imageShare, eventLoops, answerTimeoutMs, queryIntervalMs, drainSeconds, seed);
    }

    private static InetSocketAddress address(final String option, final String text)
    {
        final int colon = null == text ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1)
        {
            throw new IllegalArgumentException(option + "=" + text + ": expected HOST:PORT");
        }
        final int port;
        try
        {
            port = Integer.parseInt(text.substring(colon + 1));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(option + "=" + text + ": the port must be a number");
        }
        if (port < 1 || port > 65_535)
        {
            throw new IllegalArgumentException(option + "=" + text + ": the port must be 1..65535");
        }
        final InetSocketAddress address = new InetSocketAddress(text.substring(0, colon), port);
        if (address.isUnresolved())
        {
            throw new IllegalArgumentException(option + "=" + text + ": unknown host");
        }
        return address;
    }
}
