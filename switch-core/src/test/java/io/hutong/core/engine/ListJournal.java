package io.hutong.core.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory journal for engine tests: records each hop with the payment's state at that moment, and counts
 * commits so tests can check that nothing left before its hop was committed.
 */
final class ListJournal implements EngineJournal
{
    record Entry(Hop hop, long txnId, FinalStatus status, Reason reason, String wallet, long amount, int commitsBefore,
        String detail)
    {
    }

    final List<Entry> entries = new java.util.concurrent.CopyOnWriteArrayList<>();
    int commits;

    @Override
    public void hop(final Hop hop, final Payment payment)
    {
        entries.add(new Entry(hop, payment.switchTxnId, payment.status, payment.reason, payment.walletId,
            payment.amount, commits, null));
    }

    @Override
    public void audit(final Hop hop, final CharSequence subject, final CharSequence detail)
    {
        entries.add(new Entry(hop, 0, null, null, subject.toString(), 0, commits, detail.toString()));
    }

    @Override
    public void commit()
    {
        commits++;
    }

    @Override
    public void close()
    {
    }

    List<Hop> hops(final long txnId)
    {
        final List<Hop> hops = new ArrayList<>();
        for (final Entry entry : entries)
        {
            if (entry.txnId() == txnId)
            {
                hops.add(entry.hop());
            }
        }
        return hops;
    }
}
