package io.hutong.core.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Appending, syncing and replaying allocate nothing per record after warm-up (STYLE.md, hot path), Chronicle's
 * document contexts included. Measured with the current thread's allocation counter around the measured loop.
 * <p>
 * Not zero in total: Chronicle allocates about 2 KB each time it maps the next block of the queue file (64 MiB,
 * some 200,000 records; measured 0 B over 20,000 appends and 10.5 KB over 1,000,000, see docs/journal.md).
 * The tolerance allows that and still fails by a factor of 64 if anything allocated even 16 bytes per record.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JournalAllocationTest
{
    private static final int WARM_UP = 100_000;
    /**
     * Windows measured; the least is asserted. JIT compilation finishing inside a window shows up as a few KB
     * once; an allocation per record shows up in every window.
     */
    private static final int WINDOWS = 3;
    private static final int ITERATIONS = 20_000;
    /** Chronicle's block mapping plus JIT noise; one 16-byte allocation per record would be 320,000 bytes. */
    private static final long TOLERANCE_BYTES = 5_000;

    private static com.sun.management.ThreadMXBean threads;

    @TempDir
    Path dir;

    private final UnsafeBuffer code = new UnsafeBuffer("134567890123456789".getBytes(StandardCharsets.US_ASCII));
    private final UnsafeBuffer canonical = new UnsafeBuffer(new byte[64]);
    private final ContentHasher hasher = new ContentHasher();

    @BeforeAll
    static void threadAllocationCounter()
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "JVM has no com.sun.management.ThreadMXBean");
        threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "thread allocation counter not supported");
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    @Test
    void shouldAppendEveryFieldWithoutAllocating()
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            for (int i = 0; i < WARM_UP; i++)
            {
                appendHop(writer, i);
            }
            long allocated = Long.MAX_VALUE;
            for (int window = 0; window < WINDOWS; window++)
            {
                final long before = allocatedBytes();
                for (int i = 0; i < ITERATIONS; i++)
                {
                    appendHop(writer, WARM_UP + i);
                }
                allocated = Math.min(allocated, allocatedBytes() - before);
            }

            assertThat(writer.appendedCount()).isEqualTo(WARM_UP + (long)WINDOWS * ITERATIONS);
            assertThat(allocated).as("bytes allocated by %d appends", ITERATIONS).isLessThanOrEqualTo(TOLERANCE_BYTES);
        }
    }

    @Test
    void shouldGroupCommitWithoutAllocating()
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.SYNC))
        {
            final int batches = 200;
            for (int i = 0; i < batches; i++)
            {
                appendHop(writer, i);
                writer.sync();
            }
            final long before = allocatedBytes();
            for (int i = 0; i < batches; i++)
            {
                appendHop(writer, batches + i);
                writer.sync();
            }
            final long allocated = allocatedBytes() - before;

            assertThat(allocated).as("bytes allocated by %d append+sync", batches).isLessThanOrEqualTo(TOLERANCE_BYTES);
        }
    }

    @Test
    void shouldReplayWithoutAllocatingPerRecord()
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            for (int i = 0; i < WARM_UP + WINDOWS * ITERATIONS; i++)
            {
                appendHop(writer, i);
            }
        }
        final long[] sum = new long[1];
        final JournalRecordHandler handler = (index, record) -> sum[0] += record.amount() +
            record.textLength(JournalText.TERMINAL_TXN_ID);
        try (JournalReader reader = JournalReader.openReadOnly(dir); JournalTailer tailer = reader.tailer())
        {
            assertThat(tailer.poll(handler, WARM_UP)).isEqualTo(WARM_UP);
            long allocated = Long.MAX_VALUE;
            for (int window = 0; window < WINDOWS; window++)
            {
                final long before = allocatedBytes();
                final int read = tailer.poll(handler, ITERATIONS);
                allocated = Math.min(allocated, allocatedBytes() - before);
                assertThat(read).isEqualTo(ITERATIONS);
            }

            assertThat(allocated).as("bytes allocated reading %d records", ITERATIONS)
                .isLessThanOrEqualTo(TOLERANCE_BYTES);
        }
        assertThat(sum[0]).isEqualTo((long)(WARM_UP + WINDOWS * ITERATIONS) * (1_000 + 4));
    }

    /**
     * The measurement must be able to fail: a String concatenation per append has to show.
     */
    @Test
    void shouldSeeAnAllocationPerAppend()
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalSyncMode.NONE))
        {
            for (int i = 0; i < WARM_UP; i++)
            {
                writer.appendAudit(JournalHop.ALERT, "alert " + i);
            }
            final long before = allocatedBytes();
            for (int i = 0; i < ITERATIONS; i++)
            {
                writer.appendAudit(JournalHop.ALERT, "alert " + i);
            }
            assertThat(allocatedBytes() - before).isGreaterThanOrEqualTo(16L * ITERATIONS);
        }
    }

    private void appendHop(final JournalWriter writer, final int i)
    {
        canonical.putInt(0, i);
        final JournalRecordEncoder record = writer.begin(JournalHop.WALLET_RESULT, JournalFlow.CPM, i)
            .terminalId("POS-0001")
            .terminalTxnId("t-42")
            .walletId("wechat")
            .counterpartyWalletId("alipay")
            .amount(1_000)
            .currency(156)
            .status(JournalStatus.WALLET_APPROVED)
            .reason(JournalReason.NONE)
            .maskCode(code, 0, code.capacity())
            .walletCode("SUCCESS")
            .walletTxnId("4200001234567890")
            .walletOrderNo("HT0000000001");
        hasher.hash(canonical, 0, canonical.capacity(), record.buffer(), record.contentHashOffset());
        writer.append();
    }

    private static long allocatedBytes()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
