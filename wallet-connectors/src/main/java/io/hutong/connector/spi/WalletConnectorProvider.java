package io.hutong.connector.spi;

import io.hutong.connector.WalletConnector;

import java.util.Set;

/**
 * Creates connectors of one type. Found with {@link java.util.ServiceLoader}: a jar that provides a connector
 * lists its provider class in {@code META-INF/services/io.hutong.connector.spi.WalletConnectorProvider}.
 * A wallet's settings choose the type with {@code connector} (default: the wallet id); one provider may
 * create several types (the GM interface serves {@code bestpay}, {@code cmpay} and {@code wopay}).
 * <p>
 * Implementations are stateless and thread-safe, with a public no-argument constructor.
 */
public interface WalletConnectorProvider
{
    /**
     * @return the connector types this provider creates, e.g. {@code wechat}, or {@code gm} with the wallet ids
     * driven through that interface.
     */
    Set<String> types();

    /**
     * Build a connector from its settings, validating them all before it returns.
     *
     * @param context the wallet id, its settings and the shared resources.
     * @return a connector ready for calls.
     * @throws IllegalArgumentException naming the first invalid setting ({@code wallets.wechat.apiKey: required}).
     */
    WalletConnector create(ConnectorContext context);
}
