package io.hutong.connector.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;

/**
 * Last handler of a wallet connection: matches the aggregated response to the one exchange written on the
 * channel, copies the body out and releases the buffer exactly once. Anything unexpected closes the
 * channel; nothing propagates further down the pipeline. One instance per channel, on its event loop.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter
{
    private final HostPool pool;
    private Exchange current;

    ExchangeHandler(final HostPool pool)
    {
        this.pool = pool;
    }

    void begin(final Exchange exchange)
    {
        current = exchange;
    }

    /**
     * Fails the exchange in progress (if any) without waiting for the channel to go inactive.
     */
    void abort(final HttpFailureReason reason, final String detail)
    {
        final Exchange ex = current;
        current = null;
        if (null != ex)
        {
            ex.fail(reason, detail);
        }
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (!(msg instanceof FullHttpResponse))
        {
            ReferenceCountUtil.release(msg);
            ctx.close();
            abort(HttpFailureReason.PROTOCOL_ERROR, "unexpected message " + msg.getClass().getSimpleName());
            return;
        }
        final FullHttpResponse response = (FullHttpResponse)msg;
        final DecoderResult result;
        final int status;
        final HttpHeaders headers;
        final boolean keepAlive;
        final byte[] body;
        try
        {
            result = response.decoderResult();
            status = response.status().code();
            headers = response.headers();
            keepAlive = HttpUtil.isKeepAlive(response);
            body = result.isSuccess() ? ByteBufUtil.getBytes(response.content()) : null;
        }
        finally
        {
            response.release();
        }

        final Exchange ex = current;
        current = null;
        if (result.isFailure())
        {
            ctx.close();
            if (null != ex)
            {
                ex.fail(reasonFor(result.cause()), "bad response: " + result.cause());
            }
            return;
        }
        if (null == ex || ex.isDone())
        {
            // An answer nobody is waiting for: the connection's request/response pairing is lost.
            ctx.close();
            return;
        }
        if (keepAlive)
        {
            pool.offer(ctx.channel());
        }
        else
        {
            ctx.close();
        }
        ex.succeed(status, headers, body);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
        abort(reasonFor(cause), cause.toString());
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        abort(pool.isClosed() ? HttpFailureReason.CLOSED : HttpFailureReason.CONNECTION_RESET,
            "connection closed before the response was complete");
        super.channelInactive(ctx);
    }

    static HttpFailureReason reasonFor(final Throwable cause)
    {
        Throwable t = cause;
        while (null != t)
        {
            if (t instanceof TooLongFrameException)
            {
                return HttpFailureReason.TOO_LARGE;
            }
            if (t instanceof PrematureChannelClosureException || t instanceof IOException)
            {
                return HttpFailureReason.CONNECTION_RESET;
            }
            if (t.getCause() == t)
            {
                break;
            }
            t = t.getCause();
        }
        return HttpFailureReason.PROTOCOL_ERROR;
    }
}
