package io.hutong.sim.pos;

import io.hutong.core.pos.auth.NonceSource;

import java.util.concurrent.TimeUnit;

/**
 * What every terminal of one generator shares: timing, the phones that make fresh codes (a new code after BUSY),
 * the connection counters and the run tag that makes terminal txn ids unique across runs. Immutable apart from the
 * thread-safe parts it holds.
 *
 * @param answerTimeoutNs how long a request waits for its answer before the terminal queries.
 * @param queryIntervalNs the interval between queries of a payment in progress.
 * @param codes           the phones per wallet index (null where a wallet takes no CPM payments).
 * @param activity        connection counters.
 * @param tag             the run tag leading every terminal txn id: base 36, no '-'.
 * @param nonces          logon nonces.
 */
record TerminalContext(
    long answerTimeoutNs,
    long queryIntervalNs,
    PhoneCodes[] codes,
    Activity activity,
    String tag,
    NonceSource nonces)
{
    /**
     * @param settings the run's settings.
     * @param codes    the phones per wallet index.
     * @param activity connection counters.
     * @param tag      the run tag.
     * @return the context.
     */
    static TerminalContext of(
        final LoadSettings settings, final PhoneCodes[] codes, final Activity activity, final String tag)
    {
        return new TerminalContext(TimeUnit.MILLISECONDS.toNanos(settings.answerTimeoutMs()),
            TimeUnit.MILLISECONDS.toNanos(settings.queryIntervalMs()), codes, activity, tag, NonceSource.secureRandom());
    }
}
