package io.hutong.core.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

import static io.hutong.core.journal.JournalRecordDescriptor.AMOUNT_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.CONTENT_HASH_LENGTH;
import static io.hutong.core.journal.JournalRecordDescriptor.CONTENT_HASH_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.CURRENCY_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.DETAIL_LENGTH_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.DETAIL_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.EPOCH_NANOS_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.FIXED_LENGTH;
import static io.hutong.core.journal.JournalRecordDescriptor.FLOW_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.HOP_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.MAX_DETAIL_LENGTH;
import static io.hutong.core.journal.JournalRecordDescriptor.MONOTONIC_NANOS_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.REASON_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.STATUS_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.SWITCH_TXN_ID_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.VERSION;
import static io.hutong.core.journal.JournalRecordDescriptor.VERSION_OFFSET;

/**
 * Flyweight that writes one journal record (layout in {@link JournalRecordDescriptor}) into a
 * {@link MutableDirectBuffer}. {@link #wrap} then {@link #reset} start a record; setters may come in any
 * order; {@link #encodedLength()} says how many bytes the record takes. The chain field is left to
 * {@link JournalWriter}, which computes it when appending.
 * <p>
 * Text goes into fixed slots and must fit ({@link JournalText#fits}): an over-long or non-ASCII value is a
 * bug in the caller and is refused with {@link IllegalArgumentException} (the message names the field and
 * the length, never the value). The masked-code slot accepts only values that pass
 * {@link CodeMasking#isMasked}, so a full code cannot be journaled; {@link #maskCode} masks on the way in.
 * The detail text is UTF-8, cut at a character boundary to {@value JournalRecordDescriptor#MAX_DETAIL_LENGTH}
 * bytes.
 * <p>
 * Not thread-safe. Allocates nothing.
 */
