package io.hutong.core.journal;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Walks records in journal order and checks each one's structure and chain value against the previous
 * record's. After a break it continues from the stored value of the record that broke, so one altered record
 * counts as one break and the rest of the journal is still checked.
 * <p>
 * Not thread-safe. Allocates nothing per record.
 */
public final class ChainVerifier
{
    /**
     * What checking one record found.
     */
    public enum Result
    {
        /** Well-formed and chained to its predecessor. */
        OK,
        /** The bytes are not a valid record (torn or foreign); the chain carries on from the last good value. */
        MALFORMED,
        /** Well-formed, but its chain value is not SM3(previous chain || content), or its padding is not zero. */
        MISMATCH
    }

    private final HashChain chain = new HashChain();
    private final UnsafeBuffer previous = new UnsafeBuffer(new byte[JournalRecordDescriptor.CHAIN_LENGTH]);
    private long checked;

    /**
     * A verifier expecting the journal's first record (previous value: the genesis chain).
     */
    public ChainVerifier()
    {
        reset();
    }

    /**
     * Start again at the genesis value.
     */
    public void reset()
    {
        previous.setMemory(0, JournalRecordDescriptor.CHAIN_LENGTH, (byte)0);
        checked = 0;
    }

    /**
     * Anchor at a known chain value, e.g. the last record of an archived day, or the first record present when
     * older days were removed (then that record itself is not checked).
     *
     * @param value  the chain value the next record must follow.
     * @param offset where its 32 bytes start.
     */
    public void anchor(final DirectBuffer value, final int offset)
    {
        previous.putBytes(0, value, offset, JournalRecordDescriptor.CHAIN_LENGTH);
    }

    /**
     * Check one record and move on.
     *
     * @param record the next record in journal order.
     * @return what was found.
     */
    public Result next(final JournalRecordDecoder record)
    {
        checked++;
        if (!record.isValid())
        {
            return Result.MALFORMED;
        }
        final boolean matches = chain.matches(previous, 0, record.buffer(), record.offset(), record.length());
        record.getChain(previous, 0);
        return matches ? Result.OK : Result.MISMATCH;
    }

    /**
     * @return records checked since construction or the last {@link #reset()}.
     */
    public long checked()
    {
        return checked;
    }

    /**
     * @return the chain value the next record must follow (a live view; copy it to keep it).
     */
    public DirectBuffer previous()
    {
        return previous;
    }
}
