/**
 * The switch's configuration: one YAML file ({@link io.hutong.core.config.SwitchConfig}) with every key
 * optional, validated at start into {@link io.hutong.core.config.SwitchSettings} by
 * {@link io.hutong.core.config.SwitchConfigLoader}, which stops at the first bad key with its name and the
 * reason.
 */
package io.hutong.core.config;
