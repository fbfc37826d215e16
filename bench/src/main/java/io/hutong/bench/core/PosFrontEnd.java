package io.hutong.bench.core;

import io.hutong.core.engine.EngineInbox;
import io.hutong.core.engine.FinalStatus;
import io.hutong.core.engine.Flow;
import io.hutong.core.engine.PaymentView;
import io.hutong.core.engine.Reason;
import io.hutong.core.engine.ReplySink;
import io.hutong.core.engine.command.RequestDescriptor;
import io.hutong.core.engine.command.RequestEncoder;
import io.hutong.core.engine.command.RequestKind;
import io.hutong.core.pos.auth.SwitchSession;
import io.hutong.core.pos.codec.PayDecoder;
import io.hutong.core.pos.codec.PosFrameDecoder;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import io.hutong.core.pos.codec.PosText;
import io.hutong.core.pos.codec.ResultDescriptor;
import io.hutong.core.pos.codec.ResultEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The switch's end of one POS connection without Netty: a frame is checked by the connection's
 * {@link SwitchSession} (terminal, MAC, sequence, then the Pay body through the flyweight decoders) and handed to
 * the engine's inbox; the engine's answer is encoded as a Result frame, numbered and MAC'd by the same session.
 * The same steps as the server's {@code PosHandler} ({@code onFrame}, {@code write}, {@code writeResult}) and
 * {@code PosReply.of}, which are package-private to the Netty server; this class copies their mapping and leaves
 * out what only the network needs:
 * <ul>
 *   <li>the answer is encoded at once on the engine thread, where the server copies it into a {@code PosReply}
 *       (a record and a terminal-txn-id string) and a task for the connection's event loop;</li>
 *   <li>the terminal id goes into the request from the session's bound field, where the server passes
 *       {@code session.terminalId()}, a new string per request.</li>
 * </ul>
 * Only Pay is handled; any other message is answered UNEXPECTED_MESSAGE by {@link #onFrame}'s return value.
 * <p>
 * Not thread-safe: the benchmark thread is both the connection's event loop and the engine thread. Allocates
 * nothing per frame.
 */
public final class PosFrontEnd implements EngineInbox.RequestWriter, ReplySink
{
    /** The connection id packed into every request's session id, as the server's connection table would. */
    public static final int CONNECTION_ID = 1;

    private static final PosReason[] REASONS = new PosReason[Reason.values().length];

    static
    {
        for (final Reason reason : Reason.values())
        {
            PosReason mapped;
            try
            {
                mapped = PosReason.valueOf(reason.name());
            }
            catch (final IllegalArgumentException ex)
            {
                mapped = PosReason.INVALID_FIELD;
            }
            REASONS[reason.ordinal()] = mapped;
        }
    }

    private final EngineInbox inbox;
    private final int clientSlot;
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]);
    private SwitchSession session;
    private int terminalIdLength;
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
        terminalIdLength = PosText.fixedLength(loggedOn.terminalIdField(), 0, PosFrameDescriptor.TERMINAL_ID_LENGTH);
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
        final PosFrameDecoder frame = session.frame();
        final PayDecoder pay = frame.pay();
        final DirectBuffer buffer = frame.buffer();
        return encoder.header(RequestKind.CPM_PAY, RequestDescriptor.SOURCE_POS,
                sessionId(frame.templateId(), frame.sequence()), clientSlot)
            .field(RequestDescriptor.TERMINAL_ID, session.terminalIdField(), 0, terminalIdLength)
            .amount(pay.amount(), pay.currency())
            .field(RequestDescriptor.TERMINAL_TXN_ID, buffer, pay.terminalTxnIdOffset(), pay.terminalTxnIdLength())
            .field(RequestDescriptor.MERCHANT_ID, buffer, pay.merchantIdOffset(), pay.merchantIdLength())
            .field(RequestDescriptor.CODE, buffer, pay.codeOffset(), pay.codeLength())
            .field(RequestDescriptor.SUBJECT, buffer, pay.subjectOffset(), pay.subjectLength())
            .finish();
    }

    @Override
    public void reply(final long sessionId, final PaymentView payment, final Reason refusal)
    {
        final boolean repeat = Reason.DUPLICATE == refusal;
        final boolean refused = Reason.NONE != refusal && !repeat;
        final ResultEncoder result = session.result(out, 0)
            .switchTxnId(payment.switchTxnId())
            .amount(payment.amount())
            .refSequence(sessionId & 0xFFFF_FFFFL)
            .refTemplateId((int)(sessionId >>> 32) & 0xFF)
            .status(refused ? (Reason.BUSY == refusal ? PosStatus.BUSY : PosStatus.REJECTED) : status(payment))
            .reason(refused ? REASONS[refusal.ordinal()] : reason(payment, repeat));
        if (payment.terminalTxnIdLength() > 0)
        {
            result.terminalTxnId(payment.terminalTxnId(), 0, payment.terminalTxnIdLength());
        }
        if (!refused && null != payment.walletId())
        {
            result.walletId(payment.walletId());
        }
        final String walletTxnId = payment.walletTxnId();
        if (!refused && null != walletTxnId && walletTxnId.length() <= ResultDescriptor.MAX_WALLET_TXN_ID_LENGTH)
        {
            result.walletTxnId(walletTxnId);
        }
        replyLength = repeat ? session.commit(PosFrameDescriptor.FLAG_REPEAT) : session.commit();
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

    /**
     * The server's packing (connection 24 bits, template 8 bits, sequence 32 bits): the answer names the frame it
     * answers without any per-request state.
     */
    private static long sessionId(final int templateId, final long sequence)
    {
        return ((long)(CONNECTION_ID & 0xFFFFFF) << 40) | ((long)(templateId & 0xFF) << 32) | (sequence & 0xFFFF_FFFFL);
    }

    private static PosStatus status(final PaymentView payment)
    {
        return switch (payment.status())
        {
            case PENDING -> PosStatus.IN_PROGRESS;
            case APPROVED -> Flow.REFUND == payment.flow() ? PosStatus.REFUNDED : PosStatus.APPROVED;
            case DECLINED -> PosStatus.DECLINED;
            case REVERSED -> PosStatus.REVERSED;
        };
    }

    private static PosReason reason(final PaymentView payment, final boolean repeat)
    {
        if (FinalStatus.PENDING == payment.status())
        {
            return repeat ? PosReason.DUPLICATE : PosReason.NONE;
        }
        return REASONS[payment.reason().ordinal()];
    }
}
