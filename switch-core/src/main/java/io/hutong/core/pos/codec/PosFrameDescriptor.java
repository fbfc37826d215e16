package io.hutong.core.pos.codec;

import java.nio.ByteOrder;

/**
 * Framing, header and trailer of the POS terminal protocol, version {@value #VERSION} (docs/pos-protocol.md).
 * A TCP stream carries frames, each behind an unsigned 16-bit little-endian length prefix that counts the frame
 * bytes after it. Every integer is little-endian; text is ASCII, right-padded with NUL (0x00) in fixed fields.
 * <pre>
 *   0        2                                                                 2 + L
 *   +--------+-----------------------------------------------------------------+
 *   | L u16  | frame: L bytes, {@value #MIN_FRAME_LENGTH} &lt;= L &lt;= {@value #MAX_FRAME_LENGTH}                            |
 *   +--------+-----------------------------------------------------------------+
 *
 *   frame
 *   0                                 28                  28 + bodyLength      L = 28 + bodyLength + 32
 *   +---------------------------------+-------------------+--------------------+
 *   | header (28 bytes)               | body              | MAC (32 bytes)     |
 *   +---------------------------------+-------------------+--------------------+
 *   |&lt;------------- signed: HMAC-SM3 input -------------&gt;|
 *
 *   header
 *    0   2   templateId    u16    message type, see PosMessageType
 *    2   1   version       u8     {@value #VERSION}
 *    3   1   flags         u8     bit 0 REPEAT; other bits 0
 *    4   4   sequence      u32    0 for Logon and LogonAck, then 1, 2, 3 ... per direction
 *    8   2   blockLength   u16    length of the body's fixed block (the template's, for this version)
 *   10   2   bodyLength    u16    fixed block + variable-length fields
 *   12  16   terminalId    char   1..16 printable ASCII (0x21..0x7E), right-padded with 0x00
 *
 *   body = fixed block (blockLength bytes) + variable-length fields, each:
 *    0   2   length        u16    n
 *    2   n   value
 * </pre>
 * The Netty side frames the stream with {@code LengthFieldBasedFrameDecoder(BYTE_ORDER, MAX_WIRE_LENGTH,
 * LENGTH_FIELD_OFFSET, LENGTH_FIELD_LENGTH, LENGTH_ADJUSTMENT, INITIAL_BYTES_TO_STRIP, true)} and hands the
 * frame (prefix stripped) to {@link PosFrameDecoder}; encoders write the prefix too.
 * <p>
 * Constants only; thread-safe.
 */
public final class PosFrameDescriptor
{
    /** Protocol (schema) version this code speaks; any other version is refused as UNSUPPORTED_VERSION. */
    public static final int VERSION = 1;

    /** Byte order of the length prefix and of every integer in a frame. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    /** Offset of the length prefix in the stream (Netty {@code lengthFieldOffset}). */
    public static final int LENGTH_FIELD_OFFSET = 0;
    /** Size of the length prefix, unsigned (Netty {@code lengthFieldLength}). */
    public static final int LENGTH_FIELD_LENGTH = 2;
    /** The prefix counts the frame bytes after it only (Netty {@code lengthAdjustment}). */
    public static final int LENGTH_ADJUSTMENT = 0;
    /** Netty strips the prefix, so decoders see the frame itself (Netty {@code initialBytesToStrip}). */
    public static final int INITIAL_BYTES_TO_STRIP = LENGTH_FIELD_LENGTH;

    /** Largest frame (value of the length prefix); a larger prefix fails the connection at once (TOO_LARGE). */
    public static final int MAX_FRAME_LENGTH = 2048;
    /** Largest frame with its prefix: Netty's {@code maxFrameLength}, which counts the prefix. */
    public static final int MAX_WIRE_LENGTH = LENGTH_FIELD_LENGTH + MAX_FRAME_LENGTH;

    /** Header length. */
    public static final int HEADER_LENGTH = 28;
    /** Length of the trailing MAC: HMAC-SM3 output. */
    public static final int MAC_LENGTH = 32;
    /** Smallest frame: header, empty body, MAC. */
    public static final int MIN_FRAME_LENGTH = HEADER_LENGTH + MAC_LENGTH;
    /** Largest body that fits in {@link #MAX_FRAME_LENGTH}. */
    public static final int MAX_BODY_LENGTH = MAX_FRAME_LENGTH - HEADER_LENGTH - MAC_LENGTH;

    /** Header offset of the template id, u16. */
    public static final int TEMPLATE_ID_OFFSET = 0;
    /** Header offset of the version, u8. */
    public static final int VERSION_OFFSET = 2;
    /** Header offset of the flags, u8. */
    public static final int FLAGS_OFFSET = 3;
    /** Header offset of the sequence number, u32. */
    public static final int SEQUENCE_OFFSET = 4;
    /** Header offset of the fixed block length, u16. */
    public static final int BLOCK_LENGTH_OFFSET = 8;
    /** Header offset of the body length, u16. */
    public static final int BODY_LENGTH_OFFSET = 10;
    /** Header offset of the terminal id, 16 bytes. */
    public static final int TERMINAL_ID_OFFSET = 12;
    /** Width of the terminal id field. */
    public static final int TERMINAL_ID_LENGTH = 16;

    /** Flag bit: a request the terminal may have sent before, or a Result repeated from the switch's records. */
    public static final int FLAG_REPEAT = 0x01;
    /** Every flag bit this version defines; any other bit set is refused as INVALID_FIELD. */
    public static final int KNOWN_FLAGS = FLAG_REPEAT;

    /** Largest sequence number (u32); a session that reaches it must log on again. */
    public static final long MAX_SEQUENCE = 0xFFFF_FFFFL;

    /** Size of the u16 length in front of every variable-length field. */
    public static final int VAR_LENGTH_FIELD_LENGTH = 2;

    /** Size of the logon nonces, terminal's and switch's. */
    public static final int NONCE_LENGTH = 16;

    /** Largest amount in fen (999,999,999.99 yuan); amounts of payments and refunds are 1..this. */
    public static final long MAX_AMOUNT = 99_999_999_999L;
    /** ISO 4217 numeric code of the only currency of version 1: CNY. */
    public static final int CURRENCY_CNY = 156;

    /** Width of terminal and merchant transaction ids and merchant ids. */
    public static final int ID_LENGTH = 32;
    /** Width of the wallet (participant) id in a Result. */
    public static final int WALLET_ID_LENGTH = 16;

    private PosFrameDescriptor()
    {
    }
}
