package io.hutong.core.pos.server;

import io.hutong.core.engine.EngineInbox;
import io.hutong.core.engine.Hop;
import io.hutong.core.engine.command.RequestEncoder;
import io.hutong.core.engine.command.RequestKind;
import io.hutong.core.pos.auth.SwitchSession;
import io.hutong.core.pos.codec.PosFrameDecoder;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;

/**
 * One POS connection: frames in (already split by the length prefix), checked by the connection's
 * {@link SwitchSession} (logon, MACs, sequences), payments handed to the engine; the engine's answers encoded
 * as Result frames on this connection's event loop. Anything refused gets an Error frame, an audit record in
 * the journal, and the connection closed; other connections are not affected.
 * <p>
 * Confined to its channel's event loop, except {@link #connectionId()} and {@link #outbox()}, which the engine
 * thread reads to queue an answer ({@link PosOutbox}).
 */
final class PosHandler extends ChannelInboundHandlerAdapter implements EngineInbox.RequestWriter
{
    private static final InternalLogger LOGGER = InternalLoggerFactory.getInstance(PosHandler.class);
    static final long LOGON_TIMEOUT_MS = 10_000;

    private final PosServer server;
    private final SwitchSession session;
    private final UnsafeBuffer in = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[4096]);
    private final UnsafeBuffer refusal = new UnsafeBuffer(new byte[PosAnswer.LENGTH]);
    private PosOutbox outbox;
    /** Set by the loop's {@link PosOutbox} while this connection has answers written but not flushed. */
    boolean flushPending;
    private ChannelHandlerContext ctx;
    private volatile int connectionId;
    private int clientSlot = -1;
    private ScheduledFuture<?> logonTimeout;
    private PosFrameDecoder frame;
    private RequestKind kind;

    PosHandler(final PosServer server, final SwitchSession session)
    {
        this.server = server;
        this.session = session;
    }

    int connectionId()
    {
        return connectionId;
    }

    /**
     * @return the outbox of this connection's event loop (set before the connection is registered).
     */
    PosOutbox outbox()
    {
        return outbox;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
        outbox = server.outbox(ctx.executor());
        connectionId = server.connections().register(this);
        if (connectionId < 0)
        {
            refuse(PosReason.BUSY, false);
            return;
        }
        logonTimeout = ctx.executor().schedule(() ->
        {
            if (!session.isLoggedOn())
            {
                refuse(PosReason.TIMEOUT, false);
            }
        }, LOGON_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        if (connectionId > 0)
        {
            server.connections().unregister(connectionId, this);
        }
        if (null != logonTimeout)
        {
            logonTimeout.cancel(false);
        }
        session.close();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        final ByteBuf buf = (ByteBuf)msg;
        try
        {
            ByteBufViews.wrap(buf, in);
            onFrame();
        }
        finally
        {
            ReferenceCountUtil.release(buf);
        }
    }

    private void onFrame()
    {
        final boolean wasLoggedOn = session.isLoggedOn();
        final PosReason reason = session.onFrame(in, 0, in.capacity());
        if (PosReason.NONE != reason)
        {
            refuse(reason, true);
            return;
        }
        frame = session.frame();
        final PosMessageType type = frame.messageType();
        if (!wasLoggedOn && PosMessageType.LOGON == type)
        {
            onLogon();
            return;
        }
        switch (type)
        {
            case HEARTBEAT ->
            {
                session.heartbeat(out, 0);
                write(session.commit());
            }
            case ERROR -> ctx.close();
            case PAY -> submit(RequestKind.CPM_PAY);
            case QUERY -> submit(RequestKind.QUERY);
            case REVERSE -> submit(RequestKind.REVERSE);
            case REFUND -> submit(RequestKind.REFUND);
            default -> refuse(PosReason.UNEXPECTED_MESSAGE, true);
        }
    }

    private void onLogon()
    {
        if (null != logonTimeout)
        {
            logonTimeout.cancel(false);
        }
        clientSlot = server.clientSlot(session.terminalId());
        write(session.encodeLogonAck(out, 0));
        server.inbox().offerAudit(Hop.LOGON, session.terminalId(), "logon from " + ctx.channel().remoteAddress());
    }

    private void submit(final RequestKind requestKind)
    {
        kind = requestKind;
        if (!server.inbox().offerRequest(this))
        {
            final long sessionId = PosRequests.sessionId(connectionId, frame.templateId(), frame.sequence());
            final DirectBuffer buffer = frame.buffer();
            switch (kind)
            {
                case CPM_PAY -> PosAnswer.encodeRefusal(refusal, 0, sessionId, PosStatus.BUSY, PosReason.BUSY, buffer,
                    frame.pay().terminalTxnIdOffset(), frame.pay().terminalTxnIdLength());
                case REFUND -> PosAnswer.encodeRefusal(refusal, 0, sessionId, PosStatus.BUSY, PosReason.BUSY, buffer,
                    frame.refund().refundTxnIdOffset(), frame.refund().refundTxnIdLength());
                default -> PosAnswer.encodeRefusal(refusal, 0, sessionId, PosStatus.BUSY, PosReason.BUSY, buffer,
                    frame.txnReference().terminalTxnIdOffset(), frame.txnReference().terminalTxnIdLength());
            }
            if (writeAnswer(refusal, 0))
            {
                flush();
            }
        }
    }

    @Override
    public int write(final RequestEncoder encoder)
    {
        return PosRequests.write(encoder, kind, session, connectionId, clientSlot);
    }

    /**
     * Write an engine answer ({@link PosAnswer}) on this connection without flushing it (its event loop).
     *
     * @param buffer holding the answer.
     * @param index  its first byte.
     * @return true if a frame was written and needs a {@link #flush()}.
     */
    boolean writeAnswer(final DirectBuffer buffer, final int index)
    {
        if (!session.isLoggedOn() || !ctx.channel().isActive())
        {
            return false;
        }
        final int length = PosAnswer.write(buffer, index, session, out, 0);
        if (length <= 0)
        {
            return false;
        }
        final ByteBuf buf = ctx.alloc().buffer(length);
        buf.writeBytes(out.byteArray(), 0, length);
        ctx.write(buf, ctx.voidPromise());
        return true;
    }

    /**
     * Flush what {@link #writeAnswer} wrote (its event loop).
     */
    void flush()
    {
        if (null != ctx)
        {
            ctx.flush();
        }
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
    {
        if (event instanceof IdleStateEvent)
        {
            refuse(PosReason.TIMEOUT, false);
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (cause instanceof TooLongFrameException)
        {
            refuse(PosReason.TOO_LARGE, false);
            return;
        }
        LOGGER.debug("pos connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    /**
     * Stop: an Error frame saying why, then close.
     */
    void shutDown()
    {
        final ChannelHandlerContext context = ctx;
        if (null != context)
        {
            context.executor().execute(() -> refuse(PosReason.SHUTTING_DOWN, false));
        }
    }

    private void refuse(final PosReason reason, final boolean aboutLastFrame)
    {
        if (!ctx.channel().isActive())
        {
            return;
        }
        int length = 0;
        try
        {
            length = aboutLastFrame ? session.encodeError(out, 0, reason) : session.encodeStreamError(out, 0, reason);
        }
        catch (final RuntimeException ex)
        {
            LOGGER.debug("pos error frame not written: {}", ex.toString());
        }
        if (PosReason.SHUTTING_DOWN != reason)
        {
            final String terminal = session.isLoggedOn() || null != session.terminalId() ? session.terminalId() : "";
            server.inbox().offerAudit(Hop.AUTH_FAILURE, null == terminal ? "" : terminal,
                reason.name() + " from " + ctx.channel().remoteAddress());
        }
        if (length > 0)
        {
            final ByteBuf buf = ctx.alloc().buffer(length);
            buf.writeBytes(out.byteArray(), 0, length);
            ctx.writeAndFlush(buf).addListener(ChannelFutureListener.CLOSE);
        }
        else
        {
            ctx.close();
        }
    }

    private void write(final int length)
    {
        if (length <= 0)
        {
            return;
        }
        final ByteBuf buf = ctx.alloc().buffer(length);
        buf.writeBytes(out.byteArray(), 0, length);
        ctx.writeAndFlush(buf, ctx.voidPromise());
    }
}
