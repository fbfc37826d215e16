/**
 * The simulated wallets (docs/simulated-wallets.md): {@link io.hutong.sim.Simulator} starts one ledger, fault plan
 * and HTTP server per wallet of the participant registry; {@link io.hutong.sim.WalletApiCatalog} says which wallet
 * APIs each serves.
 *
 * <pre>
 *   hutong wallets --&gt; Simulator.start(config, data, clock)
 *     wechat   :18081  WeChat Pay v2 + GM credit/release + /sim
 *     alipay   :18082  Alipay gateway (/gateway.do) + GM credit/release + /sim
 *     unionpay :18083  UnionPay gateway (/pay/gateway) + GM credit/release + /sim (EMV codes)
 *     jdpay    :18084  GM credit/release + /sim
 *     bestpay  :18085  GM interface (all six) + /sim
 *     cmpay    :18086  GM interface (all six) + /sim
 *     wopay    :18087  GM interface (all six) + /sim
 *   packages: ledger, codes, faults, server, wechat, alipay, unionpay, gm, config
 * </pre>
 */
package io.hutong.sim;
