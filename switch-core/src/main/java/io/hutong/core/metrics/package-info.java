/**
 * The switch's metrics in the Prometheus text format: the engine's published counters and gauges, and latency
 * summaries from its HdrHistogram recorders.
 */
package io.hutong.core.metrics;
