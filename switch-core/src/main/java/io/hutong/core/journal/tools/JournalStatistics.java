package io.hutong.core.journal.tools;

import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalRecordDecoder;
import io.hutong.core.journal.JournalRecordHandler;
import org.HdrHistogram.Histogram;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Counts records per hop and measures, for every hop after RECEIVED, the time since the RECEIVED record of the
 * same switch transaction id (so REPLIED gives the total RECEIVED-&gt;REPLIED time). Latencies use the monotonic
 * timestamps when both records come from the same run of the switch (no STARTED record between them), and the
 * wall-clock timestamps otherwise. A transaction is forgotten once both its FINAL and REPLIED records were seen,
 * which bounds memory to the transactions still open.
 * <p>
 * Not thread-safe. Allocates per transaction (a tool and a test aid, not the engine's metrics).
 */
public final class JournalStatistics implements JournalRecordHandler
{
    private static final int MAX_CODE = 255;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final long[] counts = new long[MAX_CODE + 1];
    private final Histogram[] latencies = new Histogram[MAX_CODE + 1];
    private final Long2ObjectHashMap<Open> open = new Long2ObjectHashMap<>();
    private long records;
    private long malformed;
    private long otherCodes;
    private long firstIndex = -1;
    private long lastIndex = -1;
    private int run;

    private static final class Open
    {
        long monotonicNanos;
        long epochNanos;
        int run;
        boolean finalSeen;
        boolean repliedSeen;
    }

    @Override
    public void onRecord(final long index, final JournalRecordDecoder record)
    {
        seen(index);
        final int code = record.hopCode();
        if (code > MAX_CODE)
        {
            otherCodes++;
            return;
        }
        counts[code]++;
        if (JournalHop.STARTED.code() == code)
        {
            run++;
            return;
        }
        final long txnId = record.switchTxnId();
        if (0 == txnId || code >= JournalHop.FIRST_AUDIT_CODE)
        {
            return;
        }
        if (JournalHop.RECEIVED.code() == code)
        {
            final Open start = new Open();
            start.monotonicNanos = record.monotonicNanos();
            start.epochNanos = record.epochNanos();
            start.run = run;
            open.put(txnId, start);
            return;
        }
        final Open start = open.get(txnId);
        if (null == start)
        {
            return;
        }
        final long nanos = start.run == run ?
            record.monotonicNanos() - start.monotonicNanos : record.epochNanos() - start.epochNanos;
        if (nanos >= 0)
        {
            histogram(code).recordValue(nanos);
        }
        start.finalSeen |= JournalHop.FINAL.code() == code;
        start.repliedSeen |= JournalHop.REPLIED.code() == code;
        if (start.finalSeen && start.repliedSeen)
        {
            open.remove(txnId);
        }
    }

    @Override
    public void onMalformed(final long index, final JournalRecordDecoder record)
    {
        seen(index);
        malformed++;
    }

    private void seen(final long index)
    {
        records++;
        if (firstIndex < 0)
        {
            firstIndex = index;
        }
        lastIndex = index;
    }

    private Histogram histogram(final int code)
    {
        Histogram histogram = latencies[code];
        if (null == histogram)
        {
            histogram = new Histogram(SIGNIFICANT_DIGITS);
            latencies[code] = histogram;
        }
        return histogram;
    }

    /**
     * @param hop a hop.
     * @return records of that hop seen.
     */
    public long count(final JournalHop hop)
    {
        return counts[hop.code()];
    }

    /**
     * @param hop a hop after RECEIVED.
     * @return nanoseconds from RECEIVED to that hop, or null if none was measured.
     */
    public Histogram latency(final JournalHop hop)
    {
        return latencies[hop.code()];
    }

    /**
     * @return records seen, valid and malformed.
     */
    public long records()
    {
        return records;
    }

    /**
     * @return malformed records seen.
     */
    public long malformed()
    {
        return malformed;
    }

    /**
     * @return valid records whose hop code is unknown to this version.
     */
    public long otherCodes()
    {
        return otherCodes;
    }

    /**
     * @return index of the first record seen, -1 if none.
     */
    public long firstIndex()
    {
        return firstIndex;
    }

    /**
     * @return index of the last record seen, -1 if none.
     */
    public long lastIndex()
    {
        return lastIndex;
    }

    /**
     * @return transactions with a RECEIVED record and not yet both FINAL and REPLIED.
     */
    public int openTransactions()
    {
        return open.size();
    }
}
