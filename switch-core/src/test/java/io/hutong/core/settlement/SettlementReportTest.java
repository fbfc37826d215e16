package io.hutong.core.settlement;

import io.hutong.core.engine.ChronicleJournal;
import io.hutong.core.engine.EngineConfig;
import io.hutong.core.engine.EngineHarness;
import io.hutong.core.journal.JournalSyncMode;
import io.hutong.core.journal.JournalWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SettlementReportTest
{
    @TempDir
    Path dir;

    @Test
    void shouldNetTheDaysObligationsFromTheJournalAlone() throws Exception
    {
        // The journal stamps records with the wall clock, so the settlement day is today's (China time).
        final LocalDate day = LocalDate.now(SettlementReport.ZONE);
        final Path journal = dir.resolve("journal");
        final EngineHarness h = new EngineHarness(EngineConfig.defaults(), null,
            new ChronicleJournal(JournalWriter.open(journal, JournalSyncMode.NONE)));
        h.pay("T1", "tx-1", EngineHarness.WECHAT_CODE, 1_000);
        h.pay("T1", "tx-2", "134567890123456780", 500);
        h.run();
        h.refund("T1", "tx-1", "rf-1", 300);
        h.reverse("T1", "tx-2");
        h.run();
        h.advance(20_000);
        h.engine.onClose();

        org.junit.jupiter.api.Assumptions.assumeTrue(day.equals(LocalDate.now(SettlementReport.ZONE)), "ran across midnight");
        final SettlementReport report = new SettlementReport(day).read(journal);
        final Path csv = dir.resolve("s.csv");
        report.writeCsv(csv);

        assertThat(report.lines()).singleElement().satisfies((line) ->
        {
            assertThat(line.debtor()).isEqualTo("wechat");
            assertThat(line.creditor()).isEqualTo("alipay");
            assertThat(line.net()).as("1000 - 300 refunded; 500 voided").isEqualTo(700);
        });
        assertThat(report.payments()).isEqualTo(1);
        assertThat(Files.readAllLines(csv)).containsExactly("date,debtor,creditor,owed_fen,owed_back_fen,net_fen",
            day + ",wechat,alipay,700,0,700");
        assertThat(new SettlementReport(day.plusDays(1)).read(journal).lines()).isEmpty();
    }
}
