package io.hutong.core.pos.server;

import io.hutong.core.engine.FinalStatus;
import io.hutong.core.engine.Flow;
import io.hutong.core.engine.PaymentView;
import io.hutong.core.engine.Reason;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;

/**
 * An engine answer copied off the engine thread for a POS connection's event loop to encode (the connection's
 * session, with its sequence numbers and MAC keys, belongs to that loop). Immutable.
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
 */
record PosReply(int templateId, long sequence, long switchTxnId, long amount, PosStatus status, PosReason reason,
    String terminalTxnId, String walletId, String walletTxnId)
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

    static PosReply of(final int templateId, final long sequence, final PaymentView p, final Reason refusal)
    {
        if (Reason.NONE != refusal)
        {
            // Every Result names its request (terminalTxnId 1..32); a refusal's view carries the refused request's.
            return new PosReply(templateId, sequence, p.switchTxnId(), p.amount(),
                Reason.BUSY == refusal ? PosStatus.BUSY : PosStatus.REJECTED, reason(refusal),
                p.terminalTxnIdLength() > 0 ? p.terminalTxnId().getStringWithoutLengthAscii(0, p.terminalTxnIdLength()) :
                    null, null, null);
        }
        final PosStatus status = switch (p.status())
        {
            case PENDING -> PosStatus.IN_PROGRESS;
            case APPROVED -> Flow.REFUND == p.flow() ? PosStatus.REFUNDED : PosStatus.APPROVED;
            case DECLINED -> PosStatus.DECLINED;
            case REVERSED -> PosStatus.REVERSED;
        };
        return new PosReply(templateId, sequence, p.switchTxnId(), p.amount(), status,
            FinalStatus.PENDING == p.status() ? PosReason.NONE : reason(p.reason()),
            p.terminalTxnId().getStringWithoutLengthAscii(0, p.terminalTxnIdLength()), p.walletId(), p.walletTxnId());
    }
}
