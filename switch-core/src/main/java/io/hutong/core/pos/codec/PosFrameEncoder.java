package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hutong.core.pos.codec.PosFrameDescriptor.BLOCK_LENGTH_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.BODY_LENGTH_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.BYTE_ORDER;
import static io.hutong.core.pos.codec.PosFrameDescriptor.FLAGS_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.HEADER_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.KNOWN_FLAGS;
import static io.hutong.core.pos.codec.PosFrameDescriptor.LENGTH_FIELD_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.MAC_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.MAX_SEQUENCE;
import static io.hutong.core.pos.codec.PosFrameDescriptor.SEQUENCE_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.TEMPLATE_ID_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.TERMINAL_ID_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.TERMINAL_ID_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.VERSION;
import static io.hutong.core.pos.codec.PosFrameDescriptor.VERSION_OFFSET;

/**
 * Encoder of whole POS frames, length prefix and MAC included. Two steps, so the body is written straight into
 * the output buffer:
 * <pre>
 *   PayEncoder pay = encoder.pay(buffer, offset);     // offset: where the 2-byte length prefix goes
 *   pay.amount(100).currency(156).terminalTxnId("T1").merchantId("M1").code(scanned);
 *   int written = encoder.finish(terminalId, sequence, 0, mac);   // prefix + header + body + MAC
 * </pre>
 * {@code finish} completes the body, writes the header (template, version, flags, sequence, block and body
 * lengths, terminal id) and the prefix, then the HMAC-SM3 of header and body under {@code mac}; a null
 * {@code mac} writes 32 zero bytes, which only an Error sent before a session exists may carry. The sessions in
 * io.hutong.core.pos.auth call {@code finish} with the right sequence and key; use them rather than this directly.
 * <p>
 * Not thread-safe: one per connection or per thread. Allocation free.
 */
public final class PosFrameEncoder
{
    private final LogonEncoder logon = new LogonEncoder();
    private final LogonAckEncoder logonAck = new LogonAckEncoder();
    private final HeartbeatEncoder heartbeat = new HeartbeatEncoder();
    private final ErrorEncoder error = new ErrorEncoder();
    private final PayEncoder pay = new PayEncoder();
    private final TxnReferenceEncoder txnReference = new TxnReferenceEncoder();
    private final RefundEncoder refund = new RefundEncoder();
    private final ResultEncoder result = new ResultEncoder();

    private MutableDirectBuffer buffer;
    private int offset;
    private PosMessageType type;
    private PosBodyEncoder body;

    /**
     * Create an encoder with its body encoders; all allocation happens here.
     */
    public PosFrameEncoder()
    {
    }

    /**
     * Begin a Logon frame.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public LogonEncoder logon(final MutableDirectBuffer buffer, final int offset)
    {
        return begin(PosMessageType.LOGON, logon.wrap(buffer, bodyOffset(offset)), buffer, offset);
    }

    /**
     * Begin a LogonAck frame.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public LogonAckEncoder logonAck(final MutableDirectBuffer buffer, final int offset)
    {
        return begin(
            PosMessageType.LOGON_ACK, logonAck.wrap(buffer, bodyOffset(offset)), buffer, offset);
    }

    /**
     * Begin a Heartbeat frame.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public HeartbeatEncoder heartbeat(final MutableDirectBuffer buffer, final int offset)
    {
        return begin(
            PosMessageType.HEARTBEAT, heartbeat.wrap(buffer, bodyOffset(offset)), buffer, offset);
    }

    /**
     * Begin an Error frame.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public ErrorEncoder error(final MutableDirectBuffer buffer, final int offset)
    {
        return begin(PosMessageType.ERROR, error.wrap(buffer, bodyOffset(offset)), buffer, offset);
    }

    /**
     * Begin a Pay frame.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public PayEncoder pay(final MutableDirectBuffer buffer, final int offset)
    {
        return begin(PosMessageType.PAY, pay.wrap(buffer, bodyOffset(offset)), buffer, offset);
    }

    /**
     * Begin a Query frame.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public TxnReferenceEncoder query(final MutableDirectBuffer buffer, final int offset)
    {
        return begin(
            PosMessageType.QUERY, txnReference.wrap(buffer, bodyOffset(offset)), buffer, offset);
    }

    /**
     * Begin a Reverse frame.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public TxnReferenceEncoder reverse(final MutableDirectBuffer buffer, final int offset)
    {
        return begin(
            PosMessageType.REVERSE, txnReference.wrap(buffer, bodyOffset(offset)), buffer, offset);
    }

    /**
     * Begin a Refund frame.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public RefundEncoder refund(final MutableDirectBuffer buffer, final int offset)
    {
        return begin(PosMessageType.REFUND, refund.wrap(buffer, bodyOffset(offset)), buffer, offset);
    }

    /**
     * Begin a Result frame.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public ResultEncoder result(final MutableDirectBuffer buffer, final int offset)
    {
        return begin(PosMessageType.RESULT, result.wrap(buffer, bodyOffset(offset)), buffer, offset);
    }

    private static int bodyOffset(final int offset)
    {
        return offset + LENGTH_FIELD_LENGTH + HEADER_LENGTH;
    }

    private <T extends PosBodyEncoder> T begin(
        final PosMessageType type, final T body, final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.type = type;
        this.body = body;
        return body;
    }

    /**
     * @return the message type of the frame begun and not yet finished, or null.
     */
    public PosMessageType messageType()
    {
        return type;
    }

