package io.hutong.core.http;

import io.hutong.core.engine.EngineInbox;
import io.hutong.core.engine.command.RequestDescriptor;
import io.hutong.core.engine.command.RequestKind;
import io.netty.buffer.ByteBuf;
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
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP connection's handler: route, authenticate, validate, hand the request to the engine, and stop
 * reading until the engine answers (one request in flight per connection, so pipelined requests are answered
 * in order). Anything wrong with a request is an error answer with a machine-readable body; the connection
 * stays usable unless the client asked to close it.
 */
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> implements EngineInbox.RequestWriter
{
    private static final InternalLogger LOGGER = InternalLoggerFactory.getInstance(ApiHandler.class);

    private final HttpApi api;
    // The request being encoded (read by write(encoder), on this channel's event loop).
    private RequestKind kind;
    private long session;
    private ApiClients.Client client;
    private long switchTxnId;
    private long amount;
    private String txnId;
    private String merchantId;
    private String code;
    private String subject;
    private String refTxnId;
    private String walletId;

    ApiHandler(final HttpApi api)
    {
        this.api = api;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess())
        {
            respond(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST,
                ApiResponses.error(ctx.alloc(), "INVALID_REQUEST", "malformed HTTP request"), null);
            return;
        }
        final String uri = request.uri();
        final String path = uri.indexOf('?') < 0 ? uri : uri.substring(0, uri.indexOf('?'));
        try
        {
            if (HttpMethod.GET.equals(request.method()) && "/healthz".equals(path))
            {
                final boolean healthy = api.healthy();
                respond(ctx, keepAlive, healthy ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                    Unpooled.copiedBuffer(healthy ? "{\"status\":\"ok\"}" : "{\"status\":\"unavailable\"}",
                        StandardCharsets.UTF_8), null);
                return;
            }
            if (HttpMethod.GET.equals(request.method()) && "/metrics".equals(path))
            {
                respond(ctx, keepAlive, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(api.metrics(), StandardCharsets.UTF_8), "text/plain; version=0.0.4; charset=utf-8");
                return;
            }
            final byte[] body = ByteBufUtil.getBytes(request.content());
            client = api.authenticate(request.method().name(), uri, request.headers(), body);
            route(request.method(), path, body, request.headers().get("Idempotency-Key"));
            session = api.sessions().register(ctx.channel(), keepAlive);
            if (!api.inbox().offerRequest(this))
            {
                api.sessions().take(session);
                throw new ApiException(HttpResponseStatus.SERVICE_UNAVAILABLE, "BUSY",
                    "the switch is at capacity; nothing was started, try again shortly");
            }
            ctx.channel().config().setAutoRead(false);
        }
        catch (final ApiException ex)
        {
            respond(ctx, keepAlive, ex.status(), ApiResponses.error(ctx.alloc(), ex.error(), ex.getMessage()), null);
        }
    }

    @Override
    public int write(final io.hutong.core.engine.command.RequestEncoder encoder)
    {
        encoder.header(kind, RequestDescriptor.SOURCE_HTTP, session, client.slot())
            .switchTxnId(switchTxnId)
            .amount(amount, 156)
            .field(RequestDescriptor.TERMINAL_ID, client.id());
        if (null != txnId)
        {
            encoder.field(RequestDescriptor.TERMINAL_TXN_ID, txnId);
        }
        if (null != merchantId)
        {
            encoder.field(RequestDescriptor.MERCHANT_ID, merchantId);
        }
        if (null != code)
        {
            encoder.field(RequestDescriptor.CODE, code);
        }
        if (null != subject)
        {
            encoder.field(RequestDescriptor.SUBJECT, subject);
        }
        if (null != refTxnId)
        {
            encoder.field(RequestDescriptor.REF_TXN_ID, refTxnId);
        }
        if (null != walletId)
        {
            encoder.field(RequestDescriptor.WALLET_ID, walletId);
        }
        return encoder.finish();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        LOGGER.debug("http connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private void route(final HttpMethod method, final String path, final byte[] body, final String idempotencyKey)
        throws ApiException
    {
        kind = null;
        switchTxnId = 0;
        amount = 0;
        txnId = null;
        merchantId = null;
        code = null;
        subject = null;
        refTxnId = null;
        walletId = null;
        if (null != idempotencyKey)
        {
            ApiRequests.checkId("Idempotency-Key", idempotencyKey, RequestDescriptor.MAX_TXN_ID);
        }
        if ("/v1/payments".equals(path))
        {
            requireMethod(method, HttpMethod.POST);
            final ApiRequests.CpmPay pay = ApiRequests.cpmPay(body, idempotencyKey);
            kind = RequestKind.CPM_PAY;
            amount = pay.amount();
            txnId = pay.terminalTxnId();
            merchantId = pay.merchantId();
            code = pay.code();
            subject = pay.subject();
            return;
        }
        if ("/v1/mpm/payments".equals(path))
        {
            requireMethod(method, HttpMethod.POST);
            final ApiRequests.MpmPay pay = ApiRequests.mpmPay(body, idempotencyKey);
            if (!pay.payerWallet().equals(client.wallet()))
            {
                throw new ApiException(HttpResponseStatus.FORBIDDEN, "FORBIDDEN",
                    "payerWallet=" + pay.payerWallet() + ": this client acts for " + client.wallet());
            }
            kind = RequestKind.MPM_PAY;
            amount = pay.amount();
            code = pay.code();
            subject = pay.subject();
            refTxnId = pay.payerRef();
            walletId = pay.payerWallet();
            return;
        }
        if (path.startsWith("/v1/payments/"))
        {
            final String rest = path.substring("/v1/payments/".length());
            final int slash = rest.indexOf('/');
            switchTxnId = parseId(slash < 0 ? rest : rest.substring(0, slash));
            final String action = slash < 0 ? "" : rest.substring(slash);
            switch (action)
            {
                case "" ->
                {
                    requireMethod(method, HttpMethod.GET);
                    kind = RequestKind.QUERY;
                }
                case "/reverse" ->
                {
                    requireMethod(method, HttpMethod.POST);
                    ApiRequests.empty(body);
                    kind = RequestKind.REVERSE;
                }
                case "/refund" ->
                {
                    requireMethod(method, HttpMethod.POST);
                    final ApiRequests.Refund refund = ApiRequests.refund(body, idempotencyKey);
                    kind = RequestKind.REFUND;
                    amount = refund.amount();
                    refTxnId = refund.refundId();
                }
                default -> throw new ApiException(HttpResponseStatus.NOT_FOUND, "NOT_FOUND", "no such resource");
            }
            return;
        }
        throw new ApiException(HttpResponseStatus.NOT_FOUND, "NOT_FOUND", "no such resource");
    }

    private static void requireMethod(final HttpMethod method, final HttpMethod expected) throws ApiException
    {
        if (!expected.equals(method))
        {
            throw new ApiException(HttpResponseStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "use " + expected);
        }
    }

    private static long parseId(final String text) throws ApiException
    {
        try
        {
            final long id = Long.parseLong(text);
            if (id > 0)
            {
                return id;
            }
        }
        catch (final NumberFormatException ignore)
        {
            // Falls through to the 404.
        }
        throw new ApiException(HttpResponseStatus.NOT_FOUND, "NOT_FOUND", "no such payment");
    }

    static void respond(
        final ChannelHandlerContext ctx, final boolean keepAlive, final HttpResponseStatus status, final ByteBuf body,
        final String contentType)
    {
        final FullHttpResponse response = response(status, body, contentType, keepAlive);
        if (keepAlive)
        {
            ctx.writeAndFlush(response);
        }
        else
        {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    static FullHttpResponse response(
        final HttpResponseStatus status, final ByteBuf body, final String contentType, final boolean keepAlive)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, null == contentType ? "application/json; charset=utf-8" : contentType)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        if (HttpResponseStatus.SERVICE_UNAVAILABLE.equals(status))
        {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
        }
        if (!keepAlive)
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }
}
