package io.hutong.connector.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The keep-alive connections to one wallet host. Every channel of the pool is registered on the pool's
 * single event loop and every field except the in-flight permit counter is touched only there, so the
 * pool needs no locks. The permit counter is atomic because callers reserve a permit on their own thread
 * to answer BUSY at once.
 */
final class HostPool
{
    private final HostKey key;
    private final HttpClientConfig config;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private final Set<Channel> live = new HashSet<>();
    private volatile boolean closed;

    HostPool(final HostKey key, final HttpClientConfig config, final EventLoop loop, final SslContext sslContext)
    {
        this.key = key;
        this.config = config;
        this.loop = loop;
        this.bootstrap = new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.connectTimeoutMs())
            .option(ChannelOption.TCP_NODELAY, Boolean.TRUE)
            .option(ChannelOption.SO_KEEPALIVE, Boolean.TRUE)
            .handler(new Initializer(key.secure() ? sslContext : null));
    }

    EventLoop loop()
    {
        return loop;
    }

    HttpClientConfig config()
    {
        return config;
    }

    boolean isClosed()
    {
        return closed;
    }

    /**
     * Any thread. Reserves one of {@link HttpClientConfig#maxInFlightPerHost()} permits.
     */
    boolean tryReservePermit()
    {
        final int max = config.maxInFlightPerHost();
        while (true)
        {
            final int current = inFlight.get();
            if (current >= max)
            {
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1))
            {
                return true;
            }
        }
    }

    void releasePermit()
    {
        inFlight.decrementAndGet();
    }

    /**
     * Gives the exchange an idle connection, a new one, or a place in the bounded waiting line (at most
     * maxInFlightPerHost long, because every waiter holds a permit).
     */
    void acquire(final Exchange exchange)
    {
        if (closed)
        {
            exchange.fail(HttpFailureReason.CLOSED, "client closed");
            return;
        }
        Channel ch;
        // LIFO: the most recently used connection is the least likely to have been closed by the server.
        while (null != (ch = idle.pollLast()))
        {
            if (ch.isActive())
            {
                exchange.start(ch);
                return;
            }
        }
        if (live.size() < config.maxConnectionsPerHost())
        {
            connect(exchange);
        }
        else
        {
            waiting.addLast(exchange);
        }
    }

    /**
     * A connection finished its exchange and may be reused: hand it to the next waiter or park it.
     */
    void offer(final Channel ch)
    {
        if (closed)
        {
            ch.close();
            return;
        }
        if (!ch.isActive())
        {
            return;
        }
        final Exchange next = pollWaiting();
        if (null != next)
        {
            next.start(ch);
        }
        else
        {
            idle.addLast(ch);
        }
    }

    /**
     * Fails every waiting and running exchange with CLOSED and closes every connection.
     */
    void shutdown()
    {
        closed = true;
        Exchange ex;
        while (null != (ex = waiting.pollFirst()))
        {
            ex.fail(HttpFailureReason.CLOSED, "client closed");
        }
        idle.clear();
        for (final Channel ch : new ArrayList<>(live))
        {
            final ExchangeHandler handler = ch.pipeline().get(ExchangeHandler.class);
            if (null != handler)
            {
                handler.abort(HttpFailureReason.CLOSED, "client closed");
            }
            ch.close();
        }
    }

    private Exchange pollWaiting()
    {
        Exchange ex;
        while (null != (ex = waiting.pollFirst()))
        {
            if (!ex.isDone())
            {
                return ex;
            }
        }
        return null;
    }

    private void connect(final Exchange exchange)
    {
        final ChannelFuture connect = bootstrap.connect(key.unbracketedHost(), key.port());
        final Channel ch = connect.channel();
        live.add(ch);
        ch.closeFuture().addListener((ChannelFutureListener)f -> onClosed(f.channel()));
        connect.addListener(new ConnectListener(exchange));
    }

    private void onConnected(final Channel ch, final Exchange exchange)
    {
        if (!exchange.isDone())
        {
            exchange.start(ch);
        }
        else
        {
            // Its exchange timed out while connecting; the connection still serves the next one.
            offer(ch);
        }
    }

    private void onConnectFailed(final Channel ch, final Exchange exchange, final Throwable cause)
    {
        ch.close();
        exchange.fail(closed ? HttpFailureReason.CLOSED : HttpFailureReason.CONNECT_FAILED,
            key.host() + ':' + key.port() + ": " + cause);
    }

    private void onClosed(final Channel ch)
    {
        live.remove(ch);
        idle.remove(ch);
        if (!closed && live.size() < config.maxConnectionsPerHost())
        {
            final Exchange next = pollWaiting();
            if (null != next)
            {
                connect(next);
            }
        }
    }

    /**
     * Completes the connect phase: TCP connect, then the TLS handshake for https.
     */
    private final class ConnectListener implements ChannelFutureListener
    {
        private final Exchange exchange;

        ConnectListener(final Exchange exchange)
        {
            this.exchange = exchange;
        }

        @Override
        public void operationComplete(final ChannelFuture future)
        {
            final Channel channel = future.channel();
            if (!future.isSuccess())
            {
                onConnectFailed(channel, exchange, future.cause());
                return;
            }
            final SslHandler ssl = channel.pipeline().get(SslHandler.class);
            if (null == ssl)
            {
                onConnected(channel, exchange);
            }
            else
            {
                ssl.handshakeFuture().addListener(new HandshakeListener(channel, exchange));
            }
        }
    }

    private final class HandshakeListener implements GenericFutureListener<Future<Channel>>
    {
        private final Channel channel;
        private final Exchange exchange;

        HandshakeListener(final Channel channel, final Exchange exchange)
        {
            this.channel = channel;
            this.exchange = exchange;
        }

        @Override
        public void operationComplete(final Future<Channel> handshake)
        {
            if (handshake.isSuccess())
            {
                onConnected(channel, exchange);
            }
            else
            {
                onConnectFailed(channel, exchange, handshake.cause());
            }
        }
    }

    /**
     * Builds a connection's pipeline: [TLS] -> HTTP/1.1 codec -> aggregator (max response size) -> exchange.
     */
    private final class Initializer extends ChannelInitializer<SocketChannel>
    {
        private final SslContext sslContext;

        Initializer(final SslContext sslContext)
        {
            this.sslContext = sslContext;
        }

        @Override
        protected void initChannel(final SocketChannel ch)
        {
            if (null != sslContext)
            {
                final SslHandler ssl = sslContext.newHandler(ch.alloc(), key.unbracketedHost(), key.port());
                final SSLEngine engine = ssl.engine();
                final SSLParameters parameters = engine.getSSLParameters();
                // Check the certificate names the wallet host (RFC 2818), not only that it chains to a root.
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                engine.setSSLParameters(parameters);
                ssl.setHandshakeTimeoutMillis(config.connectTimeoutMs());
                ch.pipeline().addLast("tls", ssl);
            }
            ch.pipeline()
                .addLast("http", new HttpClientCodec())
                .addLast("aggregator", new HttpObjectAggregator(config.maxResponseBytes()))
                .addLast("exchange", new ExchangeHandler(HostPool.this));
        }
    }
}
