package io.hutong.core.journal.tools;

import io.hutong.core.journal.HashChain;
import io.hutong.core.journal.JournalException;
import io.hutong.core.journal.JournalFlow;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalRecordDescriptor;
import io.hutong.core.journal.JournalRecordEncoder;
import io.hutong.core.journal.JournalSyncMode;
import io.hutong.core.journal.JournalText;
import io.hutong.core.journal.JournalWriter;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.hutong.core.journal.JournalTestSupport.appendApprovedPayment;
import static io.hutong.core.journal.JournalTestSupport.find;
import static io.hutong.core.journal.JournalTestSupport.overwrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalVerifyTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final JournalVerify verify = new JournalVerify(
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void shouldPassACleanJournalWithItsLastChainValue()
    {
        writePayments(3, "t-");

        assertThat(verify.run(dir)).isEqualTo(ToolExit.OK);
        assertThat(output()).contains(" OK: 18 records chained from ").contains("(from genesis), last chain ");
    }

    @Test
    void shouldReportTheRecordWhoseByteWasFlippedInTheQueueFile() throws IOException
    {
        writePayments(2, "t-");
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            appendApprovedPayment(writer, 3, "TAMPER-ME-0042");
            appendApprovedPayment(writer, 4, "t-4");
        }
        final Object[] at = find(dir, "TAMPER-ME-0042");
        assertThat(at).isNotNull();
        overwrite((Path)at[0], (Long)at[1], "X".getBytes(StandardCharsets.US_ASCII));

        assertThat(verify.run(dir)).isEqualTo(ToolExit.DAMAGED);
        assertThat(output()).contains(" BROKEN at index ").contains("(record 13 of 24): chain mismatch")
            .contains("; 1 problem record(s) in all");
    }

    @Test
    void shouldReportAForgedRecordInsertedThroughARawAppender()
    {
        writePayments(2, "t-");
        final UnsafeBuffer forged = new UnsafeBuffer(new byte[JournalRecordDescriptor.MAX_LENGTH]);
        final JournalRecordEncoder encoder = new JournalRecordEncoder().wrap(forged, 0);
        encoder.reset().hop(JournalHop.FINAL).flow(JournalFlow.CPM).switchTxnId(2).amount(1);
        final int length = encoder.encodedLength();
        final UnsafeBuffer next = new UnsafeBuffer(new byte[JournalRecordDescriptor.MAX_LENGTH]);
        new JournalRecordEncoder().wrap(next, 0).reset().hop(JournalHop.REPLIED).flow(JournalFlow.CPM).switchTxnId(2);
        // The record after the forgery chains correctly from it: only the forged record itself can be caught.
        new HashChain().compute(forged, JournalRecordDescriptor.CHAIN_OFFSET, next, 0, length, next,
            JournalRecordDescriptor.CHAIN_OFFSET);
        rawAppend(forged.byteArray(), length);
        rawAppend(next.byteArray(), length);

        assertThat(verify.run(dir)).isEqualTo(ToolExit.DAMAGED);
        assertThat(output()).contains(" BROKEN at index ").contains("(record 13 of 14): chain mismatch")
            .contains("; 1 problem record(s) in all");
    }

    @Test
    void shouldReportATornTailAndRefuseToExtendIt()
    {
        writePayments(1, "t-");
        final UnsafeBuffer torn = new UnsafeBuffer(new byte[JournalRecordDescriptor.MAX_LENGTH]);
        new JournalRecordEncoder().wrap(torn, 0).reset().hop(JournalHop.RECEIVED).switchTxnId(9);
        rawAppend(torn.byteArray(), 100);

        assertThat(verify.run(dir)).isEqualTo(ToolExit.DAMAGED);
        assertThat(output()).contains(" TORN TAIL at index ").contains("(record 7 of 7): malformed record: TOO_SHORT");
        assertThatThrownBy(() -> JournalWriter.open(dir, JournalSyncMode.NONE))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining(": last record is torn (TOO_SHORT)");
    }

    @Test
    void shouldReportALastRecordWhoseBytesNeverReachedTheDisk() throws IOException
    {
        writePayments(1, "t-");
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            writer.begin(JournalHop.ALERT, JournalFlow.ADMIN, 0).walletOrderNo("LAST-RECORD-MARKER");
            writer.append();
        }
        // A power cut can persist the record's header and lose its last page: zeros from here to its end.
        final Object[] at = find(dir, "LAST-RECORD-MARKER");
        overwrite((Path)at[0], (Long)at[1], new byte[JournalRecordDescriptor.FIXED_LENGTH - JournalText.WALLET_ORDER_NO.offset()]);

        assertThat(verify.run(dir)).isEqualTo(ToolExit.DAMAGED);
        assertThat(output()).contains(" TORN TAIL at index ").contains("(record 7 of 7): chain mismatch");
        assertThatThrownBy(() -> JournalWriter.open(dir, JournalSyncMode.NONE))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining(": last record does not chain to the one before");
    }

    @Test
    void shouldAnchorAtTheFirstRecordWhenOlderDaysAreGone()
    {
        writePayments(1, "t-");
        final UnsafeBuffer record = new UnsafeBuffer(new byte[JournalRecordDescriptor.MAX_LENGTH]);
        new JournalRecordEncoder().wrap(record, 0).reset().hop(JournalHop.STARTED).flow(JournalFlow.ADMIN);
        final Path other = dir.resolve("archived");
        rawAppend(other, record.byteArray(), JournalRecordDescriptor.FIXED_LENGTH);

        assertThat(verify.run(other)).isEqualTo(ToolExit.DAMAGED);
        assertThat(output()).contains("chain does not start at genesis");
        out.reset();
        assertThat(verify.run(other, true)).isEqualTo(ToolExit.OK);
        assertThat(output()).contains(" OK: 1 records chained").contains("(anchored at the first record)");
    }

    @Test
    void shouldPassAnEmptyJournalAndRefuseAMissingOne() throws IOException
    {
        Files.createDirectories(dir.resolve("empty"));
        assertThat(verify.run(dir.resolve("empty"))).isEqualTo(ToolExit.OK);
        assertThat(output()).contains(" OK: 0 records chained");

        assertThat(verify.run(dir.resolve("missing"))).isEqualTo(ToolExit.UNREADABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing: no such directory");
    }

    private void writePayments(final int count, final String prefix)
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            for (int i = 1; i <= count; i++)
            {
                appendApprovedPayment(writer, i, prefix + i);
            }
        }
    }

    private void rawAppend(final byte[] bytes, final int length)
    {
        rawAppend(dir, bytes, length);
    }

    private static void rawAppend(final Path directory, final byte[] bytes, final int length)
    {
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.single(directory.toFile())
            .rollCycle(LargeRollCycles.LARGE_DAILY).build();
            ExcerptAppender appender = queue.createAppender();
            DocumentContext context = appender.writingDocument())
        {
            context.wire().bytes().write(bytes, 0, length);
        }
    }

    private String output()
    {
        return out.toString(StandardCharsets.UTF_8);
    }
}
