/**
 * The Hutong GM interface (docs/wallet-interface-gm.md) served by the simulated wallets: all six operations for
 * bestpay, cmpay and wopay, and the MPM legs {@code credit} and {@code release} for every wallet. Built on the
 * message layer {@code io.hutong.connector.gm} shared with the GM connector.
 *
 * <pre>
 *   POST /gm/v1/&lt;op&gt;  body + X-Hutong-Signature
 *     GmApi: GmRequestCodec.decode (SM2 verify, SM4-GCM decrypt) -&gt; timestamp, merchant
 *     GmOperations: Ledger.pay/query/reverse/refund/credit/release -&gt; code, err_code, trade_state
 *     GmResponse.encode (SM2 sign, wallet key)          [runs on the signing executor]
 *   GmKeys: merchant id, switch and wallet SM2 keys, SM4 key (kept in the wallet's secrets)
 * </pre>
 */
package io.hutong.sim.gm;
