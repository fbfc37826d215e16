package io.hutong.core.journal;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static io.hutong.core.journal.JournalRecordDescriptor.CHAIN_LENGTH;
import static io.hutong.core.journal.JournalRecordDescriptor.CHAIN_OFFSET;

/**
 * Appends journal records, one per hop, to a daily-rolled Chronicle Queue and keeps the SM3 hash chain across
 * them (and across restarts: {@link #open} reads the last record back and checks it chains to the one before).
 * <pre>
 *   engine thread:  begin(hop, flow, txnId) -&gt; encoder setters -&gt; append()   (x N, one batch)
 *                   sync()                  group commit: one msync for the batch (SYNC mode)
 *                   send the replies the batch decided                        (write-ahead)
 * </pre>
 * {@link #begin} stamps both clocks; a caller with a better time (e.g. when the frame arrived) overwrites them
 * through the encoder. After warm-up an append allocates nothing: the record is encoded in one scratch buffer,
 * chained with one reused SM3 digest and copied into the queue inside a try-with-resources document context.
 * <p>
 * Not thread-safe: owned by one thread. {@link #open} may run on any thread; the Chronicle appender is created
 * by the first {@link #append()}, and every later append, sync and the close belong to that thread.
 */
public final class JournalWriter implements AutoCloseable
{
    private final Path directory;
    private final JournalSyncMode syncMode;
    private final SingleChronicleQueue queue;
    private final EpochNanoClock epochClock;
    private final NanoClock nanoClock;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[JournalRecordDescriptor.MAX_LENGTH]);
    private final byte[] recordBytes = record.byteArray();
    private final UnsafeBuffer lastChain = new UnsafeBuffer(new byte[CHAIN_LENGTH]);
    private final JournalRecordEncoder encoder = new JournalRecordEncoder();
    private final HashChain chain = new HashChain();
    private ExcerptAppender appender;
    private boolean begun;
    private boolean unsynced;
    private long lastIndex;
    private long appended;
    private int batchCycle;
    private File batchFile;

    private JournalWriter(
        final Path directory,
        final JournalSyncMode syncMode,
        final SingleChronicleQueue queue,
        final EpochNanoClock epochClock,
        final NanoClock nanoClock)
    {
        this.directory = directory;
        this.syncMode = syncMode;
        this.queue = queue;
        this.epochClock = epochClock;
        this.nanoClock = nanoClock;
        encoder.wrap(record, 0);
    }

    /**
     * Open (or create) the journal in a directory with the system clocks. The wall clock is Agrona's
     * {@link OffsetEpochNanoClock} (System.nanoTime plus an offset resampled periodically) because
     * {@code Instant.now()}, behind the plain system clock, allocates on every call until the JIT removes it.
     *
     * @param directory the journal directory, created if missing.
     * @param syncMode  what {@link #sync()} does.
     * @return the writer, its chain resumed from the last record present.
     * @throws JournalException if the directory cannot be used or its last record is torn or does not chain.
     */
    public static JournalWriter open(final Path directory, final JournalSyncMode syncMode)
    {
        return open(directory, syncMode, new OffsetEpochNanoClock(), new SystemNanoClock());
    }

    /**
     * Open (or create) the journal with injected clocks (tests control time).
     *
     * @param directory  the journal directory, created if missing.
     * @param syncMode   what {@link #sync()} does.
     * @param epochClock wall clock stamped as epochNanos.
     * @param nanoClock  monotonic clock stamped as monotonicNanos.
     * @return the writer, its chain resumed from the last record present.
     * @throws JournalException if the directory cannot be used or its last record is torn or does not chain.
     */
    public static JournalWriter open(
        final Path directory,
        final JournalSyncMode syncMode,
        final EpochNanoClock epochClock,
        final NanoClock nanoClock)
    {
        return open(directory, syncMode, epochClock, nanoClock, SystemTimeProvider.INSTANCE);
    }

    static JournalWriter open(
        final Path directory,
        final JournalSyncMode syncMode,
        final EpochNanoClock epochClock,
        final NanoClock nanoClock,
        final TimeProvider rollClock)
    {
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new JournalException("journal.dir=" + directory + ": cannot create: " + ex.getMessage(), ex);
        }
        final SyncMode chronicleMode = JournalSyncMode.SYNC == syncMode ? SyncMode.SYNC : SyncMode.NONE;
        final SingleChronicleQueue queue = JournalQueues.open(directory, chronicleMode, false, rollClock);
        final JournalWriter writer = new JournalWriter(directory, syncMode, queue, epochClock, nanoClock);
        try
        {
            writer.resume();
        }
        catch (final RuntimeException ex)
        {
            queue.close();
            throw ex;
        }
        return writer;
    }

    /**
     * Read the last (and the one before last) record back: the chain continues from the last one's value,
     * and a torn or unchained tail stops the start rather than being silently extended.
     */
    private void resume()
    {
        lastIndex = queue.lastIndex();
        if (lastIndex < 0)
        {
            return;
        }
        final UnsafeBuffer last = new UnsafeBuffer(new byte[JournalRecordDescriptor.MAX_LENGTH]);
        final UnsafeBuffer beforeLast = new UnsafeBuffer(new byte[JournalRecordDescriptor.MAX_LENGTH]);
        final JournalRecordDecoder lastRecord = new JournalRecordDecoder();
        final JournalRecordDecoder beforeLastRecord = new JournalRecordDecoder();
        try (ExcerptTailer tailer = queue.createTailer())
        {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            final long index = readInto(tailer, last, lastRecord);
            if (index < 0 || !lastRecord.isValid())
            {
                throw new JournalException("journal.dir=" + directory + " index=" + JournalIndex.format(lastIndex) +
                    ": last record is torn (" + lastRecord.error() + "); run journal verify and move the journal " +
                    "aside before starting");
            }
            lastIndex = index;
            if (readInto(tailer, beforeLast, beforeLastRecord) >= 0 && beforeLastRecord.isValid())
            {
                final ChainVerifier verifier = new ChainVerifier();
                verifier.anchor(beforeLast, beforeLastRecord.chainOffset());
                if (verifier.next(lastRecord) != ChainVerifier.Result.OK)
                {
                    throw new JournalException("journal.dir=" + directory + " index=" + JournalIndex.format(index) +
                        ": last record does not chain to the one before; run journal verify");
                }
            }
            lastRecord.getChain(lastChain, 0);
        }
    }

    private static long readInto(final ExcerptTailer tailer, final UnsafeBuffer into, final JournalRecordDecoder view)
    {
        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return -1;
            }
            final int length = (int)context.wire().bytes().readRemaining();
            context.wire().bytes().read(into.byteArray(), 0, Math.min(length, into.capacity()));
            view.wrap(into, 0, length);
            return context.index();
        }
    }

    /**
     * Start a record: clears the previous one, sets the hop, flow and transaction id and stamps both clocks.
     *
     * @param hop         what happened.
     * @param flow        the kind of exchange.
     * @param switchTxnId the switch's transaction id (0 for audit events).
     * @return the encoder to set the remaining fields; valid until {@link #append()}.
     */
    public JournalRecordEncoder begin(final JournalHop hop, final JournalFlow flow, final long switchTxnId)
    {
        encoder.reset()
            .hop(hop)
            .flow(flow)
            .switchTxnId(switchTxnId)
            .epochNanos(epochClock.nanoTime())
            .monotonicNanos(nanoClock.nanoTime());
        begun = true;
        return encoder;
    }

    /**
     * Chain and append the record started by {@link #begin}. In {@link JournalSyncMode#SYNC} mode the record is
     * durable only after the next {@link #sync()}.
     *
     * @return the record's journal index.
     * @throws IllegalStateException if no record was begun.
     */
    public long append()
    {
        if (!begun)
        {
            throw new IllegalStateException("journal.dir=" + directory + ": append without begin");
        }
        final int length = encoder.encodedLength();
        chain.compute(lastChain, 0, record, 0, length, record, CHAIN_OFFSET);
        if (null == appender)
        {
            appender = queue.createAppender();
        }
        try (DocumentContext context = appender.writingDocument())
        {
            try
            {
                context.wire().bytes().write(recordBytes, 0, length);
            }
            catch (final RuntimeException | Error ex)
            {
                // Never commit half a record: the chain would go on from a value no record holds.
                context.rollbackOnClose();
                throw ex;
            }
        }
        lastIndex = appender.lastIndexAppended();
        lastChain.putBytes(0, record, CHAIN_OFFSET, CHAIN_LENGTH);
        begun = false;
        if (!unsynced)
        {
            // First record of a batch: remember its daily file, in case the batch crosses midnight.
            batchCycle = appender.cycle();
            batchFile = appender.currentFile();
            unsynced = true;
        }
        appended++;
        return lastIndex;
    }

    /**
     * Append an audit or admin event in one call.
     *
     * @param hop    the event (an audit hop such as {@link JournalHop#STARTED}).
     * @param detail free text, cut to 256 UTF-8 bytes; never secrets or full codes.
     * @return the record's journal index.
     */
    public long appendAudit(final JournalHop hop, final CharSequence detail)
    {
        begin(hop, JournalFlow.ADMIN, 0).detail(detail);
        return append();
    }

    /**
     * Hand the writer to another thread (the engine's, after recovery ran on the starting thread; back to the
     * stopping thread after the engine stopped). Chronicle checks that one thread uses an appender; the caller
     * guarantees the threads do not overlap (a thread start or join orders them).
     */
    public void transferOwnership()
    {
        if (null != appender)
        {
            appender.singleThreadedCheckReset();
        }
    }

    /**
     * Group commit: in {@link JournalSyncMode#SYNC} mode, force everything appended since the last sync to the
     * storage device before returning; in {@link JournalSyncMode#NONE} mode, return at once. Call once per
     * batch, before sending the replies the batch decided.
     */
    public void sync()
    {
        if (JournalSyncMode.NONE == syncMode || !unsynced)
        {
            return;
        }
        if (appender.cycle() != batchCycle)
        {
            // The batch started in yesterday's file: msync through the appender covers only today's. (A batch
            // spanning more than one midnight cannot happen with daily files and a sync per engine pass.)
            force(batchFile);
        }
        appender.sync();
        unsynced = false;
    }

    private static void force(final File file)
    {
        try (FileChannel channel = FileChannel.open(file.toPath(), StandardOpenOption.WRITE))
        {
            channel.force(false);
        }
        catch (final IOException ex)
        {
            throw new JournalException("journal.file=" + file + ": cannot force to disk: " + ex, ex);
        }
    }

    /**
     * @return the index of the last record in the journal (appended here or found at open), -1 when empty.
     */
    public long lastIndex()
    {
        return lastIndex;
    }

    /**
     * Copy the chain value of the last record (the genesis value for an empty journal).
     *
     * @param dst       where its 32 bytes go.
     * @param dstOffset first byte to write.
     */
    public void lastChain(final MutableDirectBuffer dst, final int dstOffset)
    {
        dst.putBytes(dstOffset, lastChain, 0, CHAIN_LENGTH);
    }

    /**
     * @return records appended by this writer since it was opened.
     */
    public long appendedCount()
    {
        return appended;
    }

    /**
     * @return what {@link #sync()} does.
     */
    public JournalSyncMode syncMode()
    {
        return syncMode;
    }

    /**
     * @return the journal directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * Sync what is pending (in SYNC mode), then close the appender and the queue. Call it on the owning thread,
     * or on another thread once the owner has stopped appending (e.g. a shutdown hook after the engine's agent
     * stopped): the appender's thread check is reset for that hand-over.
     */
    @Override
    public void close()
    {
        try
        {
            if (null != appender)
            {
                appender.singleThreadedCheckReset();
                sync();
                appender.close();
            }
        }
        finally
        {
            queue.close();
        }
    }
}
