/**
 * Benchmarks of {@code io.hutong.connector.wechat}: the WeChat Pay v2 signature (MD5, HMAC-SHA256) and the
 * connector's per-pay work on each side of the HTTP exchange, beside the official WeChat Pay Java SDK
 * ({@code com.github.wxpay:wxpay-sdk}) doing the same job.
 * <pre>
 *  PayCommand --encodePay--&gt; signed micropay XML POST        WeChatSignBenchmark: sign, verify, peer, JDK floor
 *  paid answer --decodePay--&gt; verified WalletResult          WeChatCodecBenchmark: encode, decode, peer
 * </pre>
 */
package io.hutong.bench.connector.wechat;
