package io.hutong.sim.faults;

/**
 * The one fault (at most) a request gets besides latency and USERPAYING. Immutable and thread-safe.
 */
public enum FaultKind
{
    /** Answer normally. */
    NONE,
    /** Answer with the wallet's own "system error, outcome unknown" (WeChat SYSTEMERROR, GM SYSTEM_ERROR). */
    SYSTEM_ERROR,
    /** Answer HTTP 500. */
    HTTP_500,
    /** Never answer; keep the connection open until the client closes it. */
    HANG,
    /** Close the connection without an answer. */
    RESET,
    /** Write the answer twice. */
    DUPLICATE,
    /** Answer after {@link FaultDecision#lateMs()}. */
    LATE,
    /** Sign the answer with a wrong key. */
    BAD_SIGNATURE,
    /** Answer garbage: the first half of the real answer, then bytes no parser accepts. */
    MALFORMED
}
