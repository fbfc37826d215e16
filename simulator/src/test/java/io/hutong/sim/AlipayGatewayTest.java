package io.hutong.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.alipay.AlipayOutcomes;
import io.hutong.connector.alipay.AlipayRequest;
import io.hutong.connector.alipay.AlipayResponse;
import io.hutong.connector.alipay.AlipaySign;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated Alipay gateway's gateway-level behaviour: requests it cannot trust are refused unsigned with
 * Alipay's 40001/40002 sub_codes and never reach the ledger; parameters are read from the query string and the
 * form body; faults are drawn for the operation the {@code method} parameter names; the credentials survive a
 * restart.
 */
@Timeout(60)
class AlipayGatewayTest
{
    static
    {
        LeakGuard.install();
    }

    @TempDir
    static Path data;

    private static final String PAY_BIZ = "{\"out_trade_no\":\"%s\",\"scene\":\"bar_code\",\"auth_code\":\"%s\"," +
        "\"subject\":\"t\",\"total_amount\":\"1.00\"}";
    private static TestWallets wallets;
    private static AlipayTestClient client;

    @BeforeAll
    static void start() throws Exception
    {
        wallets = TestWallets.start(data, SystemEpochClock.INSTANCE, "", "alipay");
        client = new AlipayTestClient(wallets);
    }

    @AfterEach
    void clearFaults() throws Exception
    {
        wallets.control("DELETE", "alipay", "/sim/faults", null);
    }

    @AfterAll
    static void stop() throws Exception
    {
        wallets.close();
        LeakGuard.assertNoLeaks();
    }

    @Test
    void shouldRefuseRequestsItCannotTrustUnsignedAndWithoutTouchingTheLedger() throws Exception
    {
        final String code = wallets.code("alipay", "c000001");
        final int orders = orderCount();
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        final PrivateKey stranger = generator.generateKeyPair().getPrivate();

        assertRefused(payParams(code, (p) -> { }), stranger, "40002", "isv.invalid-signature");
        assertRefused(payParams(code, (p) -> p.put("app_id", "2021000000000000")), client.appKey, "40002",
            "isv.invalid-app-id");
        assertRefused(payParams(code, (p) -> { }), null, "40001", "isv.missing-signature");
        assertRefused(payParams(code, (p) -> p.put("sign_type", "RSA")), client.appKey, "40002",
            "isv.invalid-signature-type");
        assertRefused(payParams(code, (p) -> p.put("version", "2.0")), client.appKey, "40002", "isv.invalid-version");
        assertRefused(payParams(code, (p) -> p.remove("version")), client.appKey, "40001", "isv.missing-version");
        assertRefused(payParams(code, (p) -> p.put("timestamp", "yesterday")), client.appKey, "40002",
            "isv.invalid-timestamp");
        assertRefused(payParams(code, (p) -> p.put("format", "xml")), client.appKey, "40002", "isv.invalid-format");
        assertRefused(payParams(code, (p) -> p.put("charset", "GBK")), client.appKey, "40002", "isv.invalid-charset");
        assertRefused(payParams(code, (p) -> p.put("biz_content", "[1]")), client.appKey, "40002",
            "isv.invalid-parameter");
        final JsonNode unknown = AlipayTestClient.inner(client.sendRaw(
            client.parameters("alipay.trade.create", "{}"), client.appKey, false), "alipay_trade_create_response");
        assertThat(unknown.get("sub_code").asText()).isEqualTo("isv.invalid-method");
        final Map<String, String> noMethod = payParams(code, (p) -> p.remove("method"));
        final JsonNode missing =
            AlipayTestClient.inner(client.sendRaw(noMethod, client.appKey, false), "error_response");
        assertThat(missing.get("sub_code").asText()).isEqualTo("isv.missing-method");

        assertThat(orderCount()).isEqualTo(orders);
        final HttpResponse<byte[]> honest = client.sendRaw(payParams(code, (p) -> { }), client.appKey, false);
        assertThat(AlipayResponse.parse(AlipayRequest.Pay.METHOD, honest.body(), client.gatewayKey).response().code())
            .as("the code was never used").isEqualTo("10000");
    }

    @Test
    void shouldReadParametersSentAllInTheFormBody() throws Exception
    {
        final HttpResponse<byte[]> response =
            client.sendRaw(payParams(wallets.code("alipay", "c000002"), (p) -> { }), client.appKey, true);

        final AlipayResponse.Result answer =
            AlipayResponse.parse(AlipayRequest.Pay.METHOD, response.body(), client.gatewayKey);
        assertThat(answer.isOk()).isTrue();
        assertThat(answer.response().code()).isEqualTo("10000");
    }

