package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;

import static io.hutong.core.pos.codec.PayDescriptor.AMOUNT_OFFSET;
import static io.hutong.core.pos.codec.PayDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.PayDescriptor.CURRENCY_OFFSET;
import static io.hutong.core.pos.codec.PayDescriptor.MAX_CODE_LENGTH;
import static io.hutong.core.pos.codec.PayDescriptor.MAX_SUBJECT_LENGTH;
import static io.hutong.core.pos.codec.PayDescriptor.MERCHANT_ID_OFFSET;
import static io.hutong.core.pos.codec.PayDescriptor.TERMINAL_TXN_ID_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.CURRENCY_CNY;
import static io.hutong.core.pos.codec.PosFrameDescriptor.ID_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.MAX_AMOUNT;

/**
 * Flyweight decoder of a Pay body ({@link PayDescriptor}). Rules, in order: fixed block present (MALFORMED);
 * amount 1..{@value PosFrameDescriptor#MAX_AMOUNT}, currency 156, terminal txn id and merchant id 1..32 identifier
 * characters then NUL padding (INVALID_FIELD); code length prefix and value inside the body (MALFORMED), 1..512
 * identifier characters (INVALID_FIELD); subject likewise, 0..128 bytes of clean UTF-8 (INVALID_FIELD); nothing
 * after it (MALFORMED).
 * <p>
 * The scanned code is a bearer credential: read it in place ({@link #codeOffset()}, {@link #codeLength()}); the
 * {@code String} accessors exist for tests and must not reach a log.
 * <p>
 * Not thread-safe; allocation free except the {@code String} accessors.
 */
public final class PayDecoder extends PosBodyDecoder
{
    private static final String AMOUNT = "amount must be 1..99999999999 fen";
    private static final String CURRENCY = "currency must be 156 (CNY)";
    private static final String TERMINAL_TXN_ID = "terminalTxnId must be 1..32 printable ASCII, NUL-padded";
    private static final String MERCHANT_ID = "merchantId must be 1..32 printable ASCII, NUL-padded";
    private static final String CODE = "code must be 1..512 printable ASCII";
    private static final String SUBJECT = "subject must be 0..128 bytes of UTF-8 without control characters";

    private int terminalTxnIdLength;
    private int merchantIdLength;
    private int codeOffset;
    private int codeLength;
    private int subjectOffset;
    private int subjectLength;

    /**
     * Point at a body. Nothing is read until {@link #decode()}.
     *
     * @param buffer holding the body.
     * @param offset first byte of the body.
     * @param length body length.
     * @return this decoder.
     * @throws IllegalArgumentException if the region lies outside the buffer (a caller bug).
     */
    public PayDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
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
        final long amount = amount();
        if (amount < 1 || amount > MAX_AMOUNT)
        {
            return fail(PosReason.INVALID_FIELD, offset + AMOUNT_OFFSET, AMOUNT);
        }
        if (currency() != CURRENCY_CNY)
        {
            return fail(PosReason.INVALID_FIELD, offset + CURRENCY_OFFSET, CURRENCY);
        }
        terminalTxnIdLength = PosText.fixedLength(buffer, offset + TERMINAL_TXN_ID_OFFSET, ID_LENGTH);
        if (terminalTxnIdLength < 1)
        {
            return fail(PosReason.INVALID_FIELD, offset + TERMINAL_TXN_ID_OFFSET, TERMINAL_TXN_ID);
        }
        merchantIdLength = PosText.fixedLength(buffer, offset + MERCHANT_ID_OFFSET, ID_LENGTH);
        if (merchantIdLength < 1)
        {
            return fail(PosReason.INVALID_FIELD, offset + MERCHANT_ID_OFFSET, MERCHANT_ID);
        }

        final int codePosition = offset + BLOCK_LENGTH;
        codeOffset = varValueOffset(codePosition);
        if (codeOffset < 0)
        {
            return PosReason.MALFORMED;
        }
        codeLength = varLength;
        if (codeLength < 1 || codeLength > MAX_CODE_LENGTH || !PosText.isPrintable(buffer, codeOffset, codeLength, false))
        {
            return fail(PosReason.INVALID_FIELD, codePosition, CODE);
        }

        final int subjectPosition = codeOffset + codeLength;
        subjectOffset = varValueOffset(subjectPosition);
        if (subjectOffset < 0)
        {
            return PosReason.MALFORMED;
        }
        subjectLength = varLength;
        if (subjectLength > MAX_SUBJECT_LENGTH || !PosText.isCleanUtf8(buffer, subjectOffset, subjectLength))
        {
            return fail(PosReason.INVALID_FIELD, subjectPosition, SUBJECT);
        }
        return checkEnd(subjectOffset + subjectLength);
    }

    /**
     * @return the amount in fen.
     */
    public long amount()
    {
        return i64(offset + AMOUNT_OFFSET);
    }

    /**
     * @return the ISO 4217 numeric currency.
     */
    public int currency()
    {
        return u16(offset + CURRENCY_OFFSET);
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
     * @return offset in {@link #buffer()} of the 32-byte merchant id field (padding included).
     */
    public int merchantIdOffset()
    {
        return offset + MERCHANT_ID_OFFSET;
    }

    /**
     * @return length of the merchant id, padding excluded.
     */
    public int merchantIdLength()
    {
        return merchantIdLength;
    }

    /**
     * @return the merchant id; allocates, for logs and tests.
     */
    public String merchantId()
    {
        return buffer.getStringWithoutLengthAscii(offset + MERCHANT_ID_OFFSET, merchantIdLength);
    }

    /**
     * @return offset in {@link #buffer()} of the scanned code.
     */
    public int codeOffset()
    {
        return codeOffset;
    }

    /**
     * @return length of the scanned code.
     */
    public int codeLength()
    {
        return codeLength;
    }

    /**
     * @return the full scanned code; allocates, for tests only (never log it: mask it first).
     */
    public String code()
    {
        return buffer.getStringWithoutLengthAscii(codeOffset, codeLength);
    }

    /**
     * @return offset in {@link #buffer()} of the subject.
     */
    public int subjectOffset()
    {
        return subjectOffset;
    }

    /**
     * @return length of the subject in bytes, 0 when none.
     */
    public int subjectLength()
    {
        return subjectLength;
    }

    /**
     * @return the subject; allocates, for logs and tests.
     */
    public String subject()
    {
        return buffer.getStringWithoutLengthUtf8(subjectOffset, subjectLength);
    }
}
