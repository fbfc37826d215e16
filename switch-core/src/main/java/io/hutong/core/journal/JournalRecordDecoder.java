package io.hutong.core.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static io.hutong.core.journal.JournalRecordDescriptor.AMOUNT_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.CHAIN_LENGTH;
import static io.hutong.core.journal.JournalRecordDescriptor.CHAIN_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.CONTENT_HASH_LENGTH;
import static io.hutong.core.journal.JournalRecordDescriptor.CONTENT_HASH_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.CURRENCY_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.DETAIL_LENGTH_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.DETAIL_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.EPOCH_NANOS_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.FIXED_LENGTH;
import static io.hutong.core.journal.JournalRecordDescriptor.FLOW_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.HOP_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.MAX_LENGTH;
import static io.hutong.core.journal.JournalRecordDescriptor.MONOTONIC_NANOS_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.REASON_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.STATUS_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.SWITCH_TXN_ID_OFFSET;
import static io.hutong.core.journal.JournalRecordDescriptor.VERSION;
import static io.hutong.core.journal.JournalRecordDescriptor.VERSION_OFFSET;

/**
 * Flyweight view of one journal record (layout in {@link JournalRecordDescriptor}) over a {@link DirectBuffer}.
 * {@link #wrap} checks the structure and sets {@link #error()}; field accessors read straight from the buffer
 * and are meaningful only when {@link #isValid()}. Numeric and code accessors allocate nothing; the
 * {@code String} accessors (and the enum-by-name helpers of the tools) allocate and are for tests, tools and
 * logs. Zero-allocation readers use {@link #textOffset}/{@link #textLength} or {@link #appendText}.
 * <p>
 * Not thread-safe; a view is only valid until the reader moves on.
 */
