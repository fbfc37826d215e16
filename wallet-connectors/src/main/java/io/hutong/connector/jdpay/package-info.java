/**
 * JD Pay V2.0 barcode payments (fkmPay, query, revoke, refund): the connector
 * ({@link io.hutong.connector.jdpay.JdPayConnector}, type {@code jdpay}, built by
 * {@link io.hutong.connector.jdpay.JdPayConnectorProvider}) and the message layer it shares with the simulated JD
 * Pay wallet (server side). The message layer is pure functions, no I/O (docs/wallet-jdpay.md):
 *
 * <pre>
 *  client (connector)                             server (simulated JD Pay)
 *  JdPayRequest --JdPayRequestCodec.encode--&gt;     --JdPayRequestCodec.decode--&gt; Inbound(merchant, request)
 *    inner XML, sign (merchant key), 3DES         envelope, keys by merchant, 3DES, verify (merchant public key)
 *                        \--- HTTP body: &lt;jdpay&gt;...&lt;encrypt&gt; ---/
 *
 *  JdPayResponse.parse  &lt;--  HTTP body  &lt;--  JdPayResponse.Builder.build / refusal
 *    3DES, verify (JD public key)                 inner XML, sign (JD key), 3DES, envelope with result
 *      |
 *      +--&gt; JdPayOutcomes (result code, trade status -&gt; WalletOutcome)
 *
 *  connector: PayCommand ... RefundCommand --&gt; JdPayRequest --[crypto pool: encode]--&gt; HTTP (event loop)
 *             --[crypto pool: JdPayResponse.parse, JdPayOutcomes]--&gt; WalletResult
 *
 *  layers: JdPayXml (StAX read, compact write)   JdPaySign (SHA-256 hex, RSA "encrypt")
 *          JdPayDes (3DES-ECB frame)   JdPayCrypto (seal, open)   JdPayEnvelope (outer XML)
 * </pre>
 *
 * Every refused message is a typed {@link io.hutong.connector.jdpay.JdPayMessageException}. JD's scheme is weak
 * (3DES-ECB without integrity, PKCS#1 v1.5 over a hex digest, 1024-bit keys) and reproduced only for
 * interoperability. RSA signing costs up to a millisecond: callers run {@code encode} and {@code build} on the
 * crypto pool, never on the engine thread or an event loop. Nothing here is for the allocation-free hot path.
 */
package io.hutong.connector.jdpay;
