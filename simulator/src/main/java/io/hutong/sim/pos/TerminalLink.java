package io.hutong.sim.pos;

import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.auth.TerminalSession;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.ResultDecoder;
import io.hutong.core.pos.server.ByteBufViews;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A terminal's connection to the switch, kept up for the terminal's life: connect (Netty, one event loop), Logon with
 * the terminal's key through a fresh {@link TerminalSession}, heartbeats when idle for the announced interval, and on
 * any loss (reset, Error frame, switch silent for three heartbeat intervals) reconnect with back-off from 100 ms to
 * 2 s and log on again.
 * <pre>
 *   DISCONNECTED --connect--&gt; CONNECTING --active, Logon sent--&gt; LOGGING_ON --LogonAck--&gt; LOGGED_ON
 *        ^                         | refused                        | Error, refused        | lost, Error, silent
 *        +------ back-off ---------+--------------------------------+-----------------------+
 *   close(): CLOSED for good
 * </pre>
 * Subclasses get {@link #loggedOn}, {@link #linkLost}, {@link #result} and {@link #tick(long)}, all on the event loop,
 * and send with {@link #canSend()}, {@link #session()} and {@link #write(int)}.
 * <p>
 * Thread-safe entry points: {@link #start()}, {@link #close()}; everything else runs on the event loop.
 */
abstract class TerminalLink
{
    private static final String SOFTWARE_VERSION = "hutong-pos 1.0";
    private static final long TICK_MS = 50;
    private static final long LOGON_TIMEOUT_MS = 10_000;
    private static final int CONNECT_TIMEOUT_MS = 3_000;
    private static final long MIN_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 2_000;

    private enum Link
    {
        DISCONNECTED, CONNECTING, LOGGING_ON, LOGGED_ON, CLOSED
    }

    final TerminalKey key;
    final EventLoop loop;
    final TerminalContext context;
    /** The frame being written; fill it with the session's encoders, then {@link #write(int)}. */
    final UnsafeBuffer out = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]);
    private final InetSocketAddress address;
    private final UnsafeBuffer in = new UnsafeBuffer(0, 0);
    private final CompletableFuture<Void> firstLogon = new CompletableFuture<>();
    private Channel channel;
    private TerminalSession session;
    private Link link = Link.DISCONNECTED;
    private long backoffMs = MIN_BACKOFF_MS;
    private long lastReadNs;
    private long lastWriteNs;
    private long heartbeatNs;
    private ScheduledFuture<?> ticker;
    private ScheduledFuture<?> logonTimeout;

    /**
     * @param key     the terminal's id and key.
     * @param loop    its event loop (every connection of this terminal is registered there).
     * @param address the switch's POS listener.
     * @param context what all terminals share.
     */
    TerminalLink(final TerminalKey key, final EventLoop loop, final InetSocketAddress address, final TerminalContext context)
    {
        this.key = key;
        this.loop = loop;
        this.address = address;
        this.context = context;
    }

    /**
     * Logged on (the first time or again); send what waited.
     *
     * @param now {@link System#nanoTime()}.
     */
    abstract void loggedOn(long now);

    /**
     * The connection is gone: whatever was on the wire may or may not have arrived.
     *
     * @param now {@link System#nanoTime()}.
     */
    abstract void linkLost(long now);

    /**
     * A Result frame, authenticated and in sequence.
     *
     * @param result the decoded Result.
     */
    abstract void result(ResultDecoder result);

    /**
     * Every 50 ms while logged on, after the heartbeat: act on deadlines.
     *
     * @param now {@link System#nanoTime()}.
     */
    abstract void tick(long now);

    /**
     * Connects and logs on; afterwards the terminal keeps itself connected until {@link #close()}.
     *
     * @return completes at the first logon, or fails with a {@code name=value: reason} message when the switch is
     *     unreachable or refuses the logon.
     */
    final CompletableFuture<Void> start()
    {
        loop.execute(() ->
        {
            ticker = loop.scheduleAtFixedRate(this::onTick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
            connect();
        });
        return firstLogon;
    }

    /**
     * Closes the connection for good.
     *
     * @return completes when closed.
     */
    final CompletableFuture<Void> close()
    {
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() ->
        {
            link = Link.CLOSED;
            if (null != ticker)
            {
                ticker.cancel(false);
            }
            final Channel current = channel;
            channel = null;
            if (null != current)
            {
                current.close().addListener((f) -> closed.complete(null));
            }
            else
            {
                closed.complete(null);
            }
        });
        return closed;
    }

    /**
     * @return true when a frame can go out now: logged on, and the session not closed by an Error or a refusal
     *     (the channel's close is then under way and {@link #linkLost} follows).
     */
    final boolean canSend()
    {
        return Link.LOGGED_ON == link && null != session && session.isLoggedOn() && null != channel;
    }

    /**
     * @return the current session; only while {@link #canSend()}.
     */
    final TerminalSession session()
    {
        return session;
    }

    /**
     * Sends the first {@code length} bytes of {@link #out}.
     *
     * @param length bytes to send, length prefix included.
     */
    final void write(final int length)
    {
        final Channel current = channel;
        if (length <= 0 || null == current)
        {
            return;
        }
        final ByteBuf buf = current.alloc().buffer(length);
        buf.writeBytes(out.byteArray(), 0, length);
        current.writeAndFlush(buf, current.voidPromise());
        lastWriteNs = System.nanoTime();
    }

    private void connect()
    {
        if (Link.CLOSED == link)
        {
            return;
        }
        link = Link.CONNECTING;
        final ChannelFuture connecting = new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline()
                        .addLast(new LengthFieldBasedFrameDecoder(PosFrameDescriptor.BYTE_ORDER,
                            PosFrameDescriptor.MAX_WIRE_LENGTH, PosFrameDescriptor.LENGTH_FIELD_OFFSET,
                            PosFrameDescriptor.LENGTH_FIELD_LENGTH, PosFrameDescriptor.LENGTH_ADJUSTMENT,
                            PosFrameDescriptor.INITIAL_BYTES_TO_STRIP, true))
                        .addLast(new Handler());
                }
            })
            .connect(address);
        channel = connecting.channel();
        connecting.addListener((f) ->
        {
            if (!f.isSuccess() && connecting.channel() == channel)
            {
                context.activity().connectFailures.increment();
                channel = null;
                failFirstLogon("switch=" + hostPort() + ": unreachable (" + f.cause().getMessage() + ")");
                reconnectLater();
            }
        });
    }

    private void onConnected()
    {
        session = new TerminalSession(key, SystemEpochClock.INSTANCE, context.nonces());
        link = Link.LOGGING_ON;
        write(session.encodeLogon(out, 0, SOFTWARE_VERSION));
        final Channel logonChannel = channel;
        logonTimeout = loop.schedule(() ->
        {
            if (Link.LOGGING_ON == link && logonChannel == channel)
            {
                failFirstLogon("switch=" + hostPort() + ": no LogonAck within " + LOGON_TIMEOUT_MS + " ms");
                drop();
            }
        }, LOGON_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private void onDisconnected()
    {
        if (null != logonTimeout)
        {
            logonTimeout.cancel(false);
        }
        if (null != session)
        {
            session.close();
            session = null;
        }
        channel = null;
        if (Link.CLOSED == link)
        {
            return;
        }
        context.activity().disconnects.increment();
        link = Link.DISCONNECTED;
        linkLost(System.nanoTime());
        reconnectLater();
    }

    private void reconnectLater()
    {
        if (Link.CLOSED == link)
        {
            return;
        }
        link = Link.DISCONNECTED;
        final long delay = backoffMs;
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /**
     * Closes the current connection now; {@code channelInactive} then reports the loss and reconnects.
     */
    private void drop()
    {
        if (Link.CLOSED != link)
        {
            link = Link.DISCONNECTED;
        }
        if (null != channel)
        {
            channel.close();
        }
    }

    private void onFrame(final ByteBuf buf)
    {
        ByteBufViews.wrap(buf, in);
        lastReadNs = System.nanoTime();
        final boolean loggingOn = Link.LOGGING_ON == link;
        final PosReason reason = session.onFrame(in, 0, in.capacity());
        if (PosReason.NONE != reason)
        {
            // A frame this terminal cannot accept: say why, as the protocol asks, and start over.
            context.activity().protocolErrors.increment();
            context.activity().problem("refused " + reason + " (" + session.frame().detail() + ")");
            failFirstLogon("terminal=" + key.terminalId() + ": switch frame refused (" + reason + ")");
            write(session.encodeError(out, 0, reason));
            drop();
            return;
        }
        if (loggingOn)
        {
            onLogonAnswer();
            return;
        }
        final PosMessageType type = session.frame().messageType();
        if (PosMessageType.RESULT == type)
        {
            result(session.frame().result());
        }
        else if (PosMessageType.ERROR == type)
        {
            // SHUTTING_DOWN, TIMEOUT and the like: the switch closes; reconnect and carry on.
            drop();
        }
    }

    private void onLogonAnswer()
    {
        logonTimeout.cancel(false);
        if (!session.isLoggedOn())
        {
            context.activity().logonRefusals.increment();
            failFirstLogon("terminal=" + key.terminalId() + ": logon refused by the switch (" + session.closeReason() +
                "); is --terminals-file the switch's own terminals file?");
            drop();
            return;
        }
        context.activity().logons.increment();
        link = Link.LOGGED_ON;
        backoffMs = MIN_BACKOFF_MS;
        heartbeatNs = TimeUnit.SECONDS.toNanos(Math.max(1, session.heartbeatIntervalSeconds()));
        firstLogon.complete(null);
        loggedOn(System.nanoTime());
    }

    private void onTick()
    {
        if (!canSend())
        {
            return;
        }
        final long now = System.nanoTime();
        if (now - lastReadNs > 3 * heartbeatNs + TimeUnit.SECONDS.toNanos(1))
        {
            // Nothing heard for three heartbeat intervals, not even the answer to ours: the link is dead.
            context.activity().silentSwitch.increment();
            drop();
            return;
        }
        if (now - lastWriteNs >= heartbeatNs)
        {
            session.heartbeat(out, 0).timestampMs(System.currentTimeMillis());
            write(session.commit());
            context.activity().heartbeats.increment();
        }
        tick(now);
    }

    private void failFirstLogon(final String message)
    {
        if (!firstLogon.isDone())
        {
            firstLogon.completeExceptionally(new IllegalArgumentException(message));
        }
    }

    private String hostPort()
    {
        return address.getHostString() + ":" + address.getPort();
    }

    /**
     * The pipeline's last handler: hands frames and connection events of the terminal's current channel to it.
     */
    private final class Handler extends ChannelInboundHandlerAdapter
    {
        @Override
        public void channelActive(final ChannelHandlerContext ctx)
        {
            if (ctx.channel() != channel || Link.CLOSED == link)
            {
                ctx.close();
                return;
            }
            onConnected();
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            try
            {
                if (ctx.channel() == channel && null != session)
                {
                    onFrame((ByteBuf)msg);
                }
            }
            finally
            {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            if (ctx.channel() == channel)
            {
                onDisconnected();
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            // An oversized frame or a reset: the connection is unusable; channelInactive starts over.
            context.activity().protocolErrors.increment();
            context.activity().problem(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            ctx.close();
        }
    }
}
