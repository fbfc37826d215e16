package io.hutong.sim.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.codec.card.MerchantCodeCard;
import io.hutong.codec.registry.WalletRegistryLoader;
import io.hutong.core.config.SwitchConfigLoader;
import io.hutong.core.http.RequestSigner;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalReader;
import io.hutong.core.node.SwitchNode;
import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.auth.TerminalKeysFile;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.ResultDecoder;
import io.hutong.core.pos.server.TestTerminal;
import io.hutong.sim.Simulator;
import io.hutong.sim.config.SimulatorConfigLoader;
import io.hutong.sim.ledger.Ledger;
import org.agrona.concurrent.SystemEpochClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulated wallets (WeChat, and the GM wallets bestpay, cmpay and wopay) and a {@code SwitchNode} in this process on
 * ephemeral loopback ports, with fast query and reversal schedules, plus the clients a test drives them with: a
 * POS terminal, a signed HTTP client for MPM, the wallets' ledgers and control API. As in SwitchEndToEndTest.
 */
public final class SwitchStack implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String FAST =
        "{schedule: {requestTimeoutMs: 400, queryIntervalMs: 200, queryWindowMs: 1000, reverseNotBeforeMs: 0, " +
            "reverseRetryMs: 100, reverseRetryMaxMs: 200}}";

    private final Path data;
    private final Simulator wallets;
    private final SwitchNode node;
    private final JsonNode credentials;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * @param data an empty data directory.
     */
    public SwitchStack(final Path data) throws Exception
    {
        this.data = data;
        wallets = Simulator.start(SimulatorConfigLoader.fromTree(YAML.readTree(
            "basePort: 0\ndefaults: {consumers: 5, merchants: 2}\nwallets: {alipay: {enabled: false}, " +
                "unionpay: {enabled: false}, jdpay: {enabled: false}}\n")), data, SystemEpochClock.INSTANCE);
        final Path config = data.resolve("switch.yaml");
        Files.writeString(config, "pos: {port: 0}\nhttp: {port: 0}\nwallets:\n  overrides:\n" +
            "    wechat: " + FAST + "\n    bestpay: " + FAST + "\n    cmpay: " + FAST + "\n    wopay: " + FAST + "\n");
        SwitchNode started = null;
        try
        {
            started = SwitchNode.start(SwitchConfigLoader.load(config, data));
            credentials = JSON.readTree(wallets.credentialsFile().toFile());
        }
        catch (final Exception | Error ex)
        {
            if (null != started)
            {
                started.close(0);
            }
            wallets.close();
            throw ex;
        }
        node = started;
    }

    /**
     * @return the journal directory.
     */
    public Path journal()
    {
        return data.resolve("journal");
    }

    /**
     * @return the credentials file.
     */
    public Path credentialsFile()
    {
        return wallets.credentialsFile();
    }

    /**
     * @return the simulated wallets.
     */
    public Simulator wallets()
    {
        return wallets;
    }

    /**
     * @return a wallet's ledger, to tamper with.
     */
    public Ledger ledger(final String wallet)
    {
        return wallets.server(wallet).context().ledger();
    }

    /**
     * @return a field of a wallet's credentials entry, e.g. {@code mchId} or {@code /interop/merchantId}.
     */
    public String credential(final String wallet, final String pointer)
    {
        final JsonNode entry = credentials.get(wallet);
        return (pointer.startsWith("/") ? entry.at(pointer) : entry.get(pointer)).asText();
    }

    /**
     * @return a wallet's n-th consumer account (0-based).
     */
    public String consumer(final String wallet, final int n)
    {
        return credentials.get(wallet).get("consumers").get(n).get("account").asText();
    }

    /**
     * @return a fresh one-time code of that consumer.
     */
    public String code(final String wallet, final String account)
    {
        return ledger(wallet).issueCode(account).code();
    }

    /**
     * @return a logged-on POS terminal (terminal 0, acquirer as the switch assigned it).
     */
    public TestTerminal terminal() throws Exception
    {
        final TerminalKey key = TerminalKeysFile.load(data.resolve("terminals.json")).keys().get(0);
        final TestTerminal terminal = new TestTerminal(node.posAddress(), key);
        terminal.logOn();
        return terminal;
    }

    /**
     * Pays and waits for the answer.
     */
    public static ResultDecoder pay(final TestTerminal terminal, final String txnId, final String code, final long amount)
        throws Exception
    {
        terminal.session.pay(terminal.buffer, 0).amount(amount).currency(156).terminalTxnId(txnId).merchantId("M1")
            .code(code).subject("reconcile");
        terminal.send(terminal.session.commit());
        return result(terminal);
    }

    /**
     * Refunds part of a paid payment and waits for the answer.
     */
    public static ResultDecoder refund(
        final TestTerminal terminal, final String originalTxnId, final String refundTxnId, final long amount)
        throws Exception
    {
        terminal.session.refund(terminal.buffer, 0).amount(amount).originalTxnId(originalTxnId).refundTxnId(refundTxnId);
        terminal.send(terminal.session.commit());
        return result(terminal);
    }

    /**
     * Voids a payment and waits for the first answer.
     */
    public static ResultDecoder reverse(final TestTerminal terminal, final String txnId) throws Exception
    {
        terminal.session.reverse(terminal.buffer, 0).terminalTxnId(txnId);
        terminal.send(terminal.session.commit());
        return result(terminal);
    }

    private static ResultDecoder result(final TestTerminal terminal) throws Exception
    {
        assertThat(terminal.receive()).isEqualTo(PosReason.NONE);
        assertThat(terminal.frame().messageType()).isEqualTo(PosMessageType.RESULT);
        return terminal.frame().result();
    }

    /**
     * Places the payer's hold (as its wallet's app does) and asks the switch to pay the merchant.
     *
     * @return the switch's answer ({@code status} and more).
     */
    public JsonNode mpm(
        final String payer, final String payerRef, final String payee, final String merchantId, final long amount)
        throws Exception
    {
        hold(payer, payerRef, amount);
        return requestMpm(payer, payerRef, payee, merchantId, amount);
    }

    /**
     * Places a payer hold through the wallet's control API.
     */
    public void hold(final String payer, final String payerRef, final long amount) throws Exception
    {
        final HttpResponse<String> hold = http.send(HttpRequest.newBuilder(URI.create(
            wallets.server(payer).baseUrl() + "/sim/holds")).POST(HttpRequest.BodyPublishers.ofString(
            "{\"account\":\"" + consumer(payer, 0) + "\",\"orderNo\":\"" + payerRef + "\",\"amount\":" + amount + "}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(200);
    }

    /**
     * Asks the switch to pay a merchant for a payer's hold (POST /v1/mpm/payments, signed as the payer's API
     * client); for a merchant id the payee does not know, the switch declines.
     *
     * @return the switch's answer ({@code status} and more).
     */
    public JsonNode requestMpm(
        final String payer, final String payerRef, final String payee, final String merchantId, final long amount)
        throws Exception
    {
        final String card = new MerchantCodeCard(merchantId, "Cafe Hutong", "Beijing", "CN", "5812", "156", null,
            List.of(payee)).toPayload(WalletRegistryLoader.defaults()).encode();
        final String path = "/v1/mpm/payments";
        final byte[] body = ("{\"payerWallet\":\"" + payer + "\",\"payerRef\":\"" + payerRef + "\",\"amount\":" + amount +
            ",\"code\":\"" + card + "\"}").getBytes(StandardCharsets.UTF_8);
        final String client = payer + "-api";
        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + node.httpAddress().getPort() + path))
            .header("Authorization", RequestSigner.authorization(client, secret(client), "POST", path,
                System.currentTimeMillis() / 1000, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /**
     * Captures a payer hold, as the payer wallet's app does after an approved MPM payment.
     */
    public void capture(final String payer, final String payerRef)
    {
        assertThat(ledger(payer).capture(payerRef).isOk()).isTrue();
    }

    /**
     * @return the order number the switch gave the wallet for a terminal's (or payer's) reference.
     */
    public String orderNoOf(final String reference)
    {
        final String[] found = new String[1];
        try (JournalReader reader = JournalReader.openReadOnly(journal()))
        {
            reader.replay((index, r) ->
            {
                if (JournalHop.ROUTED == r.hop() && reference.equals(r.terminalTxnId()))
                {
                    found[0] = r.walletOrderNo();
                }
            });
        }
        assertThat(found[0]).as("order number of " + reference).isNotNull();
        return found[0];
    }

    /**
     * Reconciles once the switch has nothing in flight (it releases holds and reverses after answering), or fails.
     */
    public ReconciliationReport settledReport()
    {
        final ReconciliationReport report =
            new Reconciler().settleTimeout(Duration.ofSeconds(10)).run(journal(), credentialsFile());
        assertThat(report.inDoubt()).as(report.toString()).isZero();
        return report;
    }

    private byte[] secret(final String client) throws Exception
    {
        for (final JsonNode c : JSON.readTree(data.resolve("clients.json").toFile()).get("clients"))
        {
            if (client.equals(c.get("id").asText()))
            {
                return HexFormat.of().parseHex(c.get("secret").asText());
            }
        }
        throw new AssertionError("no API client " + client);
    }

    @Override
    public void close()
    {
        try
        {
            node.close(0);
        }
        finally
        {
            wallets.close();
        }
    }
}
