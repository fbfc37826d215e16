/**
 * The simulated WeChat Pay v2 wallet API: micropay, orderquery, reverse, refund and closeorder over the wallet's
 * ledger, on the message layer {@code io.hutong.connector.wechat} shared with the WeChat connector.
 *
 * <pre>
 *   POST /pay/micropay &lt;xml&gt;..&lt;/xml&gt;
 *     WeChatApi: read (StAX) -&gt; mch_id, sign_type, sign -&gt; appid
 *     WeChatOperations: fields -&gt; Ledger.pay/query/reverse/refund/close -&gt; result_code, err_code, trade_state
 *     WeChatResponse.Builder -&gt; signed &lt;xml&gt; (the request's sign_type)
 * </pre>
 *
 * The official WeChat Pay Java SDK completes micropay, orderquery and reverse against it (see
 * docs/simulated-wallets.md for how to point the SDK at the simulator).
 */
package io.hutong.sim.wechat;
