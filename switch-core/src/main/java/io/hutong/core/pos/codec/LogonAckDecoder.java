package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;

import static io.hutong.core.pos.codec.LogonAckDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.LogonAckDescriptor.HEARTBEAT_INTERVAL_OFFSET;
import static io.hutong.core.pos.codec.LogonAckDescriptor.MAX_HEARTBEAT_INTERVAL_SECONDS;
import static io.hutong.core.pos.codec.LogonAckDescriptor.SWITCH_NONCE_OFFSET;
import static io.hutong.core.pos.codec.LogonAckDescriptor.SWITCH_TIME_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.NONCE_LENGTH;

/**
 * Flyweight decoder of a LogonAck body ({@link LogonAckDescriptor}). Rules: exactly the fixed block (MALFORMED);
 * switch nonce not all zero and heartbeat interval 1..3600 s (INVALID_FIELD).
 * <p>
 * Not thread-safe; allocation free.
 */
public final class LogonAckDecoder extends PosBodyDecoder
{
    private static final String NONCE_ZERO = "switchNonce is all zero";
    private static final String HEARTBEAT = "heartbeatIntervalSeconds must be 1..3600";

    /**
     * Point at a body. Nothing is read until {@link #decode()}.
     *
     * @param buffer holding the body.
     * @param offset first byte of the body.
     * @param length body length.
     * @return this decoder.
     * @throws IllegalArgumentException if the region lies outside the buffer (a caller bug).
     */
    public LogonAckDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        wrapRegion(buffer, offset, length);
        return this;
    }

    @Override
    public PosReason decode()
    {
        final PosReason block = checkBlock(BLOCK_LENGTH);
        if (block != PosReason.NONE)
        {
            return block;
        }
        if (isAllZero(offset + SWITCH_NONCE_OFFSET, NONCE_LENGTH))
        {
            return fail(PosReason.INVALID_FIELD, offset + SWITCH_NONCE_OFFSET, NONCE_ZERO);
        }
        final int interval = heartbeatIntervalSeconds();
        if (interval < 1 || interval > MAX_HEARTBEAT_INTERVAL_SECONDS)
        {
            return fail(PosReason.INVALID_FIELD, offset + HEARTBEAT_INTERVAL_OFFSET, HEARTBEAT);
        }
        return checkEnd(offset + BLOCK_LENGTH);
    }

    /**
     * @return offset in {@link #buffer()} of the switch's 16-byte nonce.
     */
    public int switchNonceOffset()
    {
        return offset + SWITCH_NONCE_OFFSET;
    }

    /**
     * @return the switch's time, ms since the epoch.
     */
    public long switchTimeMs()
    {
        return i64(offset + SWITCH_TIME_OFFSET);
    }

    /**
     * @return how long a side may stay silent before it sends a Heartbeat, seconds.
     */
    public int heartbeatIntervalSeconds()
    {
        return u16(offset + HEARTBEAT_INTERVAL_OFFSET);
    }
}
