package io.hutong.codec.emv.mpm;

import io.hutong.codec.text.Crc16;
import io.hutong.codec.text.Utf8;
import org.agrona.MutableDirectBuffer;

import static io.hutong.codec.emv.mpm.MpmDescriptor.*;

/**
 * Writes an EMVCo merchant-presented payload into a {@link MutableDirectBuffer}: data objects in the order
 * given, templates with their lengths filled in when they end, and {@link #finish()} appends ID 63 with the
 * CRC-16/CCITT-FALSE. Lengths are written in characters, as the specification counts them.
 * <p>
 * Misuse (bad IDs, over-long values, a template left open) throws {@link IllegalArgumentException} or
 * {@link IllegalStateException}: it is a programming or configuration error, never a property of input.
 * Not thread-safe; reusable via {@link #wrap}.
 */
public final class MpmEncoder
{
    private MutableDirectBuffer buffer;
    private int offset;
    private int position;
    private int characters;
    private int maxCharacters;
    private int templateId = -1;
    private int templateHeaderPosition;
    private int templateStartCharacters;

    /**
     * Start a new payload.
     *
     * @param buffer where to write; must be large enough (at most {@link MpmDescriptor#MAX_PAYLOAD_BYTES}).
     * @param offset where the payload starts.
     * @return this.
     */
    public MpmEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        return wrap(buffer, offset, MAX_PAYLOAD_CHARACTERS);
    }

    /**
     * Start a new payload that may exceed EMVCo's 512 characters, as SGQR labels do ({@link MpmProfiles}).
     *
     * @param buffer        where to write; must be large enough.
     * @param offset        where the payload starts.
     * @param maxCharacters the most characters {@link #finish()} accepts.
     * @return this.
     */
    public MpmEncoder wrap(final MutableDirectBuffer buffer, final int offset, final int maxCharacters)
    {
        this.maxCharacters = maxCharacters;
        this.buffer = buffer;
        this.offset = offset;
        this.position = offset;
        this.characters = 0;
        this.templateId = -1;
        return this;
    }

    /**
     * Append a primitive data object at the top level, or inside the open template.
     *
     * @param id    00..99 (63 is written by {@link #finish()}).
     * @param value 1..99 characters.
     * @return this.
     */
    public MpmEncoder put(final int id, final String value)
    {
        if (id < 0 || id >= ID_COUNT || (templateId < 0 && id == CRC))
        {
            throw new IllegalArgumentException("id=" + id + ": must be 00..99 and not 63 (the CRC is written by finish)");
        }
        final int valueCharacters = Utf8.characterCount(value);
        if (valueCharacters < 1 || valueCharacters > MAX_VALUE_LENGTH)
        {
            throw new IllegalArgumentException("id=" + id + ": value must be 1..99 characters, was " + valueCharacters);
        }
        writeHeader(id, valueCharacters);
        position += buffer.putStringWithoutLengthUtf8(position, value);
        characters += valueCharacters;
        checkTemplateLength();
        return this;
    }

    /**
     * Open a template; nested objects follow with {@link #put} until {@link #endTemplate()}.
     *
     * @param id a template ID (26..51, 62, 64, 80..99).
     * @return this.
     */
    public MpmEncoder beginTemplate(final int id)
    {
        if (templateId >= 0)
        {
            throw new IllegalStateException("template=" + templateId + ": still open, templates do not nest");
        }
        if (id < 0 || id >= ID_COUNT || !isTemplate(id))
        {
            throw new IllegalArgumentException("id=" + id + ": not a template ID");
        }
        templateId = id;
        templateHeaderPosition = position;
        writeHeader(id, 0);
        templateStartCharacters = characters;
        return this;
    }

    /**
     * Close the open template, writing its length.
     *
     * @return this.
     */
    public MpmEncoder endTemplate()
    {
        if (templateId < 0)
        {
            throw new IllegalStateException("no template is open");
        }
        final int templateCharacters = characters - templateStartCharacters;
        if (templateCharacters == 0)
        {
            throw new IllegalStateException("template=" + templateId + ": empty templates are not allowed");
        }
        putTwoDigits(templateHeaderPosition + 2, templateCharacters);
        templateId = -1;
        return this;
    }

    /**
     * Append the CRC data object.
     *
     * @return total payload length in bytes.
     */
    public int finish()
    {
        if (templateId >= 0)
        {
            throw new IllegalStateException("template=" + templateId + ": still open");
        }
        writeHeader(CRC, 4);
        final int crc = Crc16.compute(buffer, offset, position - offset);
        for (int shift = 12, i = 0; i < 4; i++, shift -= 4)
        {
            buffer.putByte(position++, io.hutong.codec.text.Ascii.hexDigit(crc >>> shift));
        }
        characters += 4;
        if (characters > maxCharacters)
        {
            throw new IllegalArgumentException("payload=" + characters + " characters: more than " + maxCharacters);
        }
        return position - offset;
    }

    /**
     * @return bytes written so far.
     */
    public int encodedLength()
    {
        return position - offset;
    }

    private void writeHeader(final int id, final int valueCharacters)
    {
        putTwoDigits(position, id);
        putTwoDigits(position + 2, valueCharacters);
        position += HEADER_LENGTH;
        characters += HEADER_LENGTH;
    }

    private void checkTemplateLength()
    {
        if (templateId >= 0 && characters - templateStartCharacters > MAX_VALUE_LENGTH)
        {
            throw new IllegalArgumentException("template=" + templateId + ": longer than 99 characters");
        }
    }

    private void putTwoDigits(final int index, final int value)
    {
        buffer.putByte(index, (byte)('0' + value / 10));
        buffer.putByte(index + 1, (byte)('0' + value % 10));
    }
}
