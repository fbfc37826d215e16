package io.hutong.core.pos.server;

import io.hutong.core.engine.PaymentView;
import io.hutong.core.engine.Reason;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's answers for the POS connections of one Netty event loop: the engine thread (the only producer)
 * copies each answer into a one-to-one ring buffer as a {@link PosAnswer} and wakes the loop with one reusable
 * task; the loop drains the ring, writes each answer on its connection and flushes each connection once per
 * drain. No allocation per answer on either side, where a task per answer would cost an object and a lambda on
 * the engine thread.
 * <pre>
 *   engine thread: PosAnswer.encode -&gt; ring.tryClaim/commit -&gt; full fence -&gt; if not scheduled: loop.execute(drain)
 *   event loop:    drain: scheduled = false; read the ring until empty (or a budget) -&gt; connection (by id)
 *                  -&gt; PosAnswer.write; then the overflow queue once the ring is empty; flush; again if more
 * </pre>
 * A full ring (the loop far behind) sends answers to an overflow queue, each with its own copy, until the loop
 * has delivered every one of them: while any is pending the engine queues there too, so answers leave in the
 * order the engine gave them and none is lost while its connection lives. Answers for connections that have gone
 * are dropped (the terminal queries after it reconnects). An answer that cannot be written (a field the Result
 * frame refuses) is logged and skipped; the rest of the batch goes on.
 */
final class PosOutbox implements MessageHandler
{
    static final int MESSAGE_TYPE = 1;
    private static final InternalLogger LOGGER = InternalLoggerFactory.getInstance(PosOutbox.class);
    private static final int CAPACITY = 256 * 1024;
    private static final int DRAIN_BUDGET = 1024;

    private final EventExecutor loop;
    private final PosConnections connections;
    private final RingBuffer ring;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Queue<UnsafeBuffer> overflow = new ConcurrentLinkedQueue<>();
    private final AtomicInteger overflowPending = new AtomicInteger();
    private final ArrayList<PosHandler> unflushed = new ArrayList<>();
    private final Runnable drain = this::drain;

    /**
     * @param loop        the event loop whose connections this serves.
     * @param connections the open connections, to find an answer's connection.
     */
    PosOutbox(final EventExecutor loop, final PosConnections connections)
    {
        this.loop = loop;
        this.connections = connections;
        this.ring = new OneToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(CAPACITY + RingBufferDescriptor.TRAILER_LENGTH)));
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
        final int index = 0 == overflowPending.get() ? ring.tryClaim(MESSAGE_TYPE, PosAnswer.LENGTH) : -1;
        if (index > 0)
        {
            try
            {
                PosAnswer.encode(ring.buffer(), index, sessionId, payment, refusal);
            }
            catch (final RuntimeException | Error ex)
            {
                ring.abort(index); // an unfinished record would stop the reader for good
                throw ex;
            }
            ring.commit(index);
        }
        else
        {
            final UnsafeBuffer copy = new UnsafeBuffer(new byte[PosAnswer.LENGTH]);
            PosAnswer.encode(copy, 0, sessionId, payment, refusal);
            overflowPending.incrementAndGet();
            overflow.add(copy);
        }
        // Dekker with the loop's "scheduled = false, then read": without a full fence the commit could still sit
        // in this core's store buffer while we read scheduled == true, and the loop could read the ring empty.
        VarHandle.fullFence();
        wake();
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
            try
            {
                loop.execute(drain);
            }
            catch (final RejectedExecutionException ex)
            {
                // The loop is shutting down: its connections are closing, their terminals will query.
                scheduled.set(false);
            }
        }
    }

    private void drain()
    {
        // A volatile store, then the ring's volatile reads of record lengths: ordered against the engine's fenced
        // commit-then-check, so an answer committed after this point schedules another drain.
        scheduled.set(false);
        int budget = DRAIN_BUDGET;
        int read;
        // A read stops at the end of the ring's buffer, so read again until it is empty: records after the wrap
        // would otherwise wait for the engine's next answer.
        while (budget > 0 && (read = ring.read(this, budget)) > 0)
        {
            budget -= read;
        }
        if (0 == ring.size())
        {
            UnsafeBuffer copy;
            while (budget > 0 && null != (copy = overflow.poll()))
            {
                deliver(copy, 0);
                overflowPending.decrementAndGet();
                budget--;
            }
        }
        flush();
        if (ring.size() > 0 || !overflow.isEmpty())
        {
            wake();
        }
    }

    private void deliver(final DirectBuffer buffer, final int index)
    {
        final int connectionId = PosAnswer.connectionId(buffer, index);
        final PosHandler handler = connections.get(connectionId);
        if (null == handler || handler.outbox() != this)
        {
            return;
        }
        try
        {
            if (handler.writeAnswer(buffer, index) && !handler.flushPending)
            {
                handler.flushPending = true;
                unflushed.add(handler);
            }
        }
        catch (final RuntimeException ex)
        {
            LOGGER.warn("pos connection {}: answer not written: {}", connectionId, ex.toString());
        }
    }

    private void flush()
    {
        for (int i = 0, size = unflushed.size(); i < size; i++)
        {
            final PosHandler handler = unflushed.get(i);
            handler.flushPending = false;
            handler.flush();
        }
        unflushed.clear();
    }
}
