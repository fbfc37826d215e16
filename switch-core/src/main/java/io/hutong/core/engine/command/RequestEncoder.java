package io.hutong.core.engine.command;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hutong.core.engine.command.RequestDescriptor.*;

/**
 * Writes a {@link RequestDescriptor} request into a buffer (normally a claimed slot of the engine's ring
 * buffer). Set the fixed fields, then add every variable field in order with {@link #field}; fields beyond
 * those added are written empty by {@link #finish()}, which returns the encoded length. Does not allocate;
 * one instance per thread.
 */
public final class RequestEncoder
{
    private MutableDirectBuffer buffer;
    private int offset;
    private int limit;
    private int nextField;

    /**
     * @param buffer where to write.
     * @param offset the first byte; at least {@link RequestDescriptor#MAX_LENGTH} bytes must follow.
     * @return this.
     */
    public RequestEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.limit = offset + BLOCK_LENGTH;
        this.nextField = 0;
        buffer.setMemory(offset, BLOCK_LENGTH, (byte)0);
        return this;
    }

    /**
     * @param kind     what is asked.
     * @param source   {@link RequestDescriptor#SOURCE_POS} or {@link RequestDescriptor#SOURCE_HTTP}.
     * @param session  where the reply goes (front end's own numbering).
     * @param client   the terminal's or API client's slot for admission control.
     * @return this.
     */
    public RequestEncoder header(final RequestKind kind, final int source, final long session, final int client)
    {
        buffer.putByte(offset + KIND_OFFSET, (byte)kind.code());
        buffer.putByte(offset + SOURCE_OFFSET, (byte)source);
        buffer.putLong(offset + SESSION_ID_OFFSET, session);
        buffer.putInt(offset + CLIENT_INDEX_OFFSET, client);
        return this;
    }

    /**
     * @param switchTxnId the payment asked about, or 0 to name it by terminal txn id.
     * @return this.
     */
    public RequestEncoder switchTxnId(final long switchTxnId)
    {
        buffer.putLong(offset + SWITCH_TXN_ID_OFFSET, switchTxnId);
        return this;
    }

    /**
     * @param amount   fen.
     * @param currency ISO 4217 numeric.
     * @return this.
     */
    public RequestEncoder amount(final long amount, final int currency)
    {
        buffer.putLong(offset + AMOUNT_OFFSET, amount);
        buffer.putShort(offset + CURRENCY_OFFSET, (short)currency);
        return this;
    }

    /**
     * Add the next variable field from bytes.
     *
     * @param field  the field's index; must be the next one ({@link RequestDescriptor#TERMINAL_ID}, ...).
     * @param source the bytes.
     * @param from   first byte.
     * @param length byte count, at most the field's maximum.
     * @return this.
     * @throws IllegalArgumentException if out of order or too long (callers validate lengths first).
     */
    public RequestEncoder field(final int field, final DirectBuffer source, final int from, final int length)
    {
        skipTo(field, length);
        buffer.putShort(limit, (short)length);
        buffer.putBytes(limit + 2, source, from, length);
        limit += 2 + length;
        nextField++;
        return this;
    }

    /**
     * Add the next variable field from ASCII or UTF-8 text.
     *
     * @param field the field's index; must be the next one.
     * @param text  the text; written as UTF-8.
     * @return this.
     * @throws IllegalArgumentException if out of order or too long.
     */
    public RequestEncoder field(final int field, final CharSequence text)
    {
        skipTo(field, 0);
        final int start = limit + 2;
        int length = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                checkRoom(field, length + 1);
                buffer.putByte(start + length++, (byte)c);
            }
            else
            {
                // Rare (a Chinese subject): encode the rest through the JDK.
                final byte[] rest = text.subSequence(i, text.length()).toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                checkRoom(field, length + rest.length);
                buffer.putBytes(start + length, rest);
                length += rest.length;
                break;
            }
        }
        buffer.putShort(limit, (short)length);
        limit = start + length;
        nextField++;
        return this;
    }

    /**
     * Write the remaining fields empty.
     *
     * @return the encoded length in bytes.
     */
    public int finish()
    {
        while (nextField < VAR_FIELDS)
        {
            buffer.putShort(limit, (short)0);
            limit += 2;
            nextField++;
        }
        return limit - offset;
    }

    private void skipTo(final int field, final int length)
    {
        if (field < nextField || field >= VAR_FIELDS)
        {
            throw new IllegalArgumentException("field=" + field + ": fields go in order, next is " + nextField);
        }
        checkRoom(field, length);
        while (nextField < field)
        {
            buffer.putShort(limit, (short)0);
            limit += 2;
            nextField++;
        }
    }

    private static void checkRoom(final int field, final int length)
    {
        if (length > MAX_LENGTHS[field])
        {
            throw new IllegalArgumentException("field=" + field + " length=" + length + ": max " + MAX_LENGTHS[field]);
        }
    }
}
