/**
 * The simulated UnionPay gateway (docs/wallet-unionpay.md): micropay, query, reverse and refund over the wallet's
 * ledger, on the message layer {@code io.hutong.connector.unionpay} shared with the UnionPay connector.
 *
 * <pre>
 *   POST /pay/gateway &lt;xml&gt;service=unified.trade.*, mch_id, sign_type, sign, ...&lt;/xml&gt;
 *     UnionPayApi: route by service (faults per operation) -&gt; UnionPayGatewayRequest.parse (merchant's key)
 *       refused: status=400 (unsigned)
 *     UnionPayOperations: UnionPayConsumerCodes (numeric or EMV CPM -&gt; numeric) -&gt; Ledger
 *       -&gt; result_code, err_code, need_query, trade_state
 *     UnionPayResponse.Builder -&gt; status=0 &lt;xml&gt; signed with the gateway's key (the bad-signature fault: a wrong one)
 *   UnionPayGatewayKeys: mch_id, sign type (SM3WITHSM2 unless secrets.json says MD5 or RSA_1_256) and keys, kept in
 *   the wallet's secrets; the merchant's half goes to credentials.json under the connector's setting names.
 * </pre>
 */
package io.hutong.sim.unionpay;
