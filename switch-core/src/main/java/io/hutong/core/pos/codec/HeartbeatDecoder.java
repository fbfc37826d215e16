package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;

import static io.hutong.core.pos.codec.HeartbeatDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.HeartbeatDescriptor.TIMESTAMP_OFFSET;

/**
 * Flyweight decoder of a Heartbeat body ({@link HeartbeatDescriptor}): exactly the fixed block (MALFORMED).
 * <p>
 * Not thread-safe; allocation free.
 */
public final class HeartbeatDecoder extends PosBodyDecoder
{
    /**
     * Point at a body. Nothing is read until {@link #decode()}.
     *
     * @param buffer holding the body.
     * @param offset first byte of the body.
     * @param length body length.
     * @return this decoder.
     * @throws IllegalArgumentException if the region lies outside the buffer (a caller bug).
     */
    public HeartbeatDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        wrapRegion(buffer, offset, length);
        return this;
    }

    @Override
    public PosReason decode()
    {
        final PosReason block = checkBlock(BLOCK_LENGTH);
        return block != PosReason.NONE ? block : checkEnd(offset + BLOCK_LENGTH);
    }

    /**
     * @return the sender's timestamp, ms since the epoch.
     */
    public long timestampMs()
    {
        return i64(offset + TIMESTAMP_OFFSET);
    }
}
