package io.hutong.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalReason;
import io.hutong.core.journal.JournalStatus;
import io.hutong.sim.Simulator;
import io.hutong.sim.config.SimulatorConfigLoader;
import io.hutong.sim.ledger.Ledger;
import io.hutong.sim.reconcile.JournalFixture;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hutong reconcile} as a user runs it: its summary, its exit codes (0 clean, 3 findings, 2 unreadable
 * input) and its report file, against running simulated wallets and a hand-made journal.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReconcileCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Simulator wallets;
    private Path journal;
    private Ledger wechat;
    private String mchId;

    @BeforeEach
    void start() throws Exception
    {
        wallets = Simulator.start(SimulatorConfigLoader.fromTree(new ObjectMapper(new YAMLFactory()).readTree(
            "basePort: 0\ndefaults: {consumers: 3, merchants: 1}\nwallets: {alipay: {enabled: false}, " +
                "unionpay: {enabled: false}, jdpay: {enabled: false}, cmpay: {enabled: false}, wopay: {enabled: false}}\n")),
            dir.resolve("data"), SystemEpochClock.INSTANCE);
        wechat = wallets.server("wechat").context().ledger();
        mchId = JSON.readTree(wallets.credentialsFile().toFile()).get("wechat").get("mchId").asText();
        journal = dir.resolve("journal");
        try (JournalFixture fixture = new JournalFixture(journal))
        {
            fixture.cpm(1, "wechat", "HT011", 100).routed()
                .call(JournalHop.WALLET_SENT, JournalHop.WALLET_RESULT, JournalStatus.WALLET_APPROVED)
                .decided(JournalStatus.APPROVED, JournalReason.NONE);
            fixture.cpm(2, "wechat", "HT012", 200).routed()
                .hop(JournalHop.WALLET_SENT, JournalStatus.PENDING, JournalReason.NONE);
        }
        paid("HT011", 100);
    }

    @AfterEach
    void stop()
    {
        wallets.close();
    }

    @Test
    void shouldExitZeroAndWriteTheReportWhenBothSidesAgree() throws Exception
    {
        final Path report = dir.resolve("reconciliation.json");

        final CliRun run = CliRun.run("reconcile", "--journal", journal.toString(), "--wallets",
            wallets.credentialsFile().toString(), "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("reconcile: checked 1 payments against 1 orders: lost 0, duplicates 0, " +
            "orphans 0, mismatched 0, in doubt 1: clean\n");
        assertThat(run.out()).contains("  wechat: payments 2, checked 1, orders 1, lost 0, duplicates 0, orphans 0, " +
            "mismatched 0, in doubt 1\n");
        assertThat(run.out()).endsWith("report " + report + "\n");
        final JsonNode json = JSON.readTree(report.toFile());
        assertThat(json.get("checked").asLong()).isEqualTo(1);
        assertThat(json.get("clean").asBoolean()).isTrue();
        assertThat(json.get("inDoubt").asLong()).isEqualTo(1);
        assertThat(json.get("findings")).isEmpty();
        assertThat(json.get("byWallet").fieldNames()).toIterable().containsExactly("wechat", "bestpay");
    }

    @Test
    void shouldExitThreeAndListTheFindings() throws Exception
    {
        paid("HT012", 200);
        final Path report = dir.resolve("reconciliation.json");

        final CliRun run = CliRun.run("reconcile", "--journal", journal.toString(), "--wallets",
            wallets.credentialsFile().toString(), "--report", report.toString(), "--final");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains("orphans 1").contains(": 1 finding\n")
            .contains("  orphan switchTxnId=2 wallet=wechat orderNo=HT012: the switch has not finished this payment");
        final JsonNode finding = JSON.readTree(report.toFile()).get("findings").get(0);
        assertThat(finding.get("kind").asText()).isEqualTo("orphan");
        assertThat(finding.get("merchantId").asText()).isEqualTo(mchId);
        assertThat(finding.get("ledger").asText()).isEqualTo("PAY SUCCESS 200 fen account=c000001");
    }

    @Test
    void shouldWaitForPaymentsInProgressOnlyUntilTheSettleTimeout()
    {
        final long start = System.nanoTime();

        final CliRun run = CliRun.run("reconcile", "--journal", journal.toString(), "--wallets",
            wallets.credentialsFile().toString(), "--settle-ms", "600");

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(600);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("in doubt 1: clean");
    }

    @Test
    void shouldExitTwoNamingAWalletThatCannotBeReached() throws Exception
    {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0))
        {
            closedPort = socket.getLocalPort();
        }
        final Path credentials = dir.resolve("credentials.json");
        Files.writeString(credentials, "{\"wechat\":{\"baseUrl\":\"http://127.0.0.1:" + closedPort +
            "\",\"mchId\":\"1900000109\",\"apiKey\":\"never printed\"}}");

        final CliRun run = CliRun.run("reconcile", "--journal", journal.toString(), "--wallets", credentials.toString(),
            "--timeout-ms", "2000");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("hutong reconcile: wallet=wechat baseUrl=http://127.0.0.1:" + closedPort +
            ": unreachable (").doesNotContain("never printed");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldExitTwoWithoutAJournal()
    {
        final CliRun run = CliRun.run("reconcile", "--journal", dir.resolve("none").toString(), "--wallets",
            wallets.credentialsFile().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("hutong reconcile: journal=" + dir.resolve("none") + ": no such directory\n");
    }

    @Test
    void shouldExitTwoOnAnUnreadableCredentialsFile() throws Exception
    {
        final Path credentials = Files.writeString(dir.resolve("bad.json"), "{\"wechat\": {\"apiKey\": \"secret-1\"");

        final CliRun run = CliRun.run("reconcile", "--journal", journal.toString(), "--wallets", credentials.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("hutong reconcile: wallets=" + credentials + ": cannot read (")
            .doesNotContain("secret-1");
    }

    private void paid(final String orderNo, final long amount)
    {
        final String code = wechat.issueCode("c000001").code();
        assertThat(wechat.pay(mchId, orderNo, code, amount, Ledger.NO_USER_PAYING, false).isOk()).isTrue();
    }
}
