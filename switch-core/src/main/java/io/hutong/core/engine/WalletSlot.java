package io.hutong.core.engine;

import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletSchedule;
import io.hutong.core.engine.admission.CircuitBreaker;

/**
 * One participant as the engine sees it: its registry index and id, its connector (null when the switch has
 * no connector configured for it), its schedule and its pay circuit breaker.
 *
 * @param index     the registry index.
 * @param id        the participant id.
 * @param connector the connector, or null.
 * @param schedule  how its payments are queried and reversed (the connector's, or a default).
 * @param breaker   the pay breaker.
 */
public record WalletSlot(int index, String id, WalletConnector connector, WalletSchedule schedule, CircuitBreaker breaker)
{
}
