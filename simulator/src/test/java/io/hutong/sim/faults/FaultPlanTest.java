package io.hutong.sim.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FaultPlanTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void shouldReadEveryFieldAndWriteItBack() throws Exception
    {
        final FaultPlan plan = FaultPlan.fromJson(JSON.readTree("""
            {"latency":{"distribution":"lognormal","medianMs":20,"sigma":0.8,"maxMs":500},
             "errorRate":0.1,"http500Rate":0.05,"hangRate":0.01,"resetRate":0.02,"duplicateRate":0.03,
             "lateRate":0.04,"lateMs":2500,"appliedRate":0.7,"userPayingRate":0.2,"userPayingMs":3000,
             "userCancelRate":0.25,"badSignatureRate":0.06,"malformedRate":0.07,"operations":["pay","query"],
             "seed":42}"""), "faults");

        assertThat(plan.latency().distribution()).isEqualTo(FaultPlan.Distribution.LOGNORMAL);
        assertThat(plan.exclusiveRate()).isCloseTo(0.38, within(1e-9));
        assertThat(plan.operations()).containsExactlyInAnyOrder(WalletOperation.PAY, WalletOperation.QUERY);
        assertThat(plan.seed()).isEqualTo(42L);
        assertThat(FaultPlan.fromJson(plan.toJson(), "faults")).isEqualTo(plan);
    }

    @Test
    void shouldTakeDefaultsFromAnEmptyPlanAndReadYaml() throws Exception
    {
        final FaultPlan empty = FaultPlan.fromJson(JSON.readTree("{}"), "faults");
        final FaultPlan yaml = FaultPlan.fromJson(YAML.readTree("errorRate: 0.5\nlatency: {ms: 30}\n"), "faults");

        assertThat(empty).isEqualTo(FaultPlan.NONE);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.appliedRate()).isEqualTo(0.5);
        assertThat(FaultPlan.fromJson(null, "faults")).isEqualTo(FaultPlan.NONE);
        assertThat(yaml.errorRate()).isEqualTo(0.5);
        assertThat(yaml.latency().distribution()).isEqualTo(FaultPlan.Distribution.FIXED);
        assertThat(yaml.latency().ms()).isEqualTo(30);
    }

    @Test
    void shouldRefuseInvalidPlansWithTheKeyAndTheReason()
    {
        assertRefused("{\"errorRate\":1.5}", "faults.errorRate=1.5: must be in [0,1]");
        assertRefused("{\"hangRate\":-0.1}", "faults.hangRate=-0.1: must be in [0,1]");
        assertRefused("{\"resetRate\":\"x\"}", "faults.resetRate=\"x\": must be a number");
        assertRefused("{\"errorRate\":0.6,\"http500Rate\":0.6}", "faults.errorRate+http500Rate+");
        assertRefused("{\"errorRat\":0.1}", "faults.errorRat: unknown field");
        assertRefused("{\"lateMs\":-1}", "faults.lateMs=-1: must be an integer in [0,600000]");
        assertRefused("{\"userPayingMs\":1.5}", "faults.userPayingMs=1.5: must be an integer");
        assertRefused("{\"operations\":[\"pay\",\"bogus\"]}", "faults.operations=\"bogus\": must be pay, query");
        assertRefused("{\"operations\":\"pay\"}", "faults.operations=\"pay\": must be a list");
        assertRefused("{\"latency\":{\"distribution\":\"gauss\"}}", "faults.latency.distribution=\"gauss\"");
        assertRefused("{\"latency\":{\"distribution\":\"uniform\",\"minMs\":9,\"maxMs\":3}}",
            "faults.latency.maxMs=3: must be >= minMs=9");
        assertRefused("{\"latency\":{\"distribution\":\"lognormal\"}}", "faults.latency.medianMs=0 sigma=0.5");
        assertRefused("{\"latency\":{\"median\":3}}", "faults.latency.median: unknown field");
        assertRefused("{\"seed\":\"x\"}", "faults.seed=\"x\": must be an integer");
        assertRefused("[1]", "faults=[1]: must be an object");
    }

    @Test
    void shouldRepeatTheSameDecisionsForTheSameSeed() throws Exception
    {
        final JsonNode plan = JSON.readTree("""
            {"latency":{"distribution":"uniform","minMs":1,"maxMs":50},"errorRate":0.2,"hangRate":0.1,
             "userPayingRate":0.3,"userCancelRate":0.5,"seed":1234}""");

        final List<FaultDecision> first = decisions(plan, 500);
        final List<FaultDecision> second = decisions(plan, 500);

        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(FaultDecision::kind)
            .contains(FaultKind.SYSTEM_ERROR, FaultKind.HANG, FaultKind.NONE);
        assertThat(first).allSatisfy((d) -> assertThat(d.delayMs()).isBetween(1L, 50L));
        final FaultInjector other = new FaultInjector(0);
        other.replace(FaultPlan.fromJson(JSON.readTree("{\"errorRate\":0.2,\"seed\":99}"), "faults"));
        assertThat(decisions(JSON.readTree("{\"errorRate\":0.2,\"seed\":98}"), 200)).extracting(FaultDecision::kind)
            .isNotEqualTo(decisionsOf(other, 200));
    }

    @Test
    void shouldDrawEachFaultAtItsRate() throws Exception
    {
        final FaultInjector injector = new FaultInjector(5);
        injector.replace(FaultPlan.fromJson(JSON.readTree("""
            {"errorRate":0.1,"http500Rate":0.1,"hangRate":0.1,"resetRate":0.1,"duplicateRate":0.1,"lateRate":0.1,
             "badSignatureRate":0.1,"malformedRate":0.1,"appliedRate":0.25,"userPayingRate":0.5}"""), "faults"));

        final Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
        int applied = 0;
        int hiding = 0;
        int userPaying = 0;
        final int n = 40_000;
        for (int i = 0; i < n; i++)
        {
            final FaultDecision decision = injector.decide(WalletOperation.PAY);
            counts.merge(decision.kind(), 1, Integer::sum);
            if (FaultKind.SYSTEM_ERROR == decision.kind() || FaultKind.HANG == decision.kind())
            {
                hiding++;
                applied += decision.applied() ? 1 : 0;
            }
            userPaying += decision.userPaying() ? 1 : 0;
        }

        for (final FaultKind kind : FaultKind.values())
        {
            assertThat(counts.get(kind) / (double)n).as(kind.name()).isCloseTo(kind == FaultKind.NONE ? 0.2 : 0.1,
                within(0.01));
        }
        assertThat(applied / (double)hiding).isCloseTo(0.25, within(0.02));
        assertThat(userPaying / (double)n).isCloseTo(0.5, within(0.02));
        assertThat(injector.decide(WalletOperation.QUERY).userPaying()).as("USERPAYING is for payments only")
            .isFalse();
    }

    @Test
    void shouldLeaveOperationsOutsideThePlanAlone() throws Exception
    {
        final FaultInjector injector = new FaultInjector(1);
        injector.replace(FaultPlan.fromJson(JSON.readTree("{\"errorRate\":1,\"operations\":[\"reverse\"]}"), "f"));

        assertThat(injector.decide(WalletOperation.PAY)).isSameAs(FaultDecision.NONE);
        assertThat(injector.decide(WalletOperation.REVERSE).kind()).isEqualTo(FaultKind.SYSTEM_ERROR);
        injector.clear();
        assertThat(injector.decide(WalletOperation.REVERSE)).isSameAs(FaultDecision.NONE);
    }

    @Test
    void shouldKeepLatencyDrawsInsideTheirDistribution()
    {
        final FaultRandom random = new FaultRandom(3);
        final FaultPlan.Latency fixed = new FaultPlan.Latency(FaultPlan.Distribution.FIXED, 7, 0, 0, 0, 0);
        final FaultPlan.Latency lognormal = new FaultPlan.Latency(FaultPlan.Distribution.LOGNORMAL, 0, 0, 400, 20, 1);

        final List<Long> draws = new ArrayList<>();
        for (int i = 0; i < 10_001; i++)
        {
            draws.add(lognormal.draw(random));
        }
        draws.sort(Long::compare);

        assertThat(fixed.draw(random)).isEqualTo(7);
        assertThat(draws.get(5_000)).as("median").isBetween(18L, 22L);
        assertThat(draws.get(10_000)).isLessThanOrEqualTo(400);
        assertThat(draws.get(0)).isGreaterThanOrEqualTo(0);
    }

    private static List<FaultDecision> decisions(final JsonNode plan, final int count)
    {
        final FaultInjector injector = new FaultInjector(0);
        injector.replace(FaultPlan.fromJson(plan, "faults"));
        return decisionsOf(injector, count);
    }

    private static List<FaultDecision> decisionsOf(final FaultInjector injector, final int count)
    {
        final List<FaultDecision> decisions = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            decisions.add(injector.decide(WalletOperation.PAY));
        }
        return decisions;
    }

    private static void assertRefused(final String json, final String message)
    {
        assertThatThrownBy(() -> FaultPlan.fromJson(JSON.readTree(json), "faults"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(message);
    }
}
