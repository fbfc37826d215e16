package io.hutong.core.pos.auth;

import io.hutong.core.pos.codec.ErrorEncoder;
import io.hutong.core.pos.codec.FrameMac;
import io.hutong.core.pos.codec.HeartbeatEncoder;
import io.hutong.core.pos.codec.PosFrameDecoder;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosFrameEncoder;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosText;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import static io.hutong.core.pos.codec.PosFrameDescriptor.MAX_SEQUENCE;
import static io.hutong.core.pos.codec.PosFrameDescriptor.TERMINAL_ID_LENGTH;

/**
 * One end of one POS connection: the state every frame is checked against and every frame is sent with. The
 * switch's end is {@link SwitchSession}, a terminal's {@link TerminalSession}. After logon, each inbound frame must
 * be a message the other side may send, name the logged-on terminal (else TERMINAL_MISMATCH), carry the HMAC-SM3
 * of header and body under the inbound session key (else BAD_MAC) and the next sequence number: an old one is
 * REPLAY, a skipped one SEQUENCE_GAP; only then is the body parsed and checked. The checks run in that order, so
 * nothing unauthenticated moves the sequence or reaches the body parser. Any refusal closes the session for good:
 * later frames get the same reason back (UNEXPECTED_MESSAGE after a plain {@link #close()}).
 * <pre>
 *   AWAITING_LOGON --Logon ok--&gt; LOGGED_ON --refusal, Error, close()--&gt; CLOSED
 *        |  (terminal: sends Logon) -&gt; AWAITING_LOGON_ACK --LogonAck ok--&gt; LOGGED_ON
 *        +--refusal--&gt; CLOSED
 * </pre>
 * Outbound frames are begun on {@link #encoder()} (or the helpers of the subclasses) and completed with
 * {@link #commit()}, which numbers them and MACs them with the outbound session key. {@link #encodeError} and
 * {@link #encodeStreamError} write the Error frame that must precede closing the connection.
 * <p>
 * Not thread-safe: confined to the connection's thread (its Netty event loop). Allocation free per frame after
 * logon; logon allocates the key schedules.
 */
public abstract class PosSession
{
    /** Life cycle of a session. */
    public enum State
    {
        /** No Logon yet (switch: waiting for one; terminal: not sent yet). */
        AWAITING_LOGON,
        /** Terminal only: Logon sent, waiting for LogonAck or Error. */
        AWAITING_LOGON_ACK,
        /** Session keys agreed; requests and answers flow. */
        LOGGED_ON,
        /** Refused, errored or closed; the connection must be closed. */
        CLOSED
    }

    private static final String NOT_ALLOWED = "message not allowed from this side or in this state";

    final PosFrameDecoder decoder = new PosFrameDecoder();
    final PosFrameEncoder encoder = new PosFrameEncoder();
    final FrameMac inboundMac = new FrameMac();
    final FrameMac outboundMac = new FrameMac();
    final UnsafeBuffer terminalIdField = new UnsafeBuffer(new byte[TERMINAL_ID_LENGTH]);
    private final UnsafeBuffer errorTerminalId = new UnsafeBuffer(new byte[TERMINAL_ID_LENGTH]);
    private final boolean switchSide;

    State state = State.AWAITING_LOGON;
    long nextInboundSequence;
    long nextOutboundSequence;
    boolean sessionKeysReady;
    boolean terminalIdBound;
    private PosReason closeReason = PosReason.NONE;
    private String closeDetail = "";

    PosSession(final boolean switchSide)
    {
        this.switchSide = switchSide;
    }

    /**
     * Check one inbound frame (length prefix excluded).
     *
     * @param buffer holding the frame.
     * @param offset first byte of its header.
     * @param length the frame's length (the prefix value).
     * @return {@link PosReason#NONE} when the frame is accepted ({@link #frame()} then holds it, decoded), or why
     *     it is refused: answer with {@link #encodeError} and close the connection.
     */
    public abstract PosReason onFrame(DirectBuffer buffer, int offset, int length);

    /**
     * @return the decoder holding the last frame given to {@link #onFrame}.
     */
    public final PosFrameDecoder frame()
    {
        return decoder;
    }

    /**
     * @return the encoder for outbound frames; finish them with {@link #commit()}.
     */
    public final PosFrameEncoder encoder()
    {
        return encoder;
    }

    /**
     * @return the life-cycle state.
     */
    public final State state()
    {
        return state;
    }

    /**
     * @return true when requests and answers may flow.
     */
    public final boolean isLoggedOn()
    {
        return state == State.LOGGED_ON;
    }

