/**
 * The one-command demo ({@code hutong demo}): simulated wallets, the switch and POS terminals in one process,
 * a mixed load with injected faults, reconciliation, and a JSON and HTML report
 * ({@link io.hutong.sim.demo.Demo}, {@link io.hutong.sim.demo.HtmlReport}).
 */
package io.hutong.sim.demo;
