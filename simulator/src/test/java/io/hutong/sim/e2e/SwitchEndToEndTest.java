package io.hutong.sim.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.codec.card.MerchantCodeCard;
import io.hutong.codec.registry.WalletRegistryLoader;
import io.hutong.connector.kit.SimControl;
import io.hutong.core.config.SwitchConfigLoader;
import io.hutong.core.http.RequestSigner;
import io.hutong.core.journal.JournalReader;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.node.SwitchNode;
import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.auth.TerminalKeysFile;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import io.hutong.core.pos.codec.ResultDecoder;
import io.hutong.core.pos.server.TestTerminal;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole switch over real loopback sockets: simulated wallets, {@code SwitchNode} with its POS and HTTP
 * listeners and journal, a POS terminal speaking the binary protocol and an HTTP client signing its requests.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SwitchEndToEndTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path data;

    private Simulator wallets;
    private SwitchNode node;
    private Path config;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception
    {
        wallets = Simulator.start(SimulatorConfigLoader.fromTree(YAML.readTree(
            "basePort: 0\ndefaults: {consumers: 5}\nwallets: {alipay: {enabled: false}, unionpay: {enabled: false}, " +
            "jdpay: {enabled: false}}\n")), data, SystemEpochClock.INSTANCE);
        config = data.resolve("switch.yaml");
        Files.writeString(config, """
            pos: {port: 0}
            http: {port: 0}
            wallets:
              overrides:
                wechat: {schedule: {requestTimeoutMs: 400, queryIntervalMs: 300, queryWindowMs: 1500, reverseNotBeforeMs: 0, reverseRetryMs: 200, reverseRetryMaxMs: 400}}
            """);
        node = SwitchNode.start(SwitchConfigLoader.load(config, data));
    }

    @AfterEach
    void stop()
    {
        if (null != node)
        {
            node.close(0);
        }
        wallets.close();
    }

    @Test
    void shouldPayFromAPosTerminalAndRecordItAtTheWalletOnce() throws Exception
    {
        final SimControl wechat = control("wechat");
        final String code = wechat.code(consumer("wechat"));
        try (TestTerminal terminal = terminal())
        {
            final ResultDecoder result = pay(terminal, "pos-1", code, 1_234);

            assertThat(result.status()).isEqualTo(PosStatus.APPROVED);
            assertThat(result.walletId()).isEqualTo("wechat");
            assertThat(result.walletTxnId()).isNotEmpty();
            final ResultDecoder again = pay(terminal, "pos-1", code, 1_234);
            assertThat(again.switchTxnId()).as("a resend gets the original answer").isEqualTo(result.switchTxnId());
        }
        assertThat(wechat.orders(orderNoOf(data, "pos-1"))).singleElement()
            .satisfies((o) -> assertThat(o.state()).isEqualTo("SUCCESS"));
    }

    @Test
    void shouldRefuseAReusedCodeAndDeclineWithTheWalletsReason() throws Exception
    {
        final SimControl bestpay = control("bestpay");
        bestpay.account("poor", 100, 1_000_000, false);
        final String poorCode = bestpay.code("poor");
        final String code = bestpay.code(consumer("bestpay"));
        try (TestTerminal terminal = terminal())
        {
            assertThat(pay(terminal, "a", code, 100).status()).isEqualTo(PosStatus.APPROVED);
            final ResultDecoder reused = pay(terminal, "b", code, 100);
            assertThat(reused.terminalTxnId()).isEqualTo("b");
            assertThat(reused.status()).isEqualTo(PosStatus.DECLINED);
            assertThat(reused.reason()).isEqualTo(PosReason.CODE_REUSED);
            final ResultDecoder poor = pay(terminal, "c", poorCode, 5_000);
            assertThat(poor.status()).isEqualTo(PosStatus.DECLINED);
            assertThat(poor.reason()).isEqualTo(PosReason.INSUFFICIENT_FUNDS);
        }
    }

    @Test
    void shouldReverseAPaymentTheWalletNeverAnswered() throws Exception
    {
        final SimControl wechat = control("wechat");
        final String account = consumer("wechat");
        final long before = wechat.balance(account);
        wechat.faults("{\"hangRate\":1.0,\"appliedRate\":1.0,\"operations\":[\"pay\"]}");
        try (TestTerminal terminal = terminal())
        {
            final ResultDecoder pending = pay(terminal, "hang-1", wechat.code(account), 700);
            assertThat(pending.status()).isEqualTo(PosStatus.IN_PROGRESS);
            wechat.clearFaults();

            final ResultDecoder settled = queryUntil(terminal, "hang-1", PosStatus.APPROVED, PosStatus.REVERSED);
            // The wallet took the money behind the lost answer; the switch either found it by query (approved) or
            // reversed it when its window closed; never both, never lost.
            final long after = wechat.balance(account);
            assertThat(after).isEqualTo(PosStatus.APPROVED == settled.status() ? before - 700 : before);
        }
    }

    @Test
    void shouldFinishAPaymentInFlightWhenTheSwitchStopsAndRestartsExactlyOnce() throws Exception
    {
        final SimControl wechat = control("wechat");
        final String account = consumer("wechat");
        final long before = wechat.balance(account);
        wechat.faults("{\"hangRate\":1.0,\"appliedRate\":1.0,\"operations\":[\"pay\"]}");
        try (TestTerminal terminal = terminal())
        {
            send(terminal, "crash-1", wechat.code(account), 900);
            Thread.sleep(100);
        }
        node.close(0);
        node = null;
        wechat.clearFaults();

        node = SwitchNode.start(SwitchConfigLoader.load(config, data));
        assertThat(node.recovered()).isPositive();
        try (TestTerminal terminal = terminal())
        {
            final ResultDecoder settled = queryUntil(terminal, "crash-1", PosStatus.APPROVED, PosStatus.REVERSED);
            final long after = wechat.balance(account);
            assertThat(after).isEqualTo(PosStatus.APPROVED == settled.status() ? before - 900 : before);
        }
        final String orderNo = orderNoOf(data, "crash-1");
        assertThat(wechat.orders(orderNo)).as("one order at the wallet").hasSize(1);
    }

    @Test
    void shouldTakeAnMpmPaymentOverHttpAndCreditThePayee() throws Exception
    {
        final SimControl payer = control("bestpay");
        final String account = consumer("bestpay");
        payer.hold(account, "BP-HOLD-1", 2_500);
        final String card = new MerchantCodeCard(control("wechat") == null ? "" : merchant("wechat"), "Cafe Hutong",
            "Beijing", "CN", "5812", "156", null, List.of("wechat")).toPayload(WalletRegistryLoader.defaults()).encode();

        final HttpResponse<String> response = post("bestpay-api", "/v1/mpm/payments",
            "{\"payerWallet\":\"bestpay\",\"payerRef\":\"BP-HOLD-1\",\"amount\":2500,\"code\":\"" + card + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        final JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("APPROVED");
        assertThat(body.get("counterpartyWallet").asText()).isEqualTo("wechat");
        assertThat(control("wechat").order(orderNoOf(data, "BP-HOLD-1"), "CREDIT")).isPresent();
    }

    @Test
    void shouldVoidAndRefundFromThePosAtTheWallet() throws Exception
    {
        final SimControl bestpay = control("bestpay");
        final String account = consumer("bestpay");
        final long before = bestpay.balance(account);
        try (TestTerminal terminal = terminal())
        {
            assertThat(pay(terminal, "void-1", bestpay.code(account), 400).status()).isEqualTo(PosStatus.APPROVED);
            terminal.session.reverse(terminal.buffer, 0).terminalTxnId("void-1");
            terminal.send(terminal.session.commit());
            result(terminal);
            assertThat(queryUntil(terminal, "void-1", PosStatus.REVERSED).status()).isEqualTo(PosStatus.REVERSED);
            assertThat(bestpay.balance(account)).isEqualTo(before);

            final long paid = pay(terminal, "refund-1", bestpay.code(account), 1_000).switchTxnId();
            final HttpResponse<String> notMine = post("bestpay-api", "/v1/payments/" + paid + "/refund",
                "{\"refundId\":\"rf-1\",\"amount\":300}");
            assertThat(notMine.statusCode()).as("another client's payment is not found").isEqualTo(404);
            terminal.session.refund(terminal.buffer, 0).originalTxnId("refund-1").refundTxnId("rf-1").amount(300);
            terminal.send(terminal.session.commit());
            assertThat(result(terminal).status()).isEqualTo(PosStatus.REFUNDED);
        }
        assertThat(bestpay.balance(account)).isEqualTo(before - 700);
        assertThat(bestpay.order(orderNoOf(data, "refund-1"), "PAY"))
            .hasValueSatisfying((o) -> assertThat(o.refunded()).isEqualTo(300));
    }

    private ResultDecoder pay(final TestTerminal terminal, final String txnId, final String code, final long amount)
        throws Exception
    {
        send(terminal, txnId, code, amount);
        return result(terminal);
    }

    private static void send(final TestTerminal terminal, final String txnId, final String code, final long amount)
        throws Exception
    {
        terminal.session.pay(terminal.buffer, 0).amount(amount).currency(156).terminalTxnId(txnId).merchantId("M1")
            .code(code).subject("e2e");
        terminal.send(terminal.session.commit());
    }

    private static ResultDecoder result(final TestTerminal terminal) throws Exception
    {
        assertThat(terminal.receive()).isEqualTo(PosReason.NONE);
        assertThat(terminal.frame().messageType()).isEqualTo(PosMessageType.RESULT);
        return terminal.frame().result();
    }

    private static ResultDecoder queryUntil(final TestTerminal terminal, final String txnId, final PosStatus... done)
        throws Exception
    {
        for (int i = 0; i < 100; i++)
        {
            terminal.session.query(terminal.buffer, 0).terminalTxnId(txnId);
            terminal.send(terminal.session.commit());
            final ResultDecoder result = result(terminal);
            if (List.of(done).contains(result.status()))
            {
                return result;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("payment " + txnId + " never settled");
    }

    private TestTerminal terminal() throws Exception
    {
        final TerminalKey key = TerminalKeysFile.load(data.resolve("terminals.json")).keys().get(0);
        final TestTerminal terminal = new TestTerminal(node.posAddress(), key);
        terminal.logOn();
        return terminal;
    }

    private SimControl control(final String wallet)
    {
        return new SimControl(URI.create(wallets.server(wallet).baseUrl()));
    }

    private String consumer(final String wallet) throws Exception
    {
        return JSON.readTree(wallets.credentialsFile().toFile()).get(wallet).get("consumers").get(0).get("account").asText();
    }

    private String merchant(final String wallet) throws Exception
    {
        return JSON.readTree(wallets.credentialsFile().toFile()).get(wallet).get("merchants").get(0).asText();
    }

    private HttpResponse<String> post(final String client, final String path, final String body) throws Exception
    {
        final JsonNode clients = JSON.readTree(data.resolve("clients.json").toFile()).get("clients");
        byte[] secret = null;
        for (final JsonNode c : clients)
        {
            if (client.equals(c.get("id").asText()))
            {
                secret = HexFormat.of().parseHex(c.get("secret").asText());
            }
        }
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpAddress().getPort() + path))
            .header("Authorization", RequestSigner.authorization(client, secret, "POST", path,
                System.currentTimeMillis() / 1000, bytes))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The order number the switch used at the wallet for a terminal's txn id, read from the journal.
     */
    private static String orderNoOf(final Path data, final String terminalTxnId)
    {
        final String[] found = new String[1];
        try (JournalReader reader = JournalReader.openReadOnly(data.resolve("journal")))
        {
            reader.replay((index, r) ->
            {
                if (JournalHop.ROUTED == r.hop() && terminalTxnId.equals(r.terminalTxnId()))
                {
                    found[0] = r.walletOrderNo();
                }
            });
        }
        return found[0];
    }
}
