package io.hutong.sim.faults;

import java.util.Objects;

/**
 * One wallet's current fault plan and the per-request decision drawn from it. The plan is replaced atomically at
 * run time ({@code POST /sim/faults}); a plan with a {@code seed} restarts the random sequence, so a test that
 * sends the same requests in the same order sees the same faults.
 * <p>
 * Thread-safe and lock-free. With the empty plan (the default) {@link #decide} draws nothing and allocates nothing.
 */
public final class FaultInjector
{
    private final FaultRandom random;
    private volatile FaultPlan plan = FaultPlan.NONE;

    /**
     * @param seed the initial random seed.
     */
    public FaultInjector(final long seed)
    {
        this.random = new FaultRandom(seed);
    }

    /**
     * @return the plan in force.
     */
    public FaultPlan plan()
    {
        return plan;
    }

    /**
     * Puts a plan in force; its seed, when set, restarts the random sequence.
     *
     * @param newPlan the plan.
     */
    public void replace(final FaultPlan newPlan)
    {
        Objects.requireNonNull(newPlan, "newPlan");
        if (null != newPlan.seed())
        {
            random.reseed(newPlan.seed());
        }
        plan = newPlan;
    }

    /**
     * Removes every fault.
     */
    public void clear()
    {
        plan = FaultPlan.NONE;
    }

    /**
     * Draws what happens to one request.
     *
     * @param operation the request's operation.
     * @return the decision; {@link FaultDecision#NONE} when the plan does not touch this operation.
     */
    public FaultDecision decide(final WalletOperation operation)
    {
        final FaultPlan current = plan;
        if (current.isEmpty() || !current.operations().contains(operation))
        {
            return FaultDecision.NONE;
        }
        final long delayMs = null == current.latency() ? 0 : current.latency().draw(random);
        final FaultKind kind = drawKind(current);
        final boolean applied = !mayHideApplied(kind) || random.nextDouble() < current.appliedRate();
        long userPayingMs = -1;
        boolean userCancels = false;
        if (WalletOperation.PAY == operation && current.userPayingRate() > 0 &&
            random.nextDouble() < current.userPayingRate())
        {
            userPayingMs = current.userPayingMs();
            userCancels = random.nextDouble() < current.userCancelRate();
        }
        if (0 == delayMs && FaultKind.NONE == kind && userPayingMs < 0)
        {
            return FaultDecision.NONE;
        }
        return new FaultDecision(delayMs, kind, applied, current.lateMs(), userPayingMs, userCancels);
    }

    private FaultKind drawKind(final FaultPlan current)
    {
        final double total = current.exclusiveRate();
        if (0 == total)
        {
            return FaultKind.NONE;
        }
        double u = random.nextDouble();
        if ((u -= current.errorRate()) < 0)
        {
            return FaultKind.SYSTEM_ERROR;
        }
        if ((u -= current.http500Rate()) < 0)
        {
            return FaultKind.HTTP_500;
        }
        if ((u -= current.hangRate()) < 0)
        {
            return FaultKind.HANG;
        }
        if ((u -= current.resetRate()) < 0)
        {
            return FaultKind.RESET;
        }
        if ((u -= current.duplicateRate()) < 0)
        {
            return FaultKind.DUPLICATE;
        }
        if ((u -= current.lateRate()) < 0)
        {
            return FaultKind.LATE;
        }
        if ((u -= current.badSignatureRate()) < 0)
        {
            return FaultKind.BAD_SIGNATURE;
        }
        if ((u - current.malformedRate()) < 0)
        {
            return FaultKind.MALFORMED;
        }
        return FaultKind.NONE;
    }

    private static boolean mayHideApplied(final FaultKind kind)
    {
        return FaultKind.SYSTEM_ERROR == kind || FaultKind.HTTP_500 == kind || FaultKind.HANG == kind ||
            FaultKind.RESET == kind || FaultKind.LATE == kind;
    }
}
