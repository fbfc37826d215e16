package io.hutong.connector.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * One call from acceptance to its single completion. Confined to its {@link HostPool}'s event loop after
 * {@link #dispatch()}; {@link #done} guards the exactly-once callback against the timer, the channel and
 * the pool racing to complete it.
 */
final class Exchange implements Runnable, ChannelFutureListener
{
    private static final InternalLogger LOGGER = InternalLoggerFactory.getInstance(Exchange.class);

    private final HostPool pool;
    private final WalletHttpRequest request;
    private final HttpCallback callback;
    private ScheduledFuture<?> deadline;
    private Channel channel;
    private boolean done;

    Exchange(final HostPool pool, final WalletHttpRequest request, final HttpCallback callback)
    {
        this.pool = pool;
        this.request = request;
        this.callback = callback;
    }

    /**
     * Runs on the pool's loop: arms the request deadline and asks the pool for a connection.
     */
    void dispatch()
    {
        if (pool.loop().isShuttingDown())
        {
            fail(HttpFailureReason.CLOSED, "client closed");
            return;
        }
        deadline = pool.loop().schedule(this, timeoutMs(), TimeUnit.MILLISECONDS);
        pool.acquire(this);
    }

    private int timeoutMs()
    {
        final int own = request.timeoutMs();
        return own > 0 ? own : pool.config().requestTimeoutMs();
    }

    boolean isDone()
    {
        return done;
    }

    /**
     * The request deadline passed: fail with TIMEOUT and close the channel so that a late answer cannot be
     * read as the answer to the next request sent on it.
     */
    @Override
    public void run()
    {
        if (!done)
        {
            final Channel ch = channel;
            fail(HttpFailureReason.TIMEOUT, "no complete response within timeoutMs=" + timeoutMs());
            if (null != ch)
            {
                ch.close();
            }
        }
    }

    /**
     * Writes the request on a connection that is now this exchange's alone until it completes.
     */
    void start(final Channel ch)
    {
        channel = ch;
        ch.pipeline().get(ExchangeHandler.class).begin(this);
        ch.writeAndFlush(encode(ch)).addListener(this);
    }

    /**
     * Write completion: a failed write may have sent part of the request, so the outcome is unknown.
     */
    @Override
    public void operationComplete(final ChannelFuture future)
    {
        if (!future.isSuccess())
        {
            future.channel().close();
            fail(pool.isClosed() ? HttpFailureReason.CLOSED : HttpFailureReason.CONNECTION_RESET,
                "write failed: " + future.cause());
        }
    }

    void succeed(final int status, final HttpHeaders headers, final byte[] body)
    {
        if (finish())
        {
            try
            {
                callback.onResponse(status, headers, body);
            }
            catch (final Throwable t)
            {
                LOGGER.warn("HttpCallback.onResponse threw for {}", request, t);
            }
        }
    }

    void fail(final HttpFailureReason reason, final String detail)
    {
        if (finish())
        {
            notifyFailure(callback, reason, detail);
        }
    }

    static void notifyFailure(final HttpCallback callback, final HttpFailureReason reason, final String detail)
    {
        try
        {
            callback.onFailure(reason, detail);
        }
        catch (final Throwable t)
        {
            LOGGER.warn("HttpCallback.onFailure threw for reason={}", reason, t);
        }
    }

    private boolean finish()
    {
        if (done)
        {
            return false;
        }
        done = true;
        channel = null;
        if (null != deadline)
        {
            deadline.cancel(false);
        }
        pool.releasePermit();
        return true;
    }

    private FullHttpRequest encode(final Channel ch)
    {
        final byte[] body = request.body();
        final FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(),
            request.pathAndQuery(), body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        final HttpHeaders headers = req.headers();
        headers.add(request.headers());
        headers.set(HttpHeaderNames.HOST, request.hostKey().hostHeader());
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (null != request.contentType())
        {
            headers.set(HttpHeaderNames.CONTENT_TYPE, request.contentType());
        }
        return req;
    }
}
