package io.hutong.connector.jdpay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback JD Pay gateway for connector tests, on the JDK's HTTP server (independent of the Netty client under
 * test): every request is decoded as JD would ({@link JdPayRequestCodec#decode} with the server's test keys) and
 * recorded; the answer body comes from a script given the decoded request.
 */
final class JdPayStubGateway implements AutoCloseable
{
    /** One request as received and decoded (or the reason it was refused). */
    record Received(String path, String contentType, JdPayRequestCodec.Inbound inbound, String refusal)
    {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool((r) ->
    {
        final Thread thread = new Thread(r, "jdpay-stub");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<JdPayRequestCodec.Inbound, byte[]> script = (inbound) -> new byte[0];

    JdPayStubGateway() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    void script(final Function<JdPayRequestCodec.Inbound, byte[]> script)
    {
        this.script = script;
    }

    String baseUrl()
    {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received()
    {
        return received;
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        final String path = exchange.getRequestURI().getPath();
        final byte[] body = exchange.getRequestBody().readAllBytes();
        final JdPayOperation operation = path.startsWith("/service/") ?
            JdPayOperation.fromWireName(path.substring("/service/".length())) : null;
        byte[] answer;
        if (null == operation)
        {
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("Content-Type"), null, "path"));
            answer = JdPayResponse.Builder.refusal(null, JdPayResultCodes.PARAM_ERROR, "unknown path");
        }
        else
        {
            try
            {
                final JdPayRequestCodec.Inbound inbound = JdPayRequestCodec.decode(operation, body,
                    (merchant) -> JdPayTestKeys.MERCHANT.equals(merchant) ? JdPayTestKeys.SERVER : null);
                received.add(new Received(path, exchange.getRequestHeaders().getFirst("Content-Type"), inbound, null));
                answer = script.apply(inbound);
            }
            catch (final JdPayMessageException ex)
            {
                received.add(new Received(path, exchange.getRequestHeaders().getFirst("Content-Type"), null,
                    ex.reason().name()));
                answer = JdPayResponse.Builder.refusal(null, ex.reason().resultCode(), ex.reason().name());
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/xml;charset=UTF-8");
        exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(answer);
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
    }
}
