package io.hutong.connector.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.connector.PayCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletResult;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.CryptoPool;
import io.hutong.connector.spi.WalletConnectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The WeChat connector presents the merchant's {@code apiclient_cert.p12} on the {@code secapi} calls (reverse,
 * refund) and only there, against a TLS server that requires it; its settings are checked at start. The server
 * here echoes instead of speaking WeChat, so an answer that reaches the connector is "malformed": what matters is
 * whether the TLS connection was accepted.
 */
class WeChatSecapiCertificateTest
{
    private static final String MCH_ID = "1900000109";

    @TempDir
    Path dir;

    private final CryptoPool pool = new CryptoPool(1, 4);
    private TestHttpServer server;
    private WalletHttpClient http;

    @AfterEach
    void close()
    {
        if (null != http)
        {
            http.close();
        }
        if (null != server)
        {
            server.close();
        }
        pool.close();
    }

    @Test
    void shouldPresentTheCertificateOnReverseButNotOnPay() throws Exception
    {
        final TestCertificates serverSide = new TestCertificates();
        final TestCertificates merchant = new TestCertificates(MCH_ID);
        final Path p12 = merchant.writePkcs12(dir.resolve("apiclient_cert.p12"), MCH_ID.toCharArray());
        server = new TestHttpServer(serverSide.serverContextRequiring(merchant));
        http = new WalletHttpClient(new HttpClientConfig(2_000, 5_000, 2, 16, 1 << 16), null, serverSide.trustOnlyThis());
        final WalletConnector connector = create(settings(server.url("https", "")).put("clientCertificate", p12.toString()));

        final WalletResult reverse = call((callback) -> connector.reverse(1, new ReverseCommand("HT0100001", 100, WalletOperation.PAY), callback));
        final WalletResult pay = call((callback) -> connector.pay(2, new PayCommand("HT0100002", "134567890123456789", 100,
            "test", "127.0.0.1"), callback));

        assertThat(reverse.walletCode()).as("the reverse reached the server and its echo was read").isEqualTo("MALFORMED");
        assertThat(pay.walletCode()).as("the pay, without the certificate, was refused in the handshake")
            .isEqualTo("CONNECTION_RESET");
        assertThat(pay.detail()).contains("bad_certificate");
        connector.close();
    }

    @Test
    void shouldNameABadCertificateSettingAtStart() throws Exception
    {
        final Path p12 = new TestCertificates(MCH_ID).writePkcs12(dir.resolve("cert.p12"), MCH_ID.toCharArray());
        http = new WalletHttpClient(HttpClientConfig.defaults());

        assertThatThrownBy(() -> create(settings("http://127.0.0.1:1").put("clientCertificate", p12.toString())))
            .hasMessage("wallets.wechat.clientCertificate: needs an https baseUrl, not http://127.0.0.1:1");
        assertThatThrownBy(() -> create(settings("https://127.0.0.1:1").put("clientCertificate", p12.toString())
            .put("clientCertificatePassword", "not-it")))
            .hasMessageStartingWith("wallets.wechat.clientCertificate: " + p12 + ": cannot read the PKCS#12 file")
            .message().doesNotContain("not-it");
        assertThatThrownBy(() -> create(settings("https://127.0.0.1:1")
            .put("clientCertificate", dir.resolve("none.p12").toString())))
            .hasMessageStartingWith("wallets.wechat.clientCertificate: " + dir.resolve("none.p12"));
        create(settings("https://127.0.0.1:1").put("clientCertificate", p12.toString())).close();
    }

    private static ObjectNode settings(final String baseUrl)
    {
        return JsonNodeFactory.instance.objectNode().put("baseUrl", baseUrl).put("appId", "wx2421b1c4370ec43b")
            .put("mchId", MCH_ID).put("apiKey", "192006250b4c09247ec02edce69f6a2d").put("signType", "HMAC-SHA256");
    }

    private WalletConnector create(final ObjectNode settings)
    {
        return WalletConnectors.create(Map.of("wechat", new ConnectorSettings("wallets.wechat", settings)), http, pool,
            Clock.systemUTC()).get("wechat");
    }

    private static WalletResult call(final Consumer<WalletCallback> call) throws Exception
    {
        final CompletableFuture<WalletResult> result = new CompletableFuture<>();
        call.accept((correlationId, answer) -> result.complete(answer));
        return result.get(10, TimeUnit.SECONDS);
    }
}
