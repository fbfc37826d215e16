package io.hutong.bench.core;

import io.hutong.codec.classify.CodeClassifier;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.registry.WalletRegistryLoader;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.wechat.WeChatConnectorProvider;
import io.hutong.core.engine.Engine;
import io.hutong.core.engine.EngineConfig;
import io.hutong.core.engine.EngineCounters;
import io.hutong.core.engine.EngineInbox;
import io.hutong.core.engine.EngineJournal;
import io.hutong.core.engine.WalletSlot;
import io.hutong.core.engine.admission.CircuitBreaker;
import io.hutong.core.engine.command.RequestDescriptor;
import io.hutong.core.pos.codec.PosReason;
import org.agrona.BitUtil;
import org.agrona.concurrent.CachedEpochClock;

/**
 * The switch's payment path in one thread, for one logged-on terminal: {@link PayFrames} in, the real
 * {@link io.hutong.core.pos.auth.SwitchSession} and POS flyweight decoders ({@link PosFrontEnd}), the real
 * {@link Engine} with the default registry and classifier, an {@link ApprovingConnector} for WeChat, the given
 * journal, and the Result frame out.
 * <pre>
 *   pay():  frame i --SwitchSession.onFrame (MAC, sequence, Pay body)--&gt; EngineInbox.offerRequest
 *           clock += stepMs
 *           engine.doWork() until idle:
 *             1. RECEIVED DECODED ROUTED WALLET_SENT, commit, connector.pay --approved--&gt; inbox
 *             2. WALLET_RESULT FINAL, commit, Result frame encoded and MAC'd, REPLIED
 *           after the last frame: log on again, frames from 0 (in the next pay())
 * </pre>
 * The engine is an Agrona agent; here its duty cycle runs on the caller's thread, so one {@link #pay()} is one
 * payment end to end with no hand-off between threads. Its clock is a {@link CachedEpochClock} moved
 * {@code stepMs} per payment, so the engine sees a steady offered rate of 1000 / stepMs payments per second
 * whatever the real speed, and remembers codes for {@code codeReuseWindowMs / stepMs} payments.
 * <p>
 * Frames repeat after {@link PayFrames#count()} payments, so the count must exceed both what the engine remembers
 * of past payments ({@code retainPayments}) and of past codes, or a repeated frame would be answered as a
 * duplicate or refused as a reused code: {@link #framesPerLap} gives the smallest safe count, and {@link #pay()}
 * refuses to repeat a ring shorter than that. Each repeat costs one logon (a few kilobytes, once per lap).
 * <p>
 * Not thread-safe: one thread builds it and calls {@link #pay()}.
 */
public final class InProcessSwitch
{
    /** The wallet every frame's code belongs to. */
    public static final String ISSUER = "wechat";
    /** The wallet that acquires for the terminal's merchant (it is owed each payment). */
    public static final String ACQUIRER = "alipay";

    private static final long START_MS = 1_800_000_000_000L;
    private static final int INBOX_BYTES = 1 << 20;
    private static final int CLIENT_SLOT = 0;
    /** What SwitchNode gives a participant that has no connector. */
    private static final WalletSchedule NO_CONNECTOR_SCHEDULE =
        new WalletSchedule(10_000, 5_000, 30_000, 0, 2_000, 60_000);

    private final CachedEpochClock clock = new CachedEpochClock();
    private final ApprovingConnector connector =
        new ApprovingConnector(ISSUER, WeChatConnectorProvider.DEFAULT_SCHEDULE);
    private final EngineConfig config;
    private final long stepMs;
    private final PayFrames frames;
    private final int safeLap;
    private final PosFrontEnd frontEnd;
    private final Engine engine;
    private int next;

