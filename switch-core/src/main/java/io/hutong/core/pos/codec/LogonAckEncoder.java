package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hutong.core.pos.codec.LogonAckDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.LogonAckDescriptor.HEARTBEAT_INTERVAL_OFFSET;
import static io.hutong.core.pos.codec.LogonAckDescriptor.SWITCH_NONCE_OFFSET;
import static io.hutong.core.pos.codec.LogonAckDescriptor.SWITCH_TIME_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.NONCE_LENGTH;

/**
 * Encoder of a LogonAck body ({@link LogonAckDescriptor}); usually obtained from {@link PosFrameEncoder#logonAck}.
 * <p>
 * Not thread-safe; allocation free.
 */
public final class LogonAckEncoder extends PosBodyEncoder
{
    /**
     * Create an encoder; wrap it before use.
     */
    public LogonAckEncoder()
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
    public LogonAckEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapBody(buffer, offset);
        return this;
    }

    /**
     * @param source    holding the switch's nonce.
     * @param srcOffset first of its 16 bytes.
     * @return this.
     */
    public LogonAckEncoder switchNonce(final DirectBuffer source, final int srcOffset)
    {
        buffer.putBytes(offset + SWITCH_NONCE_OFFSET, source, srcOffset, NONCE_LENGTH);
        return this;
    }

    /**
     * @param switchTimeMs switch time, ms since the epoch.
     * @return this.
     */
    public LogonAckEncoder switchTimeMs(final long switchTimeMs)
    {
        putI64(offset + SWITCH_TIME_OFFSET, switchTimeMs);
        return this;
    }

    /**
     * @param seconds heartbeat interval (u16).
     * @return this.
     */
    public LogonAckEncoder heartbeatIntervalSeconds(final int seconds)
    {
        putU16(offset + HEARTBEAT_INTERVAL_OFFSET, seconds, "heartbeatIntervalSeconds");
        return this;
    }
}
