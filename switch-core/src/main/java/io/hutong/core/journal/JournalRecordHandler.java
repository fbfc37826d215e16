package io.hutong.core.journal;

/**
 * Receives records as a {@link JournalReader} or {@link JournalTailer} reads them. The view passed in is a
 * flyweight over the reader's scratch buffer: valid only during the call, never to be kept.
 * <p>
 * Called on the reading thread only.
 */
@FunctionalInterface
public interface JournalRecordHandler
{
    /**
     * A well-formed record.
     *
     * @param index  its journal index (see {@link JournalIndex}).
     * @param record the view, valid during this call only.
     */
    void onRecord(long index, JournalRecordDecoder record);

    /**
     * A record whose bytes are not a valid record ({@link JournalRecordDecoder#error()} says why). Recovery must
     * not guess around corruption, so the default refuses; tools override it to report.
     *
     * @param index  its journal index.
     * @param record the view; only {@code error()}, {@code length()} and the raw bytes are meaningful.
     * @throws JournalException by default.
     */
    default void onMalformed(final long index, final JournalRecordDecoder record)
    {
        throw new JournalException("journal.index=" + JournalIndex.format(index) + ": malformed record, error=" +
            record.error() + " length=" + record.length());
    }
}
