/**
 * The simulated JD Pay V2.0 barcode-payment API: fkmPay, query, revoke and refund over the wallet's ledger, on the
 * message layer {@code io.hutong.connector.jdpay} shared with the JD Pay connector (docs/wallet-jdpay.md).
 *
 * <pre>
 *   POST /service/fkmPay &lt;jdpay&gt;&lt;version/&gt;&lt;merchant/&gt;&lt;encrypt/&gt;&lt;/jdpay&gt;
 *     JdPayApi: JdPayRequestCodec.decode (3DES, verify with the merchant's public key)
 *               refused -&gt; unsigned &lt;result&gt; (PARAM_ERROR, SIGN_ERROR, DECRYPT_ERROR, MERCHANT_INVALID)
 *     JdPayOperations: Ledger.pay/query/reverse/refund -&gt; result/code, status; revoke and refund trades
 *     JdPayResponse.Builder.build (sign with JD's key, 3DES)        [runs on the signing executor]
 *   JdPayWalletKeys: merchant number, merchant and JD RSA-2048 keys, DES key (kept in the wallet's secrets)
 * </pre>
 */
package io.hutong.sim.jdpay;
