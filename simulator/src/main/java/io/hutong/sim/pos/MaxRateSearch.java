package io.hutong.sim.pos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code hutong pos --find-max}: the highest offered rate the switch sustains with the p99 of final-answer latency
 * under a target. Short runs over the same connections: the rate doubles from the start rate until a run fails,
 * then bisects between the last rate that held and the first that failed until they are within 5 %.
 * <pre>
 *   held = p99 &lt;= target, nothing left in doubt after the drain, errors &lt;= 0.1 % of payments
 *   200 ok -&gt; 400 ok -&gt; 800 ok -&gt; 1600 fail -&gt; 1200 ok -&gt; 1400 fail -&gt; 1300 ok -&gt; 1350 ...   (at most 16 runs)
 * </pre>
 * Not thread-safe: drives one {@link PosLoad} from the calling thread.
 */
public final class MaxRateSearch
{
    /** Most runs of one search. */
    public static final int MAX_STEPS = 16;
    /** Pause between runs, so the switch's queues and the machine settle. */
    public static final long PAUSE_MS = 2_000;

    /**
     * Runs one rate (a {@link PosLoad} in production, a model in tests).
     */
    @FunctionalInterface
    public interface Runner
    {
        /**
         * @param tps     the offered rate.
         * @param seconds how long.
         * @return what the run measured.
         * @throws InterruptedException if interrupted.
         */
        RunResult run(int tps, int seconds) throws InterruptedException;
    }

    /**
     * One run of the search.
     *
     * @param offeredTps    the offered rate.
     * @param throughputTps final answers per second.
     * @param p50Us         median latency to the final answer, microseconds.
     * @param p99Us         p99 latency to the final answer, microseconds.
     * @param inDoubt       payments without a final answer after the drain.
     * @param errors        payments that ended in an error.
     * @param held          whether the rate held.
     */
    public record Step(int offeredTps, double throughputTps, long p50Us, long p99Us, long inDoubt, long errors,
        boolean held)
    {
    }

    /**
     * The search's outcome.
     *
     * @param maxTps the highest rate that held, 0 when none did.
     * @param best   the run at that rate, or the last run when none held.
     * @param steps  every run, in order.
     */
    public record Result(int maxTps, RunResult best, List<Step> steps)
    {
    }

    private MaxRateSearch()
    {
    }

    /**
     * Runs the search with a generator.
     *
     * @param load        the generator (connected).
     * @param startTps    the first rate.
     * @param stepSeconds how long each rate is offered.
     * @param p99TargetMs the p99 target, milliseconds.
     * @param progress    where progress goes (null for none).
     * @param tty         whether progress is a console.
     * @return the result.
     * @throws InterruptedException if interrupted.
     */
    public static Result search(
        final PosLoad load,
        final int startTps,
        final int stepSeconds,
        final double p99TargetMs,
        final PrintWriter progress,
        final boolean tty) throws InterruptedException
    {
        return search((tps, seconds) -> load.run(tps, seconds, progress, tty), startTps, stepSeconds, p99TargetMs,
            progress, PAUSE_MS);
    }

    /**
     * Runs the search.
     *
     * @param runner      runs one rate.
     * @param startTps    the first rate.
     * @param stepSeconds how long each rate is offered.
     * @param p99TargetMs the p99 target, milliseconds.
     * @param progress    where a line per step goes (null for none).
     * @param pauseMs     pause between runs.
     * @return the result.
     * @throws InterruptedException if interrupted.
     */
    public static Result search(
        final Runner runner,
        final int startTps,
        final int stepSeconds,
        final double p99TargetMs,
        final PrintWriter progress,
        final long pauseMs) throws InterruptedException
    {
        final long targetUs = (long)(p99TargetMs * 1_000);
        final List<Step> steps = new ArrayList<>();
        int good = 0;
        int bad = Integer.MAX_VALUE;
        int rate = startTps;
        RunResult best = null;
        RunResult last = null;
        for (int i = 0; i < MAX_STEPS && rate >= 1 && rate <= LoadSettings.MAX_TPS; i++)
        {
            final RunResult run = runner.run(rate, stepSeconds);
            last = run;
            final long p99 = run.latencyUs(99.0);
            final boolean held = p99 <= targetUs && 0 == run.inDoubt() && run.errors() * 1_000 <= run.sent() &&
                !run.interrupted();
            final Step step = new Step(rate, run.throughputTps(), run.latencyUs(50.0), p99, run.inDoubt(), run.errors(),
                held);
            steps.add(step);
            if (null != progress)
            {
                progress.println(String.format(Locale.ROOT, "find-max step %d: offered %d/s -> %.1f/s final, " +
                        "p50 %.2f ms, p99 %.2f ms (target %.1f ms): %s", i + 1, rate, step.throughputTps(),
                    step.p50Us() / 1_000.0, p99 / 1_000.0, p99TargetMs, held ? "held" : "failed"));
                progress.flush();
            }
            if (run.interrupted())
            {
                break;
            }
            if (held)
            {
                good = rate;
                best = run;
            }
            else
            {
                bad = rate;
            }
            final int next = Integer.MAX_VALUE == bad ? (int)Math.min(LoadSettings.MAX_TPS, 2L * rate) :
                (good + bad) / 2;
            if (Integer.MAX_VALUE != bad && (bad - good <= Math.max(1, good / 20) || next == good))
            {
                break;
            }
            rate = next;
            Thread.sleep(pauseMs);
        }
        return new Result(good, null != best ? best : last, List.copyOf(steps));
    }

    /**
     * @param load   the generator.
     * @param result the search's outcome.
     * @param p99TargetMs the target.
     * @return the best run's report with a {@code findMax} section.
     */
    public static ObjectNode toJson(final PosLoad load, final Result result, final double p99TargetMs)
    {
        final ObjectNode report = LoadReport.toJson(load, result.best());
        final ObjectNode findMax = report.putObject("findMax");
        findMax.put("p99TargetMs", p99TargetMs);
        findMax.put("maxTps", result.maxTps());
        findMax.put("rule", "p99 of final-answer latency <= target, nothing in doubt after the drain, errors <= 0.1%");
        final ArrayNode steps = findMax.putArray("steps");
        for (final Step step : result.steps())
        {
            steps.addObject().put("offeredTps", step.offeredTps())
                .put("throughputTps", Math.round(step.throughputTps() * 10.0) / 10.0)
                .put("p50Us", step.p50Us()).put("p99Us", step.p99Us())
                .put("inDoubt", step.inDoubt()).put("errors", step.errors()).put("held", step.held());
        }
        return report;
    }
}