    /**
     * Build the engine with the default configuration except {@code retainPayments}, log the terminal on.
     *
     * @param journal        where the engine journals every hop (the caller closes it).
     * @param retainPayments final payments the engine keeps (production default 1,000,000; at least 1024).
     * @param stepMs         engine clock advance per payment, &gt; 0.
     * @param frames         the terminal's frames.
     * @throws IllegalArgumentException for a bad configuration.
     */
    public InProcessSwitch(
        final EngineJournal journal, final int retainPayments, final long stepMs, final PayFrames frames)
    {
        if (stepMs <= 0)
        {
            throw new IllegalArgumentException("stepMs=" + stepMs + ": must be > 0");
        }
        final EngineConfig defaults = EngineConfig.defaults();
        config = new EngineConfig(defaults.nodeId(), retainPayments, defaults.codeReuseWindowMs(),
            defaults.batchLimit(), defaults.maxInFlightPerClient(), defaults.maxInFlightPerWallet(),
            defaults.maxInFlight(), defaults.breakerFailures(), defaults.breakerOpenMs(), defaults.clientIp(),
            defaults.defaultSubject());
        this.stepMs = stepMs;
        this.frames = frames;
        safeLap = framesPerLap(retainPayments, stepMs);
        clock.update(START_MS);

        final WalletRegistry registry = WalletRegistryLoader.defaults();
        final WalletSlot[] slots = new WalletSlot[registry.participants().size()];
        for (int i = 0; i < slots.length; i++)
        {
            final String id = registry.participant(i).id();
            final boolean issuer = ISSUER.equals(id);
            slots[i] = new WalletSlot(i, id, issuer ? connector : null,
                issuer ? connector.schedule() : NO_CONNECTOR_SCHEDULE,
                new CircuitBreaker(config.breakerFailures(), config.breakerOpenMs()));
        }
        final int acquirer = registry.participant(ACQUIRER).index();
        final EngineInbox inbox = new EngineInbox(INBOX_BYTES);
        engine = new Engine(config, clock, inbox, journal, slots, new CodeClassifier(registry),
            (client) -> CLIENT_SLOT == client ? acquirer : -1, 1, new EngineCounters());
        frontEnd = new PosFrontEnd(inbox, CLIENT_SLOT);
        engine.replySink(RequestDescriptor.SOURCE_POS, frontEnd);
        engine.onStart();
        frontEnd.logOn(frames.logOn());
    }

    /**
     * The smallest frame count, a power of two, after which a frame may be sent again: more than the payments the
     * engine retains and more than the payments within one code-reuse window at this clock step.
     *
     * @param retainPayments final payments the engine keeps.
     * @param stepMs         engine clock advance per payment.
     * @return the count.
     */
    public static int framesPerLap(final int retainPayments, final long stepMs)
    {
        final long codeWindow = (EngineConfig.defaults().codeReuseWindowMs() + stepMs - 1) / stepMs;
        return BitUtil.findNextPositivePowerOfTwo(Math.toIntExact(Math.max(retainPayments, codeWindow) + 1));
    }

    /**
     * One payment: the next frame through session, engine, journal and connector to its Result frame.
     *
     * @return the switch txn id of the payment answered.
     * @throws IllegalStateException if the frame is refused (a broken setup), or the frames would repeat too soon.
     */
    public long pay()
    {
        if (next == frames.count())
        {
            lap();
        }
        final int frame = next++;
        final PosReason reason = frontEnd.onFrame(frames.buffer(), frames.offset(frame), frames.length());
        if (PosReason.NONE != reason)
        {
            throw new IllegalStateException("frame=" + frame + ": refused, reason=" + reason);
        }
        clock.advance(stepMs);
        while (engine.doWork() > 0)
        {
            // Request, wallet result and the reply each take a duty cycle.
        }
        return frontEnd.repliedTxnId();
    }

    private void lap()
    {
        if (frames.count() < safeLap)
        {
            throw new IllegalStateException("frames=" + frames.count() + ": must be >= " + safeLap +
                " to be sent again (retainPayments=" + config.retainPayments() + " stepMs=" + stepMs + ")");
        }
        next = 0;
        frontEnd.logOn(frames.logOn());
    }

    /**
     * @return the engine (its payment table, for tests and for taking a real payment).
     */
    public Engine engine()
    {
        return engine;
    }

    /**
     * @return the switch's end of the terminal's connection (it holds the last Result frame).
     */
    public PosFrontEnd frontEnd()
    {
        return frontEnd;
    }

    /**
     * @return the issuer's connector.
     */
    public ApprovingConnector connector()
    {
        return connector;
    }

    /**
     * @return the frames sent.
     */
    public PayFrames frames()
    {
        return frames;
    }
}
