package io.hutong.connector;

/**
 * Receives the result of one {@link WalletConnector} call. Called exactly once per call: on a connector thread
 * (a Netty event loop or the crypto pool) when the wallet answers or the network fails, or on the caller's
 * thread before the call returns when the connector refuses it locally (closed, busy, a request it cannot
 * write). It must not block: hand the result to the engine (its ring buffer) and return. One instance may serve every call; the
 * correlation id given to the call comes back with its result.
 */
@FunctionalInterface
public interface WalletCallback
{
    /**
     * @param correlationId the id the caller passed with the call (the engine's switch transaction id).
     * @param result        what the wallet said, or why nothing usable came back.
     */
    void onResult(long correlationId, WalletResult result);
}
