package io.hutong.connector.unionpay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback gateway for connector tests (the JDK's HTTP server, independent of the Netty client under test): it
 * parses and verifies every request with the message layer's server side, records it, and answers with what the
 * script makes of it. A request that does not verify is recorded as null and answered unprocessed.
 */
final class FakeGateway implements AutoCloseable
{
    static final String PATH = "/pay/gateway";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool((r) ->
    {
        final Thread thread = new Thread(r, "fake-gateway");
        thread.setDaemon(true);
        return thread;
    });
    private final UnionPayMerchant merchant;
    private final List<UnionPayGatewayRequest> received = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private volatile Function<UnionPayGatewayRequest, byte[]> script;

    /**
     * @param merchant the merchant whose requests it accepts (its sign type decides the gateway's keys).
     */
    FakeGateway(final UnionPayMerchant merchant) throws IOException
    {
        this.merchant = merchant;
        this.script = (request) -> ok(request).resultOk().toXml(gatewayKeys());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI gatewayUrl()
    {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    UnionPayKeys gatewayKeys()
    {
        return UnionPayTestKeys.gatewayKeysFor(merchant);
    }

    void script(final Function<UnionPayGatewayRequest, byte[]> script)
    {
        this.script = script;
    }

    List<UnionPayGatewayRequest> received()
    {
        return received;
    }

    List<String> contentTypes()
    {
        return contentTypes;
    }

    /**
     * @return a processed answer to the request, echoing its order number.
     */
    static UnionPayResponse.Builder ok(final UnionPayGatewayRequest request)
    {
        return UnionPayResponse.Builder.ok(request.mchId(), "n0nce")
            .put(UnionPayFields.OUT_TRADE_NO, request.outTradeNo());
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        final byte[] body = exchange.getRequestBody().readAllBytes();
        contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
        byte[] answer;
        try
        {
            final UnionPayGatewayRequest request = UnionPayGatewayRequest.parse(body, UnionPayTestKeys.registry(merchant));
            received.add(request);
            answer = PATH.equals(exchange.getRequestURI().getPath()) ? script.apply(request) :
                UnionPayXml.writeUtf8(UnionPayResponse.Builder.statusFail("wrong path"));
        }
        catch (final UnionPayMessageException ex)
        {
            answer = UnionPayXml.writeUtf8(UnionPayResponse.Builder.statusFail(ex.getMessage()));
        }
        exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
        exchange.sendResponseHeaders(200, answer.length);
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
