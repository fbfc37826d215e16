package io.hutong.bench.core;

import io.hutong.core.engine.EngineInbox;
import io.hutong.core.engine.PaymentView;
import io.hutong.core.engine.Reason;
import io.hutong.core.engine.ReplySink;
import io.hutong.core.engine.command.RequestEncoder;
import io.hutong.core.engine.command.RequestKind;
import io.hutong.core.pos.auth.SwitchSession;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.server.PosAnswer;
import io.hutong.core.pos.server.PosRequests;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The switch's end of one POS connection without Netty: a frame is checked by the connection's
 * {@link SwitchSession} (terminal, MAC, sequence, then the Pay body through the flyweight decoders), turned into an
 * engine request by the server's own {@link PosRequests#write} and handed to the engine's inbox; the engine's answer
 * is copied into a {@link PosAnswer} as the server's reply sink does and encoded by {@link PosAnswer#write}, numbered
 * and MAC'd by the same session. What is left out is only the network: Netty's buffers and the hand-off of the
 * answer to the connection's event loop through a ring buffer ({@code PosOutbox}).
 * <p>
 * Only Pay is handled; any other message is answered UNEXPECTED_MESSAGE by {@link #onFrame}'s return value.
 * <p>
 * Not thread-safe: the benchmark thread is both the connection's event loop and the engine thread. Allocates
 * nothing per frame or answer.
 */
public final class PosFrontEnd implements EngineInbox.RequestWriter, ReplySink
{
    /** The connection id packed into every request's session id, as the server's connection table would. */
    public static final int CONNECTION_ID = 1;

    private final EngineInbox inbox;
    private final int clientSlot;
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]);
    private final UnsafeBuffer answer = new UnsafeBuffer(new byte[PosAnswer.LENGTH]);
    private SwitchSession session;
    private int replyLength;
    private long repliedTxnId;

    /**
     * @param inbox      the engine's inbox.
     * @param clientSlot the terminal's client slot (which acquirer its merchant belongs to).
     */
    public PosFrontEnd(final EngineInbox inbox, final int clientSlot)
    {
        this.inbox = inbox;
        this.clientSlot = clientSlot;
    }

    /**
     * Take a session that has accepted the terminal's Logon; frames and answers go through it from now on.
     *
     * @param loggedOn the session.
     * @throws IllegalArgumentException if it is not logged on.
     */
    public void logOn(final SwitchSession loggedOn)
    {
        if (!loggedOn.isLoggedOn())
        {
            throw new IllegalArgumentException("state=" + loggedOn.state() + ": not logged on");
        }
        session = loggedOn;
    }

    /**
     * One frame from the terminal (length prefix stripped).
     *
     * @param buffer holding the frame.
     * @param offset its first header byte.
     * @param length its length.
     * @return NONE if it is a Pay now in the engine's inbox; otherwise why it was refused (the session's reason,
     *     UNEXPECTED_MESSAGE for anything but a Pay, BUSY if the inbox is full).
     */
    public PosReason onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        final PosReason reason = session.onFrame(buffer, offset, length);
        if (PosReason.NONE != reason)
        {
            return reason;
        }
        if (PosMessageType.PAY != session.frame().messageType())
        {
            return PosReason.UNEXPECTED_MESSAGE;
        }
        return inbox.offerRequest(this) ? PosReason.NONE : PosReason.BUSY;
    }

    @Override
    public int write(final RequestEncoder encoder)
    {
        return PosRequests.write(encoder, RequestKind.CPM_PAY, session, CONNECTION_ID, clientSlot);
    }

    @Override
    public void reply(final long sessionId, final PaymentView payment, final Reason refusal)
    {
        PosAnswer.encode(answer, 0, sessionId, payment, refusal);
        replyLength = PosAnswer.write(answer, 0, session, out, 0);
        repliedTxnId = payment.switchTxnId();
    }

    /**
     * @return the last Result frame, length prefix included, from offset 0; {@link #replyLength()} bytes.
     */
    public DirectBuffer replyBuffer()
    {
        return out;
    }

    /**
     * @return the last Result frame's wire length, 0 before the first.
     */
    public int replyLength()
    {
        return replyLength;
    }

    /**
     * @return the switch txn id of the last answer, 0 before the first.
     */
    public long repliedTxnId()
    {
        return repliedTxnId;
    }
}
