package io.hutong.core.journal;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Shared helpers for journal tests: controllable clocks, a typical payment written hop by hop, and finding
 * bytes in the queue files to tamper with.
 */
public final class JournalTestSupport
{
    private JournalTestSupport()
    {
    }

    /**
     * A clock the test moves by hand; serves as both the epoch and the monotonic clock.
     */
    public static final class ManualClock implements EpochNanoClock, NanoClock
    {
        private long nanos;

        public ManualClock(final long startNanos)
        {
            this.nanos = startNanos;
        }

        public void advanceMicros(final long micros)
        {
            nanos += micros * 1_000;
        }

        @Override
        public long nanoTime()
        {
            return nanos;
        }
    }

    /**
     * Append one approved CPM payment: RECEIVED, ROUTED, WALLET_SENT, WALLET_RESULT, FINAL, REPLIED.
     */
    public static void appendApprovedPayment(
        final JournalWriter writer, final long txnId, final String terminalTxnId)
    {
        writer.begin(JournalHop.RECEIVED, JournalFlow.CPM, txnId)
            .terminalId("POS-0001")
            .terminalTxnId(terminalTxnId)
            .amount(1_000)
            .currency(156)
            .status(JournalStatus.RECEIVED)
            .maskCode("134567890123456789");
        writer.append();
        writer.begin(JournalHop.ROUTED, JournalFlow.CPM, txnId).walletId("wechat").counterpartyWalletId("alipay");
        writer.append();
        writer.begin(JournalHop.WALLET_SENT, JournalFlow.CPM, txnId).status(JournalStatus.PENDING);
        writer.append();
        writer.begin(JournalHop.WALLET_RESULT, JournalFlow.CPM, txnId)
            .status(JournalStatus.WALLET_APPROVED)
            .walletCode("SUCCESS")
            .walletTxnId("4200001234" + txnId);
        writer.append();
        writer.begin(JournalHop.FINAL, JournalFlow.CPM, txnId).status(JournalStatus.APPROVED).amount(1_000);
        writer.append();
        writer.begin(JournalHop.REPLIED, JournalFlow.CPM, txnId).status(JournalStatus.APPROVED);
        writer.append();
    }

    /**
     * Read every valid record back as a list of (index, hop, txn id, terminal txn id, chain hex).
     */
    public static List<String> readAll(final Path directory)
    {
        final List<String> lines = new ArrayList<>();
        try (JournalReader reader = JournalReader.openReadOnly(directory))
        {
            reader.replay((index, record) -> lines.add(record.hop() + " " + record.switchTxnId() + " " +
                record.terminalTxnId()));
        }
        return lines;
    }

    /**
     * @return the queue's daily data files.
     */
    public static List<Path> queueFiles(final Path directory) throws IOException
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.filter(p -> p.getFileName().toString().endsWith(".cq4")).sorted().toList();
        }
    }

    /**
     * Find the first occurrence of an ASCII marker in the queue's data files.
     *
     * @return {file, offset} or null.
     */
    public static Object[] find(final Path directory, final String marker) throws IOException
    {
        final byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        for (final Path file : queueFiles(directory))
        {
            final byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= bytes.length; i++)
            {
                for (int j = 0; j < needle.length; j++)
                {
                    if (bytes[i + j] != needle[j])
                    {
                        continue outer;
                    }
                }
                return new Object[]{file, (long)i};
            }
        }
        return null;
    }

    /**
     * Overwrite bytes of a closed queue file in place.
     */
    public static void overwrite(final Path file, final long offset, final byte[] bytes) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(offset);
            raf.write(bytes);
        }
    }
}
