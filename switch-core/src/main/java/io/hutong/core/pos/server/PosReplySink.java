package io.hutong.core.pos.server;

import io.hutong.core.engine.PaymentView;
import io.hutong.core.engine.Reason;
import io.hutong.core.engine.ReplySink;

/**
 * The engine's answers to POS terminals. A POS request's session id ({@link PosRequests#sessionId}) names its
 * connection and the frame it answers, so no per-request state is kept. Answers for connections that have gone are
 * dropped (the terminal queries after reconnecting).
 * <p>
 * {@link #reply} runs on the engine thread and copies the answer into the {@link PosOutbox} of the connection's
 * event loop, where it is encoded as a Result frame.
 */
final class PosReplySink implements ReplySink
{
    private final PosConnections connections;

    PosReplySink(final PosConnections connections)
    {
        this.connections = connections;
    }

    @Override
    public void reply(final long sessionId, final PaymentView payment, final Reason refusal)
    {
        final PosHandler handler = connections.get(PosRequests.connectionId(sessionId));
        if (null != handler)
        {
            handler.outbox().offer(sessionId, payment, refusal);
        }
    }
}
