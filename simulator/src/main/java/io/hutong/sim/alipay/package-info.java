/**
 * The simulated Alipay open-platform gateway: alipay.trade.pay ({@code scene=bar_code}), query, cancel and refund
 * at {@code <baseUrl>/gateway.do} over the wallet's ledger, on the message layer {@code io.hutong.connector.alipay}
 * shared with the Alipay connector.
 *
 * <pre>
 *   POST /gateway.do?app_id=..&amp;method=..&amp;sign_type=RSA2&amp;sign=..   body: biz_content={...}
 *     AlipayApi: AlipayGatewayRequest.parse (verify with the app's public key) -&gt; system parameter checks
 *     AlipayOperations: biz_content -&gt; Ledger.pay/query/reverse/refund -&gt; code, sub_code, trade_status, ...
 *     AlipayResponse.writeSigned (the gateway's own RSA key, AlipayKeys) -&gt; {"x_response":{...},"sign":".."}
 * </pre>
 *
 * The official Alipay Java SDK completes pay, query and cancel against it (see docs/simulated-wallets.md for how to
 * point the SDK at the simulator).
 */
package io.hutong.sim.alipay;
