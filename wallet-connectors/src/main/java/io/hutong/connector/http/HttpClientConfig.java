package io.hutong.connector.http;

/**
 * Limits and deadlines of a {@link WalletHttpClient}, the same for every wallet host it talks to.
 * Immutable and thread-safe; invalid values fail at construction with a {@code name=value: reason} message.
 *
 * @param connectTimeoutMs      deadline for the TCP connect and, separately, for the TLS handshake, in
 *                              milliseconds (&gt; 0); missing it is {@link HttpFailureReason#CONNECT_FAILED}.
 * @param requestTimeoutMs      deadline from {@code send} to the complete response, in milliseconds (&gt; 0).
 * @param maxConnectionsPerHost keep-alive connections open at most per (scheme, host, port) (&gt; 0).
 * @param maxInFlightPerHost    requests accepted but not yet completed per host; beyond it a call fails at
 *                              once with {@link HttpFailureReason#BUSY} (&gt;= maxConnectionsPerHost).
 * @param maxResponseBytes      largest response body accepted; a larger one fails with
 *                              {@link HttpFailureReason#TOO_LARGE} (&gt; 0).
 */
public record HttpClientConfig(
    int connectTimeoutMs,
    int requestTimeoutMs,
    int maxConnectionsPerHost,
    int maxInFlightPerHost,
    int maxResponseBytes)
{
    /**
     * Validates every field.
     */
    public HttpClientConfig
    {
        requirePositive("connectTimeoutMs", connectTimeoutMs);
        requirePositive("requestTimeoutMs", requestTimeoutMs);
        requirePositive("maxConnectionsPerHost", maxConnectionsPerHost);
        requirePositive("maxInFlightPerHost", maxInFlightPerHost);
        requirePositive("maxResponseBytes", maxResponseBytes);
        if (maxInFlightPerHost < maxConnectionsPerHost)
        {
            throw new IllegalArgumentException("maxInFlightPerHost=" + maxInFlightPerHost +
                ": must be >= maxConnectionsPerHost=" + maxConnectionsPerHost);
        }
    }

    /**
     * @return defaults for a wallet API: 2 s connect, 10 s request, 16 connections, 256 in flight, 1 MiB.
     */
    public static HttpClientConfig defaults()
    {
        return new HttpClientConfig(2_000, 10_000, 16, 256, 1 << 20);
    }

    private static void requirePositive(final String name, final int value)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be > 0");
        }
    }
}
