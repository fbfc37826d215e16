package io.hutong.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hutong.connector.DeclineReason;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletOutcome;
import io.hutong.core.engine.EngineConfig;
import io.hutong.core.engine.EngineHarness;
import io.hutong.core.engine.command.RequestDescriptor;
import io.netty.channel.nio.NioEventLoopGroup;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpApiTest
{
    private static final byte[] SECRET = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final byte[] OTHER = HexFormat.of().parseHex("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineHarness harness;
    private AgentRunner runner;
    private NioEventLoopGroup group;
    private HttpApiServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception
    {
        harness = new EngineHarness(EngineConfig.defaults(), SystemEpochClock.INSTANCE);
        final ApiClients clients = ApiClients.of(List.of(
            new ApiClients.Client("acq-1", SECRET, "alipay", 0),
            new ApiClients.Client("wallet-ap", OTHER, "alipay", 1)));
        final HttpApi api = new HttpApi(clients, harness.inbox, () -> System.currentTimeMillis() / 1000, 300,
            () -> "hutong_up 1\n", () -> true);
        harness.engine.replySink(RequestDescriptor.SOURCE_HTTP, api);
        runner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, harness.engine);
        AgentRunner.startOnThread(runner);
        group = new NioEventLoopGroup(1);
        server = new HttpApiServer(api, group, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop()
    {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        runner.close();
    }

    @Test
    void shouldApproveASignedPaymentAndFindItAgain() throws Exception
    {
        final HttpResponse<String> pay = post("acq-1", SECRET, "/v1/payments", "tx-1",
            "{\"amount\":1500,\"currency\":\"CNY\",\"code\":\"" + EngineHarness.WECHAT_CODE + "\",\"merchantId\":\"M1\"}");

        assertThat(pay.statusCode()).isEqualTo(200);
        final JsonNode body = JSON.readTree(pay.body());
        assertThat(body.get("status").asText()).isEqualTo("APPROVED");
        assertThat(body.get("wallet").asText()).isEqualTo("wechat");
        assertThat(body.get("counterpartyWallet").asText()).isEqualTo("alipay");
        assertThat(body.get("code").asText()).isEqualTo("134567********6789");
        assertThat(pay.body()).doesNotContain(EngineHarness.WECHAT_CODE);

        final HttpResponse<String> get = send("acq-1", SECRET, "GET", "/v1/payments/" + body.get("id").asText(), null, "");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get.body()).get("id")).isEqualTo(body.get("id"));
        final HttpResponse<String> foreign = send("wallet-ap", OTHER, "GET", "/v1/payments/" + body.get("id").asText(), null, "");
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerARepeatWithTheOriginalAndAModifiedRequestWith409() throws Exception
    {
        final String body = "{\"amount\":100,\"code\":\"" + EngineHarness.WECHAT_CODE + "\"}";
        final HttpResponse<String> first = post("acq-1", SECRET, "/v1/payments", "k-1", body);
        final HttpResponse<String> repeat = post("acq-1", SECRET, "/v1/payments", "k-1", body);
        final HttpResponse<String> modified = post("acq-1", SECRET, "/v1/payments", "k-1", body.replace("100", "101"));

        assertThat(JSON.readTree(repeat.body()).get("id")).isEqualTo(JSON.readTree(first.body()).get("id"));
        assertThat(modified.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(modified.body()).get("error").asText()).isEqualTo("MODIFIED_REQUEST");
        assertThat(harness.wallet("wechat").count(WalletOperation.PAY)).isEqualTo(1);
    }

    @Test
    void shouldRefuseUnauthenticatedRequests() throws Exception
    {
        final String body = "{\"amount\":100,\"code\":\"" + EngineHarness.WECHAT_CODE + "\"}";
        final HttpResponse<String> unsigned = client.send(HttpRequest.newBuilder(uri("/v1/payments"))
            .POST(HttpRequest.BodyPublishers.ofString(body)).header("Idempotency-Key", "k").build(),
            HttpResponse.BodyHandlers.ofString());
        final HttpResponse<String> wrongKey = post("acq-1", OTHER, "/v1/payments", "k", body);
        final long stale = System.currentTimeMillis() / 1000 - 3_600;
        final HttpResponse<String> old = client.send(HttpRequest.newBuilder(uri("/v1/payments"))
            .header("Authorization", RequestSigner.authorization("acq-1", SECRET, "POST", "/v1/payments", stale,
                body.getBytes(StandardCharsets.UTF_8)))
            .header("Idempotency-Key", "k")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        for (final HttpResponse<String> response : List.of(unsigned, wrongKey, old))
        {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("UNAUTHORIZED");
        }
        assertThat(harness.wallet("wechat").count(WalletOperation.PAY)).isZero();
    }

    @Test
    void shouldExplainMalformedBodiesWithTheFieldAndNeverAStackTrace() throws Exception
    {
        final String[][] cases = {
            {"{\"amount\":100,", "body: not JSON"},
            {"[1,2]", "body: must be a JSON object"},
            {"{\"amount\":100,\"code\":\"1\",\"tip\":5}", "tip: unknown field"},
            {"{\"amount\":\"100\",\"code\":\"1\"}", "amount: must be an integer number of fen"},
            {"{\"amount\":1.5,\"code\":\"1\"}", "amount: must be an integer number of fen"},
            {"{\"amount\":0,\"code\":\"1\"}", "amount=0: must be 1.."},
            {"{\"amount\":100}", "code: required"},
            {"{\"amount\":100,\"code\":\"1\",\"currency\":\"USD\"}", "currency: only"},
            {"{\"amount\":100,\"code\":\"1\"} trailing", "body: not JSON"},
        };
        for (final String[] c : cases)
        {
            final HttpResponse<String> response = post("acq-1", SECRET, "/v1/payments", "k-bad", c[0]);
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            final JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("error").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(error.get("message").asText()).as(c[0]).startsWith(c[1]);
            assertThat(response.body()).doesNotContain("Exception");
        }
    }

    @Test
    void shouldTakeMpmPaymentsOnlyForTheClientsOwnWalletAndRefund() throws Exception
    {
        final String card = new io.hutong.codec.card.MerchantCodeCard("M1", "Cafe", "Beijing", "CN", "5812", "156", null,
            List.of("wechat")).toPayload(io.hutong.codec.registry.WalletRegistryLoader.defaults()).encode();
        final String mpm = "{\"payerWallet\":\"alipay\",\"payerRef\":\"AP-77\",\"amount\":300,\"code\":\"" + card + "\"}";

        final HttpResponse<String> forbidden = post("acq-1", SECRET, "/v1/mpm/payments", null, mpm.replace("alipay", "jdpay"));
        final HttpResponse<String> ok = post("wallet-ap", OTHER, "/v1/mpm/payments", null, mpm);

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("status").asText()).isEqualTo("APPROVED");

        harness.wallet("wechat").then(WalletOperation.REFUND, WalletOutcome.declined(DeclineReason.OTHER, "X"));
        final HttpResponse<String> pay = post("acq-1", SECRET, "/v1/payments", "tx-r",
            "{\"amount\":1000,\"code\":\"134567890123456780\"}");
        final String id = JSON.readTree(pay.body()).get("id").asText();
        final HttpResponse<String> declined = post("acq-1", SECRET, "/v1/payments/" + id + "/refund", "rf-1", "{\"amount\":400}");
        final HttpResponse<String> refunded = post("acq-1", SECRET, "/v1/payments/" + id + "/refund", "rf-2", "{\"amount\":400}");
        final HttpResponse<String> missing = post("acq-1", SECRET, "/v1/payments/123/refund", "rf-3", "{\"amount\":1}");

        assertThat(JSON.readTree(declined.body()).get("status").asText()).isEqualTo("DECLINED");
        assertThat(JSON.readTree(refunded.body()).get("status").asText()).isEqualTo("APPROVED");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldServeHealthAndMetricsWithoutAuthentication() throws Exception
    {
        final HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/healthz")).build(),
            HttpResponse.BodyHandlers.ofString());
        final HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(uri("/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying((v) -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body()).contains("hutong_up 1");
    }

    private HttpResponse<String> post(
        final String clientId, final byte[] secret, final String path, final String key, final String body) throws Exception
    {
        return send(clientId, secret, "POST", path, key, body);
    }

    private HttpResponse<String> send(
        final String clientId, final byte[] secret, final String method, final String path, final String key,
        final String body) throws Exception
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
            .header("Authorization", RequestSigner.authorization(clientId, secret, method, path,
                System.currentTimeMillis() / 1000, bytes))
            .header("Content-Type", "application/json")
            .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (null != key)
        {
            request.header("Idempotency-Key", key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(final String path)
    {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }
}
