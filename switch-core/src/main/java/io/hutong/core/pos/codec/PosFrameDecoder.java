package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;

import static io.hutong.core.pos.codec.PosFrameDescriptor.BLOCK_LENGTH_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.BODY_LENGTH_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.BYTE_ORDER;
import static io.hutong.core.pos.codec.PosFrameDescriptor.FLAGS_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.FLAG_REPEAT;
import static io.hutong.core.pos.codec.PosFrameDescriptor.HEADER_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.KNOWN_FLAGS;
import static io.hutong.core.pos.codec.PosFrameDescriptor.MAC_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.MAX_FRAME_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.SEQUENCE_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.TEMPLATE_ID_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.TERMINAL_ID_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.TERMINAL_ID_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.VERSION;
import static io.hutong.core.pos.codec.PosFrameDescriptor.VERSION_OFFSET;

/**
 * Flyweight decoder of one whole POS frame (length prefix already removed): header, the body of whichever message
 * it is, and the position of the MAC, which this class does not check (io.hutong.core.pos.auth does, with the
 * right key). See {@link PosFrameDescriptor}. Rules of the header, in the order checked:
 * <ol>
 *   <li>longer than {@value PosFrameDescriptor#MAX_FRAME_LENGTH}: TOO_LARGE;
 *       shorter than the header: MALFORMED;</li>
 *   <li>version not {@value PosFrameDescriptor#VERSION}: UNSUPPORTED_VERSION;
 *       template id not a {@link PosMessageType}: UNKNOWN_MESSAGE;</li>
 *   <li>an undefined flag bit, or REPEAT on a message other than Pay, Query, Reverse, Refund, Result:
 *       INVALID_FIELD;</li>
 *   <li>blockLength not the template's, bodyLength smaller than it, or frame length not
 *       header + bodyLength + MAC: MALFORMED (this catches truncation and trailing bytes);</li>
 *   <li>terminal id not 1..16 identifier characters then NUL padding (all NUL allowed in Error only), or a
 *       Logon or LogonAck with a sequence other than 0: INVALID_FIELD;</li>
 *   <li>then the body's own rules (see each body decoder).</li>
 * </ol>
 * {@link #decode()} never throws for any bytes and allocates nothing; error offsets count from the frame's start.
 * It is {@link #decodeHeader()} then {@link #decodeBody()}; a receiver that authenticates frames calls the two
 * halves with its MAC check in between, so it never parses the body of a frame it cannot trust.
 * Header accessors are readable once {@link #hasHeader()} (the frame is at least a header long), even when the
 * frame is refused, so an Error frame can name the sequence and template it refers to; body accessors
 * ({@link #pay()} ...) are valid only after {@code decode()} returned NONE for that message type.
 * <p>
 * Not thread-safe: one per connection or per thread, reused for every frame.
 */
public final class PosFrameDecoder
{
    private static final String FRAME_TOO_LARGE = "frame longer than 2048 bytes";
    private static final String SHORTER_THAN_HEADER = "frame shorter than the header";
    private static final String BAD_VERSION = "version is not 1";
    private static final String BAD_TEMPLATE = "templateId names no message";
    private static final String BAD_FLAGS = "undefined flag bit set";
    private static final String REPEAT_NOT_ALLOWED = "REPEAT flag not allowed on this message";
    private static final String BAD_BLOCK_LENGTH = "blockLength is not the message's fixed block length";
    private static final String BODY_SHORTER_THAN_BLOCK = "bodyLength smaller than blockLength";
    private static final String LENGTH_MISMATCH = "frame length is not header + bodyLength + MAC";
    private static final String BAD_TERMINAL_ID = "terminalId must be 1..16 printable ASCII, NUL-padded";
    private static final String LOGON_SEQUENCE = "sequence of Logon and LogonAck must be 0";

    private final LogonDecoder logon = new LogonDecoder();
    private final LogonAckDecoder logonAck = new LogonAckDecoder();
    private final HeartbeatDecoder heartbeat = new HeartbeatDecoder();
    private final ErrorDecoder error = new ErrorDecoder();
    private final PayDecoder pay = new PayDecoder();
    private final TxnReferenceDecoder txnReference = new TxnReferenceDecoder();
    private final RefundDecoder refund = new RefundDecoder();
    private final ResultDecoder result = new ResultDecoder();

