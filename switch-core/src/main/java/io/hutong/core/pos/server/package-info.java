/**
 * The POS terminal listener on Netty: framing, the per-connection protocol session
 * ({@link io.hutong.core.pos.auth.SwitchSession}), hand-off to the engine, and Result frames back.
 * <pre>
 *  terminal --TCP--&gt; [TLS] -&gt; LengthFieldBasedFrameDecoder -&gt; IdleStateHandler -&gt; PosHandler (event loop)
 *                       logon, MAC, sequence checks; Pay / Query / Reverse / Refund -&gt; EngineInbox
 *                       (full: Result BUSY at once); refusals: Error frame, AUTH_FAILURE audit, close
 *  engine thread --&gt; PosReplySink: session id = connection id | template | sequence -&gt; PosConnections
 *                       -&gt; the connection's event loop encodes and MACs the Result
 * </pre>
 */
package io.hutong.core.pos.server;
