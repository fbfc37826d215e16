package io.hutong.connector.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A merchant's TLS client certificate (WeChat's {@code apiclient_cert.p12}) presented to a server that requires
 * one, over real loopback TLS; and the errors a bad file or a plain-http URL get.
 */
class ClientCertificateTest
{
    private static final char[] PASSWORD = "1900000109".toCharArray();

    @TempDir
    Path dir;

    private TestHttpServer server;
    private WalletHttpClient client;

    @AfterEach
    void close()
    {
        if (null != client)
        {
            client.close();
        }
        if (null != server)
        {
            server.close();
        }
    }

    @Test
    void shouldPresentTheCertificateOnlyOnTheCallsThatCarryIt() throws Exception
    {
        final TestCertificates serverSide = new TestCertificates();
        final TestCertificates merchant = new TestCertificates("1900000109");
        final ClientCertificate certificate =
            ClientCertificate.fromPkcs12(merchant.writePkcs12(dir.resolve("apiclient_cert.p12"), PASSWORD), PASSWORD);
        server = new TestHttpServer(serverSide.serverContextRequiring(merchant));
        client = new WalletHttpClient(new HttpClientConfig(2_000, 5_000, 2, 16, 1 << 16), null,
            serverSide.trustOnlyThis());
        final URI uri = URI.create(server.url("https", "/secapi/pay/reverse"));

        final HttpOutcome with = client.send(WalletHttpRequest.post(uri, "application/xml",
            "<xml/>".getBytes(StandardCharsets.UTF_8)).clientCertificate(certificate)).get();
        final HttpOutcome without = client.send(WalletHttpRequest.post(uri, "application/xml",
            "<xml/>".getBytes(StandardCharsets.UTF_8))).get();

        assertThat(certificate.subject()).isEqualTo("CN=1900000109");
        assertThat(with.isResponse()).isTrue();
        assertThat(with.status()).isEqualTo(200);
        assertThat(TestHttpServer.text(with.body())).startsWith("POST:<xml/>:application/xml:");
        assertThat(without.isResponse()).as("the server refuses a connection without the certificate").isFalse();
    }

    @Test
    void shouldRefuseACertificateOnPlainHttp()
    {
        final WalletHttpRequest request = WalletHttpRequest.get(URI.create("http://127.0.0.1:1/secapi/pay/reverse"));

        assertThatThrownBy(() -> request.clientCertificate(certificateFor("plain")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("http://127.0.0.1:1: a client certificate needs https");
    }

    @Test
    void shouldNameTheFileButNeverThePasswordWhenItCannotBeRead() throws Exception
    {
        final Path file = new TestCertificates("1900000109").writePkcs12(dir.resolve("cert.p12"), PASSWORD);
        final Path garbage = Files.write(dir.resolve("garbage.p12"), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> ClientCertificate.fromPkcs12(file, "wrong-secret".toCharArray()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(file + ": cannot read the PKCS#12 file")
            .message().doesNotContain("wrong-secret").doesNotContain("1900000109");
        assertThatThrownBy(() -> ClientCertificate.fromPkcs12(garbage, PASSWORD))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(garbage.toString());
        assertThatThrownBy(() -> ClientCertificate.fromPkcs12(dir.resolve("missing.p12"), PASSWORD))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(dir.resolve("missing.p12") + ": cannot read");
    }

    private ClientCertificate certificateFor(final String name) throws Exception
    {
        return ClientCertificate.fromPkcs12(
            new TestCertificates(name).writePkcs12(dir.resolve(name + ".p12"), PASSWORD), PASSWORD);
    }
}
