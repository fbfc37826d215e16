package io.hutong.core.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A cursor over the journal that hands each record to a {@link JournalRecordHandler} as a flyweight view.
 * A named tailer (from {@link JournalReader#namedTailer}) stores its position in the queue directory and
 * resumes there after a restart; an anonymous one starts at the beginning.
 * <p>
 * Each record is copied (at most {@link JournalRecordDescriptor#MAX_LENGTH} bytes) from the mapped file into
 * one scratch buffer and decoded there, so nothing is allocated per record. Reads only through
 * try-with-resources document contexts.
 * <p>
 * Not thread-safe: Chronicle tailers belong to the thread that created them; create, use and close on one
 * thread.
 */
public final class JournalTailer implements AutoCloseable
{
    private final ExcerptTailer tailer;
    private final byte[] scratch = new byte[JournalRecordDescriptor.MAX_LENGTH];
    private final UnsafeBuffer scratchBuffer = new UnsafeBuffer(scratch);
    private final JournalRecordDecoder decoder = new JournalRecordDecoder();

    JournalTailer(final ExcerptTailer tailer)
    {
        this.tailer = tailer;
    }

    /**
     * Read up to {@code limit} records, calling the handler for each.
     *
     * @param handler receives each record.
     * @param limit   most records to read in this call.
     * @return records read (0 when none is available yet).
     */
    public int poll(final JournalRecordHandler handler, final int limit)
    {
        int read = 0;
        while (read < limit && readOne(handler))
        {
            read++;
        }
        return read;
    }

    /**
     * Read one record if one is available.
     *
     * @param handler receives it.
     * @return true if a record was read.
     */
    public boolean readOne(final JournalRecordHandler handler)
    {
        final long index;
        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return false;
            }
            index = context.index();
            final Bytes<?> bytes = context.wire().bytes();
            final int length = (int)Math.min(Integer.MAX_VALUE, bytes.readRemaining());
            // A longer document is malformed; copying its head is enough for the decoder to say so.
            bytes.read(scratch, 0, Math.min(length, scratch.length));
            decoder.wrap(scratchBuffer, 0, length);
        }
        if (decoder.isValid())
        {
            handler.onRecord(index, decoder);
        }
        else
        {
            handler.onMalformed(index, decoder);
        }
        return true;
    }

    /**
     * Move to the first record of the journal.
     *
     * @return this.
     */
    public JournalTailer toStart()
    {
        tailer.direction(TailerDirection.FORWARD).toStart();
        return this;
    }

    /**
     * Move past the last record: the next read waits for a new one.
     *
     * @return this.
     */
    public JournalTailer toEnd()
    {
        tailer.direction(TailerDirection.FORWARD).toEnd();
        return this;
    }

    /**
     * Move so that the next reads return the last {@code records} records, then whatever is appended.
     *
     * @param records how many existing records to go back (0: only new ones).
     * @return this.
     */
    public JournalTailer toLast(final int records)
    {
        tailer.direction(TailerDirection.BACKWARD).toEnd();
        long oldest = -1;
        for (int i = 0; i < records; i++)
        {
            try (DocumentContext context = tailer.readingDocument())
            {
                if (!context.isPresent())
                {
                    break;
                }
                oldest = context.index();
            }
        }
        tailer.direction(TailerDirection.FORWARD);
        if (oldest < 0 || !tailer.moveToIndex(oldest))
        {
            tailer.toEnd();
        }
        return this;
    }

    /**
     * Move so that the next read returns the record at {@code index}.
     *
     * @param index a journal index.
     * @return true if that index exists (or is the next to be written); false leaves the position unspecified.
     */
    public boolean moveToIndex(final long index)
    {
        tailer.direction(TailerDirection.FORWARD);
        return tailer.moveToIndex(index);
    }

    /**
     * @return the index the next read would return (or the next to be written, at the end).
     */
    public long index()
    {
        return tailer.index();
    }

    /**
     * Close the underlying Chronicle tailer; a named tailer's position stays stored.
     */
    @Override
    public void close()
    {
        tailer.close();
    }
}
