package io.hutong.core.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hutong.core.journal.JournalRecordDescriptor.CHAIN_LENGTH;
import static io.hutong.core.journal.JournalRecordDescriptor.CHAIN_OFFSET;

/**
 * The journal's hash chain: each record's chain value is
 * {@code SM3(previous chain value || the record's bytes without its chain field)}, the first record's previous
 * value being {@link JournalRecordDescriptor#GENESIS_CHAIN}. Changing, removing or reordering any record
 * changes every chain value after it, so {@code journal verify} finds the first record that does not match.
 * <p>
 * Not thread-safe (it reuses one SM3 digest): one per thread. Allocates nothing.
 */
public final class HashChain
{
    private final Sm3 sm3 = new Sm3();
    private final byte[] digestOut = new byte[CHAIN_LENGTH];

    /**
     * Compute a record's chain value.
     *
     * @param previous       the previous record's chain value (or the genesis value).
     * @param previousOffset where that value starts.
     * @param record         the record's bytes (its chain field is ignored).
     * @param offset         first byte of the record.
     * @param length         bytes of the record, at least {@link JournalRecordDescriptor#FIXED_LENGTH}.
     * @param dst            where the 32-byte chain value goes (may be the record's own chain field).
     * @param dstOffset      first byte to write.
     */
    public void compute(
        final DirectBuffer previous,
        final int previousOffset,
        final DirectBuffer record,
        final int offset,
        final int length,
        final MutableDirectBuffer dst,
        final int dstOffset)
    {
        sm3.update(previous, previousOffset, CHAIN_LENGTH);
        sm3.update(record, offset, CHAIN_OFFSET);
        final int after = CHAIN_OFFSET + CHAIN_LENGTH;
        sm3.update(record, offset + after, length - after);
        sm3.doFinal(digestOut, 0);
        dst.putBytes(dstOffset, digestOut);
    }

    /**
     * Whether a record's stored chain value is the one computed from the previous value and its bytes.
     *
     * @param previous       the previous record's chain value (or the genesis value).
     * @param previousOffset where that value starts.
     * @param record         the record's bytes.
     * @param offset         first byte of the record.
     * @param length         bytes of the record, at least {@link JournalRecordDescriptor#FIXED_LENGTH}.
     * @return true if the stored value matches.
     */
    public boolean matches(
        final DirectBuffer previous,
        final int previousOffset,
        final DirectBuffer record,
        final int offset,
        final int length)
    {
        sm3.update(previous, previousOffset, CHAIN_LENGTH);
        sm3.update(record, offset, CHAIN_OFFSET);
        final int after = CHAIN_OFFSET + CHAIN_LENGTH;
        sm3.update(record, offset + after, length - after);
        sm3.doFinal(digestOut, 0);
        for (int i = 0; i < CHAIN_LENGTH; i++)
        {
            if (digestOut[i] != record.getByte(offset + CHAIN_OFFSET + i))
            {
                return false;
            }
        }
        return true;
    }
}
