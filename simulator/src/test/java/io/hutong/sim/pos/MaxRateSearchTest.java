package io.hutong.sim.pos;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MaxRateSearchTest
{
    /**
     * A switch model: p99 of 5 ms up to its capacity, a second beyond it.
     */
    private static MaxRateSearch.Runner switchHolding(final int capacity, final List<Integer> offered)
    {
        return (tps, seconds) ->
        {
            offered.add(tps);
            return run(tps, tps <= capacity ? 5_000 : 1_000_000, 0);
        };
    }

    @Test
    void shouldDoubleUntilAFailureThenBisectToWithinFivePercent() throws Exception
    {
        final List<Integer> offered = new ArrayList<>();

        final MaxRateSearch.Result result = MaxRateSearch.search(switchHolding(1_000, offered), 200, 1, 50.0, null, 0);

        assertThat(offered).startsWith(200, 400, 800, 1_600, 1_200);
        assertThat(result.maxTps()).isBetween(950, 1_000);
        assertThat(result.best().offeredTps()).isEqualTo(result.maxTps());
        assertThat(result.steps()).hasSize(offered.size()).allSatisfy((step) ->
            assertThat(step.held()).isEqualTo(step.offeredTps() <= 1_000));
        assertThat(offered.size()).isLessThanOrEqualTo(MaxRateSearch.MAX_STEPS);
    }

    @Test
    void shouldNotCountARateThatLeftPaymentsInDoubtAsHeld() throws Exception
    {
        final MaxRateSearch.Result result = MaxRateSearch.search((tps, seconds) -> run(tps, 1_000, tps > 300 ? 1 : 0),
            100, 1, 50.0, null, 0);

        assertThat(result.maxTps()).isBetween(285, 300);
    }

    @Test
    void shouldReportZeroWhenEvenTheFirstRateFails() throws Exception
    {
        final MaxRateSearch.Result result = MaxRateSearch.search((tps, seconds) -> run(tps, 900_000, 0), 8, 1, 50.0,
            null, 0);

        assertThat(result.maxTps()).isZero();
        assertThat(result.steps()).extracting(MaxRateSearch.Step::offeredTps).containsExactly(8, 4, 2, 1);
        assertThat(result.best()).isNotNull();
    }

    private static RunResult run(final int tps, final long latencyUs, final long inDoubt)
    {
        final RunStats stats = new RunStats(List.of("wechat"), PaymentOutcome.Listener.NONE);
        final long now = System.nanoTime();
        final int payments = 100;
        for (int i = 0; i < payments - inDoubt; i++)
        {
            final Payment payment = new Payment(i, now - latencyUs * 1_000, false, 0, 100, stats);
            stats.started(payment);
            stats.finish(payment, PaymentOutcome.Status.APPROVED, null, null, null, now);
        }
        stats.harvest();
        return new RunResult(tps, 1, stats, payments, payments - inDoubt, 0, 0, 0, 1_000_000_000L, 1_000_000_000L,
            new long[Activity.names().length], -1, -1, -1, false, new long[3], 0, System.currentTimeMillis());
    }
}
