package io.hutong.sim.pos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.core.config.SwitchConfigLoader;
import io.hutong.core.node.SwitchNode;
import io.hutong.sim.LeakGuard;
import io.hutong.sim.Simulator;
import io.hutong.sim.config.SimulatorConfigLoader;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator against the real thing in one JVM: simulated wallets and a {@link SwitchNode} on loopback,
 * terminals over TCP, MPM over the HTTP API. The report's counts must add up and match the wallets' ledgers: every
 * approved payment has exactly one paid order, and no other order was paid. Also across a switch crash and restart.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PosLoadEndToEndTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String SCHEDULES = """
        wallets:
          overrides:
            wechat: {schedule: {requestTimeoutMs: 1000, queryIntervalMs: 200, queryWindowMs: 2000, reverseNotBeforeMs: 0, reverseRetryMs: 200, reverseRetryMaxMs: 400}}
        """;

    static
    {
        LeakGuard.install();
    }

    @TempDir
    Path data;

    private Simulator wallets;
    private SwitchNode node;
    private final List<PaymentOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception
    {
        wallets = Simulator.start(SimulatorConfigLoader.fromTree(YAML.readTree(
            "basePort: 0\ndefaults: {consumers: 20, merchants: 2}\nwallets: {unionpay: {enabled: false}, " +
            "jdpay: {enabled: false}, cmpay: {enabled: false}, wopay: {enabled: false}}\n")), data, SystemEpochClock.INSTANCE);
        node = SwitchNode.start(SwitchConfigLoader.load(switchConfig(0), data));
    }

    @AfterEach
    void stop() throws Exception
    {
        if (null != node)
        {
            node.close(0);
        }
        wallets.close();
        LeakGuard.assertNoLeaks();
    }

    @Test
    void shouldReportCountsThatAddUpAndMatchTheWalletsLedgers() throws Exception
    {
        final LoadSettings settings = settings("cpm=70,mpm=30", "wechat=50,alipay=25,bestpay=25", 0.3);
        final ObjectNode report;
        final RunResult result;
        try (PosLoad load = PosLoad.start(settings, outcomes::add))
        {
            result = load.run(40, 3, null, false);
            report = LoadReport.toJson(load, result);
        }

        assertThat(report.get("sent").asLong()).isEqualTo(120);
        assertThat(report.get("inDoubt").asLong()).isZero();
        assertThat(report.get("errors").asLong()).as(report.get("errorReasons").toString()).isZero();
        assertThat(report.get("approved").asLong() + report.get("declined").asLong() + report.get("reversed").asLong())
            .isEqualTo(120);
        assertThat(report.get("approved").asLong()).isEqualTo(outcomes.stream()
            .filter((o) -> PaymentOutcome.Status.APPROVED == o.status()).count());
        long byWallet = 0;
        for (final JsonNode wallet : report.get("byWallet"))
        {
            byWallet += wallet.get("sent").asLong();
            assertThat(wallet.get("latencyUs").get("p99").asLong()).isPositive();
        }
        assertThat(byWallet).isEqualTo(120);
        assertThat(report.get("byFlow").get("mpm").get("sent").asLong()).isPositive();
        assertThat(report.get("byFlow").get("cpm").get("sent").asLong()).isPositive();
        assertThat(report.get("hops").fieldNames()).toIterable().contains("send", "firstAnswer", "final", "hold", "capture");
        assertThat(report.get("latencyUs").fieldNames()).toIterable().containsExactly("p50", "p90", "p99", "p999", "max");
        assertThat(report.get("codeSource").get("method").asText()).isEqualTo("offline");
        assertThat(report.get("reconciliation").get("checked").asLong()).isZero();
        assertThat(result.throughputTps()).isPositive();
        assertLedgersMatch();
    }

    @Test
    void shouldReconnectAfterTheSwitchRestartsAndStillReportEveryPaymentExactly() throws Exception
    {
        final int port = node.posAddress().getPort();
        final LoadSettings settings = settings("cpm=100", "wechat=70,bestpay=30", 0.0);
        final CompletableFuture<RunResult> run;
        try (PosLoad load = PosLoad.start(settings, outcomes::add))
        {
            run = CompletableFuture.supplyAsync(() -> runQuietly(load));
            Thread.sleep(2_000);
            // A crash: no drain, whatever was in flight is left to the next start's recovery.
            node.close(0);
            node = null;
            Thread.sleep(500);
            node = SwitchNode.start(SwitchConfigLoader.load(switchConfig(port), data));
            final RunResult result = run.get(60, TimeUnit.SECONDS);

            assertThat(result.sent()).isEqualTo(150);
            assertThat(result.inDoubt()).isZero();
            assertThat(result.errors()).as(result.stats().errorReasons().toString()).isZero();
            assertThat(result.approved() + result.declined() + result.reversed()).isEqualTo(150);
            final Map<String, Integer> activity = activity(result);
            assertThat(activity.get("disconnects")).as("every terminal lost its connection").isGreaterThanOrEqualTo(4);
            assertThat(activity.get("logons")).as("and logged on again").isGreaterThanOrEqualTo(4);
        }
        assertLedgersMatch();
    }

    private static RunResult runQuietly(final PosLoad load)
    {
        try
        {
            return load.run(30, 5, null, false);
        }
        catch (final InterruptedException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, Integer> activity(final RunResult result)
    {
        final Map<String, Integer> activity = new LinkedHashMap<>();
        final String[] names = Activity.names();
        for (int i = 0; i < names.length; i++)
        {
            activity.put(names[i], (int)result.activity()[i]);
        }
        return activity;
    }

    /**
     * Every approved CPM payment is exactly one SUCCESS order at its wallet and every SUCCESS order is an approved
     * payment; every approved MPM payment's hold is captured and its payee credited once, and no other hold is.
     */
    private void assertLedgersMatch() throws Exception
    {
        for (final String wallet : List.of("wechat", "alipay", "bestpay"))
        {
            final List<JsonNode> orders = ledger(wallet);
            final List<String> paid = new ArrayList<>();
            final Set<String> captured = new HashSet<>();
            long credits = 0;
            for (final JsonNode order : orders)
            {
                final String kind = order.get("kind").asText();
                final String state = order.get("state").asText();
                if ("PAY".equals(kind) && "SUCCESS".equals(state))
                {
                    paid.add(order.get("walletTxnId").asText());
                }
                else if ("HOLD".equals(kind) && "CAPTURED".equals(state))
                {
                    captured.add(order.get("orderNo").asText());
                }
                else if ("CREDIT".equals(kind) && "SUCCESS".equals(state))
                {
                    credits++;
                }
            }
            final List<String> approvedCpm = new ArrayList<>();
            final Set<String> approvedMpm = new HashSet<>();
            long paidToWallet = 0;
            for (final PaymentOutcome outcome : outcomes)
            {
                if (PaymentOutcome.Status.APPROVED != outcome.status())
                {
                    continue;
                }
                if (!outcome.mpm() && wallet.equals(outcome.wallet()))
                {
                    approvedCpm.add(outcome.walletTxnId());
                }
                if (outcome.mpm() && wallet.equals(outcome.wallet()))
                {
                    approvedMpm.add(outcome.reference());
                }
                if (outcome.mpm() && wallet.equals(outcome.payee()))
                {
                    paidToWallet++;
                }
            }
            assertThat(paid).as(wallet + ": paid orders are exactly the approved payments")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(approvedCpm);
            assertThat(captured).as(wallet + ": captured holds").isEqualTo(approvedMpm);
            assertThat(credits).as(wallet + ": credits to its merchants").isEqualTo(paidToWallet);
        }
    }

    private List<JsonNode> ledger(final String wallet) throws Exception
    {
        final List<JsonNode> orders = new ArrayList<>();
        final String base = wallets.server(wallet).baseUrl();
        int offset = 0;
        while (true)
        {
            final HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create(base + "/sim/ledger?offset=" + offset + "&limit=1000")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            final JsonNode body = JSON.readTree(page.body());
            body.get("orders").forEach(orders::add);
            if (body.get("next").isNull())
            {
                return orders;
            }
            offset = body.get("next").asInt();
        }
    }

    private LoadSettings settings(final String mix, final String walletMix, final double imageShare)
    {
        final List<String> ids = List.of("wechat", "alipay", "bestpay");
        return new LoadSettings(node.posAddress(), node.httpAddress(), wallets.credentialsFile(),
            data.resolve("terminals.json"), data.resolve("clients.json"), 4, 40, 3,
            Weights.parse("--mix", mix, LoadSettings.FLOWS), Weights.parse("--wallet-mix", walletMix, ids), imageShare,
            1, 3_000, 200, 30, 42);
    }

    private Path switchConfig(final int posPort) throws Exception
    {
        final Path config = data.resolve("switch-" + posPort + ".yaml");
        Files.writeString(config, "pos: {port: " + posPort + "}\nhttp: {port: 0}\n" + SCHEDULES);
        return config;
    }
}
