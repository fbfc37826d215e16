package io.hutong.core.journal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hutong.core.journal.ContentHasher;
import io.hutong.core.journal.JournalFlow;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalReason;
import io.hutong.core.journal.JournalRecordEncoder;
import io.hutong.core.journal.JournalStatus;
import io.hutong.core.journal.JournalSyncMode;
import io.hutong.core.journal.JournalTestSupport.ManualClock;
import io.hutong.core.journal.JournalWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalDumpTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldPrintOneJsonObjectPerRecordWithTheDocumentedFields() throws Exception
    {
        final ManualClock clock = new ManualClock(1_777_593_600_123_456_789L);
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE, clock, clock))
        {
            writer.appendAudit(JournalHop.STARTED, "node=a \"quoted\"\n");
            final JournalRecordEncoder record = writer.begin(JournalHop.FINAL, JournalFlow.CPM, 42)
                .status(JournalStatus.DECLINED)
                .reason(JournalReason.INSUFFICIENT_FUNDS)
                .amount(1_999)
                .currency(156)
                .terminalId("POS-0001")
                .terminalTxnId("t-42")
                .walletId("wechat")
                .counterpartyWalletId("alipay")
                .maskCode("134567890123456789")
                .walletCode("NOTENOUGH")
                .walletTxnId("w-1")
                .walletOrderNo("o-1");
            final byte[] content = "canonical".getBytes(StandardCharsets.US_ASCII);
            new ContentHasher().hash(content, 0, content.length, record.buffer(), record.contentHashOffset());
            writer.append();
        }

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int exit = new JournalDump(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(dir);

        assertThat(exit).isEqualTo(ToolExit.OK);
        final String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        final JsonNode started = MAPPER.readTree(lines[0]);
        final JsonNode last = MAPPER.readTree(lines[1]);
        final List<String> names = new ArrayList<>();
        last.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("index", "position", "version", "hop", "flow", "switchTxnId", "epochNanos",
            "time", "monotonicNanos", "status", "reason", "amount", "currency", "terminalId", "terminalTxnId",
            "walletId", "counterpartyWalletId", "maskedCode", "walletCode", "walletTxnId", "walletOrderNo",
            "contentHash", "detail", "chain");
        assertThat(started.get("hop").asText()).isEqualTo("STARTED");
        assertThat(started.get("flow").asText()).isEqualTo("ADMIN");
        assertThat(started.get("detail").asText()).isEqualTo("node=a \"quoted\"\n");
        assertThat(started.get("time").asText()).isEqualTo("2026-05-01T00:00:00.123456789Z");
        assertThat(last.get("index").asLong()).isEqualTo(started.get("index").asLong() + 1);
        assertThat(last.get("position").asText()).isEqualTo("2026-05-01#1".replace("2026-05-01", today(last)));
        assertThat(last.get("hop").asText()).isEqualTo("FINAL");
        assertThat(last.get("status").asText()).isEqualTo("DECLINED");
        assertThat(last.get("reason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(last.get("switchTxnId").asLong()).isEqualTo(42);
        assertThat(last.get("amount").asLong()).isEqualTo(1_999);
        assertThat(last.get("currency").asInt()).isEqualTo(156);
        assertThat(last.get("maskedCode").asText()).isEqualTo("134567********6789");
        assertThat(last.get("counterpartyWalletId").asText()).isEqualTo("alipay");
        assertThat(last.get("contentHash").asText()).hasSize(32).isNotEqualTo("0".repeat(32));
        assertThat(last.get("chain").asText()).hasSize(64).isNotEqualTo(started.get("chain").asText());
        assertThat(last.get("detail").asText()).isEmpty();
    }

    @Test
    void shouldReportAnUnreadableDirectory()
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = new JournalDump(System.out, new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(dir.resolve("nope"));

        assertThat(exit).isEqualTo(ToolExit.UNREADABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("journal dump: journal.dir=");
    }

    /** The position's date is the queue's roll day (the wall clock at append), not the stamped epochNanos. */
    private static String today(final JsonNode record)
    {
        return record.get("position").asText().substring(0, 10);
    }
}
