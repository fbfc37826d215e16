package io.hutong.bench.core;

import io.hutong.bench.ForkedBenchmark;
import io.hutong.core.engine.ChronicleJournal;
import io.hutong.core.engine.Hop;
import io.hutong.core.engine.Payment;
import io.hutong.core.journal.JournalSyncMode;
import io.hutong.core.journal.JournalWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Appending one hop record the way the engine does: {@link ChronicleJournal#hop} of a real payment (the engine's
 * field mapping into {@code JournalWriter.begin}, the 320-byte record, its SM3 chain value, the Chronicle document
 * context and copy), then {@link ChronicleJournal#commit}, the engine's group commit, here for a batch of one.
 * <ul>
 *   <li>{@code NONE}: the record is in the memory-mapped file when {@code append} returns; commit does nothing;</li>
 *   <li>{@code SYNC}: commit is an {@code msync} of the appended range: one record per sync, the worst case of
 *       group commit (the engine syncs once per duty cycle, for every hop of the batch).</li>
 * </ul>
 * The record is the WALLET_RESULT hop of an approved CPM payment, the richest on the hot path (terminal and txn
 * ids, both wallets, masked code, content hash, wallet order number, wallet code and txn id); the payment is made
 * by the engine itself in setup ({@link InProcessSwitch}, one payment), so the fields are exactly the engine's.
 * SampleTime gives the percentiles (page faults and write-back of the mapped file show up in the tail);
 * AverageTime the mean. The journal grows by about 324 bytes per op in a temporary directory deleted after the
 * trial; {@code -Djava.io.tmpdir} chooses the disk.
 * <p>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class JournalAppendBenchmark extends ForkedBenchmark
{
    /** What a commit does. */
    @Param({"NONE", "SYNC"})
    public JournalSyncMode syncMode;

    private ScratchJournal scratch;
    private ChronicleJournal journal;
    private JournalWriter writer;
    private Payment payment;

    /**
     * Open an empty journal and run one approved payment through the engine into it (seven records): once per
     * trial.
     */
    @Setup
    public void setup()
    {
        scratch = ScratchJournal.open(syncMode);
        journal = scratch.journal();
        writer = scratch.writer();
        // One payment: the smallest engine (1,024 retained) and a ring of one frame will do.
        final InProcessSwitch path = new InProcessSwitch(journal, 1_024, 1, new PayFrames(1));
        payment = path.engine().table().byId(path.pay());
    }

    /**
     * @return the journal index of the record appended (checked by {@code JournalAppendBenchmarkTest}).
     */
    @Benchmark
    public long appendHop()
    {
        journal.hop(Hop.WALLET_RESULT, payment);
        journal.commit();
        return writer.lastIndex();
    }

    /**
     * Close the journal and delete its directory.
     */
    @TearDown
    public void tearDown()
    {
        scratch.close();
    }

    /**
     * @return the payment whose hop is appended, for the smoke tests.
     */
    Payment payment()
    {
        return payment;
    }

    /**
     * @return the journal of the current trial, for the smoke tests.
     */
    ScratchJournal scratch()
    {
        return scratch;
    }
}
