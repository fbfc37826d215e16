package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hutong.core.pos.codec.PayDescriptor.AMOUNT_OFFSET;
import static io.hutong.core.pos.codec.PayDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.PayDescriptor.CURRENCY_OFFSET;
import static io.hutong.core.pos.codec.PayDescriptor.MAX_CODE_LENGTH;
import static io.hutong.core.pos.codec.PayDescriptor.MAX_SUBJECT_LENGTH;
import static io.hutong.core.pos.codec.PayDescriptor.MERCHANT_ID_OFFSET;
import static io.hutong.core.pos.codec.PayDescriptor.TERMINAL_TXN_ID_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.ID_LENGTH;

/**
 * Encoder of a Pay body ({@link PayDescriptor}); usually obtained from {@link PosFrameEncoder#pay}. The code must
 * be written before the subject; an unset subject is written empty.
 * <p>
 * Not thread-safe; allocation free.
 */
public final class PayEncoder extends PosBodyEncoder
{
    private static final int CODE = 0;
    private static final int SUBJECT = 1;

    /**
     * Create an encoder; wrap it before use.
     */
    public PayEncoder()
    {
        super(BLOCK_LENGTH, 2);
    }

    /**
     * Start a body at {@code offset}, zeroing the fixed block.
     *
     * @param buffer to write into.
     * @param offset first byte of the body.
     * @return this.
     */
    public PayEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapBody(buffer, offset);
        return this;
    }

    /**
     * @param amount in fen.
     * @return this.
     */
    public PayEncoder amount(final long amount)
    {
        putI64(offset + AMOUNT_OFFSET, amount);
        return this;
    }

    /**
     * @param currency ISO 4217 numeric (u16).
     * @return this.
     */
    public PayEncoder currency(final int currency)
    {
        putU16(offset + CURRENCY_OFFSET, currency, "currency");
        return this;
    }

    /**
     * @param terminalTxnId up to 32 identifier characters.
     * @return this.
     */
    public PayEncoder terminalTxnId(final CharSequence terminalTxnId)
    {
        PosText.putFixed(buffer, offset + TERMINAL_TXN_ID_OFFSET, ID_LENGTH, terminalTxnId, "terminalTxnId");
        return this;
    }

    /**
     * @param source    holding the terminal txn id.
     * @param srcOffset first byte.
     * @param length    up to 32 identifier characters.
     * @return this.
     */
    public PayEncoder terminalTxnId(final DirectBuffer source, final int srcOffset, final int length)
    {
        PosText.putFixed(
            buffer, offset + TERMINAL_TXN_ID_OFFSET, ID_LENGTH, source, srcOffset, length, "terminalTxnId");
        return this;
    }

    /**
     * @param merchantId up to 32 identifier characters.
     * @return this.
     */
    public PayEncoder merchantId(final CharSequence merchantId)
    {
        PosText.putFixed(buffer, offset + MERCHANT_ID_OFFSET, ID_LENGTH, merchantId, "merchantId");
        return this;
    }

    /**
     * @param source    holding the merchant id.
     * @param srcOffset first byte.
     * @param length    up to 32 identifier characters.
     * @return this.
     */
    public PayEncoder merchantId(final DirectBuffer source, final int srcOffset, final int length)
    {
        PosText.putFixed(buffer, offset + MERCHANT_ID_OFFSET, ID_LENGTH, source, srcOffset, length, "merchantId");
        return this;
    }

    /**
     * @param code the scanned code, up to 512 identifier characters.
     * @return this.
     */
    public PayEncoder code(final CharSequence code)
    {
        putAsciiVar(CODE, code, MAX_CODE_LENGTH, false, "code");
        return this;
    }

    /**
     * @param source    holding the scanned code.
     * @param srcOffset first byte.
     * @param length    up to 512 identifier characters.
     * @return this.
     */
    public PayEncoder code(final DirectBuffer source, final int srcOffset, final int length)
    {
        putAsciiVar(CODE, source, srcOffset, length, MAX_CODE_LENGTH, false, "code");
        return this;
    }

    /**
     * @param subject up to 128 bytes once in UTF-8.
     * @return this.
     */
    public PayEncoder subject(final CharSequence subject)
    {
        putUtf8Var(SUBJECT, subject, MAX_SUBJECT_LENGTH, "subject");
        return this;
    }

    /**
     * @param source    holding the subject's UTF-8 bytes (written as they are).
     * @param srcOffset first byte.
     * @param length    up to 128 bytes.
     * @return this.
     */
    public PayEncoder subject(final DirectBuffer source, final int srcOffset, final int length)
    {
        putBytesVar(SUBJECT, source, srcOffset, length, MAX_SUBJECT_LENGTH, "subject");
        return this;
    }
}
