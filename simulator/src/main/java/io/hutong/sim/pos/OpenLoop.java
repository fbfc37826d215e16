package io.hutong.sim.pos;

import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop schedule: payment {@code k} of a run is due at {@code start + k / tps}, whatever happened to the
 * payments before it, and its latency is measured from that intended time. The dispatching thread sleeps until each
 * payment is due (a parked thread wakes some tens of microseconds late; that lag is recorded as the {@code send} hop)
 * and never waits for an answer, so a slow switch cannot slow the offered load down (no coordinated omission).
 * <pre>
 *   k -&gt; flow (cpm/mpm by --mix), debited wallet (by --wallet-mix), amount 1.00..99.99 CNY
 *   cpm: code from the image stock (--image-share) or straight from the phone -&gt; terminal k mod N (in turn)
 *   mpm: payee by --wallet-mix, the payee's code card, a payer account in turn -&gt; MpmPayer
 * </pre>
 * Not thread-safe: one run at a time, on the calling thread.
 */
final class OpenLoop
{
    private static final long LEAD_NS = 20_000_000L;
    private static final int MIN_AMOUNT = 100;
    private static final int AMOUNT_SPAN = 9_900;

    private final PosLoadParts parts;
    private final SplittableRandom random;
    private long nextNumber;
    private long nextTerminal;
    private final int[] nextAccount;
    private volatile boolean stopped;

    /**
     * @param parts what the generator is made of.
     * @param seed  seed of the random choices.
     */
    OpenLoop(final PosLoadParts parts, final long seed)
    {
        this.parts = parts;
        this.random = new SplittableRandom(seed);
        this.nextAccount = new int[parts.wallets().size()];
    }

    /**
     * Offers {@code tps * seconds} payments on schedule; returns when the last one is dispatched (not answered).
     *
     * @param tps     payments per second.
     * @param seconds how long.
     * @param stats   the run's statistics.
     * @return nanoseconds from the first intended start to the last dispatch.
     */
    long offer(final int tps, final int seconds, final RunStats stats)
    {
        final long total = (long)tps * seconds;
        final double intervalNs = 1e9 / tps;
        final long startNs = System.nanoTime() + LEAD_NS;
        for (long k = 0; k < total && !stopped; k++)
        {
            final long intended = startNs + (long)(k * intervalNs);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0)
            {
                LockSupport.parkNanos(wait);
            }
            dispatch(intended, stats);
        }
        return System.nanoTime() - startNs;
    }

    /**
     * Stops the current offer early (SIGINT); payments already offered are still driven to a final answer.
     */
    void stop()
    {
        stopped = true;
    }

    /**
     * @return true after {@link #stop()}.
     */
    boolean isStopped()
    {
        return stopped;
    }

    private void dispatch(final long intended, final RunStats stats)
    {
        final boolean mpm = random.nextDouble() < parts.mpmShare();
        final int wallet = parts.debited(random.nextDouble());
        final long amount = MIN_AMOUNT + random.nextInt(AMOUNT_SPAN);
        final Payment payment = new Payment(nextNumber++, intended, mpm, wallet, amount, stats);
        stats.started(payment);
        stats.hop(RunStats.Hop.DISPATCH, System.nanoTime() - intended);
        final long nowMs = System.currentTimeMillis();
        if (mpm)
        {
            payment.payee = parts.payee(random.nextDouble());
            payment.code = parts.card(payment.payee);
            payment.account = parts.account(wallet, nextAccount[wallet]++);
            payment.payerRef = parts.tag() + "-m" + payment.number;
            parts.payer().start(payment);
            return;
        }
        String code = null;
        if (parts.imageShare() > 0.0 && random.nextDouble() < parts.imageShare())
        {
            code = parts.scanner().take(wallet, nowMs);
            if (null == code)
            {
                stats.imageMisses.increment();
            }
            else
            {
                stats.imageCodes.increment();
            }
        }
        if (null == code)
        {
            code = parts.phones()[wallet].next(nowMs);
        }
        if (null == code)
        {
            // The wallet's phones made every code of this second: a generator limit, not the switch's.
            stats.finish(payment, PaymentOutcome.Status.ERROR, "CODES_EXHAUSTED", null, null, System.nanoTime());
            return;
        }
        payment.code = code;
        final PosTerminal[] terminals = parts.terminals();
        terminals[(int)(nextTerminal++ % terminals.length)].submit(payment);
    }
}
