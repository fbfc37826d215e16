/**
 * Benchmarks of {@code io.hutong.connector.jdpay}: JD Pay's SHA-256 + RSA signature (1024 and 2048 bits), the 3DES
 * layer, and the message layer's per-pay work on each side of the HTTP exchange.
 * <pre>
 *  PayCommand --encodePay--&gt; inner XML + RSA + 3DES + envelope     JdPaySignBenchmark: sign, verify, seal, open
 *  JD answer --decodePay--&gt; 3DES + RSA-verified WalletResult        JdPayCodecBenchmark: encode, decode, 3DES
 * </pre>
 */
package io.hutong.bench.connector.jdpay;
