package io.hutong.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hutong.codec.CodeError;
import io.hutong.codec.emv.cpm.CpmDecoder;
import io.hutong.connector.wechat.MicropayRequest;
import io.hutong.connector.wechat.OrderQueryRequest;
import io.hutong.connector.wechat.WeChatMerchant;
import io.hutong.connector.wechat.WeChatMessageException;
import io.hutong.connector.wechat.WeChatResponse;
import io.hutong.connector.wechat.WeChatSignType;
import io.hutong.connector.wechat.WeChatXml;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wallet server over real loopback HTTP: every control endpoint, and every fault kind as a client sees it.
 */
@Timeout(60)
class WalletServerTest
{
    static
    {
        LeakGuard.install();
    }

    @TempDir
    static Path data;

    private static TestWallets wallets;
    private static WeChatMerchant merchant;
    private static final AtomicLong ORDERS = new AtomicLong();

    @BeforeAll
    static void start() throws Exception
    {
        wallets = TestWallets.start(data, SystemEpochClock.INSTANCE, "", "wechat", "unionpay", "bestpay");
        merchant = wallets.weChatMerchant(WeChatSignType.HMAC_SHA256);
    }

    @AfterAll
    static void stop() throws Exception
    {
        wallets.close();
        LeakGuard.assertNoLeaks();
    }

    @AfterEach
    void clearFaults() throws Exception
    {
        wallets.control("DELETE", "wechat", "/sim/faults", null);
    }

