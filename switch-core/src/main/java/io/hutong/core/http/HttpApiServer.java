package io.hutong.core.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;

import java.net.InetSocketAddress;

/**
 * The HTTP/JSON API listener on Netty: codec, a 64 KiB aggregation limit (larger requests are answered 413 by
 * Netty and the connection closed), and one {@link ApiHandler} per connection.
 */
public final class HttpApiServer implements AutoCloseable
{
    /** Largest request body accepted. */
    public static final int MAX_CONTENT_BYTES = 64 * 1024;

    private final Channel channel;

    /**
     * Bind and start serving.
     *
     * @param api     the API state.
     * @param group   the event loops to serve on (not closed by {@link #close()}).
     * @param address where to listen.
     * @throws InterruptedException if interrupted while binding.
     */
    public HttpApiServer(final HttpApi api, final EventLoopGroup group, final InetSocketAddress address)
        throws InterruptedException
    {
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
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpServerExpectContinueHandler())
                        .addLast(new HttpObjectAggregator(MAX_CONTENT_BYTES))
                        .addLast(new ApiHandler(api));
                }
            })
            .bind(address).sync().channel();
    }

    /**
     * @return the bound address (with the real port when 0 was asked).
     */
    public InetSocketAddress address()
    {
        return (InetSocketAddress)channel.localAddress();
    }

    /**
     * Stop listening; open connections are closed with their event loops.
     */
    @Override
    public void close()
    {
        channel.close().syncUninterruptibly();
    }
}
