package io.hutong.core.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hutong.core.journal.JournalRecordDescriptor.CHAIN_LENGTH;
import static io.hutong.core.journal.JournalRecordDescriptor.CHAIN_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.DETAIL_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.FIXED_LENGTH;

/**
 * The journal's hash chain: each record's chain value is {@code SM3(previous chain value || content)}, the
 * first record's previous value being {@link JournalRecordDescriptor#GENESIS_CHAIN}. The content is the
 * record's bytes without its chain field and without the zero padding of its text slots:
 * <pre>
 *   content = bytes [0, 72)                          every numeric field, the text lengths, the content hash
 *          || terminalId bytes [104, 104 + len0)     each text slot's used bytes only, in slot order
 *          || ... || walletOrderNo bytes             (the lengths in the header make this unambiguous)
 *          || detail bytes [320, end)
 * </pre>
 * Skipping the padding halves the SM3 work for a typical hop (SM3 in Java costs about 400 ns per 64-byte
 * block here; see docs/journal.md), and nothing goes unchecked: {@link #matches} also requires every padding
 * byte to be zero. Changing, removing or reordering any record changes every chain value after it, so
 * {@code journal verify} finds the first record that does not match.
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
        digest(previous, previousOffset, record, offset, length);
        dst.putBytes(dstOffset, digestOut);
    }

    /**
     * Whether a record's stored chain value is the one computed from the previous value and its content, and
     * every padding byte of its text slots is zero.
     *
     * @param previous       the previous record's chain value (or the genesis value).
     * @param previousOffset where that value starts.
     * @param record         the record's bytes.
     * @param offset         first byte of the record.
     * @param length         bytes of the record, at least {@link JournalRecordDescriptor#FIXED_LENGTH}.
     * @return true if the stored value matches and the padding is clean.
     */
    public boolean matches(
        final DirectBuffer previous,
        final int previousOffset,
        final DirectBuffer record,
        final int offset,
        final int length)
    {
        digest(previous, previousOffset, record, offset, length);
        for (int i = 0; i < CHAIN_LENGTH; i++)
        {
            if (digestOut[i] != record.getByte(offset + CHAIN_OFFSET + i))
            {
                return false;
            }
        }
        return paddingIsZero(record, offset);
    }

    private void digest(
        final DirectBuffer previous,
        final int previousOffset,
        final DirectBuffer record,
        final int offset,
        final int length)
    {
        sm3.update(previous, previousOffset, CHAIN_LENGTH);
        sm3.update(record, offset, CHAIN_OFFSET);
        for (int i = 0, n = JournalText.count(); i < n; i++)
        {
            final JournalText slot = JournalText.get(i);
            sm3.update(record, offset + slot.offset(), usedLength(record, offset, slot));
        }
        sm3.update(record, offset + DETAIL_OFFSET, length - FIXED_LENGTH);
        sm3.doFinal(digestOut, 0);
    }

    private static boolean paddingIsZero(final DirectBuffer record, final int offset)
    {
        for (int i = 0, n = JournalText.count(); i < n; i++)
        {
            final JournalText slot = JournalText.get(i);
            for (int at = usedLength(record, offset, slot); at < slot.capacity(); at++)
            {
                if (0 != record.getByte(offset + slot.offset() + at))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static int usedLength(final DirectBuffer record, final int offset, final JournalText slot)
    {
        return Math.min(record.getByte(offset + slot.lengthOffset()) & 0xFF, slot.capacity());
    }
}
