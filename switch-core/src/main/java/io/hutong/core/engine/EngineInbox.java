package io.hutong.core.engine;

import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletResult;
import io.hutong.core.engine.command.RequestDescriptor;
import io.hutong.core.engine.command.RequestEncoder;
import io.hutong.core.engine.command.WalletResultCodec;
import org.agrona.BitUtil;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;

/**
 * Everything the engine thread is told arrives here: front ends' requests and connectors' results, in one
 * Agrona {@link ManyToOneRingBuffer} (no locks, no allocation per message), drained only by the engine.
 * <pre>
 *  Netty event loops --offerRequest--\
 *                                     &gt;--- ManyToOneRingBuffer ---&gt; engine: drain(handler, limit)
 *  connector threads --onResult-----/            (full?)
 *                          \--- overflow queue (results only) ---&gt; engine: drained too
 * </pre>
 * A request that does not fit is refused (the front end answers BUSY: nothing was started). A wallet
 * result must never be lost, so one that does not fit goes to an unbounded overflow queue that the engine
 * drains as well; this allocates, and only happens when the engine is far behind.
 * <p>
 * Thread-safe for producers; {@link #drain} is for the engine thread only.
 */
public final class EngineInbox implements WalletCallback
{
    /** Ring-buffer message type of an audit event: hop u8, subject u16+bytes, detail u16+bytes. */
    public static final int AUDIT_MSG_TYPE_ID = 3;
    static final int AUDIT_MAX_SUBJECT = 16;
    static final int AUDIT_MAX_DETAIL = 256;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final ManyToOneRingBuffer ringBuffer;
    private final ManyToOneConcurrentLinkedQueue<byte[]> overflow = new ManyToOneConcurrentLinkedQueue<>();
    private final UnsafeBuffer overflowView = new UnsafeBuffer(0, 0);

    /**
     * @param capacityBytes ring capacity, a power of two (e.g. 4 MiB).
     */
    public EngineInbox(final int capacityBytes)
    {
        if (!BitUtil.isPowerOfTwo(capacityBytes))
        {
            throw new IllegalArgumentException("inboxBytes=" + capacityBytes + ": must be a power of two");
        }
        ringBuffer = new ManyToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(capacityBytes + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    /**
     * Writes one request, encoded by the caller into the thread's scratch encoder.
     *
     * @param writer fills the encoder and returns {@link RequestEncoder#finish()}.
     * @return true if queued; false if the engine is too far behind (answer BUSY).
     */
    public boolean offerRequest(final RequestWriter writer)
    {
        final Scratch scratch = SCRATCH.get();
        final int length = writer.write(scratch.requestEncoder.wrap(scratch.buffer, 0));
        return ringBuffer.write(RequestDescriptor.MSG_TYPE_ID, scratch.buffer, 0, length);
    }

    /**
     * An audit event from a front end (logon, authentication failure) for the engine to journal, since the
     * engine is the journal's only writer. Allocates; audit events are rare.
     *
     * @param hop     the event.
     * @param subject what it is about (a terminal id), at most 16 printable ASCII characters, or empty.
     * @param detail  a short description, never a secret.
     * @return true if queued; false if the engine is too far behind (the event is counted, not journaled).
     */
    public boolean offerAudit(final Hop hop, final String subject, final String detail)
    {
        final byte[] subjectBytes = subject.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        final byte[] detailBytes = detail.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        final int subjectLength = Math.min(subjectBytes.length, AUDIT_MAX_SUBJECT);
        final int detailLength = Math.min(detailBytes.length, AUDIT_MAX_DETAIL);
        final UnsafeBuffer buffer = SCRATCH.get().buffer;
        buffer.putByte(0, (byte)hop.ordinal());
        buffer.putShort(1, (short)subjectLength);
        buffer.putBytes(3, subjectBytes, 0, subjectLength);
        buffer.putShort(3 + subjectLength, (short)detailLength);
        buffer.putBytes(5 + subjectLength, detailBytes, 0, detailLength);
        return ringBuffer.write(AUDIT_MSG_TYPE_ID, buffer, 0, 5 + subjectLength + detailLength);
    }

    /**
     * A connector's result: queued for the engine, never dropped.
     */
    @Override
    public void onResult(final long correlationId, final WalletResult result)
    {
        final Scratch scratch = SCRATCH.get();
        final int length = WalletResultCodec.encode(scratch.buffer, 0, correlationId, result);
        if (!ringBuffer.write(WalletResultCodec.MSG_TYPE_ID, scratch.buffer, 0, length))
        {
            final byte[] copy = new byte[length];
            scratch.buffer.getBytes(0, copy);
            overflow.offer(copy);
        }
    }

    /**
     * Hands up to {@code limit} messages to the handler, overflowed results first. Engine thread only.
     *
     * @param handler receives (message type, buffer, offset, length).
     * @param limit   most messages to read.
     * @return messages read.
     */
    public int drain(final MessageHandler handler, final int limit)
    {
        int read = 0;
        byte[] overflowed;
        while (read < limit && null != (overflowed = overflow.poll()))
        {
            overflowView.wrap(overflowed);
            handler.onMessage(WalletResultCodec.MSG_TYPE_ID, overflowView, 0, overflowed.length);
            read++;
        }
        return read + ringBuffer.read(handler, limit - read);
    }

    /**
     * @return bytes queued in the ring now (an approximate backlog gauge).
     */
    public int backlogBytes()
    {
        return ringBuffer.size();
    }

    /**
     * Writes a request into the encoder.
     */
    @FunctionalInterface
    public interface RequestWriter
    {
        /**
         * @param encoder wrapped at a scratch buffer.
         * @return the encoded length ({@link RequestEncoder#finish()}).
         */
        int write(RequestEncoder encoder);
    }

    private static final class Scratch
    {
        private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(
            Math.max(RequestDescriptor.MAX_LENGTH, WalletResultCodec.MAX_LENGTH)));
        private final RequestEncoder requestEncoder = new RequestEncoder();
    }
}
