/**
 * The shared non-blocking HTTP/1.1 client every wallet connector talks to its wallet through.
 * <p>
 * One {@link io.hutong.connector.http.WalletHttpClient} per process. Per wallet host (scheme, host, port)
 * a {@code HostPool} owns up to {@code maxConnectionsPerHost} keep-alive connections, all registered on
 * one event loop, so pool state is single-writer and lock-free. A call holds one of
 * {@code maxInFlightPerHost} permits from {@code send} to its callback; without a permit it is answered
 * BUSY at once, so the waiting line is bounded by construction.
 * <pre>
 *  engine / connector thread            host's event loop (one per HostPool)
 *  -------------------------            ------------------------------------------------------------
 *  send(request, callback)
 *    permit? --no--> BUSY ------------> callback.onFailure(BUSY)
 *    yes: Exchange ----execute-------> dispatch: arm request deadline
 *                                        idle connection? -> write request
 *                                        fewer than max?  -> connect [+ TLS handshake] -> write
 *                                        else             -> waiting line (FIFO, bounded)
 *
 *  connection pipeline:
 *    [SslHandler] -> HttpClientCodec -> HttpObjectAggregator(maxResponseBytes) -> ExchangeHandler
 *                                                                                    |
 *    FullHttpResponse: copy body to byte[], release once, keep-alive? offer to pool : close
 *                      then callback.onResponse(status, headers, body)
 *
 *  deadline fires first -> TIMEOUT, connection closed (a late answer can never pair with a new request)
 *  peer closes early    -> CONNECTION_RESET     body over max  -> TOO_LARGE, connection closed
 *  connect/TLS fails    -> CONNECT_FAILED (nothing sent)       close() -> CLOSED for everything pending
 * </pre>
 * Every callback runs exactly once, on the host's event loop; callbacks must not block.
 */
package io.hutong.connector.http;
