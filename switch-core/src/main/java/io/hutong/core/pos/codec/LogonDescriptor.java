package io.hutong.core.pos.codec;

/**
 * Body of Logon (template 1, terminal to switch, sequence 0, MACed with the terminal's long-term key).
 * <pre>
 *   offset size  field              type    rule
 *    0     16    nonce              bytes   fresh random per logon, not all zero
 *   16      8    timestampMs        i64     terminal clock, ms since 1970-01-01T00:00Z, within the replay window
 *   24      2+n  softwareVersion    var     n = 1..32 printable ASCII 0x20..0x7E
 * </pre>
 * Constants only; thread-safe.
 */
public final class LogonDescriptor
{
    /** Offset of the terminal's nonce. */
    public static final int NONCE_OFFSET = 0;
    /** Offset of the terminal's timestamp, ms since the epoch. */
    public static final int TIMESTAMP_OFFSET = 16;
    /** Length of the fixed block. */
    public static final int BLOCK_LENGTH = 24;
    /** Longest software version text. */
    public static final int MAX_SOFTWARE_VERSION_LENGTH = 32;

    private LogonDescriptor()
    {
    }
}
