package io.hutong.connector.http;

import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The non-blocking HTTP/1.1 client every wallet connector shares, one per process. Per wallet host
 * (scheme, host, port) it keeps a pool of keep-alive connections on one event loop, bounds the calls in
 * flight, and enforces the connect and request deadlines of its {@link HttpClientConfig}.
 * <p>
 * Thread-safe: {@link #send(WalletHttpRequest, HttpCallback)} may be called from any thread, never blocks,
 * and calls the callback exactly once on the host's event loop.
 */
public final class WalletHttpClient implements AutoCloseable
{
    private static final long CLOSE_WAIT_MS = 5_000;

    private final HttpClientConfig config;
    private final NioEventLoopGroup group;
    private final boolean ownsGroup;
    private final TrustManagerFactory trustManagerFactory;
    private final SslContext sslContext;
    private final ConcurrentHashMap<ClientCertificate, SslContext> certificateContexts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<HostKey, HostPool> pools = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * A client with its own single-threaded event loop and the JDK's default trust store.
     *
     * @param config limits and deadlines.
     */
    public WalletHttpClient(final HttpClientConfig config)
    {
        this(config, null, null);
    }

    /**
     * @param config              limits and deadlines.
     * @param group               the event loops to share (not shut down by {@link #close()}); null to own a
     *                            single-threaded one.
     * @param trustManagerFactory trust for https wallets (tests, private CAs); null for the JDK default.
     */
    public WalletHttpClient(
        final HttpClientConfig config, final NioEventLoopGroup group, final TrustManagerFactory trustManagerFactory)
    {
        this.config = Objects.requireNonNull(config, "config");
        this.trustManagerFactory = trustManagerFactory;
        this.sslContext = buildSslContext(trustManagerFactory, null);
        this.ownsGroup = null == group;
        this.group = ownsGroup ? new NioEventLoopGroup(1, new DefaultThreadFactory("hutong-wallet-http", true)) : group;
    }

    /**
     * Sends a request; the callback gets exactly one result, on an event loop. Never blocks: when the host
     * already has {@code maxInFlightPerHost} calls in flight the callback gets {@link HttpFailureReason#BUSY}
     * at once.
     *
     * @param request  the request.
     * @param callback receives the response or the failure.
     */
    public void send(final WalletHttpRequest request, final HttpCallback callback)
    {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(callback, "callback");
        if (closed)
        {
            failLater(group.next(), callback, HttpFailureReason.CLOSED, "client closed");
            return;
        }
        final HostPool pool = poolFor(request.hostKey());
        if (!pool.tryReservePermit())
        {
            failLater(pool.loop(), callback, HttpFailureReason.BUSY,
                "maxInFlightPerHost=" + config.maxInFlightPerHost() + " reached for " + request.hostKey().hostHeader());
            return;
        }
        final Exchange exchange = new Exchange(pool, request, callback);
        if (pool.loop().inEventLoop())
        {
            exchange.dispatch();
        }
        else
        {
            try
            {
                pool.loop().execute(exchange::dispatch);
            }
            catch (final RejectedExecutionException ex)
            {
                pool.releasePermit();
                Exchange.notifyFailure(callback, HttpFailureReason.CLOSED, "event loop shut down");
            }
        }
    }

    /**
     * Convenience over {@link #send(WalletHttpRequest, HttpCallback)}: the future completes normally with
     * the response or the failure, on an event loop (attach blocking work with an {@code ...Async} stage).
     *
     * @param request the request.
     * @return the outcome; never completes exceptionally.
     */
    public CompletableFuture<HttpOutcome> send(final WalletHttpRequest request)
    {
        final CompletableFuture<HttpOutcome> future = new CompletableFuture<>();
        send(request, new HttpCallback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final byte[] body)
            {
                future.complete(new HttpOutcome(null, null, status, headers, body));
            }

            @Override
            public void onFailure(final HttpFailureReason reason, final String detail)
            {
                future.complete(new HttpOutcome(reason, detail, 0, null, null));
            }
        });
        return future;
    }

    /**
     * @return the configuration.
     */
    public HttpClientConfig config()
    {
        return config;
    }

    /**
     * Fails every pending call with {@link HttpFailureReason#CLOSED}, closes every connection and, if the
     * client owns its event loop, shuts it down. Waits up to 5 s unless called on one of the event loops.
     * Idempotent.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        final List<Future<?>> shutdowns = new ArrayList<>();
        boolean onLoop = false;
        for (final EventExecutor loop : group)
        {
            onLoop |= loop.inEventLoop();
        }
        for (final HostPool pool : pools.values())
        {
            try
            {
                shutdowns.add(pool.loop().submit(pool::shutdown));
            }
            catch (final RejectedExecutionException ignore)
            {
                // The loop is already gone and its channels with it.
            }
        }
        if (!onLoop)
        {
            for (final Future<?> f : shutdowns)
            {
                f.awaitUninterruptibly(CLOSE_WAIT_MS);
            }
        }
        if (ownsGroup)
        {
            final Future<?> terminated = group.shutdownGracefully(0, CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
            if (!onLoop)
            {
                terminated.awaitUninterruptibly(CLOSE_WAIT_MS);
            }
        }
    }

    private HostPool poolFor(final HostKey key)
    {
        final HostPool existing = pools.get(key);
        if (null != existing)
        {
            return existing;
        }
        final EventLoop loop = group.next();
        final HostPool created = new HostPool(key, config, loop, null == key.certificate() ? sslContext :
            certificateContexts.computeIfAbsent(key.certificate(), (c) -> buildSslContext(trustManagerFactory, c)));
        final HostPool raced = pools.putIfAbsent(key, created);
        if (null != raced)
        {
            return raced;
        }
        if (closed)
        {
            // close() may have walked the pools before this one was added: shut it down ahead of any call.
            created.loop().execute(created::shutdown);
        }
        return created;
    }

    private static void failLater(
        final EventExecutor loop, final HttpCallback callback, final HttpFailureReason reason, final String detail)
    {
        try
        {
            loop.execute(() -> Exchange.notifyFailure(callback, reason, detail));
        }
        catch (final RejectedExecutionException ex)
        {
            // The event loop is gone (client closed): the caller's thread is the only one left.
            Exchange.notifyFailure(callback, reason, detail);
        }
    }

    private static SslContext buildSslContext(
        final TrustManagerFactory trustManagerFactory, final ClientCertificate certificate)
    {
        try
        {
            return SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .trustManager(trustManagerFactory)
                .keyManager(null == certificate ? null : certificate.keyManagers())
                .build();
        }
        catch (final SSLException ex)
        {
            throw new IllegalStateException("cannot build the client TLS context: " + ex.getMessage(), ex);
        }
    }
}
