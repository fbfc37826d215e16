/**
 * Overload protection on the engine thread: {@link io.hutong.core.engine.admission.Admission} bounds the
 * payments in flight per client, per wallet and overall (beyond them: BUSY at once), and one
 * {@link io.hutong.core.engine.admission.CircuitBreaker} per wallet stops new pays to a wallet that keeps
 * failing, while queries and reversals keep flowing.
 */
package io.hutong.core.engine.admission;
