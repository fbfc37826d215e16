package io.hutong.sim.pos;

import java.util.concurrent.atomic.LongAdder;

/**
 * Connection-level events of every terminal over the generator's life (not per run): logons, reconnects, refused
 * frames, heartbeats. A run reports the difference between its start and its end. Thread-safe.
 */
final class Activity
{
    final LongAdder logons = new LongAdder();
    final LongAdder disconnects = new LongAdder();
    final LongAdder connectFailures = new LongAdder();
    final LongAdder logonRefusals = new LongAdder();
    final LongAdder protocolErrors = new LongAdder();
    final LongAdder heartbeats = new LongAdder();
    final LongAdder silentSwitch = new LongAdder();

    /**
     * @return the counts now, in a fixed order (logons, disconnects, connectFailures, logonRefusals,
     *     protocolErrors, heartbeats, silentSwitch).
     */
    long[] snapshot()
    {
        return new long[]{ logons.sum(), disconnects.sum(), connectFailures.sum(), logonRefusals.sum(),
            protocolErrors.sum(), heartbeats.sum(), silentSwitch.sum() };
    }

    /**
     * @return the names of {@link #snapshot()}'s entries, in order.
     */
    static String[] names()
    {
        return new String[]{ "logons", "disconnects", "connectFailures", "logonRefusals", "protocolErrors",
            "heartbeats", "switchSilent" };
    }
}
