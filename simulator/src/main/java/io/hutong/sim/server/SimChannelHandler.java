package io.hutong.sim.server;

import io.hutong.sim.faults.FaultDecision;
import io.hutong.sim.faults.WalletOperation;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.util.HashMap;

/**
 * One connection to a simulated wallet: routes each request to the control API or a {@link WalletApi}, and writes
 * the answers in request order (HTTP/1.1 requires it even when a later request is answered first, e.g. when an
 * earlier one has latency). A hung request holds back every later answer on its connection, as it would on a real
 * server.
 * <p>
 * Stays thin: copies the body out of the pooled buffer (released by {@link SimpleChannelInboundHandler} on return),
 * draws the fault decision and hands off. Not thread-safe: one instance per channel; state is touched only on the
 * channel's event loop.
 */
final class SimChannelHandler extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private final WalletServer server;
    private ChannelHandlerContext ctx;
    private long nextSequence;
    private long nextToWrite;
    private HashMap<Long, Outgoing> waiting;

    SimChannelHandler(final WalletServer server)
    {
        this.server = server;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final long sequence = nextSequence++;
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess())
        {
            complete(sequence, new Outgoing(SimResponse.text(400, "bad request"), 1, false, false));
            return;
        }
        final String uri = request.uri();
        final int question = uri.indexOf('?');
        final String path = question < 0 ? uri : uri.substring(0, question);
        final String query = question < 0 ? "" : uri.substring(question + 1);
        final byte[] body = ByteBufUtil.getBytes(request.content());
        final String method = request.method().name();
        if (path.startsWith(WalletServer.CONTROL_PREFIX))
        {
            final SimRequest simRequest =
                new SimRequest(method, path, query, request.headers(), body, null, FaultDecision.NONE);
            server.runOffLoop(() -> complete(sequence, new Outgoing(server.control().handle(simRequest), 1,
                keepAlive, false)), () -> busy(sequence, keepAlive));
            return;
        }
        for (final WalletApi api : server.apis())
        {
            final WalletOperation operation = api.operation(path, query, body);
            if (null != operation)
            {
                final FaultDecision fault = server.faults().decide(operation);
                final SimRequest simRequest =
                    new SimRequest(method, path, query, request.headers(), body, operation, fault);
                new Exchange(server, this, api, simRequest, sequence, keepAlive).start();
                return;
            }
        }
        complete(sequence, new Outgoing(SimResponse.text(404, "no such path: " + path), 1, keepAlive, false));
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        // A broken connection (reset by the client, a decoder failure): nothing to answer, nothing to keep.
        ctx.close();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        // Answers still waiting are plain byte arrays, so dropping them leaks nothing.
        waiting = null;
        ctx.fireChannelInactive();
    }

    /**
     * Queues an answer from any thread; it is written on the event loop when every earlier answer was.
     */
    void completeFromAnyThread(final long sequence, final Outgoing outgoing)
    {
        if (ctx.executor().inEventLoop())
        {
            complete(sequence, outgoing);
        }
        else
        {
            ctx.executor().execute(() -> complete(sequence, outgoing));
        }
    }

    ChannelHandlerContext context()
    {
        return ctx;
    }

    private void busy(final long sequence, final boolean keepAlive)
    {
        completeFromAnyThread(sequence, new Outgoing(SimResponse.text(503, "busy"), 1, keepAlive, false));
    }

    private void complete(final long sequence, final Outgoing outgoing)
    {
        if (!ctx.channel().isActive())
        {
            return;
        }
        if (sequence != nextToWrite)
        {
            if (null == waiting)
            {
                waiting = new HashMap<>();
            }
            waiting.put(sequence, outgoing);
            return;
        }
        Outgoing next = outgoing;
        while (null != next && ctx.channel().isActive())
        {
            write(next);
            nextToWrite++;
            next = null == waiting ? null : waiting.remove(nextToWrite);
        }
        ctx.flush();
    }

    private void write(final Outgoing outgoing)
    {
        if (outgoing.close())
        {
            ctx.flush();
            ctx.close();
            return;
        }
        for (int i = 0; i < outgoing.copies(); i++)
        {
            final FullHttpResponse response = toHttp(outgoing.response(), outgoing.keepAlive());
            if (outgoing.keepAlive())
            {
                ctx.write(response, ctx.voidPromise());
            }
            else
            {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    private static FullHttpResponse toHttp(final SimResponse answer, final boolean keepAlive)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
            .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length)
            .set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        if (null != answer.headerName())
        {
            response.headers().set(answer.headerName(), answer.headerValue());
        }
        return response;
    }

    /**
     * One answer waiting for its turn: written {@code copies} times, or, with {@code close}, the connection closed
     * instead.
     */
    record Outgoing(SimResponse response, int copies, boolean keepAlive, boolean close)
    {
    }
}
