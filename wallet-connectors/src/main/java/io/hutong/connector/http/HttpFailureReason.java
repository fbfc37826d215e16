package io.hutong.connector.http;

/**
 * Why a wallet HTTP call produced no response. The distinction the engine needs most is whether the
 * request may have reached the wallet: it did not for {@link #CONNECT_FAILED}, {@link #BUSY} and
 * {@link #CLOSED}; it may have for every other reason, so the payment's outcome is unknown.
 */
public enum HttpFailureReason
{
    /**
     * TCP connect or TLS handshake failed or missed the connect deadline; nothing was sent. A missed connect
     * deadline is reported here rather than as {@link #TIMEOUT} on purpose: the engine must know that the
     * wallet cannot have seen the request, so it need not query or reverse it.
     */
    CONNECT_FAILED,
    /** The request deadline passed without a complete response; the connection was closed. */
    TIMEOUT,
    /** The connection broke or was closed by the peer before the response was complete. */
    CONNECTION_RESET,
    /** The response body exceeded {@link HttpClientConfig#maxResponseBytes()}; the connection was closed. */
    TOO_LARGE,
    /** The host already had {@link HttpClientConfig#maxInFlightPerHost()} calls in flight; nothing was sent. */
    BUSY,
    /** The client was closed before or while the call ran. */
    CLOSED,
    /** The peer sent something that is not valid HTTP/1.1, or an answer nobody asked for. */
    PROTOCOL_ERROR;

    /**
     * @return true if the request cannot have reached the wallet, so a retry cannot double a payment.
     */
    public boolean requestNotSent()
    {
        return this == CONNECT_FAILED || this == BUSY;
    }
}
