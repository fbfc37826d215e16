/**
 * Benchmarks of {@code io.hutong.codec.emv.cpm}: decoding and validating an EMVCo consumer-presented payload
 * (base64 text to BER-TLV, then the CPM rules) with Hutong's flyweight {@code CpmDecoder}, beside the peer
 * library {@code com.github.mvallim:emv-qrcode} doing the same job.
 */
package io.hutong.bench.codec.emv.cpm;
