package io.hutong.core.pos.codec;

/**
 * Body of LogonAck (template 2, switch to terminal, sequence 0, MACed with the switch-to-terminal session key
 * derived from both nonces, which proves the switch knows the terminal key and binds the answer to this logon).
 * <pre>
 *   offset size  field                      type    rule
 *    0     16    switchNonce                bytes   fresh random per logon, not all zero
 *   16      8    switchTimeMs               i64     switch clock, ms since the epoch (for the terminal's skew check)
 *   24      2    heartbeatIntervalSeconds   u16     1..3600: send a Heartbeat when idle this long
 * </pre>
 * Constants only; thread-safe.
 */
public final class LogonAckDescriptor
{
    /** Offset of the switch's nonce. */
    public static final int SWITCH_NONCE_OFFSET = 0;
    /** Offset of the switch's time, ms since the epoch. */
    public static final int SWITCH_TIME_OFFSET = 16;
    /** Offset of the heartbeat interval in seconds. */
    public static final int HEARTBEAT_INTERVAL_OFFSET = 24;
    /** Length of the fixed block. */
    public static final int BLOCK_LENGTH = 26;
    /** Longest heartbeat interval, seconds. */
    public static final int MAX_HEARTBEAT_INTERVAL_SECONDS = 3600;

    private LogonAckDescriptor()
    {
    }
}
