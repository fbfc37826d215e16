package io.hutong.sim.pos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.List;

/**
 * A run's latency distributions as percentile curves, HdrHistogram's way: points at percentiles that get denser
 * towards the tail (50, 75, 87.5, ... 99.99...), each the latency in microseconds at or below which that share
 * of payments finished. For plotting (the demo's HTML report) and for comparing runs point by point.
 * <pre>
 *  {"firstAnswer": [[50.0, 812], [75.0, 1034], ...], "final": [...],
 *   "wallets": {"wechat": [[50.0, ...], ...], ...}}
 * </pre>
 * Stateless; thread-safe.
 */
public final class LatencyCurves
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TICKS_PER_HALF_DISTANCE = 4;

    private LatencyCurves()
    {
    }

    /**
     * @param result a finished run.
     * @return the curves of its hops to the first and the final answer, and of each wallet's payments.
     */
    public static ObjectNode of(final RunResult result)
    {
        final RunStats stats = result.stats();
        final ObjectNode curves = JSON.createObjectNode();
        curves.set("firstAnswer", curve(stats.hop(RunStats.Hop.FIRST_ANSWER)));
        curves.set("final", curve(stats.hop(RunStats.Hop.FINAL)));
        final ObjectNode wallets = curves.putObject("wallets");
        final List<String> names = stats.wallets();
        for (int i = 0; i < names.size(); i++)
        {
            final Histogram histogram = stats.walletLatency(i);
            if (histogram.getTotalCount() > 0)
            {
                wallets.set(names.get(i), curve(histogram));
            }
        }
        return curves;
    }

    private static ArrayNode curve(final Histogram histogram)
    {
        final ArrayNode points = JSON.createArrayNode();
        if (histogram.getTotalCount() == 0)
        {
            return points;
        }
        for (final HistogramIterationValue value : histogram.percentiles(TICKS_PER_HALF_DISTANCE))
        {
            final double percentile = value.getPercentileLevelIteratedTo();
            if (percentile >= 50.0)
            {
                points.addArray().add(Math.min(percentile, 99.9999)).add(value.getValueIteratedTo());
            }
            if (percentile >= 100.0)
            {
                break;
            }
        }
        return points;
    }
}
