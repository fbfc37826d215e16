/**
 * The Hutong national-cryptography wallet interface: the documented interface (docs/wallet-interface-gm.md)
 * through which the switch drives wallets whose own APIs are not public (Bestpay, China Mobile Hebao / cmpay,
 * China Unicom Wopay). JSON over HTTPS, SM2/SM3 signatures, SM4-GCM encryption of sensitive fields. Pure
 * message layer shared by the connector (client) and the simulated wallet (server); no HTTP here.
 *
 * <pre>
 *  switch (connector)                                        wallet (or simulator)
 *  GmRequest --GmRequestCodec.encode--&gt; POST /gm/v1/&lt;op&gt;
 *   (plaintext   SM4-GCM auth_code,       body: exact JSON bytes
 *    fields)     payee_account (AAD =     X-Hutong-Signature: keyId=..,sig=..
 *                request_id), SM2 sign      |
 *                body bytes                 +--&gt; GmRequestCodec.decode
 *                                                (size, verify bytes, parse, check, decrypt)
 *  GmResponse.decode &lt;-- body + X-Hutong-Signature &lt;-- GmResponse.encode
 *  (verify bytes, request_id bound)                   (signed with the wallet's key)
 *     |
 *     +--&gt; GmOutcomes (code / err_code / trade_state -&gt; OutcomeStatus + DeclineReason)
 * </pre>
 *
 * The signature covers the exact body bytes rather than a canonical string so that a third party needs no
 * canonicalisation code to interoperate: see {@link io.hutong.connector.gm.GmSignature}. SM2 costs ~440 us to
 * sign and ~90 us to verify: callers keep it off the engine thread.
 */
package io.hutong.connector.gm;
