package io.hutong.connector.spi;

import io.hutong.connector.WalletConnector;
import io.hutong.connector.http.WalletHttpClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Finds connector providers with {@link ServiceLoader} and builds one connector per configured wallet. A
 * wallet's {@code connector} setting names the provider type, defaulting to the wallet id. Building fails
 * at once, naming the wallet and the setting, if a type is unknown or any setting is invalid; connectors
 * already built are closed first, so a failed start leaves nothing behind.
 * <p>
 * Thread-safe (stateless).
 */
public final class WalletConnectors
{
    private WalletConnectors()
    {
    }

    /**
     * @param classLoader where to look (the application's, or a plug-in directory's).
     * @return every provider found, by type.
     * @throws IllegalStateException if two providers claim one type.
     */
    public static Map<String, WalletConnectorProvider> providers(final ClassLoader classLoader)
    {
        final Map<String, WalletConnectorProvider> byType = new TreeMap<>();
        for (final WalletConnectorProvider provider : ServiceLoader.load(WalletConnectorProvider.class, classLoader))
        {
            for (final String type : provider.types())
            {
                final WalletConnectorProvider previous = byType.putIfAbsent(type, provider);
                if (null != previous)
                {
                    throw new IllegalStateException("connector type=" + type + ": provided by both " +
                        previous.getClass().getName() + " and " + provider.getClass().getName());
                }
            }
        }
        return Collections.unmodifiableMap(byType);
    }

    /**
     * Build a connector for every wallet in {@code settings}.
     *
     * @param settings   settings by wallet id (e.g. from {@link ConnectorSettings#readCredentials}).
     * @param http       the shared HTTP client.
     * @param cryptoPool the shared crypto pool.
     * @param clock      the wall clock.
     * @return connectors by wallet id, in the order given.
     * @throws IllegalArgumentException naming the wallet and the setting at fault.
     */
    public static Map<String, WalletConnector> create(
        final Map<String, ConnectorSettings> settings,
        final WalletHttpClient http,
        final Executor cryptoPool,
        final Clock clock)
    {
        final Map<String, WalletConnectorProvider> providers = providers(WalletConnectors.class.getClassLoader());
        final Map<String, WalletConnector> connectors = new LinkedHashMap<>();
        try
        {
            for (final Map.Entry<String, ConnectorSettings> entry : settings.entrySet())
            {
                final String walletId = entry.getKey();
                final ConnectorSettings walletSettings = entry.getValue();
                final String type = walletSettings.text(ConnectorSettings.CONNECTOR, walletId);
                final WalletConnectorProvider provider = providers.get(type);
                if (null == provider)
                {
                    throw new IllegalArgumentException(walletSettings.path() + "." + ConnectorSettings.CONNECTOR + "=" +
                        type + ": no connector of this type (known: " + String.join(", ", providers.keySet()) + ")");
                }
                connectors.put(walletId, provider.create(new ConnectorContext(walletId, walletSettings, http, cryptoPool, clock)));
            }
        }
        catch (final RuntimeException ex)
        {
            closeAll(new ArrayList<>(connectors.values()));
            throw ex;
        }
        return Collections.unmodifiableMap(connectors);
    }

    private static void closeAll(final List<WalletConnector> connectors)
    {
        for (final WalletConnector connector : connectors)
        {
            connector.close();
        }
    }
}
