package io.hutong.sim.pos;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, LongAdder> problems = new ConcurrentHashMap<>();

    /**
     * Counts a connection problem by kind (a refused frame's reason, an exception's class), for the report.
     *
     * @param kind what went wrong, without secrets.
     */
    void problem(final String kind)
    {
        problems.computeIfAbsent(kind, (k) -> new LongAdder()).increment();
    }

    /**
     * @return problems by kind since start, sorted.
     */
    Map<String, Long> problems()
    {
        final Map<String, Long> sorted = new TreeMap<>();
        problems.forEach((kind, count) -> sorted.put(kind, count.sum()));
        return sorted;
    }

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
