/**
 * The HTTP side of the simulated wallets: one Netty server per wallet on a loopback port, the {@code /sim/}
 * control API, fault application, and the {@link io.hutong.sim.server.WalletApi} plug-in point through which each
 * wallet's real API (WeChat Pay v2, the Alipay gateway, the GM interface, later UnionPay, JD Pay) is served.
 *
 * <pre>
 *   event loops (shared, 1-2 threads)            signing executor (shared, bounded)
 *   WalletServer(wechat) :18081 ---+             ControlApi (/sim/...)
 *   WalletServer(alipay) :18082 ---+-- SimChannelHandler (per connection, answers in request order)
 *   ...                            |     Exchange: latency (timer) -&gt; WalletApi.handle -&gt; fault on the answer
 *                                  +-- inline APIs (HMAC) run here;  RSA/SM2 APIs run on the executor
 * </pre>
 *
 * Nothing here blocks or sleeps on an event loop: latency and late answers use the loop's timer.
 */
package io.hutong.sim.server;
