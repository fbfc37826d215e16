package io.hutong.core.pos.server;

import io.hutong.core.engine.FinalStatus;
import io.hutong.core.engine.Flow;
import io.hutong.core.engine.PaymentView;
import io.hutong.core.engine.Reason;
import io.hutong.core.pos.auth.SwitchSession;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import io.hutong.core.pos.codec.ResultDescriptor;
import io.hutong.core.pos.codec.ResultEncoder;
import org.agrona.MutableDirectBuffer;

/**
 * An engine answer copied off the engine thread for a POS connection's event loop to encode as a Result frame (the
 * connection's session, with its sequence numbers and MAC keys, belongs to that loop). Immutable.
 *
 * @param templateId    the request's template.
 * @param sequence      the request's sequence.
 * @param switchTxnId   the payment, or 0.
 * @param amount        fen.
 * @param status        the POS status.
 * @param reason        the POS reason.
 * @param terminalTxnId the terminal's txn id, or null.
 * @param walletId      the wallet, or null.
 * @param walletTxnId   the wallet's txn id, or null.
 * @param repeat        true if answered from the switch's records for a repeated request (REPEAT flag).
 */
public record PosReply(int templateId, long sequence, long switchTxnId, long amount, PosStatus status, PosReason reason,
    String terminalTxnId, String walletId, String walletTxnId, boolean repeat)
{
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

    static PosReason reason(final Reason reason)
    {
        return REASONS[reason.ordinal()];
    }

    /**
     * Copy an engine answer (engine thread).
     *
     * @param sessionId the request's session id ({@link PosRequests#sessionId}).
     * @param p         the payment as the engine answers it; read now, not kept.
     * @param refusal   NONE, DUPLICATE for a repeat answered from the records, or why the request was refused.
     * @return the reply.
     */
    public static PosReply of(final long sessionId, final PaymentView p, final Reason refusal)
    {
        final int templateId = PosRequests.templateId(sessionId);
        final long sequence = PosRequests.sequence(sessionId);
        final boolean repeat = Reason.DUPLICATE == refusal;
        if (Reason.NONE != refusal && !repeat)
        {
            return new PosReply(templateId, sequence, p.switchTxnId(), p.amount(),
                Reason.BUSY == refusal ? PosStatus.BUSY : PosStatus.REJECTED, reason(refusal),
                p.terminalTxnIdLength() > 0 ? p.terminalTxnId().getStringWithoutLengthAscii(0, p.terminalTxnIdLength()) : null,
                null, null, false);
        }
        final PosStatus status = switch (p.status())
        {
            case PENDING -> PosStatus.IN_PROGRESS;
            case APPROVED -> Flow.REFUND == p.flow() ? PosStatus.REFUNDED : PosStatus.APPROVED;
            case DECLINED -> PosStatus.DECLINED;
            case REVERSED -> PosStatus.REVERSED;
        };
        final PosReason reason = FinalStatus.PENDING == p.status() ?
            (repeat ? PosReason.DUPLICATE : PosReason.NONE) : reason(p.reason());
        return new PosReply(templateId, sequence, p.switchTxnId(), p.amount(), status, reason,
            p.terminalTxnId().getStringWithoutLengthAscii(0, p.terminalTxnIdLength()), p.walletId(), p.walletTxnId(), repeat);
    }

    /**
     * Encode as the session's next Result frame, numbered and MAC'd (the connection's event loop).
     *
     * @param session the logged-on session of the connection.
     * @param out     where the frame goes, length prefix first.
     * @param offset  where in {@code out}.
     * @return the frame's wire length, from {@link SwitchSession#commit()}.
     */
    public int encode(final SwitchSession session, final MutableDirectBuffer out, final int offset)
    {
        final ResultEncoder result = session.result(out, offset)
            .switchTxnId(switchTxnId)
            .amount(amount)
            .refSequence(sequence)
            .refTemplateId(templateId)
            .status(status)
            .reason(reason);
        if (null != terminalTxnId)
        {
            result.terminalTxnId(terminalTxnId);
        }
        if (null != walletId)
        {
            result.walletId(walletId);
        }
        if (null != walletTxnId && walletTxnId.length() <= ResultDescriptor.MAX_WALLET_TXN_ID_LENGTH)
        {
            result.walletTxnId(walletTxnId);
        }
        return repeat ? session.commit(PosFrameDescriptor.FLAG_REPEAT) : session.commit();
    }
}
