/**
 * Benchmarks of {@code io.hutong.connector.unionpay}: the gateway signature for each sign type (MD5, RSA_1_256,
 * SM3WITHSM2) and the message layer's per-pay work on each side of the HTTP exchange.
 * <pre>
 *  PayCommand --encodePay--&gt; signed micropay XML POST        UnionPaySignBenchmark: sign, verify (per sign type)
 *  gateway answer --decodePay--&gt; verified WalletResult       UnionPayCodecBenchmark: encode, decode (per sign type)
 * </pre>
 */
package io.hutong.bench.connector.unionpay;
