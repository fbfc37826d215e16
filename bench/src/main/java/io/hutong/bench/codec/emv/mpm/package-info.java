/**
 * Benchmarks of {@code io.hutong.codec.emv.mpm}: decoding and validating EMVCo merchant-presented payloads
 * (structure, CRC, format rules) with Hutong's flyweight {@code MpmDecoder}, beside the peer library
 * {@code com.github.mvallim:emv-qrcode} doing the same job on the same payloads ({@link
 * io.hutong.bench.codec.emv.mpm.MpmSample}).
 */
package io.hutong.bench.codec.emv.mpm;
