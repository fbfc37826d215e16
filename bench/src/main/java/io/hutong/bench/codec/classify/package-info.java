/**
 * Benchmarks of {@code io.hutong.codec.classify}: the switch's single entry point from scanned bytes to
 * "format, decoded, routed to these wallets", on numeric one-time codes and on EMV merchant payloads
 * ({@link io.hutong.bench.codec.classify.ClassifySample}).
 */
package io.hutong.bench.codec.classify;