    private DirectBuffer buffer;
    private int offset;
    private int length;
    private PosMessageType type;
    private boolean bodyDecoded;
    private int terminalIdLength;
    private int errorOffset;
    private String detail = "";

    /**
     * Create a decoder with its body flyweights; all allocation happens here.
     */
    public PosFrameDecoder()
    {
    }

    /**
     * Point at a frame, length prefix excluded. Nothing is read until {@link #decode()}.
     *
     * @param buffer holding the frame.
     * @param offset first byte of the header.
     * @param length frame length (the value of the length prefix).
     * @return this decoder.
     * @throws IllegalArgumentException if the region lies outside the buffer (a caller bug, not bad input).
     */
    public PosFrameDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        if (offset < 0 || length < 0 || offset > buffer.capacity() - length)
        {
            throw new IllegalArgumentException(
                "offset=" + offset + " length=" + length + ": outside buffer of capacity " + buffer.capacity());
        }
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        type = null;
        bodyDecoded = false;
        terminalIdLength = 0;
        errorOffset = 0;
        detail = "";
        return this;
    }

    /**
     * Decode and validate the wrapped frame, header then body; the MAC is located, not checked. May be called
     * again.
     *
     * @return {@link PosReason#NONE}, or why the frame is refused ({@link #detail()}, {@link #errorOffset()}).
     */
    public PosReason decode()
    {
        final PosReason header = decodeHeader();
        return header != PosReason.NONE ? header : decodeBody();
    }

    /**
     * First half of {@link #decode()}: the header rules only, so a receiver can check the MAC before it parses the
     * body of a frame that may not be authentic. On NONE, {@link #messageType()} is the header's message type and
     * the MAC's position is known; the body accessors need {@link #decodeBody()}.
     *
     * @return {@link PosReason#NONE}, or why the header is refused.
     */
    public PosReason decodeHeader()
    {
        type = null;
        bodyDecoded = false;
        if (length > MAX_FRAME_LENGTH)
        {
            return fail(PosReason.TOO_LARGE, 0, FRAME_TOO_LARGE);
        }
        if (length < HEADER_LENGTH)
        {
            return fail(PosReason.MALFORMED, length, SHORTER_THAN_HEADER);
        }
        if (version() != VERSION)
        {
            return fail(PosReason.UNSUPPORTED_VERSION, VERSION_OFFSET, BAD_VERSION);
        }
        final PosMessageType candidate = PosMessageType.get(templateId());
        if (candidate == null)
        {
            return fail(PosReason.UNKNOWN_MESSAGE, TEMPLATE_ID_OFFSET, BAD_TEMPLATE);
        }
        final PosReason header = checkHeader(candidate);
        if (header != PosReason.NONE)
        {
            return header;
        }
        type = candidate;
        return PosReason.NONE;
    }

    /**
     * Second half of {@link #decode()}: the body rules of the message {@link #decodeHeader()} accepted.
     *
     * @return {@link PosReason#NONE}, or why the body is refused (then {@link #messageType()} is null).
     * @throws IllegalStateException when the header was not accepted first (a caller bug).
     */
    public PosReason decodeBody()
    {
        if (type == null)
        {
            throw new IllegalStateException("decodeBody before a successful decodeHeader");
        }
        final PosBodyDecoder body = bodyDecoder(type);
        final PosReason bodyReason = body.decode();
        if (bodyReason != PosReason.NONE)
        {
            type = null;
            return fail(bodyReason, HEADER_LENGTH + body.errorOffset(), body.detail());
        }
        bodyDecoded = true;
        return PosReason.NONE;
    }

    /**
     * @return true when the whole frame, header and body, decoded.
     */
    public boolean isBodyDecoded()
    {
        return bodyDecoded;
    }

    private PosReason checkHeader(final PosMessageType candidate)
    {
        final int flags = flags();
        if ((flags & ~KNOWN_FLAGS) != 0)
        {
            return fail(PosReason.INVALID_FIELD, FLAGS_OFFSET, BAD_FLAGS);
        }
        if ((flags & FLAG_REPEAT) != 0 && !mayRepeat(candidate))
        {
            return fail(PosReason.INVALID_FIELD, FLAGS_OFFSET, REPEAT_NOT_ALLOWED);
        }
        final int blockLength = u16(BLOCK_LENGTH_OFFSET);
        if (blockLength != candidate.blockLength())
        {
            return fail(PosReason.MALFORMED, BLOCK_LENGTH_OFFSET, BAD_BLOCK_LENGTH);
        }
        final int bodyLength = bodyLength();
        if (bodyLength < blockLength)
        {
            return fail(PosReason.MALFORMED, BODY_LENGTH_OFFSET, BODY_SHORTER_THAN_BLOCK);
        }
        if (length != HEADER_LENGTH + bodyLength + MAC_LENGTH)
        {
            return fail(PosReason.MALFORMED, BODY_LENGTH_OFFSET, LENGTH_MISMATCH);
        }
        terminalIdLength = PosText.fixedLength(buffer, offset + TERMINAL_ID_OFFSET, TERMINAL_ID_LENGTH);
        if (terminalIdLength < 0 || (terminalIdLength == 0 && candidate != PosMessageType.ERROR))
        {
            return fail(PosReason.INVALID_FIELD, TERMINAL_ID_OFFSET, BAD_TERMINAL_ID);
        }
        if (sequence() != 0 && (candidate == PosMessageType.LOGON || candidate == PosMessageType.LOGON_ACK))
        {
            return fail(PosReason.INVALID_FIELD, SEQUENCE_OFFSET, LOGON_SEQUENCE);
        }
        return PosReason.NONE;
    }

    private static boolean mayRepeat(final PosMessageType type)
    {
        return type == PosMessageType.PAY || type == PosMessageType.QUERY || type == PosMessageType.REVERSE ||
            type == PosMessageType.REFUND || type == PosMessageType.RESULT;
    }

    private PosBodyDecoder bodyDecoder(final PosMessageType candidate)
    {
        final int bodyOffset = offset + HEADER_LENGTH;
        final int bodyLength = bodyLength();
        switch (candidate)
        {
            case LOGON:
                return logon.wrap(buffer, bodyOffset, bodyLength);
            case LOGON_ACK:
                return logonAck.wrap(buffer, bodyOffset, bodyLength);
            case HEARTBEAT:
                return heartbeat.wrap(buffer, bodyOffset, bodyLength);
            case ERROR:
                return error.wrap(buffer, bodyOffset, bodyLength);
            case PAY:
                return pay.wrap(buffer, bodyOffset, bodyLength);
            case QUERY:
            case REVERSE:
                return txnReference.wrap(buffer, bodyOffset, bodyLength);
            case REFUND:
                return refund.wrap(buffer, bodyOffset, bodyLength);
            case RESULT:
                return result.wrap(buffer, bodyOffset, bodyLength);
            default:
                throw new IllegalStateException("messageType=" + candidate + ": no body decoder");
        }
    }

    private PosReason fail(final PosReason reason, final int frameOffset, final String detail)
    {
        this.errorOffset = frameOffset;
        this.detail = detail;
        return reason;
    }

    private int u16(final int headerOffset)
    {
        return buffer.getShort(offset + headerOffset, BYTE_ORDER) & 0xFFFF;
    }

    /**
     * @return the message type after a successful {@link #decode()} or {@link #decodeHeader()}, otherwise null.
     */
    public PosMessageType messageType()
    {
        return type;
    }

    /**
     * @return true when the frame is at least a header long, so the raw header accessors can be read.
     */
    public boolean hasHeader()
    {
        return buffer != null && length >= HEADER_LENGTH;
    }

    /**
     * @return raw template id; read only when {@link #hasHeader()}.
     */
    public int templateId()
    {
        return u16(TEMPLATE_ID_OFFSET);
    }

    /**
     * @return raw version; read only when {@link #hasHeader()}.
     */
    public int version()
    {
        return buffer.getByte(offset + VERSION_OFFSET) & 0xFF;
    }

    /**
     * @return raw flags; read only when {@link #hasHeader()}.
     */
    public int flags()
    {
        return buffer.getByte(offset + FLAGS_OFFSET) & 0xFF;
    }

    /**
     * @return true when the REPEAT flag is set; read only when {@link #hasHeader()}.
     */
    public boolean isRepeat()
    {
        return (flags() & FLAG_REPEAT) != 0;
    }

    /**
     * @return raw sequence number (u32); read only when {@link #hasHeader()}.
     */
    public long sequence()
    {
        return buffer.getInt(offset + SEQUENCE_OFFSET, BYTE_ORDER) & 0xFFFF_FFFFL;
    }

    /**
     * @return raw body length; read only when {@link #hasHeader()}.
     */
    public int bodyLength()
    {
        return u16(BODY_LENGTH_OFFSET);
    }

    /**
     * @return the buffer wrapped.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return offset of the frame (its header) in {@link #buffer()}.
     */
    public int offset()
    {
        return offset;
    }

    /**
     * @return frame length.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return offset in {@link #buffer()} of the 16-byte terminal id field (padding included).
     */
    public int terminalIdOffset()
    {
        return offset + TERMINAL_ID_OFFSET;
    }

    /**
     * @return length of the terminal id, padding excluded; valid after the header checks passed.
     */
    public int terminalIdLength()
    {
        return terminalIdLength;
    }

    /**
     * @return the terminal id; allocates, for logs and tests.
     */
    public String terminalId()
    {
        return PosText.getFixed(buffer, offset + TERMINAL_ID_OFFSET, TERMINAL_ID_LENGTH);
    }

    /**
     * @return number of bytes the MAC covers: header and body.
     */
    public int signedLength()
    {
        return length - MAC_LENGTH;
    }

    /**
     * @return offset in {@link #buffer()} of the 32-byte MAC.
     */
    public int macOffset()
    {
        return offset + length - MAC_LENGTH;
    }

    /**
     * @return a constant explanation of the last refusal (printable ASCII, fits an Error text), "" after success.
     */
    public String detail()
    {
        return detail;
    }

    /**
     * @return offset of the last refusal from the start of the frame.
     */
    public int errorOffset()
    {
        return errorOffset;
    }

    /**
     * @return the Logon body; valid when {@link #messageType()} is LOGON and {@link #isBodyDecoded()}.
     */
    public LogonDecoder logon()
    {
        return logon;
    }

    /**
     * @return the LogonAck body; valid when {@link #messageType()} is LOGON_ACK and {@link #isBodyDecoded()}.
     */
    public LogonAckDecoder logonAck()
    {
        return logonAck;
    }

    /**
     * @return the Heartbeat body; valid when {@link #messageType()} is HEARTBEAT and {@link #isBodyDecoded()}.
     */
    public HeartbeatDecoder heartbeat()
    {
        return heartbeat;
    }

    /**
     * @return the Error body; valid when {@link #messageType()} is ERROR and {@link #isBodyDecoded()}.
     */
    public ErrorDecoder error()
    {
        return error;
    }

    /**
     * @return the Pay body; valid when {@link #messageType()} is PAY and {@link #isBodyDecoded()}.
     */
    public PayDecoder pay()
    {
        return pay;
    }

    /**
     * @return the Query or Reverse body; valid when {@link #messageType()} is QUERY or REVERSE and {@link #isBodyDecoded()}.
     */
    public TxnReferenceDecoder txnReference()
    {
        return txnReference;
    }

    /**
     * @return the Refund body; valid when {@link #messageType()} is REFUND and {@link #isBodyDecoded()}.
     */
    public RefundDecoder refund()
    {
        return refund;
    }

    /**
     * @return the Result body; valid when {@link #messageType()} is RESULT and {@link #isBodyDecoded()}.
     */
    public ResultDecoder result()
    {
        return result;
    }
}
