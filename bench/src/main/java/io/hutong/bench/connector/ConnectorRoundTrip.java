package io.hutong.bench.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.PayCommand;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletResult;
import io.hutong.connector.http.HttpClientConfig;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.CryptoPool;
import io.hutong.connector.spi.WalletConnectors;
import io.hutong.sim.Simulator;
import io.hutong.sim.config.SimulatorConfigLoader;
import org.agrona.concurrent.SystemEpochClock;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The connector round trip under load: one wallet's real connector, built by {@link WalletConnectors} from the
 * credentials file of a simulated wallet started in this process on a loopback ephemeral port, paying at a fixed
 * offered rate over pooled keep-alive connections, each call with a fresh offline consumer code. Latency is taken
 * from each call's intended send time ({@link OpenLoopRun}), so the percentiles include any queueing.
 * <pre>
 *   java -cp bench/target/benchmarks.jar io.hutong.bench.connector.ConnectorRoundTrip \
 *        --wallet wechat --rate 2000 --seconds 30 [--warmup 10] [--connections 16] [--crypto-threads 2]
 *
 *   PayPlan (codes made offline, before the clock starts)
 *     --&gt; OpenLoopRun sender --pay--&gt; connector --HTTP/1.1 keep-alive, 127.0.0.1--&gt; Simulator (ledger, signatures)
 *                                    &lt;--------------------- onResult: HdrHistogram ------------------
 * </pre>
 * Client and wallet share the machine: the report gives the process CPU per call so a saturated core is visible.
 * Exits 0 when every measured call was approved, 1 otherwise, 2 for a bad command line. Not a test: it asserts
 * nothing about time.
 */
public final class ConnectorRoundTrip
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WALLETS = List.of("wechat", "alipay", "unionpay", "jdpay", "bestpay", "cmpay", "wopay");
    private static final long PREFLIGHT_SECONDS = 15;

    private ConnectorRoundTrip()
    {
    }

    /**
     * @param args see {@link RoundTripOptions}.
     * @throws Exception when the simulator or the connector cannot start.
     */
    public static void main(final String[] args) throws Exception
    {
        final RoundTripOptions options;
        try
        {
            options = RoundTripOptions.parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println(ex.getMessage());
            System.err.println(RoundTripOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out));
    }

    /**
     * Starts the wallet and its connector, checks one pay, runs the warm-up and measured phases and prints the
     * report.
     *
     * @param options the run.
     * @param out     where the report goes.
     * @return 0 when every measured call was approved, 1 otherwise.
     * @throws IOException          when the data directory or the credentials file cannot be used.
     * @throws InterruptedException when interrupted while waiting.
     */
    public static int run(final RoundTripOptions options, final PrintStream out) throws IOException, InterruptedException
    {
        if (!WALLETS.contains(options.walletId()))
        {
            throw new IllegalArgumentException("wallet=" + options.walletId() + ": must be one of " + WALLETS);
        }
        final Path data = Files.createTempDirectory("hutong-roundtrip");
        try (Simulator simulator = Simulator.start(
                SimulatorConfigLoader.fromTree(simulatorConfig(options)), data, SystemEpochClock.INSTANCE);
             WalletHttpClient http = new WalletHttpClient(new HttpClientConfig(
                 2_000, 10_000, options.connections(), Math.max(256, options.connections()), 1 << 20));
             CryptoPool cryptoPool = new CryptoPool(options.cryptoThreads(), 4_096))
        {
            final Path credentials = simulator.credentialsFile();
            final JsonNode wallet = JSON.readTree(credentials.toFile()).get(options.walletId());
            final ConnectorSettings settings = ConnectorSettings.readCredentials(credentials).get(options.walletId());
            final WalletConnector connector = WalletConnectors.create(
                Map.of(options.walletId(), settings), http, cryptoPool, Clock.systemUTC()).get(options.walletId());
            try
            {
                return measure(options, wallet, connector, out);
            }
            finally
            {
                connector.close();
            }
        }
        finally
        {
            deleteTree(data);
        }
    }

    private static int measure(
        final RoundTripOptions options, final JsonNode wallet, final WalletConnector connector, final PrintStream out)
        throws InterruptedException
    {
        final long nowSecond = System.currentTimeMillis() / 1000;
        final WalletResult first = payOnce(connector, new PayPlan(wallet, nowSecond, 1, 1).command(0));
        if (OutcomeStatus.APPROVED != first.status())
        {
            out.println("wallet=" + options.walletId() + ": the first pay was not approved (" + first.status() + " " +
                first.walletCode() + " " + first.detail() + "): does the simulator serve this wallet's pay API?");
            return 1;
        }
        // Codes are made for the seconds the calls will be sent in, so the schedule starts on a whole second after
        // the plan is ready; two seconds is ample for the largest plan.
        final long startMillis = (nowSecond + 2) * 1000;
        final PayPlan plan = new PayPlan(wallet, startMillis / 1000, options.rate(),
            options.warmupCalls() + options.measuredCalls());
        final long waitMillis = startMillis - System.currentTimeMillis();
        if (waitMillis > 0)
        {
            TimeUnit.MILLISECONDS.sleep(waitMillis);
        }
        final long startNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(
            Math.max(0, startMillis - System.currentTimeMillis()));
        printHeader(options, out);
        final double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        final RoundTripResult result =
            new OpenLoopRun(connector, plan, options.rate(), options.warmupCalls()).run(startNs);
        result.print(out);
        out.printf(Locale.ROOT, "system load average: %.2f before, %.2f after%n", loadBefore,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return result.allApproved() ? 0 : 1;
    }

    private static WalletResult payOnce(final WalletConnector connector, final PayCommand command)
        throws InterruptedException
    {
        final CompletableFuture<WalletResult> answer = new CompletableFuture<>();
        connector.pay(-1, command, (correlationId, result) -> answer.complete(result));
        try
        {
            return answer.get(PREFLIGHT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            throw new IllegalStateException("preflight pay: no result in " + PREFLIGHT_SECONDS + " s", ex);
        }
    }

    private static void printHeader(final RoundTripOptions options, final PrintStream out)
    {
        out.printf(Locale.ROOT, "wallet=%s rate=%d/s warmup=%d s measured=%d s connections=%d crypto-threads=%d " +
                "wallet-threads=%d; %d cores, Java %s, %s%n", options.walletId(), options.rate(),
            options.warmupSeconds(), options.seconds(), options.connections(), options.cryptoThreads(),
            options.walletThreads(), Runtime.getRuntime().availableProcessors(), Runtime.version(), Instant.now());
    }

    /**
     * Only the chosen wallet runs, without faults, on an ephemeral loopback port.
     */
    private static JsonNode simulatorConfig(final RoundTripOptions options)
    {
        final ObjectNode config = JSON.createObjectNode()
            .put("basePort", 0)
            .put("eventLoopThreads", options.walletThreads())
            .put("signingThreads", options.walletThreads());
        final ObjectNode wallets = config.putObject("wallets");
        for (final String id : WALLETS)
        {
            if (!id.equals(options.walletId()))
            {
                wallets.putObject(id).put("enabled", false);
            }
        }
        return config;
    }

    private static void deleteTree(final Path root) throws IOException
    {
        try (Stream<Path> paths = Files.walk(root))
        {
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.deleteIfExists(path);
            }
        }
    }
}
