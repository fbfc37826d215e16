/**
 * A running switch: {@link io.hutong.core.node.SwitchNode} wires the registry, wallet connectors, journal,
 * engine (with recovery), POS and HTTP listeners and metrics from the validated configuration, and stops them
 * cleanly; {@link io.hutong.core.node.DevelopmentFiles} creates terminal keys and API client secrets on a new
 * machine.
 */
package io.hutong.core.node;
