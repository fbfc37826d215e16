package io.hutong.sim.server;

/**
 * Where a {@link WalletApi} sends its answer to one request. Thread-safe: may be called from any thread; the
 * server writes on the connection's event loop, in request order, after applying the request's faults.
 */
@FunctionalInterface
public interface Responder
{
    /**
     * Answers the request. Only the first call counts.
     *
     * @param response the answer.
     */
    void respond(SimResponse response);
}
