package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;

import static io.hutong.core.pos.codec.PosFrameDescriptor.ID_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.MAX_AMOUNT;
import static io.hutong.core.pos.codec.PosFrameDescriptor.WALLET_ID_LENGTH;
import static io.hutong.core.pos.codec.ResultDescriptor.AMOUNT_OFFSET;
import static io.hutong.core.pos.codec.ResultDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.ResultDescriptor.MAX_WALLET_TXN_ID_LENGTH;
import static io.hutong.core.pos.codec.ResultDescriptor.REASON_CODE_OFFSET;
import static io.hutong.core.pos.codec.ResultDescriptor.REF_SEQUENCE_OFFSET;
import static io.hutong.core.pos.codec.ResultDescriptor.REF_TEMPLATE_ID_OFFSET;
import static io.hutong.core.pos.codec.ResultDescriptor.STATUS_OFFSET;
import static io.hutong.core.pos.codec.ResultDescriptor.SWITCH_TXN_ID_OFFSET;
import static io.hutong.core.pos.codec.ResultDescriptor.TERMINAL_TXN_ID_OFFSET;
import static io.hutong.core.pos.codec.ResultDescriptor.WALLET_ID_OFFSET;

/**
 * Flyweight decoder of a Result body ({@link ResultDescriptor}). Rules, in order: fixed block present
 * (MALFORMED); switch txn id not negative, amount 0..{@value PosFrameDescriptor#MAX_AMOUNT}, refSequence not 0,
 * refTemplateId one of Pay, Query, Reverse, Refund, status a known code, terminal txn id 1..32 and wallet id 0..16
 * identifier characters then NUL padding (INVALID_FIELD); wallet txn id inside the body (MALFORMED) and 0..64
 * identifier characters (INVALID_FIELD); nothing after it (MALFORMED). Reason codes this version does not know
 * are accepted: read {@link #reasonCode()} by range.
 * <p>
 * Not thread-safe; allocation free except the {@code String} accessors.
 */
public final class ResultDecoder extends PosBodyDecoder
{
    private static final String SWITCH_TXN_ID = "switchTxnId must not be negative";
    private static final String AMOUNT = "amount must be 0..99999999999 fen";
    private static final String REF_SEQUENCE = "refSequence must not be 0";
    private static final String REF_TEMPLATE_ID = "refTemplateId must be Pay, Query, Reverse or Refund";
    private static final String STATUS = "status must be 1..7";
    private static final String TERMINAL_TXN_ID = "terminalTxnId must be 1..32 printable ASCII, NUL-padded";
    private static final String WALLET_ID = "walletId must be 0..16 printable ASCII, NUL-padded";
    private static final String WALLET_TXN_ID = "walletTxnId must be 0..64 printable ASCII";

    private int terminalTxnIdLength;
    private int walletIdLength;
    private int walletTxnIdOffset;
    private int walletTxnIdLength;

