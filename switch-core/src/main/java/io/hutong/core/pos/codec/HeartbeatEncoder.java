package io.hutong.core.pos.codec;

import org.agrona.MutableDirectBuffer;

import static io.hutong.core.pos.codec.HeartbeatDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.HeartbeatDescriptor.TIMESTAMP_OFFSET;

/**
 * Encoder of a Heartbeat body ({@link HeartbeatDescriptor}); usually obtained from
 * {@link PosFrameEncoder#heartbeat}.
 * <p>
 * Not thread-safe; allocation free.
 */
public final class HeartbeatEncoder extends PosBodyEncoder
{
    /**
     * Create an encoder; wrap it before use.
     */
    public HeartbeatEncoder()
    {
        super(BLOCK_LENGTH, 0);
    }

    /**
     * Start a body at {@code offset}, zeroing the fixed block.
     *
     * @param buffer to write into.
     * @param offset first byte of the body.
     * @return this.
     */
    public HeartbeatEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapBody(buffer, offset);
        return this;
    }

    /**
     * @param timestampMs sender time, ms since the epoch.
     * @return this.
     */
    public HeartbeatEncoder timestampMs(final long timestampMs)
    {
        putI64(offset + TIMESTAMP_OFFSET, timestampMs);
        return this;
    }
}
