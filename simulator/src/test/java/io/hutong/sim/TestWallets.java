package io.hutong.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.connector.wechat.WeChatMerchant;
import io.hutong.connector.wechat.WeChatSignType;
import io.hutong.sim.config.SimulatorConfigLoader;
import org.agrona.concurrent.EpochClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Simulated wallets for a test: ephemeral ports on 127.0.0.1, 20 consumers each, only the named wallets started,
 * and a JDK HTTP client with deadlines. Close it to stop everything.
 */
final class TestWallets implements AutoCloseable
{
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> ALL =
        List.of("wechat", "alipay", "unionpay", "jdpay", "bestpay", "cmpay", "wopay");

    final Simulator simulator;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private TestWallets(final Simulator simulator)
    {
        this.simulator = simulator;
    }

    /**
     * @param data    the data directory.
     * @param clock   the wallets' clock.
     * @param extra   more YAML for the top level (may be empty).
     * @param enabled the wallets to start.
     */
    static TestWallets start(final Path data, final EpochClock clock, final String extra, final String... enabled)
    {
        final StringBuilder yaml = new StringBuilder("basePort: 0\ndefaults: {consumers: 20}\nwallets:\n");
        final List<String> on = List.of(enabled);
        for (final String wallet : ALL)
        {
            if (!on.contains(wallet))
            {
                yaml.append("  ").append(wallet).append(": {enabled: false}\n");
            }
        }
        yaml.append(extra);
        try
        {
            return new TestWallets(Simulator.start(SimulatorConfigLoader.fromTree(YAML.readTree(yaml.toString())),
                data, clock));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    String url(final String wallet, final String path)
    {
        return simulator.server(wallet).baseUrl() + path;
    }

    HttpResponse<byte[]> post(final String url, final byte[] body, final String... headers) throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0)
        {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> send(final String method, final String url, final String body) throws Exception
    {
        final HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
            .method(method, null == body ? HttpRequest.BodyPublishers.noBody() :
                HttpRequest.BodyPublishers.ofString(body))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode control(final String method, final String wallet, final String path, final String body) throws Exception
    {
        return JSON.readTree(send(method, url(wallet, path), body).body());
    }

    String code(final String wallet, final String account) throws Exception
    {
        final String body = null == account ? "" : "{\"account\":\"" + account + "\"}";
        return control("POST", wallet, "/sim/codes", body).get("code").asText();
    }

    JsonNode credentials() throws IOException
    {
        return JSON.readTree(simulator.credentialsFile().toFile());
    }

    WeChatMerchant weChatMerchant(final WeChatSignType signType) throws IOException
    {
        final JsonNode wechat = credentials().get("wechat");
        return new WeChatMerchant(wechat.get("appId").asText(), wechat.get("mchId").asText(),
            wechat.get("apiKey").asText(), signType);
    }

    static String text(final HttpResponse<byte[]> response)
    {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close()
    {
        simulator.close();
    }
}
