package io.hutong.connector.spi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback HTTP server (the JDK's, so independent of the Netty client under test) whose every answer comes
 * from a script: a function from the received request to (status, headers, body), or a delay. Records every
 * request it received.
 */
final class ScriptedHttpServer implements AutoCloseable
{
    /** What to answer. */
    record Answer(int status, String headerName, String headerValue, byte[] body, long delayMs)
    {
        static Answer ok(final byte[] body)
        {
            return new Answer(200, null, null, body, 0);
        }
    }

    /** One request as received. */
    record Received(String method, String path, String contentType, byte[] body)
    {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> script = (r) -> Answer.ok(new byte[0]);

    ScriptedHttpServer() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool((r) ->
        {
            final Thread thread = new Thread(r, "scripted-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    void script(final Function<Received, Answer> script)
    {
        this.script = script;
    }

    URI baseUrl()
    {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received()
    {
        return received;
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        final Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes());
        received.add(request);
        final Answer answer = script.apply(request);
        if (answer.delayMs() > 0)
        {
            try
            {
                Thread.sleep(answer.delayMs());
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        if (null != answer.headerName())
        {
            exchange.getResponseHeaders().add(answer.headerName(), answer.headerValue());
        }
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(answer.body());
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
