/**
 * The HTTP/JSON API on Netty (docs/http-api.md): acquirer systems send CPM payments, payer wallets send MPM
 * payments, both query, reverse and refund; plus {@code /healthz} and {@code /metrics}.
 * <pre>
 *  client --HTTP--&gt; HttpServerCodec -&gt; aggregator (64 KiB) -&gt; ApiHandler (event loop)
 *                     route, HMAC auth (HttpApi.authenticate), JSON validation (ApiRequests)
 *                     register session, EngineInbox.offerRequest (full: 503 BUSY), stop reading
 *  engine thread ---&gt; HttpApi.reply(session, payment | refusal) -&gt; JSON (ApiResponses) -&gt; writeAndFlush, read again
 * </pre>
 */
package io.hutong.core.http;
