package io.hutong.core.journal;

import net.openhft.chronicle.queue.RollCycle;

import java.time.LocalDate;

/**
 * Reading a journal index: Chronicle Queue indexes combine the roll cycle (the day, for this journal's daily
 * roll) and the sequence number within it. Indexes grow with every record, across days.
 * <p>
 * Stateless; thread-safe.
 */
public final class JournalIndex
{
    private static final RollCycle ROLL_CYCLE = JournalQueues.ROLL_CYCLE;

    private JournalIndex()
    {
    }

    /**
     * @param index a journal index.
     * @return the roll cycle: days since 1970-01-01 (UTC).
     */
    public static int cycle(final long index)
    {
        return ROLL_CYCLE.toCycle(index);
    }

    /**
     * @param index a journal index.
     * @return the record's sequence number within its day, from 0.
     */
    public static long sequence(final long index)
    {
        return ROLL_CYCLE.toSequenceNumber(index);
    }

    /**
     * @param index a journal index.
     * @return {@code yyyy-MM-dd#sequence}, e.g. {@code 2026-05-01#42} (allocates; for tools and logs).
     */
    public static String format(final long index)
    {
        return LocalDate.ofEpochDay(cycle(index)) + "#" + sequence(index);
    }
}
