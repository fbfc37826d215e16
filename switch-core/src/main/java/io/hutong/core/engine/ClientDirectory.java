package io.hutong.core.engine;

/**
 * What the engine needs to know of its clients (terminals and API clients), by the slot the front end put in
 * each request: the acquiring wallet behind a terminal, which CPM settlement positions are owed to.
 */
@FunctionalInterface
public interface ClientDirectory
{
    /**
     * @param clientIndex a client slot from a request.
     * @return the registry index of the wallet that acquires for this client's merchant, or -1 if none (then
     * CPM payments create no position).
     */
    int acquirerWallet(int clientIndex);
}
