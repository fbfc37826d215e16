/**
 * Fault injection for the simulated wallets: a validated {@link io.hutong.sim.faults.FaultPlan} per wallet (from
 * configuration or {@code POST /sim/faults}) and the {@link io.hutong.sim.faults.FaultDecision} drawn for each
 * request from a seedable random source, so fault tests repeat exactly.
 *
 * <pre>
 *   request --&gt; FaultInjector.decide(operation)
 *                 latency (fixed | uniform | lognormal)      --&gt; event loop schedule()
 *                 one of: error, 500, hang, reset, duplicate,
 *                         late, bad signature, malformed      --&gt; server (answer) / wallet API (signature)
 *                 applied? (error, 500, hang, reset, late)   --&gt; ledger operation before the failure or not
 *                 USERPAYING (pay), consumer cancels?        --&gt; ledger
 * </pre>
 */
package io.hutong.sim.faults;
