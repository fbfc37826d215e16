package io.hutong.bench.connector;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * What the measured calls of one {@link OpenLoopRun} saw. Times are nanoseconds. Immutable once made (the
 * histograms are copies nobody else writes); not thread-safe to print from two threads at once.
 *
 * @param sent             measured calls sent.
 * @param completed        measured calls answered (by the wallet, or by the connector giving up).
 * @param approved         measured calls APPROVED.
 * @param notApproved      the other measured calls by {@code STATUS/walletCode}.
 * @param sendWindowNs     from the first measured call's intended time to the last call's send.
 * @param completeWindowNs from the first measured call's intended time to the last measured answer.
 * @param latency          answer time minus intended send time, per call (coordinated-omission safe).
 * @param serviceTime      answer time minus actual send time, per call.
 * @param sendLag          actual minus intended send time, per call: the load tool's own lateness.
 * @param cpuNs            CPU time of the whole process (client and simulated wallet) over the measured phase.
 * @param senderCpuNs      the part of it spent on the sender thread: waiting for each send time, and whatever the
 *                         connector does on the caller's thread (WeChat writes and signs its request there).
 * @param gcCount          garbage collections during the measured phase.
 * @param gcMillis         their total time, milliseconds.
 */
public record RoundTripResult(
    long sent,
    long completed,
    long approved,
    Map<String, Long> notApproved,
    long sendWindowNs,
    long completeWindowNs,
    Histogram latency,
    Histogram serviceTime,
    Histogram sendLag,
    long cpuNs,
    long senderCpuNs,
    long gcCount,
    long gcMillis)
{
    /**
     * @return true when every measured call was answered and approved.
     */
    public boolean allApproved()
    {
        return sent == completed && completed == approved;
    }

    /**
     * Prints the report: rates, outcomes, the three latency distributions in microseconds, CPU and GC.
     *
     * @param out where to print.
     */
    public void print(final PrintStream out)
    {
        out.printf(Locale.ROOT, "sent %d in %.3f s = %.1f calls/s offered; answered %d, last answer after %.3f s = " +
                "%.1f calls/s completed%n", sent, sendWindowNs / 1e9, sent / (sendWindowNs / 1e9), completed,
            completeWindowNs / 1e9, completed / (completeWindowNs / 1e9));
        out.printf(Locale.ROOT, "approved %d; not approved %s%n", approved, notApproved.isEmpty() ? "none" : notApproved);
        line(out, "latency from intended send (CO-safe)", latency);
        line(out, "latency from actual send            ", serviceTime);
        line(out, "send lag of the load tool           ", sendLag);
        out.printf(Locale.ROOT, "process CPU (connector + simulated wallet): %.1f us per call, %.2f cores busy " +
                "(sender thread %.1f us per call); GC: %d collections, %d ms%n", cpuNs / 1e3 / Math.max(1, completed),
            (double)cpuNs / sendWindowNs, senderCpuNs / 1e3 / Math.max(1, sent), gcCount, gcMillis);
    }

    private static void line(final PrintStream out, final String name, final Histogram histogram)
    {
        out.printf(Locale.ROOT, "%s us: p50 %8.1f  p90 %8.1f  p99 %8.1f  p99.9 %8.1f  max %9.1f  (n=%d)%n", name,
            micros(histogram, 50.0), micros(histogram, 90.0), micros(histogram, 99.0), micros(histogram, 99.9),
            histogram.getMaxValue() / 1e3, histogram.getTotalCount());
    }

    private static double micros(final Histogram histogram, final double percentile)
    {
        return histogram.getValueAtPercentile(percentile) / 1e3;
    }
}
