package io.hutong.sim.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short demo: every wallet, both flows and the injected faults, ending in a clean reconciliation and the report
 * shape the issue specifies.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRunTheMixedFaultyLoadAndReconcileCleanly() throws Exception
    {
        final StringWriter console = new StringWriter();
        final Path json = dir.resolve("out/demo.json");
        final Path html = dir.resolve("out/demo.html");

        final ObjectNode report = Demo.run(new Demo.Settings(40, 4, 1, dir.resolve("data"), json, html),
            new PrintWriter(console), false);

        final JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.toString()).isEqualTo(report.toString());
        for (final String field : new String[] {"offeredTps", "seconds", "sent", "approved", "declined", "reversed",
            "busy", "errors", "throughputTps"})
        {
            assertThat(written.path(field).isNumber()).as(field).isTrue();
        }
        assertThat(written.get("offeredTps").asLong()).isEqualTo(40);
        assertThat(written.get("sent").asLong()).isEqualTo(160);
        assertThat(written.get("approved").asLong() + written.get("declined").asLong() +
            written.get("reversed").asLong() + written.get("errors").asLong()).isEqualTo(160);
        assertThat(written.get("latencyUs").fieldNames()).toIterable().contains("p50", "p90", "p99", "p999", "max");
        assertThat(written.get("byWallet").fieldNames()).toIterable()
            .contains("wechat", "alipay");
        written.get("byWallet").forEach((wallet) ->
            assertThat(wallet.fieldNames()).toIterable().contains("sent", "approved", "latencyUs"));

        final JsonNode reconciliation = written.get("reconciliation");
        assertThat(written.path("warmup").path("sent").asLong()).isEqualTo(40);
        assertThat(reconciliation.get("checked").asLong()).as("warm-up and measured payments")
            .isEqualTo(40 + 160 - written.get("errors").asLong());
        for (final String finding : new String[] {"lost", "duplicates", "orphans", "mismatched"})
        {
            assertThat(reconciliation.get(finding).asLong()).as(finding).isZero();
        }
        assertThat(reconciliation.get("clean").asBoolean()).isTrue();

        final String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).contains("<svg").doesNotContain("<script").doesNotContain("src=\"http");
        assertThat(console.toString()).contains("throughput").contains("clean");
    }
}
