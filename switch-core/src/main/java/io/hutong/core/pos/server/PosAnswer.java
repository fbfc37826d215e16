package io.hutong.core.pos.server;

import io.hutong.core.engine.EnumTables;
import io.hutong.core.engine.FinalStatus;
import io.hutong.core.engine.Flow;
import io.hutong.core.engine.PaymentView;
import io.hutong.core.engine.Reason;
import io.hutong.core.pos.auth.SwitchSession;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import io.hutong.core.pos.codec.PosText;
import io.hutong.core.pos.codec.ResultDescriptor;
import io.hutong.core.pos.codec.ResultEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An engine answer on its way to a POS connection, as bytes: the engine thread copies what the Result frame needs
 * out of the (reused) payment into a {@link PosOutbox}, and the connection's event loop turns it into the
 * session's next Result frame, numbered and MAC'd there because the session belongs to that loop. Nothing is
 * allocated on either side.
 * <pre>
 *   0  sessionId      i64   {@link PosRequests#sessionId}: connection, template and sequence answered
 *   8  switchTxnId    i64
 *   16 amount         i64   fen
 *   24 status         u8    {@link PosStatus} ordinal
 *   25 reason         u8    {@link PosReason} ordinal
 *   26 repeat         u8    1: answered from the switch's records (REPEAT flag)
 *   27 terminalTxnId  u8 length + 32 bytes
 *   60 walletId       u8 length + 16 bytes
 *   77 walletTxnId    u8 length + 64 bytes (left out when longer)
 * </pre>
 * Stateless.
 */
public final class PosAnswer
{
    /** Bytes of an encoded answer. */
    public static final int LENGTH = 142;

    private static final int SESSION_ID = 0;
    private static final int SWITCH_TXN_ID = 8;
    private static final int AMOUNT = 16;
    private static final int STATUS = 24;
    private static final int REASON = 25;
    private static final int REPEAT = 26;
    private static final int TERMINAL_TXN_ID = 27;
    private static final int WALLET_ID = TERMINAL_TXN_ID + 1 + PosFrameDescriptor.ID_LENGTH;
    private static final int WALLET_TXN_ID = WALLET_ID + 1 + PosFrameDescriptor.WALLET_ID_LENGTH;
    private static final PosStatus[] STATUSES = PosStatus.values();
    private static final PosReason[] POS_REASONS = PosReason.values();
    private static final PosReason[] REASONS = EnumTables.byName(Reason.class, PosReason.class, PosReason.INVALID_FIELD);

    private PosAnswer()
    {
    }

    /**
     * Copy an engine answer (engine thread).
     *
     * @param buffer    where the answer goes; {@link #LENGTH} bytes from {@code offset}.
     * @param offset    where in {@code buffer}.
     * @param sessionId the request's session id.
     * @param p         the payment as the engine answers it; read now, not kept.
     * @param refusal   NONE, DUPLICATE for a repeat answered from the records, or why the request was refused.
     * @return {@link #LENGTH}.
     */
    public static int encode(
        final MutableDirectBuffer buffer, final int offset, final long sessionId, final PaymentView p, final Reason refusal)
    {
        final boolean repeat = Reason.DUPLICATE == refusal;
        final boolean refused = Reason.NONE != refusal && !repeat;
        final PosStatus status;
        final PosReason reason;
        if (refused)
        {
            status = Reason.BUSY == refusal ? PosStatus.BUSY : PosStatus.REJECTED;
            reason = REASONS[refusal.ordinal()];
        }
        else
        {
            status = switch (p.status())
            {
                case PENDING -> PosStatus.IN_PROGRESS;
                case APPROVED -> Flow.REFUND == p.flow() ? PosStatus.REFUNDED : PosStatus.APPROVED;
                case DECLINED -> PosStatus.DECLINED;
                case REVERSED -> PosStatus.REVERSED;
            };
            reason = FinalStatus.PENDING == p.status() ?
                (repeat ? PosReason.DUPLICATE : PosReason.NONE) : REASONS[p.reason().ordinal()];
        }
        header(buffer, offset, sessionId, p.switchTxnId(), p.amount(), status, reason, repeat);
        putBytes(buffer, offset + TERMINAL_TXN_ID, PosFrameDescriptor.ID_LENGTH, p.terminalTxnId(), 0,
            p.terminalTxnIdLength());
        putText(buffer, offset + WALLET_ID, PosFrameDescriptor.WALLET_ID_LENGTH, refused ? null : p.walletId());
        putText(buffer, offset + WALLET_TXN_ID, ResultDescriptor.MAX_WALLET_TXN_ID_LENGTH,
            refused ? null : p.walletTxnId());
        return LENGTH;
    }

    /**
     * An answer made on the event loop without the engine: BUSY when the engine's inbox is full.
     *
     * @param buffer        where the answer goes; {@link #LENGTH} bytes from {@code offset}.
     * @param offset        where in {@code buffer}.
     * @param sessionId     the request's session id.
     * @param status        the status.
     * @param reason        the reason.
     * @param terminalTxnId holding the request's terminal txn id.
     * @param txnIdOffset   its first byte.
     * @param txnIdLength   its length, up to 32.
     * @return {@link #LENGTH}.
     */
    public static int encodeRefusal(
        final MutableDirectBuffer buffer,
        final int offset,
        final long sessionId,
        final PosStatus status,
        final PosReason reason,
        final DirectBuffer terminalTxnId,
        final int txnIdOffset,
        final int txnIdLength)
    {
        header(buffer, offset, sessionId, 0, 0, status, reason, false);
        putBytes(buffer, offset + TERMINAL_TXN_ID, PosFrameDescriptor.ID_LENGTH, terminalTxnId, txnIdOffset, txnIdLength);
        buffer.putByte(offset + WALLET_ID, (byte)0);
        buffer.putByte(offset + WALLET_TXN_ID, (byte)0);
        return LENGTH;
    }

    /**
     * @param buffer holding an answer.
     * @param offset its first byte.
     * @return the connection it is for.
     */
    public static int connectionId(final DirectBuffer buffer, final int offset)
    {
        return PosRequests.connectionId(buffer.getLong(offset + SESSION_ID));
    }

    /**
     * Encode an answer as the session's next Result frame (the connection's event loop).
     *
     * @param buffer    holding the answer.
     * @param offset    its first byte.
     * @param session   the logged-on session of the connection.
     * @param out       where the frame goes, length prefix first.
     * @param outOffset where in {@code out}.
     * @return the frame's wire length, from {@link SwitchSession#commit()}.
     */
    public static int write(
        final DirectBuffer buffer,
        final int offset,
        final SwitchSession session,
        final MutableDirectBuffer out,
        final int outOffset)
    {
        final long sessionId = buffer.getLong(offset + SESSION_ID);
        final ResultEncoder result = session.result(out, outOffset)
            .switchTxnId(buffer.getLong(offset + SWITCH_TXN_ID))
            .amount(buffer.getLong(offset + AMOUNT))
            .refSequence(PosRequests.sequence(sessionId))
            .refTemplateId(PosRequests.templateId(sessionId))
            .status(STATUSES[buffer.getByte(offset + STATUS)])
            .reason(POS_REASONS[buffer.getByte(offset + REASON)]);
        final int terminalTxnIdLength = buffer.getByte(offset + TERMINAL_TXN_ID);
        if (terminalTxnIdLength > 0)
        {
            result.terminalTxnId(buffer, offset + TERMINAL_TXN_ID + 1, terminalTxnIdLength);
        }
        final int walletIdLength = buffer.getByte(offset + WALLET_ID);
        if (walletIdLength > 0)
        {
            result.walletId(buffer, offset + WALLET_ID + 1, walletIdLength);
        }
        final int walletTxnIdLength = buffer.getByte(offset + WALLET_TXN_ID);
        if (walletTxnIdLength > 0)
        {
            result.walletTxnId(buffer, offset + WALLET_TXN_ID + 1, walletTxnIdLength);
        }
        return 0 != buffer.getByte(offset + REPEAT) ? session.commit(PosFrameDescriptor.FLAG_REPEAT) : session.commit();
    }

    private static void header(
        final MutableDirectBuffer buffer,
        final int offset,
        final long sessionId,
        final long switchTxnId,
        final long amount,
        final PosStatus status,
        final PosReason reason,
        final boolean repeat)
    {
        buffer.putLong(offset + SESSION_ID, sessionId);
        buffer.putLong(offset + SWITCH_TXN_ID, switchTxnId);
        buffer.putLong(offset + AMOUNT, amount);
        buffer.putByte(offset + STATUS, (byte)status.ordinal());
        buffer.putByte(offset + REASON, (byte)reason.ordinal());
        buffer.putByte(offset + REPEAT, (byte)(repeat ? 1 : 0));
    }

    /**
     * A length byte then the bytes; a slice the Result frame would refuse (longer than the slot, or not printable
     * ASCII without space) is left out (length 0), so writing the answer on the event loop cannot fail on it.
     */
    private static void putBytes(
        final MutableDirectBuffer buffer,
        final int slot,
        final int capacity,
        final DirectBuffer source,
        final int from,
        final int length)
    {
        final int kept = length <= capacity && PosText.isPrintable(source, from, length, false) ? length : 0;
        buffer.putByte(slot, (byte)kept);
        if (kept > 0)
        {
            buffer.putBytes(slot + 1, source, from, kept);
        }
    }

    private static boolean isIdentifier(final CharSequence text)
    {
        for (int i = 0, length = null == text ? 0 : text.length(); i < length; i++)
        {
            if (!PosText.isIdCharacter(text.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    private static void putText(
        final MutableDirectBuffer buffer, final int slot, final int capacity, final CharSequence text)
    {
        final int length = null == text ? 0 : text.length();
        final int kept = length <= capacity && isIdentifier(text) ? length : 0;
        buffer.putByte(slot, (byte)kept);
        for (int i = 0; i < kept; i++)
        {
            buffer.putByte(slot + 1 + i, (byte)text.charAt(i));
        }
    }
}