public final class JournalRecordEncoder
{
    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point the encoder at a buffer; nothing is written.
     *
     * @param buffer the destination, with at least {@link JournalRecordDescriptor#MAX_LENGTH} bytes from
     *               {@code offset}.
     * @param offset first byte of the record.
     * @return this.
     */
    public JournalRecordEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /**
     * Start a new record: zero the fixed block and write the layout version.
     *
     * @return this.
     */
    public JournalRecordEncoder reset()
    {
        buffer.setMemory(offset, FIXED_LENGTH, (byte)0);
        buffer.putShort(offset + VERSION_OFFSET, (short)VERSION, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /**
     * @param hop what happened.
     * @return this.
     */
    public JournalRecordEncoder hop(final JournalHop hop)
    {
        buffer.putShort(offset + HOP_OFFSET, (short)hop.code(), ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /**
     * @param flow the kind of exchange.
     * @return this.
     */
    public JournalRecordEncoder flow(final JournalFlow flow)
    {
        buffer.putByte(offset + FLOW_OFFSET, (byte)flow.code());
        return this;
    }

    /**
     * @param status the status (see {@link JournalStatus} for the three ranges).
     * @return this.
     */
    public JournalRecordEncoder status(final JournalStatus status)
    {
        buffer.putByte(offset + STATUS_OFFSET, (byte)status.code());
        return this;
    }

    /**
     * @param reason why.
     * @return this.
     */
    public JournalRecordEncoder reason(final JournalReason reason)
    {
        buffer.putShort(offset + REASON_OFFSET, (short)reason.code(), ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /**
     * @param epochNanos wall-clock time in nanoseconds since the epoch.
     * @return this.
     */
    public JournalRecordEncoder epochNanos(final long epochNanos)
    {
        buffer.putLong(offset + EPOCH_NANOS_OFFSET, epochNanos, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /**
     * @param monotonicNanos monotonic time in nanoseconds (comparable within one run of the switch).
     * @return this.
     */
    public JournalRecordEncoder monotonicNanos(final long monotonicNanos)
    {
        buffer.putLong(offset + MONOTONIC_NANOS_OFFSET, monotonicNanos, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /**
     * @param switchTxnId the switch's transaction id, 0 for audit events.
     * @return this.
     */
    public JournalRecordEncoder switchTxnId(final long switchTxnId)
    {
        buffer.putLong(offset + SWITCH_TXN_ID_OFFSET, switchTxnId, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /**
     * @param amount amount in minor units (fen).
     * @return this.
     */
    public JournalRecordEncoder amount(final long amount)
    {
        buffer.putLong(offset + AMOUNT_OFFSET, amount, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /**
     * @param currency ISO 4217 numeric code (156 for CNY), 0..65535.
     * @return this.
     * @throws IllegalArgumentException if out of range.
     */
    public JournalRecordEncoder currency(final int currency)
    {
        if (currency < 0 || currency > 0xFFFF)
        {
            throw new IllegalArgumentException("currency=" + currency + ": must be 0..65535");
        }
        buffer.putShort(offset + CURRENCY_OFFSET, (short)currency, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /**
     * Copy the request's content hash (see {@link ContentHasher}).
     *
     * @param hash      the hash.
     * @param hashOffset where its {@value JournalRecordDescriptor#CONTENT_HASH_LENGTH} bytes start.
     * @return this.
     */
    public JournalRecordEncoder contentHash(final DirectBuffer hash, final int hashOffset)
    {
        buffer.putBytes(offset + CONTENT_HASH_OFFSET, hash, hashOffset, CONTENT_HASH_LENGTH);
        return this;
    }

    /**
     * Buffer the request's content hash is computed into in place: pass it with
     * {@link #contentHashOffset()} to {@link ContentHasher#hash}.
     *
     * @return the record's buffer.
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return absolute offset of the content hash field in {@link #buffer()}.
     */
    public int contentHashOffset()
    {
        return offset + CONTENT_HASH_OFFSET;
    }

    /**
     * @param terminalId the terminal id, at most 16 ASCII; null for none.
     * @return this.
     */
    public JournalRecordEncoder terminalId(final CharSequence terminalId)
    {
        return text(JournalText.TERMINAL_ID, terminalId);
    }

    /**
     * @param terminalTxnId the terminal's transaction id, at most 32 ASCII; null for none.
     * @return this.
     */
    public JournalRecordEncoder terminalTxnId(final CharSequence terminalTxnId)
    {
        return text(JournalText.TERMINAL_TXN_ID, terminalTxnId);
    }

    /**
     * @param walletId the issuer/payer wallet id, at most 8 ASCII; null for none.
     * @return this.
     */
    public JournalRecordEncoder walletId(final CharSequence walletId)
    {
        return text(JournalText.WALLET_ID, walletId);
    }

    /**
     * @param counterpartyWalletId the acquirer/payee wallet id, at most 8 ASCII; null for none.
     * @return this.
     */
    public JournalRecordEncoder counterpartyWalletId(final CharSequence counterpartyWalletId)
    {
        return text(JournalText.COUNTERPARTY_WALLET_ID, counterpartyWalletId);
    }

    /**
     * @param walletCode the wallet's own result code, at most 32 ASCII; null for none.
     * @return this.
     */
    public JournalRecordEncoder walletCode(final CharSequence walletCode)
    {
        return text(JournalText.WALLET_CODE, walletCode);
    }

    /**
     * @param walletTxnId the wallet's transaction id, at most 64 ASCII; null for none.
     * @return this.
     */
    public JournalRecordEncoder walletTxnId(final CharSequence walletTxnId)
    {
        return text(JournalText.WALLET_TXN_ID, walletTxnId);
    }

    /**
     * @param walletOrderNo the order number given to the wallet, at most 32 ASCII; null for none.
     * @return this.
     */
    public JournalRecordEncoder walletOrderNo(final CharSequence walletOrderNo)
    {
        return text(JournalText.WALLET_ORDER_NO, walletOrderNo);
    }

    /**
     * Store an already masked code.
     *
     * @param maskedCode the masked code; null for none.
     * @return this.
     * @throws IllegalArgumentException unless {@link CodeMasking#isMasked} accepts it.
     */
    public JournalRecordEncoder maskedCode(final CharSequence maskedCode)
    {
        if (!CodeMasking.isMasked(maskedCode))
        {
            throw new IllegalArgumentException("maskedCode length=" + maskedCode.length() +
                ": not a masked code (needs '*', at most " + CodeMasking.MAX_MASKED_LENGTH + " printable ASCII, no " +
                "digit run over " + CodeMasking.MAX_DIGIT_RUN + "); pass the full code to maskCode instead");
        }
        return text(JournalText.MASKED_CODE, maskedCode);
    }

    /**
     * Store an already masked code held as bytes (the engine keeps its payments' codes masked this way).
     *
     * @param masked       the masked code's bytes.
     * @param maskedOffset first byte.
     * @param maskedLength bytes.
     * @return this.
     * @throws IllegalArgumentException unless the bytes pass the same test as {@link CodeMasking#isMasked}.
     */
    public JournalRecordEncoder maskedCode(final DirectBuffer masked, final int maskedOffset, final int maskedLength)
    {
        boolean hasMask = 0 == maskedLength;
        for (int i = 0; i < maskedLength; i++)
        {
            hasMask |= masked.getByte(maskedOffset + i) == CodeMasking.MASK;
        }
        if (!hasMask || maskedLength > CodeMasking.MAX_MASKED_LENGTH ||
            CodeMasking.longestDigitRun(masked, maskedOffset, maskedLength) > CodeMasking.MAX_DIGIT_RUN)
        {
            throw new IllegalArgumentException("maskedCode length=" + maskedLength + ": not a masked code");
        }
        final JournalText slot = JournalText.MASKED_CODE;
        final int start = offset + slot.offset();
        for (int i = 0; i < maskedLength; i++)
        {
            final byte b = masked.getByte(maskedOffset + i);
            buffer.putByte(start + i, JournalText.isPrintableAscii(b) ? b : (byte)'?');
        }
        buffer.setMemory(start + maskedLength, slot.capacity() - maskedLength, (byte)0);
        buffer.putByte(offset + slot.lengthOffset(), (byte)maskedLength);
        return this;
    }

    /**
     * Mask a full code into the masked-code slot (the full code is never stored).
     *
     * @param code the full code.
     * @return this.
     */
    public JournalRecordEncoder maskCode(final CharSequence code)
    {
        final JournalText slot = JournalText.MASKED_CODE;
        final int length = CodeMasking.mask(code, buffer, offset + slot.offset());
        buffer.putByte(offset + slot.lengthOffset(), (byte)length);
        return this;
    }

    /**
     * Mask a full code held as bytes into the masked-code slot (the full code is never stored).
     *
     * @param code       the code's bytes.
     * @param codeOffset first byte.
     * @param codeLength bytes.
     * @return this.
     */
    public JournalRecordEncoder maskCode(final DirectBuffer code, final int codeOffset, final int codeLength)
    {
        final JournalText slot = JournalText.MASKED_CODE;
        final int length = CodeMasking.mask(code, codeOffset, codeLength, buffer, offset + slot.offset());
        buffer.putByte(offset + slot.lengthOffset(), (byte)length);
        return this;
    }

    /**
     * Set a text slot by name. The masked-code slot goes through {@link #maskedCode} so it cannot be bypassed.
     *
     * @param slot  which slot.
     * @param value the value, at most {@link JournalText#capacity()} printable ASCII; null for none.
     * @return this.
     * @throws IllegalArgumentException if the value does not fit.
     */
    public JournalRecordEncoder text(final JournalText slot, final CharSequence value)
    {
        if (JournalText.MASKED_CODE == slot && !CodeMasking.isMasked(value))
        {
            return maskedCode(value);
        }
        final int length = null == value ? 0 : value.length();
        if (length > slot.capacity())
        {
            throw new IllegalArgumentException(
                slot.jsonName() + " length=" + length + ": at most " + slot.capacity() + " characters");
        }
        final int start = offset + slot.offset();
        for (int i = 0; i < length; i++)
        {
            final char c = value.charAt(i);
            if (!JournalText.isPrintableAscii(c))
            {
                throw new IllegalArgumentException(slot.jsonName() + "[" + i + "]: not printable ASCII");
            }
            buffer.putByte(start + i, (byte)c);
        }
        buffer.setMemory(start + length, slot.capacity() - length, (byte)0);
        buffer.putByte(offset + slot.lengthOffset(), (byte)length);
        return this;
    }

    /**
     * Set a text slot from bytes (as a frame carries them), without going through a String.
     *
     * @param slot        which slot; not {@link JournalText#MASKED_CODE} (use {@link #maskCode}).
     * @param value       the bytes.
     * @param valueOffset first byte.
     * @param valueLength bytes, at most {@link JournalText#capacity()}, printable ASCII.
     * @return this.
     * @throws IllegalArgumentException if the value does not fit, or for the masked-code slot.
     */
    public JournalRecordEncoder text(
        final JournalText slot, final DirectBuffer value, final int valueOffset, final int valueLength)
    {
        if (JournalText.MASKED_CODE == slot)
        {
            throw new IllegalArgumentException("maskedCode: raw bytes refused; use maskCode to mask them");
        }
        if (valueLength < 0 || valueLength > slot.capacity())
        {
            throw new IllegalArgumentException(
                slot.jsonName() + " length=" + valueLength + ": at most " + slot.capacity() + " bytes");
        }
        final int start = offset + slot.offset();
        for (int i = 0; i < valueLength; i++)
        {
            final byte b = value.getByte(valueOffset + i);
            if (!JournalText.isPrintableAscii(b))
            {
                throw new IllegalArgumentException(slot.jsonName() + "[" + i + "]: not printable ASCII");
            }
            buffer.putByte(start + i, b);
        }
        buffer.setMemory(start + valueLength, slot.capacity() - valueLength, (byte)0);
        buffer.putByte(offset + slot.lengthOffset(), (byte)valueLength);
        return this;
    }

    /**
     * Set the free-text detail (audit events), UTF-8, cut at a character boundary to
     * {@value JournalRecordDescriptor#MAX_DETAIL_LENGTH} bytes. Unpaired surrogates become {@code '?'}.
     *
     * @param detail the text; null for none.
     * @return this.
     */
    public JournalRecordEncoder detail(final CharSequence detail)
    {
        final int start = offset + DETAIL_OFFSET;
        int out = 0;
        final int length = null == detail ? 0 : detail.length();
        for (int i = 0; i < length; i++)
        {
            int c = detail.charAt(i);
            if (Character.isHighSurrogate((char)c) && i + 1 < length && Character.isLowSurrogate(detail.charAt(i + 1)))
            {
                if (out + 4 > MAX_DETAIL_LENGTH)
                {
                    break;
                }
                final int cp = Character.toCodePoint((char)c, detail.charAt(++i));
                buffer.putByte(start + out++, (byte)(0xF0 | (cp >>> 18)));
                buffer.putByte(start + out++, (byte)(0x80 | ((cp >>> 12) & 0x3F)));
                buffer.putByte(start + out++, (byte)(0x80 | ((cp >>> 6) & 0x3F)));
                buffer.putByte(start + out++, (byte)(0x80 | (cp & 0x3F)));
                continue;
            }
            if (Character.isSurrogate((char)c))
            {
                c = '?';
            }
            final int bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (out + bytes > MAX_DETAIL_LENGTH)
            {
                break;
            }
            if (bytes == 1)
            {
                buffer.putByte(start + out++, (byte)c);
            }
            else if (bytes == 2)
            {
                buffer.putByte(start + out++, (byte)(0xC0 | (c >>> 6)));
                buffer.putByte(start + out++, (byte)(0x80 | (c & 0x3F)));
            }
            else
            {
                buffer.putByte(start + out++, (byte)(0xE0 | (c >>> 12)));
                buffer.putByte(start + out++, (byte)(0x80 | ((c >>> 6) & 0x3F)));
                buffer.putByte(start + out++, (byte)(0x80 | (c & 0x3F)));
            }
        }
        buffer.putShort(offset + DETAIL_LENGTH_OFFSET, (short)out, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /**
     * @return bytes the record takes: the fixed block plus the detail.
     */
    public int encodedLength()
    {
        return FIXED_LENGTH + (buffer.getShort(offset + DETAIL_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF);
    }

    /**
     * @return first byte of the record in {@link #buffer()}.
     */
    public int offset()
    {
        return offset;
    }
}