    /**
     * Point at a body. Nothing is read until {@link #decode()}.
     *
     * @param buffer holding the body.
     * @param offset first byte of the body.
     * @param length body length.
     * @return this decoder.
     * @throws IllegalArgumentException if the region lies outside the buffer (a caller bug).
     */
    public ResultDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        wrapRegion(buffer, offset, length);
        return this;
    }

    @Override
    public PosReason decode()
    {
        final PosReason block = checkBlock(BLOCK_LENGTH);
        if (block != PosReason.NONE)
        {
            return block;
        }
        if (switchTxnId() < 0)
        {
            return fail(PosReason.INVALID_FIELD, offset + SWITCH_TXN_ID_OFFSET, SWITCH_TXN_ID);
        }
        final long amount = amount();
        if (amount < 0 || amount > MAX_AMOUNT)
        {
            return fail(PosReason.INVALID_FIELD, offset + AMOUNT_OFFSET, AMOUNT);
        }
        if (refSequence() == 0)
        {
            return fail(PosReason.INVALID_FIELD, offset + REF_SEQUENCE_OFFSET, REF_SEQUENCE);
        }
        if (!isRequest(refTemplateId()))
        {
            return fail(PosReason.INVALID_FIELD, offset + REF_TEMPLATE_ID_OFFSET, REF_TEMPLATE_ID);
        }
        if (status() == null)
        {
            return fail(PosReason.INVALID_FIELD, offset + STATUS_OFFSET, STATUS);
        }
        terminalTxnIdLength = PosText.fixedLength(buffer, offset + TERMINAL_TXN_ID_OFFSET, ID_LENGTH);
        if (terminalTxnIdLength < 1)
        {
            return fail(PosReason.INVALID_FIELD, offset + TERMINAL_TXN_ID_OFFSET, TERMINAL_TXN_ID);
        }
        walletIdLength = PosText.fixedLength(buffer, offset + WALLET_ID_OFFSET, WALLET_ID_LENGTH);
        if (walletIdLength < 0)
        {
            return fail(PosReason.INVALID_FIELD, offset + WALLET_ID_OFFSET, WALLET_ID);
        }
        final int position = offset + BLOCK_LENGTH;
        walletTxnIdOffset = varValueOffset(position);
        if (walletTxnIdOffset < 0)
        {
            return PosReason.MALFORMED;
        }
        walletTxnIdLength = varLength;
        if (walletTxnIdLength > MAX_WALLET_TXN_ID_LENGTH ||
            !PosText.isPrintable(buffer, walletTxnIdOffset, walletTxnIdLength, false))
        {
            return fail(PosReason.INVALID_FIELD, position, WALLET_TXN_ID);
        }
        return checkEnd(walletTxnIdOffset + walletTxnIdLength);
    }

    private static boolean isRequest(final int templateId)
    {
        return templateId == PosMessageType.PAY.code() || templateId == PosMessageType.QUERY.code() ||
            templateId == PosMessageType.REVERSE.code() || templateId == PosMessageType.REFUND.code();
    }

    /**
     * @return the switch's transaction id, 0 when none exists.
     */
    public long switchTxnId()
    {
        return i64(offset + SWITCH_TXN_ID_OFFSET);
    }

    /**
     * @return the amount in fen, 0 when unknown.
     */
    public long amount()
    {
        return i64(offset + AMOUNT_OFFSET);
    }

    /**
     * @return sequence of the request answered.
     */
    public long refSequence()
    {
        return u32(offset + REF_SEQUENCE_OFFSET);
    }

    /**
     * @return template id of the request answered.
     */
    public int refTemplateId()
    {
        return u16(offset + REF_TEMPLATE_ID_OFFSET);
    }

    /**
     * @return the raw reason code (u16), 0 when none.
     */
    public int reasonCode()
    {
        return u16(offset + REASON_CODE_OFFSET);
    }

    /**
     * @return the reason, or null for a code this version does not define.
     */
    public PosReason reason()
    {
        return PosReason.get(reasonCode());
    }

    /**
     * @return the status, or null for an unknown code (only before {@link #decode()} succeeded).
     */
    public PosStatus status()
    {
        return PosStatus.get(buffer.getByte(offset + STATUS_OFFSET) & 0xFF);
    }

    /**
     * @return offset in {@link #buffer()} of the 32-byte terminal txn id field (padding included).
     */
    public int terminalTxnIdOffset()
    {
        return offset + TERMINAL_TXN_ID_OFFSET;
    }

    /**
     * @return length of the terminal txn id, padding excluded.
     */
    public int terminalTxnIdLength()
    {
        return terminalTxnIdLength;
    }

    /**
     * @return the terminal txn id; allocates, for logs and tests.
     */
    public String terminalTxnId()
    {
        return buffer.getStringWithoutLengthAscii(offset + TERMINAL_TXN_ID_OFFSET, terminalTxnIdLength);
    }

    /**
     * @return offset in {@link #buffer()} of the 16-byte wallet id field (padding included).
     */
    public int walletIdOffset()
    {
        return offset + WALLET_ID_OFFSET;
    }

    /**
     * @return length of the wallet id, 0 when no wallet was involved.
     */
    public int walletIdLength()
    {
        return walletIdLength;
    }

    /**
     * @return the wallet id; allocates, for logs and tests.
     */
    public String walletId()
    {
        return buffer.getStringWithoutLengthAscii(offset + WALLET_ID_OFFSET, walletIdLength);
    }

    /**
     * @return offset in {@link #buffer()} of the wallet txn id.
     */
    public int walletTxnIdOffset()
    {
        return walletTxnIdOffset;
    }

    /**
     * @return length of the wallet txn id, 0 when none.
     */
    public int walletTxnIdLength()
    {
        return walletTxnIdLength;
    }

    /**
     * @return the wallet txn id; allocates, for logs and tests.
     */
    public String walletTxnId()
    {
        return buffer.getStringWithoutLengthAscii(walletTxnIdOffset, walletTxnIdLength);
    }
}
