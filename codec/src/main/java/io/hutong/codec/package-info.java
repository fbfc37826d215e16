/**
 * Payment-code codec: everything needed to turn the text (or image) a scanner read into a typed, routed
 * payment code, and back. No network I/O lives here.
 * <pre>
 *   scanned text/bytes
 *         |
 *         v
 *   classify.CodeClassifier --+--> emv.mpm.MpmDecoder   (EMVCo merchant-presented, CRC checked)
 *         |                   +--> emv.cpm.CpmDecoder   (EMVCo consumer-presented, base64 BER-TLV)
 *         |                   +--> numeric.NumericCodeMatcher (wallet one-time codes)
 *         |                   +--> url.UrlCodeMatcher   (wallet merchant URL codes)
 *         v
 *   registry.WalletRegistry: which participant(s) the code routes to
 * </pre>
 * Decoders are flyweights over Agrona buffers and allocate nothing once warm. Failures are values
 * ({@link io.hutong.codec.CodeError} plus a {@link io.hutong.codec.DecodeError}), never exceptions.
 */
package io.hutong.codec;
