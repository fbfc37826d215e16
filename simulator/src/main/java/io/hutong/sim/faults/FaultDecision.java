package io.hutong.sim.faults;

/**
 * What happens to one request, drawn from the fault plan when it arrives. Immutable and thread-safe.
 *
 * @param delayMs      latency before the request is handled, 0 for none.
 * @param kind         the fault, or {@link FaultKind#NONE}.
 * @param applied      for SYSTEM_ERROR, HTTP_500, HANG, RESET and LATE: whether the ledger operation is applied
 *                     before the failure (money moved, answer lost); true for the other kinds. For LATE, not applied
 *                     means the wallet handles the request only when it answers, {@code lateMs} later.
 * @param lateMs       the extra delay of a LATE answer.
 * @param userPayingMs for a payment: how long the consumer takes to confirm, or -1 when the payment does not wait.
 * @param userCancels  for a payment that waits: the consumer cancels instead of confirming.
 */
public record FaultDecision(
    long delayMs, FaultKind kind, boolean applied, long lateMs, long userPayingMs, boolean userCancels)
{
    /** No fault at all: the decision of every request while the plan is empty. */
    public static final FaultDecision NONE = new FaultDecision(0, FaultKind.NONE, true, 0, -1, false);

    /**
     * @return true when the payment waits for its consumer (USERPAYING).
     */
    public boolean userPaying()
    {
        return userPayingMs >= 0;
    }

    /**
     * @return true when the answer must carry a wrong signature.
     */
    public boolean badSignature()
    {
        return FaultKind.BAD_SIGNATURE == kind;
    }
}
