package io.hutong.sim.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.connector.kit.SimControl;
import io.hutong.core.config.SwitchConfigLoader;
import io.hutong.core.node.SwitchNode;
import io.hutong.core.pos.auth.TerminalKeysFile;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import io.hutong.core.pos.codec.ResultDecoder;
import io.hutong.core.pos.server.TestTerminal;
import io.hutong.sim.Simulator;
import io.hutong.sim.config.SimulatorConfigLoader;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One switch in front of all seven simulated wallets, each reached through its own connector and wire format
 * (WeChat XML/HMAC, Alipay RSA2, UnionPay SM2, JD Pay RSA + 3DES, the GM interface), paid from a POS terminal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AllWalletsEndToEndTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private Simulator wallets;
    private SwitchNode node;
    private JsonNode credentials;

    @BeforeAll
    void start() throws Exception
    {
        wallets = Simulator.start(SimulatorConfigLoader.fromTree(new ObjectMapper(new YAMLFactory()).readTree(
            "basePort: 0\ndefaults: {consumers: 3}\n")), data, SystemEpochClock.INSTANCE);
        credentials = JSON.readTree(wallets.credentialsFile().toFile());
        final Path config = data.resolve("switch.yaml");
        Files.writeString(config, "pos: {port: 0}\nhttp: {port: 0}\n");
        node = SwitchNode.start(SwitchConfigLoader.load(config, data));
    }

    @AfterAll
    void stop()
    {
        node.close(0);
        wallets.close();
    }

    @org.junit.jupiter.api.Order(1)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wechat", "alipay", "unionpay", "jdpay", "bestpay", "cmpay", "wopay"})
    void shouldPayThroughEveryWalletsOwnConnector(final String wallet) throws Exception
    {
        assertThat(node.wallets()).contains(wallet);
        final String account = credentials.get(wallet).get("consumers").get(0).get("account").asText();
        final SimControl control = new SimControl(URI.create(credentials.get(wallet).get("baseUrl").asText()));
        final long before = control.balance(account);
        try (TestTerminal terminal = new TestTerminal(node.posAddress(),
            TerminalKeysFile.load(data.resolve("terminals.json")).keys().get(1)))
        {
            terminal.logOn();
            terminal.session.pay(terminal.buffer, 0).amount(321).currency(156).terminalTxnId("all-" + wallet)
                .merchantId("M1").code(control.code(account)).subject("every wallet");
            terminal.send(terminal.session.commit());

            assertThat(terminal.receive()).isEqualTo(PosReason.NONE);
            final ResultDecoder result = terminal.frame().result();
            assertThat(result.status()).as(wallet + " " + result.reason()).isEqualTo(PosStatus.APPROVED);
            assertThat(result.walletId()).isEqualTo(wallet);
        }
        assertThat(control.balance(account)).isEqualTo(before - 321);
    }

    @org.junit.jupiter.api.Order(2)
    @org.junit.jupiter.api.Test
    void shouldReconcileCleanlyWithEveryWalletsLedger()
    {
        final io.hutong.sim.reconcile.ReconciliationReport report = new io.hutong.sim.reconcile.Reconciler()
            .settleTimeout(java.time.Duration.ofSeconds(10)).run(data.resolve("journal"), wallets.credentialsFile());

        assertThat(report.checked()).isGreaterThanOrEqualTo(7);
        assertThat(report.isClean()).as(report.summary()).isTrue();
    }
}
