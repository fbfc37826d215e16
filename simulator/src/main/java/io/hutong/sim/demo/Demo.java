package io.hutong.sim.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.core.config.SwitchConfigLoader;
import io.hutong.core.node.SwitchNode;
import io.hutong.sim.Simulator;
import io.hutong.sim.config.SimulatorConfigLoader;
import io.hutong.sim.faults.FaultPlan;
import io.hutong.sim.pos.LatencyCurves;
import io.hutong.sim.pos.LoadReport;
import io.hutong.sim.pos.LoadSettings;
import io.hutong.sim.pos.PaymentOutcome;
import io.hutong.sim.pos.PosLoad;
import io.hutong.sim.pos.RunResult;
import io.hutong.sim.pos.WalletCredentials;
import io.hutong.sim.reconcile.Reconciler;
import io.hutong.sim.reconcile.ReconciliationReport;
import org.agrona.concurrent.SystemEpochClock;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one-command demo: seven simulated wallets, the switch and a crowd of POS terminals in one process, a mixed
 * load with injected faults, then reconciliation of the switch's journal against every wallet's ledger.
 * <pre>
 *  warm-up: the same rate, no faults, not measured (three cold systems' JIT), then the measured run:
 *  Simulator (7 wallets, faults)  &lt;--HTTP--  SwitchNode (engine, journal)  &lt;--POS TCP / HTTP--  PosLoad
 *       wechat: 5% consumers confirm slowly (USERPAYING)       alipay: slow answers (5-40 ms)
 *       unionpay: 1% of calls never answered (timeouts)        jdpay: 2% "system error, outcome unknown"
 *       cmpay: brownout in the middle third (70% of calls hang; its breaker opens)
 *  then: Reconciler (journal vs ledgers) -&gt; report JSON, HTML with SVG charts, exit 0 only when clean
 * </pre>
 * The wallets' query and reverse schedules are shortened (query every 0.5 s for 4 s, reverse at once) so that
 * every payment left in doubt is settled within the demo; the real schedules (WeChat: 45 s) are the
 * connectors' defaults.
 */
public final class Demo
{
    /** Default offered rate: comfortable on a 2-core laptop. */
    public static final int DEFAULT_TPS = 200;
    /** Default length of the load. */
    public static final int DEFAULT_SECONDS = 20;
    /** Default warm-up: the JIT compiles the hot paths of three cold systems before anything is measured. */
    public static final int DEFAULT_WARMUP_SECONDS = 5;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String SCHEDULE = "{schedule: {requestTimeoutMs: 2000, queryIntervalMs: 500, " +
        "queryWindowMs: 4000, reverseNotBeforeMs: 0, reverseRetryMs: 500, reverseRetryMaxMs: 2000}}";
    private static final List<String> WALLETS = List.of("wechat", "alipay", "unionpay", "jdpay", "bestpay", "cmpay", "wopay");
    private static final List<String> FAULTS = List.of(
        "wechat: 5% of consumers confirm in the app for 1.5 s first (USERPAYING, then success)",
        "wechat: answers take a few milliseconds (log-normal, median 3 ms)",
        "alipay: slow answers, 5 to 40 ms",
        "unionpay: 1% of calls never answered (half of them applied at the wallet): timeout, query, reverse",
        "jdpay: 2% of calls answered 'system error, outcome unknown'",
        "cmpay: brownout in the middle third of the run: 70% of calls hang, its circuit breaker opens");

    /**
     * The demo's options.
     *
     * @param tps           offered payments per second.
     * @param seconds       length of the measured load.
     * @param warmupSeconds length of the fault-free warm-up at the same rate before it (reconciled, not measured).
     * @param data          data directory (fresh), or null for a new temporary one.
     * @param report        JSON report file, or null.
     * @param html          HTML report file, or null.
     */
    public record Settings(int tps, int seconds, int warmupSeconds, Path data, Path report, Path html)
    {
        /**
         * @throws IllegalArgumentException for values out of range.
         */
        public Settings
        {
            if (tps < 1 || tps > LoadSettings.MAX_TPS)
            {
                throw new IllegalArgumentException("--tps=" + tps + ": must be 1.." + LoadSettings.MAX_TPS);
            }
            if (seconds < 3 || seconds > 3_600)
            {
                throw new IllegalArgumentException("--seconds=" + seconds + ": must be 3..3600");
            }
            if (warmupSeconds < 0 || warmupSeconds > 600)
            {
                throw new IllegalArgumentException("--warmup-seconds=" + warmupSeconds + ": must be 0..600");
            }
        }
    }

    private Demo()
    {
    }

    /**
     * Run the demo.
     *
     * @param settings the options.
     * @param out      progress and the final summary.
     * @param tty      whether {@code out} is a terminal (one updating progress line).
     * @return the report (also written to the files asked for); reconciliation is under {@code reconciliation}.
     * @throws InterruptedException if interrupted.
     */
    public static ObjectNode run(final Settings settings, final PrintWriter out, final boolean tty)
        throws InterruptedException
    {
        final Path data = dataDirectory(settings.data());
        out.println("hutong demo: data " + data);
        out.flush();
        final ScheduledExecutorService brownout = Executors.newSingleThreadScheduledExecutor((r) ->
        {
            final Thread thread = new Thread(r, "hutong-demo-brownout");
            thread.setDaemon(true);
            return thread;
        });
        try (Simulator wallets = Simulator.start(SimulatorConfigLoader.fromTree(YAML.readTree(walletsYaml())), data,
                SystemEpochClock.INSTANCE);
             SwitchNode node = SwitchNode.start(SwitchConfigLoader.load(switchYaml(data), data)))
        {
            out.println("hutong demo: 7 wallets and the switch started (pos " + node.posAddress().getPort() +
                ", http " + node.httpAddress().getPort() + "); offering " + settings.tps() + " payments/s for " +
                settings.seconds() + " s");
            out.flush();
            final Path credentials = wallets.credentialsFile();
            final LoadSettings load = new LoadSettings(node.posAddress(), node.httpAddress(), credentials,
                data.resolve("terminals.json"), data.resolve("clients.json"), LoadSettings.DEFAULT_TERMINALS,
                settings.tps(), settings.seconds(), LoadSettings.defaultFlowMix(),
                LoadSettings.defaultWalletMix(WalletCredentials.load(credentials).wallets().keySet()),
                LoadSettings.DEFAULT_IMAGE_SHARE, 1, LoadSettings.DEFAULT_ANSWER_TIMEOUT_MS,
                LoadSettings.DEFAULT_QUERY_INTERVAL_MS, 30, 42);
            final ObjectNode report;
            try (PosLoad generator = PosLoad.start(load, PaymentOutcome.Listener.NONE))
            {
                long warmedUp = 0;
                if (settings.warmupSeconds() > 0)
                {
                    out.println("hutong demo: warm-up, " + settings.warmupSeconds() + " s without faults (not measured)");
                    out.flush();
                    warmedUp = generator.run(settings.tps(), settings.warmupSeconds(), out, tty).sent();
                    out.println("hutong demo: measuring, " + settings.seconds() + " s with faults");
                    out.flush();
                }
                injectFaults(wallets, brownout, settings.seconds());
                final RunResult result = generator.run(settings.tps(), settings.seconds(), out, tty);
                report = LoadReport.toJson(generator, result);
                report.set("curves", LatencyCurves.of(result));
                report.putObject("warmup").put("seconds", settings.warmupSeconds()).put("sent", warmedUp);
            }
            out.println("hutong demo: load done; reconciling the journal with every wallet's ledger");
            out.flush();
            final ReconciliationReport reconciliation = new Reconciler().settleTimeout(Duration.ofSeconds(30))
                .run(data.resolve("journal"), credentials);
            report.set("reconciliation", reconciliation.toJson());
            report.set("demo", demoNode(data));
            write(settings, report);
            out.println(summary(report, reconciliation));
            out.flush();
            return report;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            brownout.shutdownNow();
        }
    }

    private static Path dataDirectory(final Path requested) throws UncheckedIOException
    {
        try
        {
            if (null == requested)
            {
                return Files.createTempDirectory("hutong-demo-");
            }
            if (Files.exists(requested.resolve("journal")) || Files.exists(requested.resolve("wallets")))
            {
                throw new IllegalArgumentException("--data=" + requested + ": already holds a journal or wallets; " +
                    "the demo needs a fresh directory (its reconciliation compares one run's journal and ledgers)");
            }
            Files.createDirectories(requested);
            return requested;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("--data=" + requested + ": cannot create", ex);
        }
    }

    private static String walletsYaml()
    {
        return """
            basePort: 0
            defaults: {consumers: 300}
            """;
    }

    /**
     * The faults of the measured run, set on the running wallets once the warm-up is over.
     */
    private static void injectFaults(final Simulator wallets, final ScheduledExecutorService timer, final int seconds)
        throws IOException
    {
        final String plans = """
            wechat: {userPayingRate: 0.05, userPayingMs: 1500, latency: {distribution: lognormal, medianMs: 3, sigma: 0.5}}
            alipay: {latency: {distribution: uniform, minMs: 5, maxMs: 40}}
            unionpay: {hangRate: 0.01, appliedRate: 0.5}
            jdpay: {errorRate: 0.02}
            """;
        YAML.readTree(plans).fields().forEachRemaining((plan) ->
            wallets.server(plan.getKey()).faults().replace(FaultPlan.fromJson(plan.getValue(), plan.getKey())));
        final long third = Math.max(1, seconds / 3);
        timer.schedule(() -> wallets.server("cmpay").faults().replace(
            FaultPlan.fromJson(YAML.createObjectNode().put("hangRate", 0.7).put("appliedRate", 0.5), "cmpay")),
            third, TimeUnit.SECONDS);
        timer.schedule(() -> wallets.server("cmpay").faults().clear(), 2 * third, TimeUnit.SECONDS);
    }

    private static Path switchYaml(final Path data) throws IOException
    {
        final StringBuilder yaml = new StringBuilder("""
            pos: {port: 0}
            http: {port: 0}
            limits: {breakerFailures: 10, breakerOpenMs: 2000}
            wallets:
              overrides:
            """);
        for (final String wallet : WALLETS)
        {
            yaml.append("    ").append(wallet).append(": ").append(SCHEDULE).append('\n');
        }
        final Path file = data.resolve("demo-switch.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private static ObjectNode demoNode(final Path data)
    {
        final ObjectNode demo = new ObjectMapper().createObjectNode();
        demo.put("description", "Seven simulated wallets, the Hutong switch and 16 POS terminals in one process on " +
            "loopback; CPM payments over the binary POS protocol, MPM payments over the HTTP API as payer wallets; " +
            "consumer codes made offline as phones make them, 5% rendered to images and scanned back. A fault-free " +
            "warm-up at the same rate comes first: its payments are reconciled but not in the figures.");
        final ArrayNode faults = demo.putArray("faults");
        FAULTS.forEach(faults::add);
        demo.put("schedules", "every wallet: query every 0.5 s within 4 s, then reverse at once (demo only)");
        demo.put("data", data.toString());
        demo.put("machine", String.format(Locale.ROOT, "%d processors, %s %s", Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name"), System.getProperty("java.version")));
        return demo;
    }

    private static void write(final Settings settings, final ObjectNode report) throws IOException
    {
        if (null != settings.report())
        {
            LoadReport.write(report, settings.report());
        }
        if (null != settings.html())
        {
            final Path parent = settings.html().toAbsolutePath().getParent();
            if (null != parent)
            {
                Files.createDirectories(parent);
            }
            Files.writeString(settings.html(), HtmlReport.render(report), StandardCharsets.UTF_8);
        }
    }

    private static String summary(final ObjectNode report, final ReconciliationReport reconciliation)
    {
        final StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nthroughput %.1f payments/s; %d sent: %d approved, %d declined, " +
                "%d reversed, %d busy, %d errors%n", report.path("throughputTps").asDouble(), report.path("sent").asLong(),
            report.path("approved").asLong(), report.path("declined").asLong(), report.path("reversed").asLong(),
            report.path("busy").asLong(), report.path("errors").asLong()));
        reasons(text, "declined or reversed", report.path("declineReasons"));
        reasons(text, "errors", report.path("errorReasons"));
        text.append("latency to the final answer (ms):").append(latency(report.path("latencyUs"))).append('\n');
        report.path("hops").fields().forEachRemaining((hop) ->
            text.append("  hop ").append(String.format(Locale.ROOT, "%-12s", hop.getKey())).append(latency(hop.getValue()))
                .append('\n'));
        report.path("byWallet").fields().forEachRemaining((wallet) ->
        {
            final JsonNode w = wallet.getValue();
            text.append(String.format(Locale.ROOT, "  %-9s sent %5d  approved %5d  declined %4d  reversed %4d  busy %4d ",
                wallet.getKey(), w.path("sent").asLong(), w.path("approved").asLong(), w.path("declined").asLong(),
                w.path("reversed").asLong(), w.path("busy").asLong())).append(latency(w.path("latencyUs"))).append('\n');
        });
        text.append(reconciliation.summary());
        return text.toString();
    }

    private static void reasons(final StringBuilder text, final String what, final JsonNode counts)
    {
        if (counts.size() > 0)
        {
            text.append("  ").append(what).append(" by reason:");
            counts.fields().forEachRemaining((reason) ->
                text.append(' ').append(reason.getKey()).append(' ').append(reason.getValue().asLong()));
            text.append('\n');
        }
    }

    private static String latency(final JsonNode latency)
    {
        return String.format(Locale.ROOT, " p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f",
            latency.path("p50").asLong() / 1000.0, latency.path("p90").asLong() / 1000.0,
            latency.path("p99").asLong() / 1000.0, latency.path("p999").asLong() / 1000.0,
            latency.path("max").asLong() / 1000.0);
    }
}
