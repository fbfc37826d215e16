package io.hutong.core.http;

import io.hutong.core.engine.EngineInbox;
import io.hutong.core.engine.PaymentView;
import io.hutong.core.engine.Reason;
import io.hutong.core.engine.ReplySink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The HTTP API's shared state: its clients, the engine's inbox, the requests waiting for answers; and its
 * {@link ReplySink}, through which the engine answers them. Thread-safe: handlers use it on event loops, the
 * engine on its own thread.
 */
public final class HttpApi implements ReplySink
{
    /** How far a request's timestamp may be from the switch's clock. */
    public static final long DEFAULT_WINDOW_SECONDS = 300;

    private final ApiClients clients;
    private final EngineInbox inbox;
    private final LongSupplier epochSeconds;
    private final long windowSeconds;
    private final Supplier<String> metrics;
    private final BooleanSupplier healthy;
    private final HttpSessions sessions = new HttpSessions();

    /**
     * @param clients       the API clients.
     * @param inbox         the engine's inbox.
     * @param epochSeconds  the clock for the signature window.
     * @param windowSeconds how far a request's timestamp may be from the clock.
     * @param metrics       renders the Prometheus text for {@code /metrics}.
     * @param healthy       whether {@code /healthz} says ok.
     */
    public HttpApi(
        final ApiClients clients,
        final EngineInbox inbox,
        final LongSupplier epochSeconds,
        final long windowSeconds,
        final Supplier<String> metrics,
        final BooleanSupplier healthy)
    {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.epochSeconds = Objects.requireNonNull(epochSeconds, "epochSeconds");
        this.windowSeconds = windowSeconds;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.healthy = Objects.requireNonNull(healthy, "healthy");
    }

    @Override
    public void reply(final long sessionId, final PaymentView payment, final Reason refusal)
    {
        final HttpSessions.Waiting waiting = sessions.take(sessionId);
        if (null == waiting || !waiting.channel().isActive())
        {
            return;
        }
        final ByteBufAllocator allocator = waiting.channel().alloc();
        final HttpResponseStatus status;
        final ByteBuf body;
        if (Reason.NONE == refusal || Reason.DUPLICATE == refusal)
        {
            status = ApiResponses.statusOf(payment);
            body = ApiResponses.payment(allocator, payment);
        }
        else
        {
            status = ApiResponses.statusOf(refusal);
            body = ApiResponses.error(allocator, refusal.name(), ApiResponses.refusalMessage(refusal));
        }
        final FullHttpResponse response = ApiHandler.response(status, body, null, waiting.keepAlive());
        final ChannelFuture written = waiting.channel().writeAndFlush(response);
        if (waiting.keepAlive())
        {
            written.addListener((ChannelFutureListener)(f) -> f.channel().config().setAutoRead(true));
        }
        else
        {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    ApiClients.Client authenticate(final String method, final String uri, final HttpHeaders headers, final byte[] body)
        throws ApiException
    {
        final String authorization = headers.get("Authorization");
        if (null == authorization || !authorization.startsWith(RequestSigner.SCHEME + " "))
        {
            throw unauthorized("Authorization: " + RequestSigner.SCHEME + " client=..,timestamp=..,signature=.. required");
        }
        String clientId = null;
        String timestamp = null;
        String signature = null;
        for (final String part : authorization.substring(RequestSigner.SCHEME.length() + 1).split(","))
        {
            final int eq = part.indexOf('=');
            if (eq <= 0)
            {
                throw unauthorized("Authorization: malformed");
            }
            final String name = part.substring(0, eq).trim();
            final String value = part.substring(eq + 1).trim();
            switch (name)
            {
                case "client" -> clientId = value;
                case "timestamp" -> timestamp = value;
                case "signature" -> signature = value;
                default -> throw unauthorized("Authorization: unknown part " + name);
            }
        }
        final ApiClients.Client client = null == clientId ? null : clients.client(clientId);
        if (null == client || null == timestamp || null == signature)
        {
            throw unauthorized("unknown client or incomplete Authorization");
        }
        final long ts;
        try
        {
            ts = Long.parseLong(timestamp);
        }
        catch (final NumberFormatException ex)
        {
            throw unauthorized("timestamp: not unix seconds");
        }
        if (Math.abs(epochSeconds.getAsLong() - ts) > windowSeconds)
        {
            throw unauthorized("timestamp: outside the " + windowSeconds + " s window");
        }
        if (!RequestSigner.matches(RequestSigner.sign(client.secret(), method, uri, ts, body), signature))
        {
            throw unauthorized("signature does not verify");
        }
        return client;
    }

    EngineInbox inbox()
    {
        return inbox;
    }

    HttpSessions sessions()
    {
        return sessions;
    }

    String metrics()
    {
        return metrics.get();
    }

    boolean healthy()
    {
        return healthy.getAsBoolean();
    }

    private static ApiException unauthorized(final String message)
    {
        return new ApiException(HttpResponseStatus.UNAUTHORIZED, "UNAUTHORIZED", message);
    }
}
