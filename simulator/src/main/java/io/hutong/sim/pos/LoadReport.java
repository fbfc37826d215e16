package io.hutong.sim.pos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run report (issue 5's shape, shared with {@code hutong demo}; more fields are additions):
 * <pre>
 *   {"offeredTps", "seconds", "sent", "approved", "declined", "reversed", "busy", "errors", "throughputTps",
 *    "latencyUs": {"p50","p90","p99","p999","max"},
 *    "byWallet": {"wechat": {"sent","approved","declined","reversed","busy","errors","inDoubt","latencyUs"}, ...},
 *    "reconciliation": {"checked":0,...}   filled by `hutong reconcile`; 0 checked here
 *    "inDoubt", "byFlow", "hops" {dispatch, send, firstAnswer, final, hold, capture, scan, stall}, "declineReasons",
 *    "errorReasons",
 *    "terminal" {queries, resends, logons, disconnects, ...}, "mix", "walletMix", "codeSource", "terminals",
 *    "durationSeconds" {offer, run}, "machine", "startedAt", "switch", "http", "interrupted"}
 * </pre>
 * Latencies are microseconds from each payment's intended start to its final answer (the {@code final} hop), so
 * {@code sent = approved + declined + reversed + errors + inDoubt} and every final payment has one latency.
 * Stateless; thread-safe.
 */
public final class LoadReport
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LoadReport()
    {
    }

    /**
     * @param load   the generator.
     * @param result a run.
     * @return the report.
     */
    public static ObjectNode toJson(final PosLoad load, final RunResult result)
    {
        final LoadSettings settings = load.settings();
        final RunStats stats = result.stats();
        final ObjectNode root = JSON.createObjectNode();
        root.put("offeredTps", result.offeredTps());
        root.put("seconds", result.seconds());
        root.put("sent", result.sent());
        root.put("approved", result.approved());
        root.put("declined", result.declined());
        root.put("reversed", result.reversed());
        root.put("busy", stats.total().busy.sum());
        root.put("errors", result.errors());
        root.put("throughputTps", round(result.throughputTps()));
        root.set("latencyUs", percentiles(stats.hop(RunStats.Hop.FINAL)));
        final ObjectNode byWallet = root.putObject("byWallet");
        final List<String> wallets = stats.wallets();
        for (int i = 0; i < wallets.size(); i++)
        {
            if (stats.wallet(i).sent.sum() > 0)
            {
                byWallet.set(wallets.get(i), counts(stats.wallet(i), stats.walletLatency(i)));
            }
        }
        final ObjectNode reconciliation = root.putObject("reconciliation");
        reconciliation.put("checked", 0).put("lost", 0).put("duplicates", 0).put("orphans", 0).put("mismatched", 0)
            .put("note", "not checked by pos: run `hutong reconcile` against the journal and the wallets' ledgers");
        root.put("inDoubt", result.inDoubt());
        final ObjectNode byFlow = root.putObject("byFlow");
        byFlow.set("cpm", counts(stats.flow(RunStats.CPM), stats.flowLatency(RunStats.CPM)));
        byFlow.set("mpm", counts(stats.flow(RunStats.MPM), stats.flowLatency(RunStats.MPM)));
        final ObjectNode hops = root.putObject("hops");
        for (final RunStats.Hop hop : RunStats.Hop.values())
        {
            final Histogram histogram = stats.hop(hop);
            if (histogram.getTotalCount() > 0)
            {
                hops.set(hop.jsonName(), percentiles(histogram).put("count", histogram.getTotalCount()));
            }
        }
        putCounts(root.putObject("declineReasons"), stats.declineReasons());
        putCounts(root.putObject("errorReasons"), stats.errorReasons());
        final ObjectNode terminal = root.putObject("terminal");
        terminal.put("queries", stats.queries.sum()).put("resends", stats.resends.sum())
            .put("mpmCaptureErrors", stats.captureErrors.sum());
        final String[] names = Activity.names();
        for (int i = 0; i < names.length; i++)
        {
            terminal.put(names[i], result.activity()[i]);
        }
        putCounts(terminal.putObject("problems"), load.problems());
        putCounts(root.putObject("mix"), settings.flowMix().asMap());
        putCounts(root.putObject("walletMix"), settings.walletMix().asMap());
        final ObjectNode codes = root.putObject("codeSource");
        codes.put("method", "offline");
        codes.put("description", load.codeSource());
        codes.put("codesMade", result.codesMade());
        codes.put("imageShare", settings.imageShare());
        codes.put("imageCodes", stats.imageCodes.sum());
        codes.put("imageMisses", stats.imageMisses.sum());
        codes.put("scanned", result.scan()[0]).put("misread", result.scan()[1]).put("expiredUnused", result.scan()[2]);
        root.put("terminals", settings.terminals());
        root.put("eventLoops", settings.eventLoops());
        root.putObject("durationSeconds").put("offer", round(result.offerNanos() / 1e9))
            .put("run", round(result.runNanos() / 1e9));
        final ObjectNode machine = root.putObject("machine");
        machine.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        machine.put("loadAverageStart", round(result.loadStart())).put("loadAverageEnd", round(result.loadEnd()));
        if (result.cpuNanos() >= 0)
        {
            machine.put("generatorCpuSeconds", round(result.cpuNanos() / 1e9));
            machine.put("generatorCpuPercentOfOneCore", round(100.0 * result.cpuNanos() / Math.max(1, result.runNanos())));
        }
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        root.put("startedAt", Instant.ofEpochMilli(result.startedAtMs()).toString());
        root.put("switch", settings.switchAddress().getHostString() + ":" + settings.switchAddress().getPort());
        root.put("http", settings.httpAddress().getHostString() + ":" + settings.httpAddress().getPort());
        root.put("interrupted", result.interrupted());
        return root;
    }

    /**
     * @param load   the generator.
     * @param result a run.
     * @return a few lines for people.
     */
    public static String summary(final PosLoad load, final RunResult result)
    {
        final RunStats stats = result.stats();
        final Histogram latency = stats.hop(RunStats.Hop.FINAL);
        final StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "offered %d/s for %d s (%s; %s; %d terminals): %d payments, " +
                "%d approved, %d declined, %d reversed, %d errors, %d in doubt, %d busy answers%n",
            result.offeredTps(), result.seconds(), load.settings().flowMix(), load.settings().walletMix(),
            load.settings().terminals(), result.sent(), result.approved(), result.declined(), result.reversed(),
            result.errors(), result.inDoubt(), stats.total().busy.sum()));
        text.append(String.format(Locale.ROOT, "throughput %.1f/s; latency to the final answer: p50 %s, p90 %s, " +
                "p99 %s, p99.9 %s, max %s%n", result.throughputTps(), ms(latency.getValueAtPercentile(50)),
            ms(latency.getValueAtPercentile(90)), ms(latency.getValueAtPercentile(99)),
            ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue())));
        final List<String> wallets = stats.wallets();
        text.append("by wallet:");
        for (int i = 0; i < wallets.size(); i++)
        {
            final long sent = stats.wallet(i).sent.sum();
            if (sent > 0)
            {
                final Histogram h = stats.walletLatency(i);
                text.append(String.format(Locale.ROOT, "  %s %d (p50 %s, p99 %s)", wallets.get(i), sent,
                    ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99))));
            }
        }
        text.append(String.format(Locale.ROOT, "%ncodes: made offline from the account seeds; %d of the CPM codes " +
            "read back from rendered images (%d more drawn for an image while none was scanned yet, sent as digits)",
            stats.imageCodes.sum(), stats.imageMisses.sum()));
        if (!stats.errorReasons().isEmpty())
        {
            text.append(String.format(Locale.ROOT, "%nerrors: %s", stats.errorReasons()));
        }
        return text.toString();
    }

    /**
     * Writes a report, pretty-printed.
     *
     * @param report the report.
     * @param file   where.
     * @throws IOException when it cannot be written.
     */
    public static void write(final ObjectNode report, final Path file) throws IOException
    {
        final Path parent = file.toAbsolutePath().getParent();
        if (null != parent)
        {
            Files.createDirectories(parent);
        }
        Files.write(file, JSON.writeValueAsBytes(report));
    }

    private static ObjectNode counts(final RunStats.Counters counters, final Histogram latency)
    {
        final ObjectNode node = JSON.createObjectNode();
        final long sent = counters.sent.sum();
        final long approved = counters.approved.sum();
        final long declined = counters.declined.sum();
        final long reversed = counters.reversed.sum();
        final long errors = counters.errors.sum();
        node.put("sent", sent).put("approved", approved).put("declined", declined).put("reversed", reversed)
            .put("busy", counters.busy.sum()).put("errors", errors)
            .put("inDoubt", sent - approved - declined - reversed - errors);
        node.set("latencyUs", percentiles(latency));
        return node;
    }

    static ObjectNode percentiles(final Histogram histogram)
    {
        final ObjectNode node = JSON.createObjectNode();
        node.put("p50", histogram.getValueAtPercentile(50.0));
        node.put("p90", histogram.getValueAtPercentile(90.0));
        node.put("p99", histogram.getValueAtPercentile(99.0));
        node.put("p999", histogram.getValueAtPercentile(99.9));
        node.put("max", histogram.getMaxValue());
        return node;
    }

    private static void putCounts(final ObjectNode node, final Map<String, ? extends Number> counts)
    {
        counts.forEach((name, count) -> node.put(name, count.longValue()));
    }

    private static String ms(final long micros)
    {
        return micros < 10_000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1_000.0) :
            String.format(Locale.ROOT, "%.0f ms", micros / 1_000.0);
    }

    private static double round(final double value)
    {
        return Math.round(value * 10.0) / 10.0;
    }
}
