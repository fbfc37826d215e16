package io.hutong.bench.core;

import io.hutong.bench.ForkedBenchmark;
import io.hutong.core.journal.JournalSyncMode;
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
 * One CPM payment through the switch in-process ({@link InProcessSwitch}): a Pay frame already MAC'd by a
 * logged-on terminal, checked and decoded by the real {@code SwitchSession} and POS flyweight decoders, handed to
 * the real {@code Engine} (idempotency, classification, routing, admission, code reuse), paid by a stub WeChat
 * connector that approves at once, every hop (RECEIVED, DECODED, ROUTED, WALLET_SENT, WALLET_RESULT, FINAL,
 * REPLIED: seven records) appended to a real Chronicle journal with its SM3 chain (sync mode NONE), and the Result
 * frame encoded and MAC'd. Run with {@code -prof gc} for bytes per payment.
 * <p>
 * The engine is a single-writer Agrona agent; here its duty cycle ({@code doWork}) is called directly on the
 * benchmark thread until it is idle, so one op is one payment end to end, without the hand-offs to and from Netty
 * event loops and the engine thread (no queueing, no wake-ups). The request and reply mapping is the server's own
 * ({@code PosRequests}, {@code PosAnswer}); what the network front end adds is not here: Netty's buffers and the
 * ring buffer that carries each answer to its connection's event loop ({@code PosOutbox}).
 * <p>
 * Every payment has its own terminal txn id and consumer code, from a ring of frames built before the trial; the
 * engine clock moves {@value #STEP_MS} ms per payment, so the ring may repeat once the engine has forgotten both
 * ({@link InProcessSwitch#framesPerLap}: 131,072 frames with the defaults; 2^20 for 1,000,000 retained payments).
 * The journal grows by about 2.3 KB per payment (seven excerpts of about 324 bytes) in a temporary directory
 * deleted after the trial.
 * <p>
 * Steady state takes a while: until {@code retainPayments} payments are final the engine allocates a pooled
 * payment for each, and its recent-code index grows until it holds one code window (120,000 payments at
 * {@value #STEP_MS} ms each). {@link #retainPayments} is below the production default (1,000,000) so that both are
 * full within the default warm-up; with {@code -p retainPayments=1000000}, warm up for well over a million
 * payments before trusting B/op. Once steady, what remains per payment is the strings and the command a wallet
 * call needs and the wallet's answer carries (see {@code Engine}).
 * <p>
 * One instance per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class EnginePathBenchmark extends ForkedBenchmark
{
    /** Engine clock advance per payment: the engine sees 1,000 payments a second. */
    public static final long STEP_MS = 1;

    /** Final payments the engine keeps for repeated requests and queries. */
    @Param({"65536"})
    public int retainPayments;

    private ScratchJournal journal;
    private InProcessSwitch path;

    /**
     * Build the frames, open an empty journal and the engine, log the terminal on: once per trial.
     */
    @Setup
    public void setup()
    {
        final PayFrames frames = new PayFrames(InProcessSwitch.framesPerLap(retainPayments, STEP_MS));
        journal = ScratchJournal.open(JournalSyncMode.NONE);
        path = new InProcessSwitch(journal.journal(), retainPayments, STEP_MS, frames);
    }

    /**
     * @return the switch txn id of the payment answered (an APPROVED Result; checked by
     *     {@code EnginePathBenchmarkTest}).
     */
    @Benchmark
    public long pay()
    {
        return path.pay();
    }

    /**
     * Close the journal and delete its directory.
     */
    @TearDown
    public void tearDown()
    {
        journal.close();
    }

    /**
     * @return the path under measurement, for the smoke tests.
     */
    InProcessSwitch path()
    {
        return path;
    }

    /**
     * @return the journal of the current trial, for the smoke tests.
     */
    ScratchJournal journal()
    {
        return journal;
    }
}
