package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hutong.core.pos.codec.PosFrameDescriptor.ID_LENGTH;
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
 * Encoder of a Result body ({@link ResultDescriptor}); usually obtained from {@link PosFrameEncoder#result}.
 * <p>
 * Not thread-safe; allocation free.
 */
public final class ResultEncoder extends PosBodyEncoder
{
    /**
     * Create an encoder; wrap it before use.
     */
    public ResultEncoder()
    {
        super(BLOCK_LENGTH, 1);
    }

    /**
     * Start a body at {@code offset}, zeroing the fixed block.
     *
     * @param buffer to write into.
     * @param offset first byte of the body.
     * @return this.
     */
    public ResultEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapBody(buffer, offset);
        return this;
    }

    /**
     * @param switchTxnId the switch's transaction id, 0 when none.
     * @return this.
     */
    public ResultEncoder switchTxnId(final long switchTxnId)
    {
        putI64(offset + SWITCH_TXN_ID_OFFSET, switchTxnId);
        return this;
    }

    /**
     * @param amount in fen, 0 when unknown.
     * @return this.
     */
    public ResultEncoder amount(final long amount)
    {
        putI64(offset + AMOUNT_OFFSET, amount);
        return this;
    }

    /**
     * @param sequence sequence of the request answered (u32).
     * @return this.
     */
    public ResultEncoder refSequence(final long sequence)
    {
        putU32(offset + REF_SEQUENCE_OFFSET, sequence, "refSequence");
        return this;
    }

    /**
     * @param templateId template id of the request answered (u16).
     * @return this.
     */
    public ResultEncoder refTemplateId(final int templateId)
    {
        putU16(offset + REF_TEMPLATE_ID_OFFSET, templateId, "refTemplateId");
        return this;
    }

    /**
     * @param reason the reason, {@link PosReason#NONE} for none.
     * @return this.
     */
    public ResultEncoder reason(final PosReason reason)
    {
        putU16(offset + REASON_CODE_OFFSET, reason.code(), "reasonCode");
        return this;
    }

    /**
     * @param status the status.
     * @return this.
     */
    public ResultEncoder status(final PosStatus status)
    {
        buffer.putByte(offset + STATUS_OFFSET, (byte)status.code());
        return this;
    }

    /**
     * @param terminalTxnId up to 32 identifier characters.
     * @return this.
     */
    public ResultEncoder terminalTxnId(final CharSequence terminalTxnId)
    {
        PosText.putFixed(buffer, offset + TERMINAL_TXN_ID_OFFSET, ID_LENGTH, terminalTxnId, "terminalTxnId");
        return this;
    }

    /**
     * @param source    holding the terminal txn id (e.g. the request's decoder buffer).
     * @param srcOffset first byte.
     * @param length    up to 32 identifier characters.
     * @return this.
     */
    public ResultEncoder terminalTxnId(final DirectBuffer source, final int srcOffset, final int length)
    {
        PosText.putFixed(
            buffer, offset + TERMINAL_TXN_ID_OFFSET, ID_LENGTH, source, srcOffset, length, "terminalTxnId");
        return this;
    }

    /**
     * @param walletId participant id, up to 16 identifier characters; empty when no wallet was involved.
     * @return this.
     */
    public ResultEncoder walletId(final CharSequence walletId)
    {
        PosText.putFixed(buffer, offset + WALLET_ID_OFFSET, WALLET_ID_LENGTH, walletId, "walletId");
        return this;
    }

    /**
     * @param source    holding the wallet's id.
     * @param srcOffset first byte.
     * @param length    up to 16 identifier characters.
     * @return this.
     */
    public ResultEncoder walletId(final DirectBuffer source, final int srcOffset, final int length)
    {
        PosText.putFixed(buffer, offset + WALLET_ID_OFFSET, WALLET_ID_LENGTH, source, srcOffset, length, "walletId");
        return this;
    }

    /**
     * @param walletTxnId the wallet's transaction id, up to 64 identifier characters.
     * @return this.
     */
    public ResultEncoder walletTxnId(final CharSequence walletTxnId)
    {
        putAsciiVar(0, walletTxnId, MAX_WALLET_TXN_ID_LENGTH, false, "walletTxnId");
        return this;
    }

    /**
     * @param source    holding the wallet's transaction id.
     * @param srcOffset first byte.
     * @param length    up to 64 identifier characters.
     * @return this.
     */
    public ResultEncoder walletTxnId(final DirectBuffer source, final int srcOffset, final int length)
    {
        putAsciiVar(0, source, srcOffset, length, MAX_WALLET_TXN_ID_LENGTH, false, "walletTxnId");
        return this;
    }
}
