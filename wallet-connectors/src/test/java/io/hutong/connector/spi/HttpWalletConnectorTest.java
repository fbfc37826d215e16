package io.hutong.connector.spi;

import io.hutong.connector.CreditCommand;
import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.PayCommand;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.RefundCommand;
import io.hutong.connector.ReleaseCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.WalletResult;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.http.HttpClientConfig;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.http.WalletHttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HttpWalletConnectorTest
{
    /** Generous: a loaded CI machine must not turn an answer into a timeout. */
    private static final WalletSchedule SCHEDULE = new WalletSchedule(8_000, 1_000, 10_000, 0, 1_000, 2_000);
    /** For the one scenario that needs the deadline to pass. */
    private static final WalletSchedule IMPATIENT = new WalletSchedule(300, 1_000, 5_000, 0, 1_000, 2_000);
    private static final Executor REJECTING = (task) ->
    {
        throw new RejectedExecutionException("full");
    };

    private final WalletHttpClient http = new WalletHttpClient(HttpClientConfig.defaults());
    private final CryptoPool pool = new CryptoPool(1, 4);
    private final ResultCollector results = new ResultCollector();
    private ScriptedHttpServer server;

    @AfterEach
    void close()
    {
        if (null != server)
        {
            server.close();
        }
        http.close();
        pool.close();
    }

    @Test
    void shouldDeliverTheDecodedAnswerOnceOnTheEventLoopForCheapCrypto() throws Exception
    {
        server = new ScriptedHttpServer();
        server.script((r) -> ScriptedHttpServer.Answer.ok("APPROVED".getBytes(StandardCharsets.US_ASCII)));
        final Probe probe = new Probe(server.baseUrl(), pool, false);

        probe.query(7, new QueryCommand("order-1"), results);

        final ResultCollector.Delivered delivered = results.next();
        assertThat(delivered.correlationId()).isEqualTo(7);
        assertThat(delivered.result().status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(delivered.result().walletTxnId()).isEqualTo("txn-order-1");
        assertThat(delivered.thread()).startsWith("hutong-wallet-http");
        assertThat(server.received()).singleElement().satisfies((r) -> assertThat(r.path()).isEqualTo("/probe/order-1"));
        Thread.sleep(100);
        assertThat(results.all()).hasSize(1);
    }

    @Test
    void shouldEncodeAndDecodeOnTheCryptoPoolForExpensiveCrypto() throws Exception
    {
        server = new ScriptedHttpServer();
        server.script((r) -> ScriptedHttpServer.Answer.ok("DECLINED".getBytes(StandardCharsets.US_ASCII)));
        final Probe probe = new Probe(server.baseUrl(), pool, true);

        probe.query(8, new QueryCommand("order-2"), results);

        final ResultCollector.Delivered delivered = results.next();
        assertThat(delivered.result().reason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
        assertThat(delivered.thread()).startsWith("hutong-crypto");
        assertThat(probe.encodedOn).startsWith("hutong-crypto");
    }

    @Test
    void shouldReportNon2xxAsUnknownWithTheStatus() throws Exception
    {
        server = new ScriptedHttpServer();
        server.script((r) -> new ScriptedHttpServer.Answer(503, null, null, new byte[0], 0));

        new Probe(server.baseUrl(), pool, false).query(1, new QueryCommand("o"), results);

        final WalletResult result = results.next().result();
        assertThat(result.status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(result.walletCode()).isEqualTo("HTTP_503");
        assertThat(result.requestSent()).isTrue();
    }

    @Test
    void shouldReportATimeoutAsUnknownButSent() throws Exception
    {
        server = new ScriptedHttpServer();
        server.script((r) -> new ScriptedHttpServer.Answer(200, null, null, "APPROVED".getBytes(), 3_000));

        new Probe(server.baseUrl(), pool, false, IMPATIENT).query(1, new QueryCommand("o"), results);

        final WalletResult result = results.next().result();
        assertThat(result.walletCode()).isEqualTo("TIMEOUT");
        assertThat(result.status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(result.requestSent()).isTrue();
    }

    @Test
    void shouldReportARefusedConnectionAsNotSent() throws Exception
    {
        final int port;
        try (ServerSocket socket = new ServerSocket(0))
        {
            port = socket.getLocalPort();
        }

        new Probe(URI.create("http://127.0.0.1:" + port), pool, false).query(1, new QueryCommand("o"), results);

        final WalletResult result = results.next().result();
        assertThat(result.walletCode()).isEqualTo("CONNECT_FAILED");
        assertThat(result.requestSent()).isFalse();
    }

    @Test
    void shouldReportAnEncoderFailureAsNotSentAndADecoderFailureAsUnknown() throws Exception
    {
        server = new ScriptedHttpServer();
        server.script((r) -> ScriptedHttpServer.Answer.ok("THROW".getBytes(StandardCharsets.US_ASCII)));
        final Probe probe = new Probe(server.baseUrl(), pool, false);

        probe.query(1, new QueryCommand("throw"), results);
        probe.query(2, new QueryCommand("fine"), results);

        final WalletResult encodeFailure = results.next().result();
        final WalletResult decodeFailure = results.next().result();
        assertThat(encodeFailure.walletCode()).isEqualTo("ENCODE_FAILED");
        assertThat(encodeFailure.requestSent()).isFalse();
        assertThat(decodeFailure.walletCode()).isEqualTo("DECODE_FAILED");
        assertThat(decodeFailure.requestSent()).isTrue();
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void shouldAnswerBusyWithoutSendingWhenTheCryptoPoolIsFull() throws Exception
    {
        server = new ScriptedHttpServer();

        new Probe(server.baseUrl(), REJECTING, true).query(3, new QueryCommand("o"), results);

        final ResultCollector.Delivered delivered = results.next();
        assertThat(delivered.result().walletCode()).isEqualTo("BUSY");
        assertThat(delivered.result().requestSent()).isFalse();
        assertThat(server.received()).isEmpty();
    }

    @Test
    void shouldRefuseCallsAfterCloseAndMpmLegsWithoutInterop() throws Exception
    {
        server = new ScriptedHttpServer();
        final Probe probe = new Probe(server.baseUrl(), pool, false);

        probe.credit(1, new CreditCommand("o1", "M1", 100, "coffee"), results);
        probe.release(2, new ReleaseCommand("o2", 100), results);
        probe.query(4, new QueryCommand("o1", WalletOperation.CREDIT), results);
        probe.reverse(5, new ReverseCommand("o1", 100, WalletOperation.CREDIT), results);
        probe.close();
        probe.query(3, new QueryCommand("o3"), results);

        for (int i = 0; i < 4; i++)
        {
            final WalletResult refused = results.next().result();
            assertThat(refused.walletCode()).isEqualTo("NOT_CONFIGURED");
            assertThat(refused.requestSent()).isFalse();
        }
        final WalletResult closed = results.next().result();
        assertThat(closed.walletCode()).isEqualTo("CLOSED");
        assertThat(closed.requestSent()).isFalse();
        assertThat(server.received()).isEmpty();
    }

    /**
     * A connector whose "wire format" is the path /probe/{orderNo} and a one-word answer naming the outcome.
     */
    private final class Probe extends HttpWalletConnector
    {
        private final URI baseUrl;
        private final boolean expensive;
        private volatile String encodedOn;

        Probe(final URI baseUrl, final Executor cryptoPool, final boolean expensive)
        {
            this(baseUrl, cryptoPool, expensive, SCHEDULE);
        }

        Probe(final URI baseUrl, final Executor cryptoPool, final boolean expensive, final WalletSchedule schedule)
        {
            super("probe", schedule, http, cryptoPool, null);
            this.baseUrl = baseUrl;
            this.expensive = expensive;
        }

        @Override
        protected void queryPay(final long correlationId, final QueryCommand command, final WalletCallback callback)
        {
            exchange(correlationId, WalletOperation.QUERY, callback, expensive,
                () ->
                {
                    encodedOn = Thread.currentThread().getName();
                    if (command.orderNo().equals("throw"))
                    {
                        throw new IllegalStateException("cannot write");
                    }
                    return WalletHttpRequest.get(baseUrl.resolve("/probe/" + command.orderNo()));
                },
                (status, headers, body) ->
                {
                    switch (new String(body, StandardCharsets.US_ASCII))
                    {
                        case "APPROVED":
                            return WalletResult.answered(WalletOperation.QUERY, WalletOutcome.approved("OK"),
                                "txn-" + command.orderNo());
                        case "DECLINED":
                            return WalletResult.answered(WalletOperation.QUERY,
                                WalletOutcome.declined(DeclineReason.INSUFFICIENT_FUNDS, "NOTENOUGH"), null);
                        default:
                            throw new IllegalStateException("unreadable");
                    }
                });
        }

        @Override
        public void pay(final long correlationId, final PayCommand command, final WalletCallback callback)
        {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        protected void reversePay(final long correlationId, final ReverseCommand command, final WalletCallback callback)
        {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public void refund(final long correlationId, final RefundCommand command, final WalletCallback callback)
        {
            throw new UnsupportedOperationException("not used");
        }
    }
}
