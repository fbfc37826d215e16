package io.hutong.core.pos.codec;

/**
 * Body of Error (template 4, either direction): a protocol or authentication failure. The sender closes the
 * connection after it. An Error the switch sends before a session exists (the Logon failed) carries sequence 0
 * and an all-zero MAC: it is not authenticated, so a terminal only logs it.
 * <pre>
 *   offset size  field           type   rule
 *    0      2    errorCode       u16    a PosReason code (1..99 protocol; BUSY, TIMEOUT, INTERNAL)
 *    2      2    refTemplateId   u16    template id of the frame refused, 0 when none (stream error)
 *    4      4    refSequence     u32    sequence of the frame refused, 0 when none
 *    8      2+n  text            var    n = 0..128 printable ASCII 0x20..0x7E, for people
 * </pre>
 * Constants only; thread-safe.
 */
public final class ErrorDescriptor
{
    /** Offset of the error code. */
    public static final int ERROR_CODE_OFFSET = 0;
    /** Offset of the refused frame's template id. */
    public static final int REF_TEMPLATE_ID_OFFSET = 2;
    /** Offset of the refused frame's sequence number. */
    public static final int REF_SEQUENCE_OFFSET = 4;
    /** Length of the fixed block. */
    public static final int BLOCK_LENGTH = 8;
    /** Longest text. */
    public static final int MAX_TEXT_LENGTH = 128;

    private ErrorDescriptor()
    {
    }
}
