package io.hutong.connector.http;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * Receives the result of one {@link WalletHttpClient#send(WalletHttpRequest, HttpCallback)}: exactly one of
 * the two methods is called, exactly once, on a Netty event loop. Implementations must not block; hand the
 * result to the engine (ring buffer) and return.
 */
public interface HttpCallback
{
    /**
     * A complete response arrived (any status code, 5xx included).
     *
     * @param status  the HTTP status code.
     * @param headers the response headers; valid after the call returns.
     * @param body    the body copied out of the network buffer; owned by the callee.
     */
    void onResponse(int status, HttpHeaders headers, byte[] body);

    /**
     * No response: see {@link HttpFailureReason} for whether the request may have reached the wallet.
     *
     * @param reason why.
     * @param detail a human-readable detail for logs; never contains the request body.
     */
    void onFailure(HttpFailureReason reason, String detail);
}
