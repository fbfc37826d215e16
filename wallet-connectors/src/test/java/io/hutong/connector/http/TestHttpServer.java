package io.hutong.connector.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Netty HTTP/1.1 server on 127.0.0.1 and an ephemeral port, with one path per behaviour under test:
 * {@code /echo} answers {@code METHOD:body} with the serving connection's number in {@code X-Conn},
 * {@code /hang} never answers, {@code /reset} sends half a response and closes, {@code /big?n=N} answers
 * N bytes.
 */
final class TestHttpServer implements AutoCloseable
{
    static final String CONNECTION_HEADER = "X-Conn";
    private static final AttributeKey<Integer> CONNECTION_NUMBER = AttributeKey.valueOf("hutong.test.conn");

    private final NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("test-http-server", true));
    private final AtomicInteger connections = new AtomicInteger();
    private final Queue<Integer> hangConnections = new ConcurrentLinkedQueue<>();
    private final Channel serverChannel;

    TestHttpServer(final SslContext sslContext)
    {
        serverChannel = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.attr(CONNECTION_NUMBER).set(connections.incrementAndGet());
                    if (null != sslContext)
                    {
                        ch.pipeline().addLast(sslContext.newHandler(ch.alloc()));
                    }
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(1 << 20))
                        .addLast(new Handler());
                }
            })
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .syncUninterruptibly()
            .channel();
    }

    int port()
    {
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    String url(final String scheme, final String path)
    {
        return scheme + "://127.0.0.1:" + port() + path;
    }

    int connectionsAccepted()
    {
        return connections.get();
    }

    Queue<Integer> hangConnections()
    {
        return hangConnections;
    }

    @Override
    public void close()
    {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest>
    {
        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
        {
            final int conn = ctx.channel().attr(CONNECTION_NUMBER).get();
            final String uri = request.uri();
            if (uri.startsWith("/hang"))
            {
                hangConnections.add(conn);
            }
            else if (uri.startsWith("/reset"))
            {
                final HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                HttpUtil.setContentLength(head, 100);
                ctx.write(head);
                ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[10])))
                    .addListener(f -> ctx.close());
            }
            else if (uri.startsWith("/big"))
            {
                final int n = Integer.parseInt(uri.substring(uri.indexOf("n=") + 2));
                ctx.writeAndFlush(response(conn, new byte[n]));
            }
            else
            {
                final String body = request.method().name() + ':' + request.content().toString(StandardCharsets.UTF_8) +
                    ':' + request.headers().get(HttpHeaderNames.CONTENT_TYPE) + ':' +
                    request.headers().get(HttpHeaderNames.HOST);
                ctx.writeAndFlush(response(conn, body.getBytes(StandardCharsets.UTF_8)));
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            // Expected in the untrusted-certificate test: the client aborts the handshake.
            ctx.close();
        }

        private FullHttpResponse response(final int conn, final byte[] body)
        {
            final FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
            HttpUtil.setContentLength(response, body.length);
            response.headers().set(CONNECTION_HEADER, conn);
            return response;
        }
    }

    static String text(final byte[] body)
    {
        return new String(body, StandardCharsets.UTF_8);
    }
}
