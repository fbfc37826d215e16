package io.hutong.core.pos.server;

import io.hutong.core.engine.EngineInbox;
import io.hutong.core.engine.ReplySink;
import io.hutong.core.pos.auth.LogonVerifier;
import io.hutong.core.pos.auth.NonceSource;
import io.hutong.core.pos.auth.SwitchSession;
import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.auth.TerminalKeys;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;

import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * The POS terminal listener (docs/pos-protocol.md) on Netty:
 * <pre>
 *  [SslHandler] -&gt; LengthFieldBasedFrameDecoder (u16 LE prefix, 2048-byte frames, fail fast)
 *               -&gt; IdleStateHandler (3 heartbeat intervals of silence: TIMEOUT) -&gt; PosHandler (one per connection)
 * </pre>
 * Terminals and their keys come from the terminals file; a terminal's slot (for admission control) is its
 * position in that file.
 */
public final class PosServer implements AutoCloseable
{
    /** Most POS connections open at once. */
    public static final int MAX_CONNECTIONS = 1 << 16;

    private final EngineInbox inbox;
    private final PosConnections connections = new PosConnections(MAX_CONNECTIONS);
    private final Map<EventExecutor, PosOutbox> outboxes = new ConcurrentHashMap<>();
    private final Map<String, Integer> slots = new HashMap<>();
    private final Channel channel;

    /**
     * Bind and start serving.
     *
     * @param keys              the terminals and their keys.
     * @param verifier          the logon verifier over those keys.
     * @param inbox             the engine's inbox.
     * @param group             the event loops (not closed by {@link #close()}).
     * @param address           where to listen.
     * @param sslContext        TLS, or null for plain TCP.
     * @param heartbeatSeconds  the heartbeat interval announced to terminals.
     * @throws InterruptedException if interrupted while binding.
     */
    public PosServer(
        final TerminalKeys keys,
        final LogonVerifier verifier,
        final EngineInbox inbox,
        final EventLoopGroup group,
        final InetSocketAddress address,
        final SslContext sslContext,
        final int heartbeatSeconds) throws InterruptedException
    {
        this.inbox = inbox;
        int slot = 0;
        for (final TerminalKey key : keys.keys())
        {
            slots.put(key.terminalId(), slot++);
        }
        final NonceSource nonces = NonceSource.secureRandom();
        channel = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    final ChannelPipeline pipeline = ch.pipeline();
                    if (null != sslContext)
                    {
                        pipeline.addLast(sslContext.newHandler(ch.alloc()));
                    }
                    pipeline.addLast(new LengthFieldBasedFrameDecoder(ByteOrder.LITTLE_ENDIAN,
                            PosFrameDescriptor.MAX_WIRE_LENGTH, PosFrameDescriptor.LENGTH_FIELD_OFFSET,
                            PosFrameDescriptor.LENGTH_FIELD_LENGTH, PosFrameDescriptor.LENGTH_ADJUSTMENT,
                            PosFrameDescriptor.INITIAL_BYTES_TO_STRIP, true))
                        .addLast(new IdleStateHandler(3L * heartbeatSeconds, 0, 0, TimeUnit.SECONDS))
                        .addLast(new PosHandler(PosServer.this, new SwitchSession(verifier, nonces, heartbeatSeconds)));
                }
            })
            .bind(address).sync().channel();
    }

    /**
     * @param loop an event loop of this server.
     * @return the outbox of answers for that loop's connections, made on its first connection.
     */
    PosOutbox outbox(final EventExecutor loop)
    {
        return outboxes.computeIfAbsent(loop, (executor) -> new PosOutbox(executor, connections));
    }

    /**
     * @return the engine's reply sink for POS requests.
     */
    public ReplySink replySink()
    {
        return new PosReplySink(connections);
    }

    /**
     * @return a function from terminal id to admission slot (-1 for unknown), in terminals-file order.
     */
    public ToIntFunction<String> slots()
    {
        return this::clientSlot;
    }

    /**
     * @return the bound address.
     */
    public InetSocketAddress address()
    {
        return (InetSocketAddress)channel.localAddress();
    }

    /**
     * Stop accepting connections and tell every open one the switch is shutting down.
     */
    public void stopAccepting()
    {
        channel.close().syncUninterruptibly();
    }

    /**
     * Stop accepting and close every connection with a SHUTTING_DOWN error.
     */
    @Override
    public void close()
    {
        stopAccepting();
        connections.forEach(PosHandler::shutDown);
    }

    int clientSlot(final String terminalId)
    {
        final Integer slot = null == terminalId ? null : slots.get(terminalId);
        return null == slot ? -1 : slot;
    }

    EngineInbox inbox()
    {
        return inbox;
    }

    PosConnections connections()
    {
        return connections;
    }
}
