/**
 * Benchmarks of {@code io.hutong.connector.gm}, the GM interface of Bestpay, Hebao and Wo: SM2-with-SM3 signing and
 * verification over a real request body (through {@code io.hutong.codec.sign.CodeSigner}, beside Bouncy Castle's
 * JCA {@code SM3withSM2} reused as a baseline), SM4-GCM field encryption, and the connector's per-pay work.
 * <pre>
 *  PayCommand --encodePay--&gt; SM4-GCM code + JSON + SM2 header    GmSignatureBenchmark, GmCodecBenchmark
 *  wallet answer --decodePay--&gt; SM2-verified WalletResult
 * </pre>
 */
package io.hutong.bench.connector.gm;
