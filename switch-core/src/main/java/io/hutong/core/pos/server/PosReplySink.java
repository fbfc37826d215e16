package io.hutong.core.pos.server;

import io.hutong.core.engine.PaymentView;
import io.hutong.core.engine.Reason;
import io.hutong.core.engine.ReplySink;

/**
 * The engine's answers to POS terminals. A POS request's session id packs the connection id (24 bits), the
 * request's template id (8 bits) and its sequence (32 bits), so the answer finds its connection and names the
 * frame it answers without any per-request state. Answers for connections that have gone are dropped (the
 * terminal queries after reconnecting).
 * <p>
 * {@link #reply} runs on the engine thread; encoding happens on the connection's event loop.
 */
final class PosReplySink implements ReplySink
{
    private final PosConnections connections;

    PosReplySink(final PosConnections connections)
    {
        this.connections = connections;
    }

    static long sessionId(final int connectionId, final int templateId, final long sequence)
    {
        return ((long)(connectionId & 0xFFFFFF) << 40) | ((long)(templateId & 0xFF) << 32) | (sequence & 0xFFFFFFFFL);
    }

    @Override
    public void reply(final long sessionId, final PaymentView payment, final Reason refusal)
    {
        final PosHandler handler = connections.get((int)(sessionId >>> 40));
        if (null != handler)
        {
            handler.deliver(PosReply.of((int)(sessionId >>> 32) & 0xFF, sessionId & 0xFFFFFFFFL, payment, refusal));
        }
    }
}