    /**
     * Finish the frame begun last.
     *
     * @param terminalId       holding the 16-byte NUL-padded terminal id field.
     * @param terminalIdOffset first byte of that field.
     * @param sequence         sequence number, 0..2^32-1.
     * @param flags            flag bits ({@link PosFrameDescriptor#FLAG_REPEAT}).
     * @param mac              keyed MAC for the trailer, or null for an all-zero trailer.
     * @return bytes written from the offset given at the start: prefix, header, body and MAC.
     * @throws IllegalStateException    when no frame was begun.
     * @throws IllegalArgumentException for a sequence or flags out of range.
     */
    public int finish(
        final DirectBuffer terminalId,
        final int terminalIdOffset,
        final long sequence,
        final int flags,
        final FrameMac mac)
    {
        final int frameOffset = writeHeader(sequence, flags);
        buffer.putBytes(frameOffset + TERMINAL_ID_OFFSET, terminalId, terminalIdOffset, TERMINAL_ID_LENGTH);
        return seal(frameOffset, mac);
    }

    /**
     * Finish the frame begun last, with the terminal id as text (tests, tools).
     *
     * @param terminalId up to 16 identifier characters (empty only for a pre-logon Error).
     * @param sequence   sequence number, 0..2^32-1.
     * @param flags      flag bits.
     * @param mac        keyed MAC for the trailer, or null for an all-zero trailer.
     * @return bytes written: prefix, header, body and MAC.
     */
    public int finish(final CharSequence terminalId, final long sequence, final int flags, final FrameMac mac)
    {
        final int frameOffset = writeHeader(sequence, flags);
        PosText.putFixed(buffer, frameOffset + TERMINAL_ID_OFFSET, TERMINAL_ID_LENGTH, terminalId, "terminalId");
        return seal(frameOffset, mac);
    }

    private int writeHeader(final long sequence, final int flags)
    {
        if (body == null)
        {
            throw new IllegalStateException("finish without a frame begun");
        }
        if (sequence < 0 || sequence > MAX_SEQUENCE)
        {
            throw new IllegalArgumentException("sequence=" + sequence + ": must be 0..4294967295");
        }
        if ((flags & ~KNOWN_FLAGS) != 0)
        {
            throw new IllegalArgumentException("flags=" + flags + ": undefined bits set");
        }
        final int bodyLength = body.encodedLength();
        final int frameOffset = offset + LENGTH_FIELD_LENGTH;
        buffer.putShort(offset, (short)(HEADER_LENGTH + bodyLength + MAC_LENGTH), BYTE_ORDER);
        buffer.putShort(frameOffset + TEMPLATE_ID_OFFSET, (short)type.code(), BYTE_ORDER);
        buffer.putByte(frameOffset + VERSION_OFFSET, (byte)VERSION);
        buffer.putByte(frameOffset + FLAGS_OFFSET, (byte)flags);
        buffer.putInt(frameOffset + SEQUENCE_OFFSET, (int)sequence, BYTE_ORDER);
        buffer.putShort(frameOffset + BLOCK_LENGTH_OFFSET, (short)type.blockLength(), BYTE_ORDER);
        buffer.putShort(frameOffset + BODY_LENGTH_OFFSET, (short)bodyLength, BYTE_ORDER);
        return frameOffset;
    }

    private int seal(final int frameOffset, final FrameMac mac)
    {
        final int signedLength = HEADER_LENGTH + body.encodedLength();
        final int macOffset = frameOffset + signedLength;
        if (mac == null)
        {
            buffer.setMemory(macOffset, MAC_LENGTH, (byte)0);
        }
        else
        {
            mac.compute(buffer, frameOffset, signedLength, buffer, macOffset);
        }
        body = null;
        type = null;
        return LENGTH_FIELD_LENGTH + signedLength + MAC_LENGTH;
    }
}
