package io.hutong.sim.pos;

/**
 * Everything one run (one rate for some seconds) measured, for {@link LoadReport}. Immutable once made; the
 * {@link RunStats} it holds was harvested at the end of the run (answers arriving later do not change the report).
 *
 * @param offeredTps    the offered rate.
 * @param seconds       the requested length of the offer.
 * @param stats         counts and latencies.
 * @param sent          payments offered, read once at the end.
 * @param approved      approved, read once at the end.
 * @param declined      declined, read once at the end.
 * @param reversed      reversed, read once at the end.
 * @param errors        ended without a final answer from the switch, read once at the end.
 * @param offerNanos    from the first intended start to the last dispatch.
 * @param runNanos      from the first intended start to the end of the drain.
 * @param activity      connection events during the run, in {@link Activity#names()} order.
 * @param cpuNanos      CPU time this process used during the run, or -1 when the JVM cannot tell.
 * @param loadStart     the machine's one-minute load average at the start, or -1.
 * @param loadEnd       the same at the end, or -1.
 * @param interrupted   true when the offer was stopped early (SIGINT).
 * @param scan          image stock counters during the run: scanned, misread, expired.
 * @param codesMade     codes the phones made during the run (image stock included).
 * @param startedAtMs   wall-clock start, epoch milliseconds.
 */
public record RunResult(
    int offeredTps,
    int seconds,
    RunStats stats,
    long sent,
    long approved,
    long declined,
    long reversed,
    long errors,
    long offerNanos,
    long runNanos,
    long[] activity,
    long cpuNanos,
    double loadStart,
    double loadEnd,
    boolean interrupted,
    long[] scan,
    long codesMade,
    long startedAtMs)
{
    /**
     * @return payments offered without a final answer when the run ended.
     */
    public long inDoubt()
    {
        return sent - approved - declined - reversed - errors;
    }

    /**
     * @return payments with a final answer from the switch per second of the whole run (offer and drain).
     */
    public double throughputTps()
    {
        final double secondsRun = runNanos / 1e9;
        return secondsRun <= 0 ? 0 : (approved + declined + reversed) / secondsRun;
    }

    /**
     * @param percentile 0..100.
     * @return the final-answer latency at that percentile, microseconds (0 when nothing finished).
     */
    public long latencyUs(final double percentile)
    {
        return stats.hop(RunStats.Hop.FINAL).getValueAtPercentile(percentile);
    }
}
