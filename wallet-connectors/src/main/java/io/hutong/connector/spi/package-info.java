/**
 * How connectors are found, configured and built, and the call life cycle they share.
 * <pre>
 *  credentials.json / switch config
 *        |  ConnectorSettings.readCredentials: settings per wallet id (typed getters, path-named errors)
 *        v
 *  WalletConnectors.create ---ServiceLoader---&gt; WalletConnectorProvider (types: wechat | gm, bestpay, ... )
 *        |                                         create(ConnectorContext: walletId, settings, http, cryptoPool, clock)
 *        v
 *  WalletConnector (HttpWalletConnector subclass per wallet)
 *        exchange: encode [crypto pool] -&gt; WalletHttpClient [event loop] -&gt; decode [crypto pool] -&gt; WalletCallback
 *        credit / release -&gt; the wallet's interop connector (GM interface)
 * </pre>
 * A third party's connector is a jar with a provider listed in
 * {@code META-INF/services/io.hutong.connector.spi.WalletConnectorProvider}, proven with the conformance kit
 * ({@code io.hutong.connector.kit} in the test jar).
 */
package io.hutong.connector.spi;
