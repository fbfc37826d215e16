package io.hutong.connector.http;

import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WalletHttpClientTest
{
    static
    {
        LeakGuard.install();
    }

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception
    {
        for (int i = resources.size() - 1; i >= 0; i--)
        {
            resources.get(i).close();
        }
    }

    @AfterAll
    static void shouldNotLeakBuffers()
    {
        LeakGuard.assertNoLeaks();
    }

    @Test
    void shouldReuseOneKeepAliveConnectionForGetAndPost() throws Exception
    {
        final TestHttpServer server = server();
        final WalletHttpClient client = client(config(1, 4, 1_000, 1 << 16));
        final String host = "127.0.0.1:" + server.port();

        final HttpOutcome get = client.send(WalletHttpRequest.get(uri(server, "http", "/echo?a=1"))).get();
        final HttpOutcome post = client.send(WalletHttpRequest.post(uri(server, "http", "/echo"),
            "application/json", "{\"amount\":100}".getBytes(StandardCharsets.UTF_8))).get();
        final HttpOutcome again = client.send(WalletHttpRequest.get(uri(server, "http", "/echo"))).get();

        assertThat(get.isResponse()).isTrue();
        assertThat(get.status()).isEqualTo(200);
        assertThat(TestHttpServer.text(get.body())).isEqualTo("GET::null:" + host);
        assertThat(TestHttpServer.text(post.body())).isEqualTo("POST:{\"amount\":100}:application/json:" + host);
        assertThat(again.status()).isEqualTo(200);
        assertThat(List.of(connection(get), connection(post), connection(again))).containsOnly(connection(get));
        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void shouldTimeOutWhenServerNeverAnswersThenSucceedOnFreshConnection() throws Exception
    {
        final TestHttpServer server = server();
        final WalletHttpClient client = client(config(1, 4, 300, 1 << 16));

        final long start = System.nanoTime();
        final HttpOutcome hung = client.send(WalletHttpRequest.get(uri(server, "http", "/hang"))).get();
        final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        final HttpOutcome next = client.send(WalletHttpRequest.get(uri(server, "http", "/echo"))).get();

        assertThat(hung.failure()).isEqualTo(HttpFailureReason.TIMEOUT);
        assertThat(elapsedMs).isBetween(250L, 3_000L);
        assertThat(next.status()).isEqualTo(200);
        assertThat(server.hangConnections()).hasSize(1);
        assertThat(connection(next)).isNotEqualTo(server.hangConnections().peek());
        assertThat(server.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void shouldHonourTheRequestsOwnDeadlineOverTheClientDefault() throws Exception
    {
        final TestHttpServer server = server();
        // The client default would outlast the test's 10 s timeout: only the request's own deadline can end it.
        final WalletHttpClient client = client(config(1, 4, 60_000, 1 << 16));

        final HttpOutcome hung = client.send(WalletHttpRequest.get(uri(server, "http", "/hang")).timeoutMs(300)).get();

        assertThat(hung.failure()).isEqualTo(HttpFailureReason.TIMEOUT);
        assertThat(hung.detail()).contains("timeoutMs=300");
    }

    @Test
    void shouldServeWaitingRequestOnNewConnectionWhenBusyOneTimesOut() throws Exception
    {
        final TestHttpServer server = server();
        final WalletHttpClient client = client(config(1, 4, 400, 1 << 16));

        final var hung = client.send(WalletHttpRequest.get(uri(server, "http", "/hang")));
        Thread.sleep(200);
        final HttpOutcome waited = client.send(WalletHttpRequest.get(uri(server, "http", "/echo"))).get();

        assertThat(hung.get().failure()).isEqualTo(HttpFailureReason.TIMEOUT);
        assertThat(waited.status()).isEqualTo(200);
        assertThat(server.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void shouldFailToConnectToClosedPort() throws Exception
    {
        final int port;
        try (ServerSocket socket = new ServerSocket(0))
        {
            port = socket.getLocalPort();
        }
        final WalletHttpClient client = client(config(1, 4, 1_000, 1 << 16));

        final HttpOutcome outcome = client.send(WalletHttpRequest.get(URI.create("http://127.0.0.1:" + port + "/"))).get();

        assertThat(outcome.failure()).isEqualTo(HttpFailureReason.CONNECT_FAILED);
        assertThat(outcome.failure().requestNotSent()).isTrue();
        assertThat(outcome.detail()).contains("127.0.0.1:" + port);
    }

    @Test
    void shouldReportConnectionResetWhenServerClosesMidResponse() throws Exception
    {
        final TestHttpServer server = server();
        final WalletHttpClient client = client(config(1, 4, 2_000, 1 << 16));

        final HttpOutcome outcome = client.send(WalletHttpRequest.get(uri(server, "http", "/reset"))).get();
        final HttpOutcome next = client.send(WalletHttpRequest.get(uri(server, "http", "/echo"))).get();

        assertThat(outcome.failure()).isEqualTo(HttpFailureReason.CONNECTION_RESET);
        assertThat(next.status()).isEqualTo(200);
    }

    @Test
    void shouldFailTooLargeResponseAndRecover() throws Exception
    {
        final TestHttpServer server = server();
        final WalletHttpClient client = client(config(1, 4, 2_000, 1_024));

        final HttpOutcome big = client.send(WalletHttpRequest.get(uri(server, "http", "/big?n=4096"))).get();
        final HttpOutcome small = client.send(WalletHttpRequest.get(uri(server, "http", "/big?n=1024"))).get();

        assertThat(big.failure()).isEqualTo(HttpFailureReason.TOO_LARGE);
        assertThat(small.status()).isEqualTo(200);
        assertThat(small.body()).hasSize(1_024);
    }

    @Test
    void shouldAnswerBusyAtOnceBeyondInFlightBoundAndClosedOnClose() throws Exception
    {
        final TestHttpServer server = server();
        final WalletHttpClient client = client(config(2, 2, 5_000, 1 << 16));
        final Recorder first = new Recorder();
        final Recorder second = new Recorder();
        final Recorder third = new Recorder();

        client.send(WalletHttpRequest.get(uri(server, "http", "/hang")), first);
        client.send(WalletHttpRequest.get(uri(server, "http", "/hang")), second);
        final long start = System.nanoTime();
        client.send(WalletHttpRequest.get(uri(server, "http", "/hang")), third);

        assertThat(third.await()).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000L);
        assertThat(third.failure.get()).isEqualTo(HttpFailureReason.BUSY);
        assertThat(first.calls.get() + second.calls.get()).isZero();

        client.close();

        assertThat(first.await()).isTrue();
        assertThat(second.await()).isTrue();
        assertThat(first.failure.get()).isEqualTo(HttpFailureReason.CLOSED);
        assertThat(second.failure.get()).isEqualTo(HttpFailureReason.CLOSED);
        final HttpOutcome afterClose = client.send(WalletHttpRequest.get(uri(server, "http", "/echo"))).get();
        assertThat(afterClose.failure()).isEqualTo(HttpFailureReason.CLOSED);
    }

    @Test
    void shouldCompleteConcurrentRequestsExactlyOnceOnTheEventLoop() throws Exception
    {
        final int requests = 200;
        final TestHttpServer server = server();
        final WalletHttpClient client = client(config(8, requests, 5_000, 1 << 16));
        final AtomicIntegerArray calls = new AtomicIntegerArray(requests);
        final AtomicInteger wrong = new AtomicInteger();
        final AtomicInteger offLoop = new AtomicInteger();
        final CountDownLatch latch = new CountDownLatch(requests);
        final URI uri = uri(server, "http", "/echo");
        final List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++)
        {
            final int first = t;
            senders.add(new Thread(() ->
            {
                for (int i = first; i < requests; i += 4)
                {
                    final int index = i;
                    final String body = Integer.toString(index);
                    client.send(WalletHttpRequest.post(uri, "text/plain", body.getBytes(StandardCharsets.UTF_8)),
                        new HttpCallback()
                        {
                            @Override
                            public void onResponse(final int status, final HttpHeaders headers, final byte[] bytes)
                            {
                                record(status == 200 && TestHttpServer.text(bytes).startsWith("POST:" + body + ':'));
                            }

                            @Override
                            public void onFailure(final HttpFailureReason reason, final String detail)
                            {
                                record(false);
                            }

                            private void record(final boolean ok)
                            {
                                if (!ok)
                                {
                                    wrong.incrementAndGet();
                                }
                                if (!Thread.currentThread().getName().startsWith("hutong-wallet-http"))
                                {
                                    offLoop.incrementAndGet();
                                }
                                calls.incrementAndGet(index);
                                latch.countDown();
                            }
                        });
                }
            }));
        }
        senders.forEach(Thread::start);
        for (final Thread sender : senders)
        {
            sender.join();
        }

        assertThat(latch.await(8, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(wrong.get()).isZero();
        assertThat(offLoop.get()).isZero();
        for (int i = 0; i < requests; i++)
        {
            assertThat(calls.get(i)).as("calls for request %d", i).isEqualTo(1);
        }
        assertThat(server.connectionsAccepted()).isLessThanOrEqualTo(8);
    }

    @Test
    void shouldSpeakHttpsToServerTrustedBySuppliedTrustManager() throws Exception
    {
        final TestCertificates certificates = new TestCertificates();
        final TestHttpServer server = track(new TestHttpServer(certificates.serverContext()));
        final WalletHttpClient trusting = track(new WalletHttpClient(
            config(1, 4, 2_000, 1 << 16), null, certificates.trustOnlyThis()));
        final WalletHttpClient defaultTrust = client(config(1, 4, 2_000, 1 << 16));

        final HttpOutcome first = trusting.send(WalletHttpRequest.post(uri(server, "https", "/echo"),
            "application/xml", "<xml/>".getBytes(StandardCharsets.UTF_8))).get();
        final HttpOutcome second = trusting.send(WalletHttpRequest.get(uri(server, "https", "/echo"))).get();
        final HttpOutcome untrusted = defaultTrust.send(WalletHttpRequest.get(uri(server, "https", "/echo"))).get();

        assertThat(first.status()).isEqualTo(200);
        assertThat(TestHttpServer.text(first.body())).startsWith("POST:<xml/>:application/xml:");
        assertThat(connection(second)).isEqualTo(connection(first));
        assertThat(untrusted.failure()).isEqualTo(HttpFailureReason.CONNECT_FAILED);
    }

    private TestHttpServer server()
    {
        return track(new TestHttpServer(null));
    }

    private WalletHttpClient client(final HttpClientConfig config)
    {
        return track(new WalletHttpClient(config));
    }

    private <T extends AutoCloseable> T track(final T resource)
    {
        resources.add(resource);
        return resource;
    }

    private static HttpClientConfig config(
        final int connections, final int inFlight, final int requestTimeoutMs, final int maxResponseBytes)
    {
        return new HttpClientConfig(1_000, requestTimeoutMs, connections, inFlight, maxResponseBytes);
    }

    private static URI uri(final TestHttpServer server, final String scheme, final String path)
    {
        return URI.create(server.url(scheme, path));
    }

    private static Integer connection(final HttpOutcome outcome)
    {
        return outcome.headers().getInt(TestHttpServer.CONNECTION_HEADER);
    }

    private static final class Recorder implements HttpCallback
    {
        private final CountDownLatch latch = new CountDownLatch(1);
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicReference<HttpFailureReason> failure = new AtomicReference<>();

        @Override
        public void onResponse(final int status, final HttpHeaders headers, final byte[] body)
        {
            calls.incrementAndGet();
            latch.countDown();
        }

        @Override
        public void onFailure(final HttpFailureReason reason, final String detail)
        {
            failure.set(reason);
            calls.incrementAndGet();
            latch.countDown();
        }

        boolean await() throws InterruptedException
        {
            return latch.await(3, TimeUnit.SECONDS);
        }
    }
}