    /**
     * @return the terminal id bound to this session, "" before it is known; allocates, for logs.
     */
    public final String terminalId()
    {
        return terminalIdBound ? PosText.getFixed(terminalIdField, 0, TERMINAL_ID_LENGTH) : "";
    }

    /**
     * @return the length of the bound terminal id in {@link #terminalIdField()} (its NUL padding excluded), 0 before
     *     a Logon; allocates nothing, unlike {@link #terminalId()}.
     */
    public final int terminalIdLength()
    {
        return terminalIdBound ? PosText.fixedLength(terminalIdField, 0, TERMINAL_ID_LENGTH) : 0;
    }

    /**
     * @return the 16-byte terminal id field bound to this session (all zero before); do not modify.
     */
    public final DirectBuffer terminalIdField()
    {
        return terminalIdField;
    }

    /**
     * @return why the session closed, {@link PosReason#NONE} while open or after a plain {@link #close()}.
     */
    public final PosReason closeReason()
    {
        return closeReason;
    }

    /**
     * @return the sequence the next inbound frame must carry.
     */
    public final long nextInboundSequence()
    {
        return nextInboundSequence;
    }

    /**
     * @return the sequence the next committed frame will carry.
     */
    public final long nextOutboundSequence()
    {
        return nextOutboundSequence;
    }

    /**
     * Begin a Heartbeat (either side); set its timestamp, then {@link #commit()}.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public final HeartbeatEncoder heartbeat(final MutableDirectBuffer buffer, final int offset)
    {
        return encoder.heartbeat(buffer, offset);
    }

    /**
     * Finish the frame begun on {@link #encoder()} with no flags.
     *
     * @return bytes written, length prefix included.
     * @throws IllegalStateException when not logged on, or the message may not be sent from this side.
     */
    public final int commit()
    {
        return commit(0);
    }

    /**
     * Finish the frame begun on {@link #encoder()}: next sequence, bound terminal id, outbound session MAC.
     *
     * @param flags flag bits, e.g. {@link PosFrameDescriptor#FLAG_REPEAT}.
     * @return bytes written, length prefix included.
     * @throws IllegalStateException when not logged on, the message may not be sent from this side (Logon,
     *                               LogonAck and Error have their own methods), or the sequence is exhausted.
     */
    public final int commit(final int flags)
    {
        final PosMessageType type = encoder.messageType();
        if (type == null || !maySend(type) || type == PosMessageType.ERROR)
        {
            throw new IllegalStateException("messageType=" + type + ": cannot be committed by this session");
        }
        checkCanSend();
        return finish(flags);
    }

    void checkCanSend()
    {
        if (state != State.LOGGED_ON)
        {
            throw new IllegalStateException("state=" + state + ": not logged on");
        }
    }

    private int finish(final int flags)
    {
        if (nextOutboundSequence > MAX_SEQUENCE)
        {
            throw new IllegalStateException("sequence=" + nextOutboundSequence + ": exhausted, log on again");
        }
        final int written = encoder.finish(terminalIdField, 0, nextOutboundSequence, flags, outboundMac);
        nextOutboundSequence++;
        return written;
    }

    /**
     * Write the Error frame answering the last frame given to {@link #onFrame} (usually with the reason it
     * returned), and close the session. Before logon the Error carries sequence 0 and a zero MAC; after, the next
     * sequence and the outbound session MAC. Its text is the refusal's detail, or the reason's own text.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @param reason the error code.
     * @return bytes written, length prefix included.
     */
    public final int encodeError(final MutableDirectBuffer buffer, final int offset, final PosReason reason)
    {
        final boolean header = decoder.hasHeader();
        return writeError(buffer, offset, reason, header ? decoder.templateId() : 0, header ? decoder.sequence() : 0);
    }

    /**
     * Write an Error frame that refers to no frame (refTemplateId and refSequence 0): a stream-level failure
     * such as TOO_LARGE from the frame splitter, an idle TIMEOUT or SHUTTING_DOWN; and close the session.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @param reason the error code.
     * @return bytes written, length prefix included.
     */
    public final int encodeStreamError(final MutableDirectBuffer buffer, final int offset, final PosReason reason)
    {
        return writeError(buffer, offset, reason, 0, 0);
    }

