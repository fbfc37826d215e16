package io.hutong.sim.server;

import io.hutong.sim.faults.WalletOperation;

import java.util.Map;

/**
 * One wallet API served by a simulated wallet (WeChat Pay v2, Alipay, the GM interface, later UnionPay, JD Pay):
 * turns wire requests into {@link io.hutong.sim.ledger.Ledger} operations and ledger results into the wallet's own
 * signed answers. The {@link WalletServer} owns everything else: HTTP, the {@code /sim} control API, latency,
 * HTTP 500, hangs, resets, late, duplicate and malformed answers. An API only has to honour two faults itself, read
 * from {@link SimRequest#fault()}: {@code userPaying()} (pass it to {@code Ledger.pay}) and {@code badSignature()}
 * (sign the answer with a wrong key).
 * <p>
 * Adding a wallet API is one class implementing this interface plus one registration line in
 * {@code io.hutong.sim.WalletApiCatalog}. Instances are made once per wallet at start (by a factory given the
 * wallet's {@link SimContext}) and must be thread-safe: requests arrive on several threads at once.
 */
public interface WalletApi
{
    /**
     * Routing: the operation a request path names, or null when this API does not serve the path. Called on the
     * event loop for every request; must be cheap and never block.
     *
     * @param path the request path below the wallet's base URL, without the query string, e.g.
     *             {@code /pay/micropay}.
     * @return the operation (used to draw faults), or null.
     */
    WalletOperation operation(String path);

    /**
     * Routing for APIs that serve several operations at one path and name the operation in the request (the Alipay
     * gateway's {@code method} parameter): the server calls this one. The default asks {@link #operation(String)}.
     * Called on the event loop for every request; must be cheap, never block and never throw.
     *
     * @param path  the request path below the wallet's base URL, without the query string.
     * @param query the raw query string without '?', or the empty string.
     * @param body  the request body (do not change it).
     * @return the operation (used to draw faults), or null when this API does not serve the request.
     */
    default WalletOperation operation(final String path, final String query, final byte[] body)
    {
        return operation(path);
    }

    /**
     * Whether {@link #handle} and {@link #systemError} are cheap enough to run on the Netty event loop (HMAC or MD5
     * signatures, a few microseconds). APIs that sign with RSA or SM2 (about 0.4-1 ms per signature) return false
     * and run on the simulator's small bounded signing executor instead.
     *
     * @return true to run on the event loop.
     */
    boolean inline();

    /**
     * Handles one request: verify, apply the ledger operation, answer. Must call {@link Responder#respond} exactly
     * once (from any thread, now or later) and never throw for bad input: a malformed or badly signed request gets
     * the wallet's own error answer.
     *
     * @param request   the request, with the fault decision drawn for it.
     * @param context   the wallet this API serves.
     * @param responder where the answer goes.
     */
    void handle(SimRequest request, SimContext context, Responder responder);

    /**
     * The wallet's own "system error, outcome unknown" answer to a request (WeChat {@code SYSTEMERROR}, GM
     * {@code SYSTEM_ERROR}), for the {@code errorRate} fault. Must not touch the ledger.
     *
     * @param request the request.
     * @param context the wallet this API serves.
     * @return the answer.
     */
    SimResponse systemError(SimRequest request, SimContext context);

    /**
     * What a merchant-side client of this API needs, added to the wallet's entry in {@code credentials.json} in
     * this order (e.g. WeChat: {@code appId}, {@code mchId}, {@code apiKey}, {@code signType}). Values are strings,
     * numbers, lists or maps that Jackson writes as JSON.
     *
     * @param baseUrl the wallet's base URL, e.g. {@code http://127.0.0.1:18081}.
     * @return the fields, in order; empty when the API needs none.
     */
    Map<String, Object> credentials(String baseUrl);

    /**
     * Makes one wallet's instance of an API at start.
     */
    @FunctionalInterface
    interface Factory
    {
        /**
         * @param context the wallet the API will serve: its ledger (enrol merchants there), clock and secrets.
         * @return the API.
         */
        WalletApi create(SimContext context);
    }
}
