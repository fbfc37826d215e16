package io.hutong.core.engine.command;

import org.agrona.DirectBuffer;

import static io.hutong.core.engine.command.RequestDescriptor.*;

/**
 * Reads a {@link RequestDescriptor} request in place. {@link #wrap} checks the structure (known kind, every
 * variable field within its maximum and within the message) and indexes the fields; accessors then read
 * through the buffer. Does not allocate; one instance per thread (the engine's).
 */
public final class RequestDecoder
{
    private final int[] fieldOffsets = new int[VAR_FIELDS];
    private final int[] fieldLengths = new int[VAR_FIELDS];
    private DirectBuffer buffer;
    private int offset;
    private RequestKind kind;

    /**
     * @param buffer the message's buffer.
     * @param offset its first byte.
     * @param length its length.
     * @return true if the message is well formed; false means a front end bug, never a user's input.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        if (length < BLOCK_LENGTH)
        {
            return false;
        }
        kind = RequestKind.get(buffer.getByte(offset + KIND_OFFSET));
        if (null == kind)
        {
            return false;
        }
        int position = offset + BLOCK_LENGTH;
        final int end = offset + length;
        for (int i = 0; i < VAR_FIELDS; i++)
        {
            if (position + 2 > end)
            {
                return false;
            }
            final int fieldLength = buffer.getShort(position) & 0xFFFF;
            if (fieldLength > MAX_LENGTHS[i] || position + 2 + fieldLength > end)
            {
                return false;
            }
            fieldOffsets[i] = position + 2;
            fieldLengths[i] = fieldLength;
            position += 2 + fieldLength;
        }
        return position == end;
    }

    /**
     * @return what is asked.
     */
    public RequestKind kind()
    {
        return kind;
    }

    /**
     * @return {@link RequestDescriptor#SOURCE_POS} or {@link RequestDescriptor#SOURCE_HTTP}.
     */
    public int source()
    {
        return buffer.getByte(offset + SOURCE_OFFSET);
    }

    /**
     * @return where the reply goes.
     */
    public long sessionId()
    {
        return buffer.getLong(offset + SESSION_ID_OFFSET);
    }

    /**
     * @return the payment asked about, or 0.
     */
    public long switchTxnId()
    {
        return buffer.getLong(offset + SWITCH_TXN_ID_OFFSET);
    }

    /**
     * @return the amount in fen.
     */
    public long amount()
    {
        return buffer.getLong(offset + AMOUNT_OFFSET);
    }

    /**
     * @return the ISO 4217 numeric currency.
     */
    public int currency()
    {
        return buffer.getShort(offset + CURRENCY_OFFSET) & 0xFFFF;
    }

    /**
     * @return the terminal's or API client's slot.
     */
    public int clientIndex()
    {
        return buffer.getInt(offset + CLIENT_INDEX_OFFSET);
    }

    /**
     * @return the buffer the fields are in.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @param field a field index ({@link RequestDescriptor#CODE}, ...).
     * @return the field's first byte in {@link #buffer()}.
     */
    public int fieldOffset(final int field)
    {
        return fieldOffsets[field];
    }

    /**
     * @param field a field index.
     * @return the field's length in bytes (0 = absent).
     */
    public int fieldLength(final int field)
    {
        return fieldLengths[field];
    }

    /**
     * Copy a field out (for tests and the slow path).
     *
     * @param field a field index.
     * @return the field as UTF-8 text.
     */
    public String fieldAsString(final int field)
    {
        return buffer.getStringWithoutLengthUtf8(fieldOffsets[field], fieldLengths[field]);
    }
}