public final class JournalRecordDecoder
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private DirectBuffer buffer;
    private int offset;
    private int length;
    private JournalRecordError error = JournalRecordError.TOO_SHORT;

    /**
     * View a record and check its structure.
     *
     * @param buffer the bytes.
     * @param offset first byte of the record.
     * @param length bytes of the record.
     * @return this.
     */
    public JournalRecordDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.error = check();
        return this;
    }

    private JournalRecordError check()
    {
        if (length < FIXED_LENGTH)
        {
            return JournalRecordError.TOO_SHORT;
        }
        if (length > MAX_LENGTH)
        {
            return JournalRecordError.TOO_LONG;
        }
        if (version() != VERSION)
        {
            return JournalRecordError.UNKNOWN_VERSION;
        }
        if (FIXED_LENGTH + detailLength() != length)
        {
            return JournalRecordError.LENGTH_MISMATCH;
        }
        for (int i = 0, n = JournalText.count(); i < n; i++)
        {
            final JournalText slot = JournalText.get(i);
            if ((buffer.getByte(offset + slot.lengthOffset()) & 0xFF) > slot.capacity())
            {
                return JournalRecordError.BAD_TEXT_LENGTH;
            }
        }
        return JournalRecordError.NONE;
    }

    /**
     * @return why the bytes are not a valid record, or {@link JournalRecordError#NONE}.
     */
    public JournalRecordError error()
    {
        return error;
    }

    /**
     * @return true if the bytes form a valid record.
     */
    public boolean isValid()
    {
        return JournalRecordError.NONE == error;
    }

    /**
     * @return the buffer viewed.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return first byte of the record in {@link #buffer()}.
     */
    public int offset()
    {
        return offset;
    }

    /**
     * @return bytes of the record.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return the layout version.
     */
    public int version()
    {
        return buffer.getShort(offset + VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    /**
     * @return the hop code as written.
     */
    public int hopCode()
    {
        return buffer.getShort(offset + HOP_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    /**
     * @return the hop, or null for a code unknown to this version.
     */
    public JournalHop hop()
    {
        return JournalHop.get(hopCode());
    }

    /**
     * @return the flow code as written.
     */
    public int flowCode()
    {
        return buffer.getByte(offset + FLOW_OFFSET) & 0xFF;
    }

    /**
     * @return the flow, or null for an unknown code.
     */
    public JournalFlow flow()
    {
        return JournalFlow.get(flowCode());
    }

    /**
     * @return the status code as written.
     */
    public int statusCode()
    {
        return buffer.getByte(offset + STATUS_OFFSET) & 0xFF;
    }

    /**
     * @return the status, or null for an unknown code.
     */
    public JournalStatus status()
    {
        return JournalStatus.get(statusCode());
    }

    /**
     * @return the reason code as written.
     */
    public int reasonCode()
    {
        return buffer.getShort(offset + REASON_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    /**
     * @return the reason, or null for an unknown code.
     */
    public JournalReason reason()
    {
        return JournalReason.get(reasonCode());
    }

    /**
     * @return wall-clock time in nanoseconds since the epoch.
     */
    public long epochNanos()
    {
        return buffer.getLong(offset + EPOCH_NANOS_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @return monotonic time in nanoseconds (comparable within one run, i.e. between two STARTED records).
     */
    public long monotonicNanos()
    {
        return buffer.getLong(offset + MONOTONIC_NANOS_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @return the switch transaction id (0 for audit events).
     */
    public long switchTxnId()
    {
        return buffer.getLong(offset + SWITCH_TXN_ID_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @return the amount in minor units.
     */
    public long amount()
    {
        return buffer.getLong(offset + AMOUNT_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @return the ISO 4217 numeric currency, 0 when none.
     */
    public int currency()
    {
        return buffer.getShort(offset + CURRENCY_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    /**
     * @return absolute offset of the 16-byte content hash in {@link #buffer()}.
     */
    public int contentHashOffset()
    {
        return offset + CONTENT_HASH_OFFSET;
    }

    /**
     * Copy the content hash out.
     *
     * @param dst       where its 16 bytes go.
     * @param dstOffset first byte to write.
     */
    public void getContentHash(final MutableDirectBuffer dst, final int dstOffset)
    {
        dst.putBytes(dstOffset, buffer, offset + CONTENT_HASH_OFFSET, CONTENT_HASH_LENGTH);
    }

    /**
     * @return absolute offset of the 32-byte chain value in {@link #buffer()}.
     */
    public int chainOffset()
    {
        return offset + CHAIN_OFFSET;
    }

    /**
     * Copy the chain value out.
     *
     * @param dst       where its 32 bytes go.
     * @param dstOffset first byte to write.
     */
    public void getChain(final MutableDirectBuffer dst, final int dstOffset)
    {
        dst.putBytes(dstOffset, buffer, offset + CHAIN_OFFSET, CHAIN_LENGTH);
    }

    /**
     * @return the content hash as lower-case hex (allocates).
     */
    public String contentHashHex()
    {
        return hex(offset + CONTENT_HASH_OFFSET, CONTENT_HASH_LENGTH);
    }

    /**
     * @return the chain value as lower-case hex (allocates).
     */
    public String chainHex()
    {
        return hex(offset + CHAIN_OFFSET, CHAIN_LENGTH);
    }

    /**
     * @param slot which text slot.
     * @return its length in bytes, clamped to the slot's capacity.
     */
    public int textLength(final JournalText slot)
    {
        return Math.min(buffer.getByte(offset + slot.lengthOffset()) & 0xFF, slot.capacity());
    }

    /**
     * @param slot which text slot.
     * @return absolute offset of its first byte in {@link #buffer()}.
     */
    public int textOffset(final JournalText slot)
    {
        return offset + slot.offset();
    }

    /**
     * Append a text slot's characters without allocating.
     *
     * @param slot which slot.
     * @param dst  where the characters go.
     * @return characters appended.
     */
    public int appendText(final JournalText slot, final Appendable dst)
    {
        final int textLength = textLength(slot);
        final int start = offset + slot.offset();
        try
        {
            for (int i = 0; i < textLength; i++)
            {
                dst.append((char)(buffer.getByte(start + i) & 0x7F));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return textLength;
    }

    /**
     * @param slot which slot.
     * @return its text (allocates).
     */
    public String text(final JournalText slot)
    {
        return buffer.getStringWithoutLengthAscii(offset + slot.offset(), textLength(slot));
    }

    /**
     * @return the terminal id (allocates).
     */
    public String terminalId()
    {
        return text(JournalText.TERMINAL_ID);
    }

    /**
     * @return the terminal's transaction id (allocates).
     */
    public String terminalTxnId()
    {
        return text(JournalText.TERMINAL_TXN_ID);
    }

    /**
     * @return the issuer/payer wallet id (allocates).
     */
    public String walletId()
    {
        return text(JournalText.WALLET_ID);
    }

    /**
     * @return the acquirer/payee wallet id (allocates).
     */
    public String counterpartyWalletId()
    {
        return text(JournalText.COUNTERPARTY_WALLET_ID);
    }

    /**
     * @return the masked code (allocates).
     */
    public String maskedCode()
    {
        return text(JournalText.MASKED_CODE);
    }

    /**
     * @return the wallet's own result code (allocates).
     */
    public String walletCode()
    {
        return text(JournalText.WALLET_CODE);
    }

    /**
     * @return the wallet's transaction id (allocates).
     */
    public String walletTxnId()
    {
        return text(JournalText.WALLET_TXN_ID);
    }

    /**
     * @return the order number given to the wallet (allocates).
     */
    public String walletOrderNo()
    {
        return text(JournalText.WALLET_ORDER_NO);
    }

    /**
     * @return bytes of UTF-8 detail as declared.
     */
    public int detailLength()
    {
        return buffer.getShort(offset + DETAIL_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    /**
     * @return the detail text (allocates); empty unless the record is valid.
     */
    public String detail()
    {
        if (!isValid())
        {
            return "";
        }
        final byte[] bytes = new byte[detailLength()];
        buffer.getBytes(offset + DETAIL_OFFSET, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String hex(final int start, final int count)
    {
        final char[] chars = new char[count * 2];
        for (int i = 0; i < count; i++)
        {
            final int b = buffer.getByte(start + i) & 0xFF;
            chars[2 * i] = HEX[b >>> 4];
            chars[2 * i + 1] = HEX[b & 0xF];
        }
        return new String(chars);
    }
}