    @Test
    void shouldDrawFaultsForTheOperationTheMethodNames() throws Exception
    {
        wallets.control("POST", "alipay", "/sim/faults", "{\"http500Rate\":1.0,\"operations\":[\"query\"]}");
        final String orderNo = "GW_F_" + System.nanoTime();

        assertThat(client.send(new AlipayRequest.Pay(orderNo, wallets.code("alipay", "c000003"), 100, "t"))
            .statusCode()).isEqualTo(200);
        assertThat(client.send(new AlipayRequest.Query(orderNo)).statusCode()).isEqualTo(500);
        final Map<String, String> query =
            client.parameters(AlipayRequest.Query.METHOD, "{\"out_trade_no\":\"" + orderNo + "\"}");
        assertThat(client.sendRaw(query, client.appKey, true).statusCode()).as("method in the body").isEqualTo(500);

        wallets.control("POST", "alipay", "/sim/faults", "{\"http500Rate\":1.0,\"operations\":[\"reverse\"]}");
        assertThat(client.send(new AlipayRequest.Query(orderNo)).statusCode()).isEqualTo(200);
        assertThat(client.send(new AlipayRequest.Cancel(orderNo)).statusCode()).isEqualTo(500);
    }

    @Test
    void shouldAnswerTheErrorFaultWithASignedSystemErrorAndTellCancelToRetry() throws Exception
    {
        wallets.control("POST", "alipay", "/sim/faults", "{\"errorRate\":1.0,\"appliedRate\":0.0}");
        final String orderNo = "GW_E_" + System.nanoTime();

        final AlipayResponse pay = client.call(new AlipayRequest.Pay(orderNo, wallets.code("alipay", "c000004"), 100,
            "t"));
        final AlipayResponse cancel = client.call(new AlipayRequest.Cancel(orderNo));

        assertThat(pay.code()).isEqualTo("20000");
        assertThat(pay.subCode()).isEqualTo("ACQ.SYSTEM_ERROR");
        assertThat(AlipayOutcomes.of(pay).status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(cancel.retryFlag()).isEqualTo("Y");
        assertThat(AlipayOutcomes.of(cancel).status()).isEqualTo(OutcomeStatus.IN_PROGRESS);
        wallets.control("DELETE", "alipay", "/sim/faults", null);
        assertThat(client.call(new AlipayRequest.Query(orderNo)).subCode()).as("nothing was applied")
            .isEqualTo("ACQ.TRADE_NOT_EXIST");
    }

    @Test
    void shouldWriteTheCredentialsTheConnectorReadsAndKeepThemAcrossRestarts(@TempDir final Path own)
        throws Exception
    {
        final JsonNode first;
        try (TestWallets once = TestWallets.start(own, SystemEpochClock.INSTANCE, "", "alipay"))
        {
            first = once.credentials().get("alipay");
        }
        final JsonNode again;
        try (TestWallets twice = TestWallets.start(own, SystemEpochClock.INSTANCE, "", "alipay"))
        {
            again = twice.credentials().get("alipay");
        }

        assertThat(first.get("gatewayUrl").asText()).isEqualTo(first.get("baseUrl").asText() + "/gateway.do");
        assertThat(first.get("appId").asText()).matches("2021[0-9]{12}");
        assertThat(first.get("signType").asText()).isEqualTo("RSA2");
        assertThat(first.has("interop")).isTrue();
        final PrivateKey appKey = AlipaySign.privateKey(first.get("appPrivateKey").asText());
        assertThat(AlipaySign.publicKey(first.get("alipayPublicKey").asText()).getAlgorithm()).isEqualTo("RSA");
        final byte[] probe = {1, 2, 3};
        assertThat(AlipaySign.verify(probe, AlipaySign.sign(probe, appKey),
            AlipaySign.publicKey(first.get("alipayPublicKey").asText()))).as("the gateway's key is not the app's")
            .isFalse();
        for (final String field : new String[] {"appId", "appPrivateKey", "alipayPublicKey"})
        {
            assertThat(again.get(field).asText()).as(field).isEqualTo(first.get(field).asText());
        }
    }

    private static void assertRefused(
        final Map<String, String> params, final PrivateKey key, final String code, final String subCode)
        throws Exception
    {
        final HttpResponse<byte[]> response = client.sendRaw(params, key, false);
        final JsonNode root = TestWallets.JSON.readTree(response.body());
        final JsonNode inner = AlipayTestClient.inner(response, "alipay_trade_pay_response");

        assertThat(inner.get("code").asText()).as(TestWallets.text(response)).isEqualTo(code);
        assertThat(inner.get("sub_code").asText()).isEqualTo(subCode);
        assertThat(root.has("sign")).as("refused before the caller is trusted: unsigned").isFalse();
        final AlipayResponse.Result parsed =
            AlipayResponse.parse(AlipayRequest.Pay.METHOD, response.body(), client.gatewayKey);
        final WalletOutcome outcome = AlipayOutcomes.of(parsed.response());
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(outcome.reason()).isEqualTo(DeclineReason.REQUEST_REJECTED);
    }

    private static Map<String, String> payParams(final String code, final Consumer<Map<String, String>> change)
    {
        final Map<String, String> params = client.parameters(AlipayRequest.Pay.METHOD,
            String.format(PAY_BIZ, "GW_" + System.nanoTime(), code));
        change.accept(params);
        return params;
    }

    private static int orderCount() throws Exception
    {
        return wallets.control("GET", "alipay", "/sim/stats", null).get("orders").asInt();
    }
}
