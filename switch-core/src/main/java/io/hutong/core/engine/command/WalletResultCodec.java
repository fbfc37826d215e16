package io.hutong.core.engine.command;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletResult;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A wallet call's result as it travels from a connector thread to the engine through the inbound ring buffer
 * (message type {@link #MSG_TYPE_ID}). Little-endian:
 * <pre>
 *   0                   8    9    10   11   12
 *   +-------------------+----+----+----+----+---------------------+--------------------+
 *   | correlationId i64 | op |stat|rsn |sent| walletCode u16+bytes| walletTxnId u16+.. |
 *   +-------------------+----+----+----+----+---------------------+--------------------+
 * </pre>
 * {@code rsn} is the {@link DeclineReason} ordinal plus one (0 = none). Writing happens on connector threads
 * (each with its own codec); reading on the engine thread. Reading does not allocate.
 */
public final class WalletResultCodec
{
    /** Ring-buffer message type of a wallet result. */
    public static final int MSG_TYPE_ID = 2;
    /** Longest wallet code kept. */
    public static final int MAX_WALLET_CODE = 32;
    /** Longest wallet txn id kept. */
    public static final int MAX_WALLET_TXN_ID = 64;
    /** Largest encoded result. */
    public static final int MAX_LENGTH = 12 + 2 + MAX_WALLET_CODE + 2 + MAX_WALLET_TXN_ID;

    private static final int OPERATION_OFFSET = 8;
    private static final int STATUS_OFFSET = 9;
    private static final int REASON_OFFSET = 10;
    private static final int SENT_OFFSET = 11;
    private static final int CODE_OFFSET = 12;
    private static final OutcomeStatus[] STATUSES = OutcomeStatus.values();

    private DirectBuffer buffer;
    private int offset;
    private int txnIdOffset;

    /**
     * Write a result.
     *
     * @param buffer        where.
     * @param offset        first byte; {@link #MAX_LENGTH} bytes must follow.
     * @param correlationId the call's correlation id.
     * @param result        the result; over-long codes and ids are cut to their maximum.
     * @return the encoded length.
     */
    public static int encode(
        final MutableDirectBuffer buffer, final int offset, final long correlationId, final WalletResult result)
    {
        buffer.putLong(offset, correlationId);
        buffer.putByte(offset + OPERATION_OFFSET, (byte)result.operation().ordinal());
        buffer.putByte(offset + STATUS_OFFSET, (byte)result.status().ordinal());
        buffer.putByte(offset + REASON_OFFSET, (byte)(null == result.reason() ? 0 : result.reason().ordinal() + 1));
        buffer.putByte(offset + SENT_OFFSET, (byte)(result.requestSent() ? 1 : 0));
        int position = putAscii(buffer, offset + CODE_OFFSET, result.walletCode(), MAX_WALLET_CODE);
        position = putAscii(buffer, position, result.walletTxnId(), MAX_WALLET_TXN_ID);
        return position - offset;
    }

    /**
     * @param buffer the message's buffer.
     * @param offset its first byte.
     * @param length its length.
     * @return true if well formed.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        if (length < CODE_OFFSET + 4)
        {
            return false;
        }
        final int codeLength = buffer.getShort(offset + CODE_OFFSET) & 0xFFFF;
        txnIdOffset = offset + CODE_OFFSET + 2 + codeLength;
        if (codeLength > MAX_WALLET_CODE || txnIdOffset + 2 > offset + length)
        {
            return false;
        }
        final int txnIdLength = buffer.getShort(txnIdOffset) & 0xFFFF;
        final int op = buffer.getByte(offset + OPERATION_OFFSET);
        final int status = buffer.getByte(offset + STATUS_OFFSET);
        final int reason = buffer.getByte(offset + REASON_OFFSET);
        return txnIdLength <= MAX_WALLET_TXN_ID && txnIdOffset + 2 + txnIdLength == offset + length &&
            op >= 0 && op < WalletOperation.values().length && status >= 0 && status < STATUSES.length &&
            reason >= 0 && reason <= DeclineReason.values().length;
    }

    /**
     * @return the correlation id (the switch txn id).
     */
    public long correlationId()
    {
        return buffer.getLong(offset);
    }

    /**
     * @return the operation.
     */
    public WalletOperation operation()
    {
        return WalletOperation.get(buffer.getByte(offset + OPERATION_OFFSET));
    }

    /**
     * @return the status.
     */
    public OutcomeStatus status()
    {
        return STATUSES[buffer.getByte(offset + STATUS_OFFSET)];
    }

    /**
     * @return the decline reason, or null.
     */
    public DeclineReason reason()
    {
        final int code = buffer.getByte(offset + REASON_OFFSET);
        return 0 == code ? null : DeclineReason.get(code - 1);
    }

    /**
     * @return false only when the request certainly did not reach the wallet.
     */
    public boolean requestSent()
    {
        return 0 != buffer.getByte(offset + SENT_OFFSET);
    }

    /**
     * @return the buffer the text fields are in.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the wallet code's first byte.
     */
    public int walletCodeOffset()
    {
        return offset + CODE_OFFSET + 2;
    }

    /**
     * @return the wallet code's length (0 = none).
     */
    public int walletCodeLength()
    {
        return buffer.getShort(offset + CODE_OFFSET) & 0xFFFF;
    }

    /**
     * @return the wallet txn id's first byte.
     */
    public int walletTxnIdOffset()
    {
        return txnIdOffset + 2;
    }

    /**
     * @return the wallet txn id's length (0 = none).
     */
    public int walletTxnIdLength()
    {
        return buffer.getShort(txnIdOffset) & 0xFFFF;
    }

    private static int putAscii(final MutableDirectBuffer buffer, final int position, final String text, final int max)
    {
        if (null == text)
        {
            buffer.putShort(position, (short)0);
            return position + 2;
        }
        final int length = Math.min(text.length(), max);
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            buffer.putByte(position + 2 + i, (byte)(c < 0x80 ? c : '?'));
        }
        buffer.putShort(position, (short)length);
        return position + 2 + length;
    }
}
