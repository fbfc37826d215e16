/**
 * JMH benchmarks of Hutong's hot paths. Sub-packages mirror the production packages they measure
 * ({@code codec.emv.mpm}, {@code codec.emv.cpm}, {@code codec.classify}, {@code connector.*}; {@code core} for
 * switch-core's payment path and journal); each benchmark class extends
 * {@link io.hutong.bench.ForkedBenchmark}, which gives every JMH fork the project's JVM flags, and sets a peer
 * library doing the same job beside Hutong in the same run.
 * <pre>
 *   java -jar bench/target/benchmarks.jar -prof gc             all benchmarks, allocation per op
 *   java -jar bench/target/benchmarks.jar -prof gc 'Mpm.*'     a regex selects a subset
 * </pre>
 */
package io.hutong.bench;
