package io.hutong.connector.spi;

import io.hutong.connector.http.WalletHttpClient;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What a {@link WalletConnectorProvider} gets to build one connector: the wallet's id and settings, and the
 * resources every connector shares, which belong to the caller and outlive the connector. Immutable.
 *
 * @param walletId   the participant id, e.g. {@code wechat}.
 * @param settings   the wallet's settings (credentials, URLs, keys, schedule overrides).
 * @param http       the shared non-blocking HTTP client.
 * @param cryptoPool the small bounded pool for RSA and SM2 work; it rejects work when full (see
 *                   {@link CryptoPool}), which a connector reports as a request not sent.
 * @param clock      the wall clock for request timestamps (injected so tests control time).
 */
public record ConnectorContext(
    String walletId, ConnectorSettings settings, WalletHttpClient http, Executor cryptoPool, Clock clock)
{
    /**
     * @throws NullPointerException if any field is null.
     */
    public ConnectorContext
    {
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(cryptoPool, "cryptoPool");
        Objects.requireNonNull(clock, "clock");
    }
}
