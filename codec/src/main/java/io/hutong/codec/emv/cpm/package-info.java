/**
 * EMVCo consumer-presented QR codes (EMV QRCPS Consumer-Presented Mode v1.1): the code a shopper's wallet shows
 * and the merchant's POS scans. {@link io.hutong.codec.emv.cpm.CpmDecoder} validates a scanned payload and says
 * which application (AID) and card it names, without ever exposing the full PAN;
 * {@link io.hutong.codec.emv.cpm.CpmEncoder} issues payloads for the simulated wallets, and
 * {@link io.hutong.codec.emv.cpm.CpmClearPan} is the issuing wallet's one explicit way to the clear PAN.
 * <pre>
 *   QR byte mode: base64 text (RFC 4648, padding optional, &lt;= 684 chars)
 *        |  Base64Text.decode   (strict, offset of the first bad character)
 *        v
 *   BER-TLV binary (&lt;= 512 bytes)          BerTlvReader.validateTree (definite lengths, bounded)
 *   85 05 "CPV01"                           Payload Format Indicator, first
 *   61 len                                  Application Template, 1 or 2
 *      4F AID (5..16)  50 label  57 track 2 | 5A PAN  5F20 5F2D 5F50 9F08 9F19 9F24 9F25
 *      63 len  9F26 9F27 9F10 9F36 9F37     Application Specific Transparent Template
 *   62 len                                  Common Data Template, 0 or 1
 *      5A | 57  5F20  5F2D
 *      64 len  9F26 9F27 9F10 9F36 9F37     Common Data Transparent Template
 * </pre>
 * Spec example 1: {@code hQVDUFYwMWEaTwegAAAAVVVVVw8SNFZ4kBI0WNGRIgESNF8=} is one application, AID
 * {@code A0000000555555}, track 2 PAN {@code 123456******3458} (masked).
 * <p>
 * The decoder is a flyweight that allocates nothing once warm and never throws for any input: every refusal is a
 * {@link io.hutong.codec.CodeError} with its offset in a {@link io.hutong.codec.DecodeError}.
 */
package io.hutong.codec.emv.cpm;
