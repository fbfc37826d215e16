/**
 * The UnionPay gateway-style wire format (the aggregated-acquirer "pay/gateway" of UnionPay's barcode front-end
 * platform): one POST endpoint, a {@code service} parameter naming the operation
 * ({@code unified.trade.micropay}, {@code unified.trade.query}, {@code unified.micropay.reverse},
 * {@code unified.trade.refund}), flat {@code <xml>} messages, signed with MD5, RSA_1_256 or SM2 with SM3: the
 * message layer shared by the UnionPay connector (client) and the simulated gateway (server), and the connector
 * itself ({@link io.hutong.connector.unionpay.UnionPayConnector}, built by
 * {@link io.hutong.connector.unionpay.UnionPayConnectorProvider}, connector type {@code unionpay}), which alone
 * does HTTP, through the shared client.
 *
 * <pre>
 *  switch (UnionPayConnector: MD5 inline, RSA/SM2 on the crypto pool)   gateway (or simulator)
 *  MicropayRequest / QueryRequest /
 *  ReverseRequest / RefundRequest
 *     --signedParameters(merchant, nonce)--&gt; LinkedHashMap
 *     --UnionPayXml.writeUtf8--&gt; POST &lt;xml&gt;...&lt;/xml&gt;  ------&gt; UnionPayGatewayRequest.parse
 *        signed with the merchant's key                          (XML, service, mch_id, keys,
 *                                                                 sign_type, sign, fields)
 *  UnionPayResponse.parse  &lt;------ &lt;xml&gt;status, result_code... &lt;-- UnionPayResponse.Builder.toXml
 *  (status=0 must verify with the gateway's key;                  signed with the gateway's key
 *   mch_id and out_trade_no must match)
 *     |
 *     +--&gt; UnionPayOutcomes (status / result_code / need_query / err_code / trade_state -&gt; WalletOutcome)
 *     +--&gt; WalletResult to the switch
 * </pre>
 *
 * <p>{@link io.hutong.connector.unionpay.UnionPaySign} signs and verifies;
 * {@link io.hutong.connector.unionpay.UnionPayKeys} holds each side's own and peer key;
 * {@link io.hutong.connector.unionpay.UnionPayXml} reads and writes the envelope (delegating to the WeChat reader,
 * which refuses DTDs and XXE). Every refused message is a typed
 * {@link io.hutong.connector.unionpay.UnionPayMessageException}. The format, its sources and what is provisional
 * are in docs/wallet-unionpay.md.
 *
 * <p>Everything here allocates and RSA signing costs about 1 ms, SM2 about 0.4 ms: callers run it on the crypto
 * pool or an event loop, never on the engine thread. All types are immutable and thread-safe except
 * {@link io.hutong.connector.unionpay.UnionPayResponse.Builder}.
 */
package io.hutong.connector.unionpay;
