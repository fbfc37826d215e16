package io.hutong.core.pos.server;

import io.hutong.core.engine.command.RequestDescriptor;
import io.hutong.core.engine.command.RequestEncoder;
import io.hutong.core.engine.command.RequestKind;
import io.hutong.core.pos.auth.PosSession;
import io.hutong.core.pos.codec.PayDecoder;
import io.hutong.core.pos.codec.PosFrameDecoder;
import io.hutong.core.pos.codec.RefundDecoder;
import io.hutong.core.pos.codec.TxnReferenceDecoder;
import org.agrona.DirectBuffer;

/**
 * How a checked POS frame becomes an engine request, and how the engine's answer finds its way back: the request's
 * session id packs the connection id (24 bits), the frame's template id (8 bits) and its sequence (32 bits), so an
 * answer names its connection and the frame it answers without any per-request state.
 * <pre>
 *   63        40 39      32 31                 0
 *   | connection | template |      sequence      |
 * </pre>
 * Stateless; allocates nothing.
 */
public final class PosRequests
{
    /** Connection ids are 24 bits. */
    public static final int MAX_CONNECTION_ID = 0xFFFFFF;

    private PosRequests()
    {
    }

    /**
     * @param connectionId the connection, 0..{@link #MAX_CONNECTION_ID}.
     * @param templateId   the frame's template id.
     * @param sequence     the frame's sequence.
     * @return the packed session id.
     */
    public static long sessionId(final int connectionId, final int templateId, final long sequence)
    {
        return ((long)(connectionId & MAX_CONNECTION_ID) << 40) | ((long)(templateId & 0xFF) << 32) |
            (sequence & 0xFFFF_FFFFL);
    }

    /**
     * @param sessionId a packed session id.
     * @return its connection id.
     */
    public static int connectionId(final long sessionId)
    {
        return (int)(sessionId >>> 40) & MAX_CONNECTION_ID;
    }

    /**
     * @param sessionId a packed session id.
     * @return the template id of the frame it answers.
     */
    public static int templateId(final long sessionId)
    {
        return (int)(sessionId >>> 32) & 0xFF;
    }

    /**
     * @param sessionId a packed session id.
     * @return the sequence of the frame it answers.
     */
    public static long sequence(final long sessionId)
    {
        return sessionId & 0xFFFF_FFFFL;
    }

    /**
     * Encode the session's current frame (already checked: MAC, sequence, body) as an engine request.
     *
     * @param encoder      the inbox's request encoder.
     * @param kind         what the frame asks (CPM_PAY, QUERY, REVERSE or REFUND).
     * @param session      the logged-on session whose {@link PosSession#frame()} holds the frame.
     * @param connectionId the connection, for the answer.
     * @param clientSlot   the terminal's acquirer slot.
     * @return the encoded length, from {@link RequestEncoder#finish()}.
     */
    public static int write(
        final RequestEncoder encoder,
        final RequestKind kind,
        final PosSession session,
        final int connectionId,
        final int clientSlot)
    {
        final PosFrameDecoder frame = session.frame();
        encoder.header(kind, RequestDescriptor.SOURCE_POS, sessionId(connectionId, frame.templateId(), frame.sequence()),
            clientSlot);
        encoder.field(RequestDescriptor.TERMINAL_ID, session.terminalIdField(), 0, session.terminalIdLength());
        final DirectBuffer buffer = frame.buffer();
        switch (kind)
        {
            case CPM_PAY ->
            {
                final PayDecoder pay = frame.pay();
                encoder.amount(pay.amount(), pay.currency())
                    .field(RequestDescriptor.TERMINAL_TXN_ID, buffer, pay.terminalTxnIdOffset(), pay.terminalTxnIdLength())
                    .field(RequestDescriptor.MERCHANT_ID, buffer, pay.merchantIdOffset(), pay.merchantIdLength())
                    .field(RequestDescriptor.CODE, buffer, pay.codeOffset(), pay.codeLength())
                    .field(RequestDescriptor.SUBJECT, buffer, pay.subjectOffset(), pay.subjectLength());
            }
            case REFUND ->
            {
                final RefundDecoder refund = frame.refund();
                encoder.amount(refund.amount(), 156)
                    .field(RequestDescriptor.TERMINAL_TXN_ID, buffer, refund.originalTxnIdOffset(), refund.originalTxnIdLength())
                    .field(RequestDescriptor.REF_TXN_ID, buffer, refund.refundTxnIdOffset(), refund.refundTxnIdLength());
            }
            default ->
            {
                final TxnReferenceDecoder reference = frame.txnReference();
                encoder.field(RequestDescriptor.TERMINAL_TXN_ID, buffer, reference.terminalTxnIdOffset(),
                    reference.terminalTxnIdLength());
            }
        }
        return encoder.finish();
    }
}
