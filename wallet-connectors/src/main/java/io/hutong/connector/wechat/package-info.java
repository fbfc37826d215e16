/**
 * The WeChat Pay v2 message layer, shared by the WeChat connector (client side) and the simulated WeChat
 * wallet (server side). Pure functions, no I/O:
 *
 * <pre>
 *  request record --signedParameters--&gt; LinkedHashMap --WeChatXml.write--&gt; &lt;xml&gt;...&lt;/xml&gt;  (client)
 *  &lt;xml&gt;...&lt;/xml&gt; --WeChatXml.read--&gt; LinkedHashMap --WeChatSign.verify--&gt; handle    (simulator)
 *  WeChatResponse.Builder --toXml--&gt; signed &lt;xml&gt; answer                               (simulator)
 *  answer bytes --WeChatResponse.parse--&gt; verified answer --WeChatOutcomes--&gt; WalletOutcome (client)
 * </pre>
 *
 * <p>{@link io.hutong.connector.wechat.WeChatSign} signs and verifies (MD5 or HMAC-SHA256);
 * {@link io.hutong.connector.wechat.WeChatXml} writes and safely reads the flat XML envelope;
 * {@link io.hutong.connector.wechat.WeChatOutcomes} is the single table from WeChat codes to the
 * switch's outcome vocabulary. Every refused message is a typed
 * {@link io.hutong.connector.wechat.WeChatMessageException}. Not on the engine thread: these allocate.
 */
package io.hutong.connector.wechat;
