package io.hutong.sim.server;

import io.hutong.sim.faults.FaultInjector;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The HTTP/1.1 server of one simulated wallet on a loopback address: the wallet's APIs at their real paths below
 * the base URL, and the control API under {@code /sim/}. Several wallets share one event loop group and one bounded
 * signing executor.
 *
 * <pre>
 *   socket --&gt; HttpServerCodec --&gt; HttpObjectAggregator (1 MiB) --&gt; SimChannelHandler
 *                                                                   |-- /sim/...  --&gt; ControlApi (executor)
 *                                                                   +-- API path  --&gt; Exchange (faults)
 *                                                                                     --&gt; WalletApi.handle
 * </pre>
 *
 * Thread-safe: {@link #start} and {@link #close} may be called from any thread (not from an event loop, since they
 * wait for the bind and the close).
 */
public final class WalletServer implements AutoCloseable
{
    /** Every control API path starts with this. */
    public static final String CONTROL_PREFIX = "/sim/";

    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final SimContext context;
    private final List<WalletApi> apis;
    private final FaultInjector faults;
    private final ControlApi control;
    private final EventLoopGroup group;
    private final Executor executor;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private volatile Channel serverChannel;
    private volatile String baseUrl;

    /**
     * @param context  the wallet.
     * @param apis     the wallet's APIs, asked in this order which one serves a path.
     * @param faults   the wallet's fault plan.
     * @param control  the wallet's control API.
     * @param group    the event loops (shared, not shut down by {@link #close()}).
     * @param executor the bounded executor for the control API and APIs that are not inline (shared).
     */
    public WalletServer(
        final SimContext context,
        final List<WalletApi> apis,
        final FaultInjector faults,
        final ControlApi control,
        final EventLoopGroup group,
        final Executor executor)
    {
        this.context = Objects.requireNonNull(context, "context");
        this.apis = List.copyOf(apis);
        this.faults = Objects.requireNonNull(faults, "faults");
        this.control = Objects.requireNonNull(control, "control");
        this.group = Objects.requireNonNull(group, "group");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Binds and starts serving.
     *
     * @param host the address to bind, e.g. {@code 127.0.0.1}.
     * @param port the port, 0 for an ephemeral one.
     * @throws IllegalStateException when the port cannot be bound ({@code port=P: reason}).
     */
    public void start(final String host, final int port)
    {
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    channels.add(channel);
                    channel.pipeline()
                        .addLast("http", new HttpServerCodec())
                        .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                        .addLast("wallet", new SimChannelHandler(WalletServer.this));
                }
            });
        try
        {
            final Channel channel = bootstrap.bind(host, port).syncUninterruptibly().channel();
            serverChannel = channel;
            channels.add(channel);
            final InetSocketAddress address = (InetSocketAddress)channel.localAddress();
            baseUrl = "http://" + host + ":" + address.getPort();
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalStateException("wallets." + context.walletId() + ".port=" + port + ": cannot bind " +
                host + " (" + ex.getMessage() + ")", ex);
        }
    }

    /**
     * @return the base URL, e.g. {@code http://127.0.0.1:18081}; null before {@link #start}.
     */
    public String baseUrl()
    {
        return baseUrl;
    }

    /**
     * @return the bound port, or -1 before {@link #start}.
     */
    public int port()
    {
        final Channel channel = serverChannel;
        return null == channel ? -1 : ((InetSocketAddress)channel.localAddress()).getPort();
    }

    /**
     * @return the wallet.
     */
    public SimContext context()
    {
        return context;
    }

    /**
     * @return the wallet's APIs.
     */
    public List<WalletApi> apis()
    {
        return apis;
    }

    /**
     * @return the wallet's fault plan.
     */
    public FaultInjector faults()
    {
        return faults;
    }

    /**
     * @return the wallet's control API.
     */
    public ControlApi control()
    {
        return control;
    }

    /**
     * Stops accepting and closes every connection, hung ones included.
     */
    @Override
    public void close()
    {
        channels.close().awaitUninterruptibly();
    }

    /**
     * Runs a task on the signing executor, or the fallback when the executor is full.
     */
    void runOffLoop(final Runnable task, final Runnable whenFull)
    {
        try
        {
            executor.execute(task);
        }
        catch (final RejectedExecutionException ex)
        {
            whenFull.run();
        }
    }

    @Override
    public String toString()
    {
        return "WalletServer[" + context.walletId() + " " + baseUrl + "]";
    }
}
