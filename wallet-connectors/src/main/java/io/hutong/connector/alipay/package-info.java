/**
 * The Alipay open-platform gateway wire format for barcode payments (alipay.trade.pay with
 * {@code scene=bar_code}, query, cancel, refund), as pure functions shared by the Alipay connector (client)
 * and the simulated Alipay gateway (server). No HTTP here: only messages, signatures and the outcome table.
 *
 * <pre>
 *  client (connector)                                   server (simulated gateway)
 *  AlipayRequest --AlipayRequestEncoder--> AlipayWireRequest
 *     (records)     + system params, RSA2    query: app_id..sign (URL-encoded)
 *                   with the app's key       body:  biz_content=... (form)
 *                                              |
 *                                              +--> AlipayGatewayRequest.parse
 *                                                   (merge, verify with app public key)
 *  AlipayResponse.parse  &lt;-- {"x_y_response":{...},"sign":"..."} &lt;-- AlipayResponse.writeSigned
 *  (verify the inner text      signed with the gateway's own key
 *   exactly as received)
 *     |
 *     +--> AlipayOutcomes (code / sub_code / trade_status -&gt; OutcomeStatus + DeclineReason)
 * </pre>
 *
 * Signatures are RSA2 ({@link io.hutong.connector.alipay.AlipaySign}): about 1 ms to sign with RSA-2048, so
 * callers keep signing off the engine thread.
 */
package io.hutong.connector.alipay;