    private int writeError(
        final MutableDirectBuffer buffer,
        final int offset,
        final PosReason reason,
        final int refTemplateId,
        final long refSequence)
    {
        if (reason == PosReason.NONE)
        {
            throw new IllegalArgumentException("reason=NONE: an Error needs a reason");
        }
        final String text = reason == closeReason && !closeDetail.isEmpty() ? closeDetail : reason.text();
        // Copied first: the refused frame may sit in the very buffer the Error is about to be written into.
        captureErrorTerminalId();
        final ErrorEncoder error = encoder.error(buffer, offset);
        error.errorCode(reason).refTemplateId(refTemplateId).refSequence(refSequence).text(text);
        markClosed(reason, closeDetail);

        if (sessionKeysReady && nextOutboundSequence <= MAX_SEQUENCE)
        {
            return finish(0);
        }
        return encoder.finish(errorTerminalId, 0, 0, 0, null);
    }

    private void captureErrorTerminalId()
    {
        if (terminalIdBound)
        {
            errorTerminalId.putBytes(0, terminalIdField, 0, TERMINAL_ID_LENGTH);
        }
        else if (hasEchoableTerminalId())
        {
            errorTerminalId.putBytes(0, decoder.buffer(), decoder.terminalIdOffset(), TERMINAL_ID_LENGTH);
        }
        else
        {
            errorTerminalId.setMemory(0, TERMINAL_ID_LENGTH, (byte)0);
        }
    }

    private boolean hasEchoableTerminalId()
    {
        return decoder.hasHeader() &&
            PosText.fixedLength(decoder.buffer(), decoder.terminalIdOffset(), TERMINAL_ID_LENGTH) >= 0;
    }

    /**
     * Close the session without an Error (the peer went away, or the Error was sent): wipes both session keys.
     * Nothing can be sent or received afterwards.
     */
    public final void close()
    {
        markClosed(PosReason.NONE, "");
        sessionKeysReady = false;
        if (outboundMac.isInitialised())
        {
            outboundMac.clear();
        }
    }

    /**
     * What a closed session answers to any frame: the reason it closed, never NONE, even after a plain close.
     */
    final PosReason refusalWhenClosed()
    {
        return closeReason != PosReason.NONE ? closeReason : PosReason.UNEXPECTED_MESSAGE;
    }

    final PosReason refuse(final PosReason reason, final String detail)
    {
        markClosed(reason, detail);
        return reason;
    }

    final void markClosed(final PosReason reason, final String detail)
    {
        if (state != State.CLOSED)
        {
            state = State.CLOSED;
            closeReason = reason;
            closeDetail = detail;
        }
        wipeInbound();
    }

    void wipeInbound()
    {
        // The outbound key stays until the session object is dropped: the Error that follows a refusal needs it.
        if (inboundMac.isInitialised())
        {
            inboundMac.clear();
        }
    }

    final boolean maySend(final PosMessageType type)
    {
        return switchSide ? type.fromSwitch() : type.fromTerminal();
    }

    private boolean mayReceive(final PosMessageType type)
    {
        return switchSide ? type.fromTerminal() : type.fromSwitch();
    }

    /**
     * The checks of every frame after logon; the header has decoded, the body has not.
     *
     * @return NONE, or the refusal (the session is then closed).
     */
    final PosReason checkLoggedOnFrame()
    {
        final PosMessageType type = decoder.messageType();
        if (!mayReceive(type) || type == PosMessageType.LOGON || type == PosMessageType.LOGON_ACK)
        {
            return refuse(PosReason.UNEXPECTED_MESSAGE, NOT_ALLOWED);
        }
        if (!PosText.fixedEquals(decoder.buffer(), decoder.terminalIdOffset(), terminalIdField, 0, TERMINAL_ID_LENGTH))
        {
            return refuse(PosReason.TERMINAL_MISMATCH, "");
        }
        if (!inboundMac.verify(
            decoder.buffer(), decoder.offset(), decoder.signedLength(), decoder.buffer(), decoder.macOffset()))
        {
            return refuse(PosReason.BAD_MAC, "");
        }
        final long sequence = decoder.sequence();
        if (sequence < nextInboundSequence)
        {
            return refuse(PosReason.REPLAY, "");
        }
        if (sequence > nextInboundSequence)
        {
            return refuse(PosReason.SEQUENCE_GAP, "");
        }
        nextInboundSequence++;
        // Only now, authenticated and in order, is the body parsed.
        final PosReason body = decoder.decodeBody();
        if (body != PosReason.NONE)
        {
            return refuse(body, decoder.detail());
        }
        if (type == PosMessageType.ERROR)
        {
            // The peer closes after an Error; so does this side. The frame itself was accepted.
            final PosReason peerReason = decoder.error().reason();
            markClosed(peerReason != null ? peerReason : PosReason.INTERNAL, "");
        }
        return PosReason.NONE;
    }
}
