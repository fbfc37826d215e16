package io.hutong.core.pos.codec;

/**
 * Body of Heartbeat (template 3, either direction).
 * <pre>
 *   offset size  field         type   rule
 *    0      8    timestampMs   i64    sender's clock, ms since the epoch; informational, any value
 * </pre>
 * Constants only; thread-safe.
 */
public final class HeartbeatDescriptor
{
    /** Offset of the sender's timestamp. */
    public static final int TIMESTAMP_OFFSET = 0;
    /** Length of the fixed block. */
    public static final int BLOCK_LENGTH = 8;

    private HeartbeatDescriptor()
    {
    }
}
