/**
 * Benchmarks of {@code io.hutong.connector.alipay}: RSA2 (SHA256withRSA, 2048-bit) request signing and answer
 * verification, and the connector's per-pay work on each side of the HTTP exchange.
 * <pre>
 *  PayCommand --encodePay--&gt; biz_content JSON + RSA2 + form encoding     AlipaySignBenchmark, AlipayCodecBenchmark
 *  gateway answer --decodePay--&gt; RSA2-verified WalletResult
 * </pre>
 */
package io.hutong.bench.connector.alipay;