    @Test
    void shouldIssueCodesForTheNextOrANamedAccount() throws Exception
    {
        final JsonNode next = wallets.control("POST", "wechat", "/sim/codes", null);
        final JsonNode named = wallets.control("POST", "wechat", "/sim/codes", "{\"account\":\"c000007\"}");
        final JsonNode emv = wallets.control("POST", "unionpay", "/sim/codes", "{\"format\":\"emv\"}");
        final JsonNode numeric = wallets.control("POST", "unionpay", "/sim/codes", "{\"format\":\"numeric\"}");

        assertThat(next.get("code").asText()).matches("10[0-9]{16}");
        assertThat(next.get("expiresInSeconds").asInt()).isEqualTo(60);
        assertThat(named.get("account").asText()).isEqualTo("c000007");
        assertThat(named.get("code").asText()).startsWith("10000007");
        final byte[] emvText = emv.get("code").asText().getBytes(StandardCharsets.US_ASCII);
        final CpmDecoder decoder = new CpmDecoder().wrap(new UnsafeBuffer(emvText), 0, emvText.length);
        assertThat(decoder.decode()).isEqualTo(CodeError.NONE);
        assertThat(decoder.aidHex(0)).isEqualTo("A000000333010101");
        assertThat(decoder.panDigitCount(0)).as("the numeric code is the PAN").isEqualTo(19);
        assertThat(decoder.maskedPan(0)).startsWith("620000");
        assertThat(numeric.get("code").asText()).matches("62[0-9]{17}");
        assertError("POST", "wechat", "/sim/codes", "{\"format\":\"emv\"}", 400, "BAD_REQUEST");
        assertError("POST", "wechat", "/sim/codes", "{\"account\":\"nobody\"}", 404, "UNKNOWN_ACCOUNT");
        assertError("POST", "wechat", "/sim/codes", "{\"account\":", 400, "BAD_REQUEST");
        assertError("GET", "wechat", "/sim/codes", null, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void shouldCreateUpdateAndShowAccounts() throws Exception
    {
        final JsonNode created = wallets.control("POST", "wechat", "/sim/accounts",
            "{\"account\":\"dora\",\"balance\":500,\"perPaymentLimit\":100,\"frozen\":false}");
        final JsonNode updated =
            wallets.control("POST", "wechat", "/sim/accounts", "{\"account\":\"dora\",\"frozen\":true}");
        final JsonNode shown = wallets.control("GET", "wechat", "/sim/accounts/dora", null);

        assertThat(created.get("number").asInt()).isEqualTo(21);
        assertThat(created.get("balance").asLong()).isEqualTo(500);
        assertThat(updated.get("frozen").asBoolean()).isTrue();
        assertThat(updated.get("perPaymentLimit").asLong()).isEqualTo(100);
        assertThat(shown).isEqualTo(updated);
        assertError("GET", "wechat", "/sim/accounts/nobody", null, 404, "UNKNOWN_ACCOUNT");
        assertError("POST", "wechat", "/sim/accounts", "{\"account\":\"bad id\"}", 400, "BAD_REQUEST");
        assertError("POST", "wechat", "/sim/accounts", "{\"account\":\"x\",\"balance\":-1}", 400, "BAD_REQUEST");
        assertError("POST", "wechat", "/sim/accounts", "{\"account\":\"x\",\"balance\":\"9\"}", 400, "BAD_REQUEST");
    }

    @Test
    void shouldPlaceAndCaptureHoldsAndShowThemInTheLedger() throws Exception
    {
        final JsonNode held = wallets.control("POST", "bestpay", "/sim/holds",
            "{\"account\":\"c000001\",\"orderNo\":\"HOLD-1\",\"amount\":250}");
        final JsonNode captured = wallets.control("POST", "bestpay", "/sim/holds/HOLD-1/capture", null);

        assertThat(held.get("state").asText()).isEqualTo("HELD");
        assertThat(held.get("kind").asText()).isEqualTo("HOLD");
        assertThat(captured.get("state").asText()).isEqualTo("CAPTURED");
        assertThat(captured.get("finalAt").isNumber()).isTrue();
        assertError("POST", "bestpay", "/sim/holds", "{\"account\":\"c000001\",\"orderNo\":\"HOLD-2\",\"amount\":0}",
            400, "BAD_REQUEST");
        assertError("POST", "bestpay", "/sim/holds/NONE/capture", null, 400, "ORDER_NOT_FOUND");
        assertError("POST", "bestpay", "/sim/holds",
            "{\"account\":\"c000001\",\"orderNo\":\"HOLD-3\",\"amount\":999999999999}", 400, "LIMIT_EXCEEDED");
    }

    @Test
    void shouldPageTheLedgerAndCountOperations() throws Exception
    {
        for (int i = 0; i < 3; i++)
        {
            wallets.control("POST", "bestpay", "/sim/holds",
                "{\"account\":\"c000002\",\"orderNo\":\"PAGE-" + i + "\",\"amount\":1}");
        }
        final int total = wallets.control("GET", "bestpay", "/sim/ledger", null).get("total").asInt();

        final JsonNode first = wallets.control("GET", "bestpay", "/sim/ledger?offset=0&limit=2", null);
        final JsonNode last = wallets.control("GET", "bestpay", "/sim/ledger?offset=" + (total - 1), null);
        final JsonNode stats = wallets.control("GET", "bestpay", "/sim/stats", null);

        assertThat(first.get("wallet").asText()).isEqualTo("bestpay");
        assertThat(first.get("orders")).hasSize(2);
        assertThat(first.get("next").asInt()).isEqualTo(2);
        assertThat(last.get("orders")).hasSize(1);
        assertThat(last.get("next").isNull()).isTrue();
        final JsonNode order = last.get("orders").get(0);
        assertThat(order.fieldNames()).toIterable().containsExactly("merchantId", "orderNo", "kind", "account",
            "amount", "state", "walletTxnId", "refunded", "createdAt", "finalAt");
        assertThat(stats.get("holds").asLong()).isGreaterThanOrEqualTo(3);
        assertError("GET", "bestpay", "/sim/ledger?limit=0", null, 400, "BAD_REQUEST");
        assertError("GET", "bestpay", "/sim/ledger?offset=x", null, 400, "BAD_REQUEST");
        assertError("GET", "bestpay", "/sim/nothing", null, 404, "NOT_FOUND");
    }

    @Test
    void shouldReplaceShowAndClearTheFaultPlan() throws Exception
    {
        final JsonNode set = wallets.control("POST", "wechat", "/sim/faults", "{\"hangRate\":0.25,\"seed\":3}");
        final JsonNode shown = wallets.control("GET", "wechat", "/sim/faults", null);
        final JsonNode cleared = wallets.control("DELETE", "wechat", "/sim/faults", null);

        assertThat(set.get("hangRate").asDouble()).isEqualTo(0.25);
        assertThat(shown).isEqualTo(set);
        assertThat(cleared.get("hangRate").asDouble()).isZero();
        final HttpResponse<byte[]> refused =
            wallets.send("POST", wallets.url("wechat", "/sim/faults"), "{\"errorRate\":1.5}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(TestWallets.text(refused)).contains("faults.errorRate=1.5: must be in [0,1]");
    }

    @Test
    void shouldDelayAnswersByTheConfiguredLatency() throws Exception
    {
        faults("{\"latency\":{\"distribution\":\"fixed\",\"ms\":200},\"operations\":[\"pay\"]}");

        final long start = System.nanoTime();
        final WeChatResponse answer = pay(newOrder(), code());

        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(200);
        assertThat(answer.isResultSuccess()).isTrue();
    }

    @Test
    void shouldAnswerTheWalletsSystemErrorWithTheOperationAppliedOrNot() throws Exception
    {
        faults("{\"errorRate\":1,\"appliedRate\":1,\"operations\":[\"pay\"]}");
        final String applied = newOrder();
        assertThat(pay(applied, code()).errCode()).isEqualTo("SYSTEMERROR");
        assertThat(query(applied).tradeState()).isEqualTo("SUCCESS");

        faults("{\"errorRate\":1,\"appliedRate\":0,\"operations\":[\"pay\"]}");
        final String notApplied = newOrder();
        assertThat(pay(notApplied, code()).errCode()).isEqualTo("SYSTEMERROR");
        assertThat(query(notApplied).errCode()).isEqualTo("ORDERNOTEXIST");
    }

    @Test
    void shouldAnswerHttp500WithTheOperationAppliedOrNot() throws Exception
    {
        faults("{\"http500Rate\":1,\"appliedRate\":1,\"operations\":[\"pay\"]}");
        final String applied = newOrder();
        assertThat(wallets.post(wallets.url("wechat", "/pay/micropay"), micropay(applied, code())).statusCode())
            .isEqualTo(500);
        assertThat(query(applied).tradeState()).isEqualTo("SUCCESS");

        faults("{\"http500Rate\":1,\"appliedRate\":0,\"operations\":[\"pay\"]}");
        final String notApplied = newOrder();
        assertThat(wallets.post(wallets.url("wechat", "/pay/micropay"), micropay(notApplied, code())).statusCode())
            .isEqualTo(500);
        assertThat(query(notApplied).errCode()).isEqualTo("ORDERNOTEXIST");
    }

    @Test
    void shouldHangWithoutAnAnswerUntilTheClientGivesUp() throws Exception
    {
        faults("{\"hangRate\":1,\"appliedRate\":1,\"operations\":[\"pay\"]}");
        final String orderNo = newOrder();
        final HttpRequest request = HttpRequest.newBuilder(URI.create(wallets.url("wechat", "/pay/micropay")))
            .timeout(Duration.ofMillis(400)).POST(HttpRequest.BodyPublishers.ofByteArray(micropay(orderNo, code())))
            .build();

        assertThatThrownBy(() -> wallets.http.send(request, HttpResponse.BodyHandlers.ofByteArray()))
            .isInstanceOf(HttpTimeoutException.class);
        assertThat(query(orderNo).tradeState()).as("applied before the hang").isEqualTo("SUCCESS");
    }

    @Test
    void shouldResetTheConnectionWithoutAnAnswer() throws Exception
    {
        faults("{\"resetRate\":1,\"appliedRate\":0,\"operations\":[\"pay\"]}");
        final String orderNo = newOrder();

        assertThatThrownBy(() -> wallets.post(wallets.url("wechat", "/pay/micropay"), micropay(orderNo, code())))
            .isInstanceOf(IOException.class);
        assertThat(query(orderNo).errCode()).isEqualTo("ORDERNOTEXIST");
    }

    @Test
    void shouldWriteADuplicateAnswerOnTheConnection() throws Exception
    {
        faults("{\"duplicateRate\":1,\"operations\":[\"pay\"]}");
        final byte[] body = micropay(newOrder(), code());

        final String received = raw(http("POST", "/pay/micropay", body), 2);

        assertThat(count(received, "HTTP/1.1 200 OK")).isEqualTo(2);
        assertThat(count(received, "<result_code><![CDATA[SUCCESS]]></result_code>")).isEqualTo(2);
    }

    @Test
    void shouldAnswerLateHandlingTheRequestNowOrOnlyWhenAnswering() throws Exception
    {
        faults("{\"lateRate\":1,\"lateMs\":700,\"appliedRate\":0,\"operations\":[\"pay\"]}");
        final String notYet = newOrder();
        final long start = System.nanoTime();
        final CompletableFuture<HttpResponse<byte[]>> late = wallets.http.sendAsync(
            HttpRequest.newBuilder(URI.create(wallets.url("wechat", "/pay/micropay"))).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(micropay(notYet, code()))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        Thread.sleep(200);
        assertThat(query(notYet).errCode()).as("not handled yet").isEqualTo("ORDERNOTEXIST");
        assertThat(WeChatResponse.parse(late.get().body(), merchant).isResultSuccess()).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(700);

        faults("{\"lateRate\":1,\"lateMs\":700,\"appliedRate\":1,\"operations\":[\"pay\"]}");
        final String already = newOrder();
        final CompletableFuture<HttpResponse<byte[]>> applied = wallets.http.sendAsync(
            HttpRequest.newBuilder(URI.create(wallets.url("wechat", "/pay/micropay"))).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(micropay(already, code()))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        Thread.sleep(200);
        assertThat(query(already).tradeState()).as("handled, answer held back").isEqualTo("SUCCESS");
        assertThat(applied.isDone()).isFalse();
        assertThat(WeChatResponse.parse(applied.get().body(), merchant).isResultSuccess()).isTrue();
    }

    @Test
    void shouldSignWithAWrongKeyOrAnswerGarbageWhenAsked() throws Exception
    {
        faults("{\"badSignatureRate\":1,\"operations\":[\"pay\"]}");
        final byte[] badlySigned =
            wallets.post(wallets.url("wechat", "/pay/micropay"), micropay(newOrder(), code())).body();
        assertThatThrownBy(() -> WeChatResponse.parse(badlySigned, merchant))
            .isInstanceOfSatisfying(WeChatMessageException.class,
                (ex) -> assertThat(ex.reason()).isEqualTo(WeChatMessageException.Reason.BAD_SIGNATURE));

        faults("{\"malformedRate\":1,\"operations\":[\"pay\"]}");
        final HttpResponse<byte[]> garbage =
            wallets.post(wallets.url("wechat", "/pay/micropay"), micropay(newOrder(), code()));
        assertThat(garbage.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> WeChatXml.read(garbage.body())).isInstanceOf(WeChatMessageException.class);
    }

    @Test
    void shouldAnswerPipelinedRequestsInRequestOrder() throws Exception
    {
        faults("{\"latency\":{\"ms\":300},\"operations\":[\"pay\"]}");
        final byte[] slow = http("POST", "/pay/micropay", micropay(newOrder(), code()));
        final byte[] fast = http("GET", "/sim/stats", new byte[0]);
        final byte[] both = new byte[slow.length + fast.length];
        System.arraycopy(slow, 0, both, 0, slow.length);
        System.arraycopy(fast, 0, both, slow.length, fast.length);

        final String received = raw(both, 2);

        assertThat(received.indexOf("<xml>")).isPositive().isLessThan(received.indexOf("\"wallet\""));
    }

    @Test
    void shouldAnswerUnknownPathsWith404() throws Exception
    {
        assertThat(wallets.send("GET", wallets.url("wechat", "/pay/unknown"), null).statusCode()).isEqualTo(404);
        assertThat(wallets.send("POST", wallets.url("bestpay", "/pay/micropay"), "x").statusCode()).isEqualTo(404);
        assertThat(wallets.send("POST", wallets.url("wechat", "/gm/v1/pay"), "{}").statusCode())
            .as("wechat serves only the GM interop legs").isEqualTo(404);
    }

    private static void faults(final String plan) throws Exception
    {
        assertThat(wallets.send("POST", wallets.url("wechat", "/sim/faults"), plan).statusCode()).isEqualTo(200);
    }

    private static String newOrder()
    {
        return "WS" + ORDERS.incrementAndGet();
    }

    private static String code() throws Exception
    {
        return wallets.code("wechat", null);
    }

    private static byte[] micropay(final String orderNo, final String code)
    {
        return WeChatXml.writeUtf8(new MicropayRequest("test", orderNo, 100, "127.0.0.1", code)
            .signedParameters(merchant, "nonce" + orderNo));
    }

    private static WeChatResponse pay(final String orderNo, final String code) throws Exception
    {
        return WeChatResponse.parse(
            wallets.post(wallets.url("wechat", "/pay/micropay"), micropay(orderNo, code)).body(), merchant);
    }

    private static WeChatResponse query(final String orderNo) throws Exception
    {
        final byte[] body = WeChatXml.writeUtf8(OrderQueryRequest.byOutTradeNo(orderNo)
            .signedParameters(merchant, "q" + orderNo));
        return WeChatResponse.parse(wallets.post(wallets.url("wechat", "/pay/orderquery"), body).body(), merchant);
    }

    private static void assertError(
        final String method, final String wallet, final String path, final String body, final int status,
        final String error) throws Exception
    {
        final HttpResponse<byte[]> response = wallets.send(method, wallets.url(wallet, path), body);
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(status);
        final JsonNode json = TestWallets.JSON.readTree(response.body());
        assertThat(json.get("error").asText()).isEqualTo(error);
        assertThat(json.get("message").asText()).isNotEmpty().doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static byte[] http(final String method, final String path, final byte[] body)
    {
        final byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\n" +
            "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        final byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /**
     * Writes raw bytes on one keep-alive connection and reads until the expected number of answers arrived and
     * the line stays quiet for 300 ms (so an extra answer would be seen), or 5 s pass.
     */
    private static String raw(final byte[] requests, final int answers) throws IOException
    {
        final int port = wallets.simulator.server("wechat").port();
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            socket.setSoTimeout(300);
            socket.getOutputStream().write(requests);
            socket.getOutputStream().flush();
            final InputStream in = socket.getInputStream();
            final ByteArrayOutputStream received = new ByteArrayOutputStream();
            final long deadline = System.nanoTime() + 5_000_000_000L;
            final byte[] buffer = new byte[8192];
            while (System.nanoTime() < deadline)
            {
                try
                {
                    final int n = in.read(buffer);
                    if (n < 0)
                    {
                        break;
                    }
                    received.write(buffer, 0, n);
                }
                catch (final SocketTimeoutException quiet)
                {
                    if (count(received.toString(StandardCharsets.UTF_8), "HTTP/1.1 ") >= answers)
                    {
                        break;
                    }
                }
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static int count(final String text, final String part)
    {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1))
        {
            count++;
        }
        return count;
    }
}
