package io.hutong.core.pos.server;

import io.hutong.core.engine.PaymentView;
import io.hutong.core.engine.Reason;
import io.netty.util.concurrent.EventExecutor;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine's answers for the POS connections of one Netty event loop: the engine thread (the only producer)
 * copies each answer into a one-to-one ring buffer as a {@link PosAnswer} and wakes the loop with one reusable
 * task; the loop drains the ring and writes each answer on its connection. No allocation per answer on either
 * side, where a task per answer would cost an object and a lambda on the engine thread.
 * <pre>
 *   engine thread: PosAnswer.encode -&gt; ring.tryClaim/commit -&gt; if not yet scheduled: loop.execute(drain)
 *   event loop:    drain: scheduled = false; ring.read -&gt; connection (by id) -&gt; PosAnswer.write -&gt; flush
 * </pre>
 * A full ring (the loop far behind) falls back to a task carrying its own copy of the answer, so no answer is lost
 * while the connection lives; answers for connections that have gone are dropped (the terminal queries after it
 * reconnects).
 */
final class PosOutbox implements MessageHandler
{
    static final int MESSAGE_TYPE = 1;
    private static final int CAPACITY = 256 * 1024;
    private static final int DRAIN_LIMIT = 256;

    private final EventExecutor loop;
    private final PosConnections connections;
    private final RingBuffer ring = new OneToOneRingBuffer(
        new UnsafeBuffer(ByteBuffer.allocateDirect(CAPACITY + RingBufferDescriptor.TRAILER_LENGTH)));
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    /**
     * @param loop        the event loop whose connections this serves.
     * @param connections the open connections, to find an answer's connection.
     */
    PosOutbox(final EventExecutor loop, final PosConnections connections)
    {
        this.loop = loop;
        this.connections = connections;
    }

    /**
     * Queue an answer (engine thread only).
     *
     * @param sessionId the request's session id.
     * @param payment   the payment, read now.
     * @param refusal   as {@link PosAnswer#encode}.
     */
    void offer(final long sessionId, final PaymentView payment, final Reason refusal)
    {
        final int index = ring.tryClaim(MESSAGE_TYPE, PosAnswer.LENGTH);
        if (index > 0)
        {
            PosAnswer.encode(ring.buffer(), index, sessionId, payment, refusal);
            ring.commit(index);
            wake();
            return;
        }
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[PosAnswer.LENGTH]);
        PosAnswer.encode(copy, 0, sessionId, payment, refusal);
        execute(() -> deliver(copy, 0));
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        deliver(buffer, index);
    }

    private void wake()
    {
        if (!scheduled.get() && scheduled.compareAndSet(false, true))
        {
            if (!execute(drain))
            {
                scheduled.set(false);
            }
        }
    }

    private boolean execute(final Runnable task)
    {
        try
        {
            loop.execute(task);
            return true;
        }
        catch (final RejectedExecutionException ex)
        {
            return false; // the loop is shutting down: its connections are closing, their terminals will query
        }
    }

    private void drain()
    {
        scheduled.set(false);
        if (ring.read(this, DRAIN_LIMIT) == DRAIN_LIMIT)
        {
            wake();
        }
    }

    private void deliver(final DirectBuffer buffer, final int index)
    {
        final PosHandler handler = connections.get(PosAnswer.connectionId(buffer, index));
        if (null != handler && handler.outbox() == this)
        {
            handler.writeAnswer(buffer, index);
        }
    }
}
