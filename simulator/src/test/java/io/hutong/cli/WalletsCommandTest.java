package io.hutong.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hutong wallets} as tools use it: a separate JVM on ephemeral ports, its stdout lines and credentials file
 * read, then stopped with SIGTERM (which must exit 0).
 */
class WalletsCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WALLETS =
        List.of("wechat", "alipay", "unionpay", "jdpay", "bestpay", "cmpay", "wopay");

    @Test
    @Timeout(90)
    void shouldPrintEveryWalletAndTheCredentialsThenStopCleanlyOnSigterm(@TempDir final Path dir) throws Exception
    {
        final Path config = dir.resolve("wallets.yaml");
        Files.writeString(config, "basePort: 0\ndefaults: {consumers: 3, merchants: 2}\n");
        final Path data = dir.resolve("data");

        final Started first = start(config, data);
        final JsonNode credentials;
        final String apiKey;
        try
        {
            assertThat(first.lines).hasSize(8);
            for (int i = 0; i < WALLETS.size(); i++)
            {
                assertThat(first.lines.get(i)).matches("wallet " + WALLETS.get(i) + " http://127\\.0\\.0\\.1:[0-9]+");
            }
            final Path file = data.resolve("wallets").resolve("credentials.json").toAbsolutePath();
            assertThat(first.lines.get(7)).isEqualTo("credentials " + file);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

            credentials = JSON.readTree(file.toFile());
            assertThat(credentials.fieldNames()).toIterable().containsExactlyElementsOf(WALLETS);
            final JsonNode wechat = credentials.get("wechat");
            assertThat(wechat.fieldNames()).toIterable().startsWith("baseUrl", "appId", "mchId", "apiKey", "signType",
                "interop").contains("consumers", "merchants");
            apiKey = wechat.get("apiKey").asText();
            assertThat(apiKey).hasSize(32);
            assertThat(wechat.get("signType").asText()).isEqualTo("HMAC-SHA256");
            assertThat(wechat.get("interop").fieldNames()).toIterable().containsExactly("merchantId", "switchKeyId",
                "switchPrivateKey", "walletKeyId", "walletPublicKey", "sm4Key");
            assertThat(wechat.get("interop").get("sm4Key").asText()).matches("[0-9a-f]{32}");
            assertThat(wechat.get("consumers")).hasSize(3);
            assertThat(wechat.get("consumers").get(0).get("seed").asText()).matches("[0-9a-f]{64}");
            assertThat(wechat.get("merchants")).hasSize(2);
            final JsonNode alipay = credentials.get("alipay");
            assertThat(alipay.fieldNames()).toIterable().startsWith("baseUrl", "gatewayUrl", "appId", "appPrivateKey",
                "alipayPublicKey", "signType", "interop");
            assertThat(alipay.get("gatewayUrl").asText()).isEqualTo(alipay.get("baseUrl").asText() + "/gateway.do");
            assertThat(String.join("\n", first.lines)).doesNotContain(apiKey)
                .doesNotContain(alipay.get("appPrivateKey").asText());

            final HttpResponse<String> code = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(wechat.get("baseUrl").asText() + "/sim/codes"))
                    .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(code.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(code.body()).get("code").asText()).matches("10[0-9]{16}");
        }
        finally
        {
            first.stop();
        }
        assertThat(first.exitCode()).as("SIGTERM is a clean stop").isZero();

        final Started second = start(config, data);
        try
        {
            final JsonNode again = JSON.readTree(data.resolve("wallets").resolve("credentials.json").toFile());
            assertThat(again.get("wechat").get("apiKey").asText()).as("keys survive a restart").isEqualTo(apiKey);
            assertThat(again.get("bestpay").get("interop")).isEqualTo(credentials.get("bestpay").get("interop"));
            assertThat(again.get("alipay").get("appPrivateKey"))
                .isEqualTo(credentials.get("alipay").get("appPrivateKey"));
        }
        finally
        {
            second.stop();
        }
    }

    @Test
    void shouldExitTwoWithTheKeyAndReasonOnBadConfiguration(@TempDir final Path dir) throws Exception
    {
        final Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "wallets: {wechat: {port: 70000}}\n");

        final CliRun run = CliRun.run("wallets", "--config", config.toString(), "--data", dir.toString());

        assertThat(run.exitCode()).isEqualTo(HutongCli.EXIT_INVALID);
        assertThat(run.err()).contains("wallets.wechat.port=70000: must be an integer in 0..65535");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldDescribeItselfWithHelp()
    {
        final CliRun run = CliRun.run("wallets", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--config", "--data", "credentials", "SIGTERM");
    }

    private static Started start(final Path config, final Path data) throws Exception
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            "io.hutong.cli.HutongCli", "wallets", "--config", config.toString(), "--data", data.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
        final BufferedReader out =
            new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        final CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() ->
        {
            final List<String> read = new ArrayList<>();
            try
            {
                for (String line = out.readLine(); null != line; line = out.readLine())
                {
                    read.add(line);
                    if (line.startsWith("credentials "))
                    {
                        break;
                    }
                }
            }
            catch (final java.io.IOException ex)
            {
                read.add("read failed: " + ex);
            }
            return read;
        });
        try
        {
            return new Started(process, lines.get(30, TimeUnit.SECONDS));
        }
        catch (final Exception ex)
        {
            process.destroyForcibly();
            throw ex;
        }
    }

    /**
     * A running {@code hutong wallets} process and the lines it printed.
     */
    private record Started(Process process, List<String> lines)
    {
        void stop() throws InterruptedException
        {
            process.destroy(); // SIGTERM on POSIX
            if (!process.waitFor(20, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
            }
        }

        int exitCode()
        {
            return process.exitValue();
        }
    }
}
