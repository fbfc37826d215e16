package io.hutong.codec.emv.mpm;

import io.hutong.codec.CodeError;
import io.hutong.codec.DecodeError;
import io.hutong.codec.text.Ascii;
import io.hutong.codec.text.Utf8;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hutong.codec.emv.mpm.MpmDescriptor.*;

/**
 * Flyweight decoder of an EMVCo merchant-presented payload (MPM v1.1) held in a {@link DirectBuffer}.
 * {@link #wrap} points it at the bytes; {@link #decode()} walks every data object once, indexes the top
 * level, checks the CRC and then every format rule ({@link MpmRules}); the accessors then read values in
 * place. Nothing is copied or allocated on that path; {@code String} accessors exist for the CLI and tests.
 * <p>
 * Offsets reported in {@link #error()} are absolute offsets in the wrapped buffer.
 * <p>
 * Not thread-safe: one instance per thread, reused across payloads.
 */
public final class MpmDecoder
{
    /** Returned by {@link #valueOffset(int)} for an absent data object. */
    public static final int ABSENT = -1;

    private final int[] valueOffset = new int[ID_COUNT];
    private final int[] valueLength = new int[ID_COUNT];
    private final int[] valueCharacters = new int[ID_COUNT];
    private final int[] idsInOrder = new int[ID_COUNT];
    private final DecodeError error = new DecodeError();
    private final MpmTemplateCursor subFieldCursor = new MpmTemplateCursor();
    private long presentLow;
    private long presentHigh;
    private int idCount;
    private int characters;
    private int relaxations;
    private int firstControl;
    private DirectBuffer buffer;
    private int offset;
    private int length;
    private boolean decoded;

    /**
     * Point at a payload. Nothing is read until {@link #decode()}.
     *
     * @param buffer holding the payload as UTF-8.
     * @param offset of the first byte.
     * @param length number of bytes.
     * @return this.
     */
    public MpmDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.presentLow = 0;
        this.presentHigh = 0;
        this.idCount = 0;
        this.characters = 0;
        this.relaxations = 0;
        this.firstControl = ABSENT;
        this.decoded = false;
        error.reset();
        return this;
    }

    /**
     * Parse and validate the wrapped payload.
     *
     * @return {@link CodeError#NONE} when the payload is valid, else the reason (details in {@link #error()}).
     */
    public CodeError decode()
    {
        final CodeError structure = index();
        if (structure != CodeError.NONE)
        {
            return structure;
        }

        final CodeError crc = MpmCrc.check(buffer, offset, valueOffset[CRC], valueLength[CRC], error);
        if (crc != CodeError.NONE)
        {
            return crc;
        }

        relaxations = MpmProfiles.relaxations(this, subFieldCursor);
        if (characters > MAX_PAYLOAD_CHARACTERS && (relaxations & MpmProfiles.EXTENDED_LENGTH) == 0)
        {
            return error.set(CodeError.TOO_LONG, offset, DecodeError.NO_FIELD, DecodeError.NO_FIELD,
                "payload longer than 512 characters");
        }

        final CodeError rules = MpmRules.validate(this, subFieldCursor, error);
        decoded = rules == CodeError.NONE;
        return rules;
    }

    /**
     * @return details of the last failure.
     */
    public DecodeError error()
    {
        return error;
    }

    /**
     * @return true when the last {@link #decode()} succeeded.
     */
    public boolean isValid()
    {
        return decoded;
    }

    /**
     * @return payload length in characters (valid once the top level is indexed).
     */
    public int characters()
    {
        return characters;
    }

    /**
     * @return the {@link MpmProfiles} relaxations the payload is entitled to (valid after the CRC check).
     */
    public int relaxations()
    {
        return relaxations;
    }

    /**
     * @return offset of the first control character (C0, DEL or C1) in any value, or {@link #ABSENT}; found
     * while indexing so the rules need not read the payload again.
     */
    public int firstControlCharacter()
    {
        return firstControl;
    }

    /**
     * @return the wrapped buffer.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return offset of the payload in the buffer.
     */
    public int offset()
    {
        return offset;
    }

    /**
     * @return payload length in bytes.
     */
    public int length()
    {
        return length;
    }

    /**
     * @param id a top-level ID (00..99).
     * @return true if the payload holds it.
     */
    public boolean isPresent(final int id)
    {
        return id < 64 ? (presentLow & (1L << id)) != 0 : (presentHigh & (1L << (id - 64))) != 0;
    }

    /**
     * @return number of top-level data objects.
     */
    public int idCount()
    {
        return idCount;
    }

    /**
     * @param index 0..{@link #idCount()}-1.
     * @return the ID of the index-th data object in payload order.
     */
    public int idAt(final int index)
    {
        return idsInOrder[index];
    }

    /**
     * @param id a top-level ID.
     * @return offset of its value in the buffer, or {@link #ABSENT}.
     */
    public int valueOffset(final int id)
    {
        return isPresent(id) ? valueOffset[id] : ABSENT;
    }

    /**
     * @param id a top-level ID.
     * @return length in bytes of its value, 0 when absent.
     */
    public int valueLength(final int id)
    {
        return isPresent(id) ? valueLength[id] : 0;
    }

    /**
     * @param id a top-level ID.
     * @return length in characters of its value (the declared length), 0 when absent.
     */
    public int valueCharacters(final int id)
    {
        return isPresent(id) ? valueCharacters[id] : 0;
    }

    /**
     * @param id a top-level ID.
     * @return the value as a string, or null when absent. Allocates: not for the hot path.
     */
    public String value(final int id)
    {
        return isPresent(id) ? buffer.getStringWithoutLengthUtf8(valueOffset[id], valueLength[id]) : null;
    }

    /**
     * Copy a value out.
     *
     * @param id     a top-level ID.
     * @param dst    destination.
     * @param dstOff where to write.
     * @return bytes written, 0 when absent.
     */
    public int getValue(final int id, final MutableDirectBuffer dst, final int dstOff)
    {
        if (!isPresent(id))
        {
            return 0;
        }
        dst.putBytes(dstOff, buffer, valueOffset[id], valueLength[id]);
        return valueLength[id];
    }

    /**
     * Find a data object inside a template (26..51, 62, 64, 80..99) of a decoded payload.
     *
     * @param templateId the template's top-level ID.
     * @param subId      the nested ID.
     * @param cursor     receives the position of the nested value when found.
     * @return true if found.
     */
    public boolean findSubField(final int templateId, final int subId, final MpmTemplateCursor cursor)
    {
        if (!isPresent(templateId) || !isTemplate(templateId))
        {
            return false;
        }
        cursor.wrap(buffer, valueOffset[templateId], valueLength[templateId]);
        while (cursor.next())
        {
            if (cursor.id() == subId)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param templateId the template's top-level ID.
     * @param subId      the nested ID.
     * @return the nested value as a string or null. Allocates: not for the hot path.
     */
    public String subValue(final int templateId, final int subId)
    {
        final MpmTemplateCursor cursor = new MpmTemplateCursor();
        return findSubField(templateId, subId, cursor) ? cursor.value() : null;
    }

    /**
     * @return the merchant category code, or -1 when absent.
     */
    public int merchantCategoryCode()
    {
        return parseDigits(MERCHANT_CATEGORY_CODE);
    }

    /**
     * @return the ISO 4217 numeric currency code, or -1 when absent.
     */
    public int transactionCurrency()
    {
        return parseDigits(TRANSACTION_CURRENCY);
    }

    /**
     * @return true for a dynamic code (ID 01 = "12"); false for static or absent.
     */
    public boolean isDynamic()
    {
        return isPresent(POINT_OF_INITIATION) && buffer.getByte(valueOffset[POINT_OF_INITIATION] + 1) == '2';
    }

    /**
     * The amount in minor units for a currency with the given exponent ("12.5" with exponent 2 is 1250).
     *
     * @param exponent digits after the decimal mark in the currency (2 for CNY).
     * @return the amount, -1 when absent, -2 when it has more decimals than the currency allows.
     */
    public long transactionAmountMinor(final int exponent)
    {
        if (!isPresent(TRANSACTION_AMOUNT))
        {
            return -1;
        }
        return MpmAmounts.minorUnits(
            buffer, valueOffset[TRANSACTION_AMOUNT], valueLength[TRANSACTION_AMOUNT], exponent);
    }

    /**
     * @return the merchant name (ID 59), or null. Allocates.
     */
    public String merchantName()
    {
        return value(MERCHANT_NAME);
    }

    /**
     * @return the merchant city (ID 60), or null. Allocates.
     */
    public String merchantCity()
    {
        return value(MERCHANT_CITY);
    }

    /**
     * @return the country code (ID 58), or null. Allocates.
     */
    public String countryCode()
    {
        return value(COUNTRY_CODE);
    }

    /**
     * @return the transaction amount text (ID 54), or null. Allocates.
     */
    public String transactionAmount()
    {
        return value(TRANSACTION_AMOUNT);
    }

    /**
     * @return the postal code (ID 61), or null. Allocates.
     */
    public String postalCode()
    {
        return value(POSTAL_CODE);
    }

    private int parseDigits(final int id)
    {
        if (!isPresent(id))
        {
            return -1;
        }
        int value = 0;
        for (int i = valueOffset[id], end = i + valueLength[id]; i < end; i++)
        {
            value = value * 10 + (buffer.getByte(i) - '0');
        }
        return value;
    }

    private CodeError index()
    {
        if (length == 0)
        {
            return error.set(CodeError.MALFORMED, offset, DecodeError.NO_FIELD, DecodeError.NO_FIELD, "empty payload");
        }
        if (length > MAX_PAYLOAD_BYTES)
        {
            return error.set(CodeError.TOO_LONG, offset, DecodeError.NO_FIELD, DecodeError.NO_FIELD,
                "payload longer than a QR code can hold");
        }

        final int end = offset + length;
        int position = offset;
        while (position < end)
        {
            if (end - position < HEADER_LENGTH)
            {
                return error.set(CodeError.MALFORMED, position, DecodeError.NO_FIELD, DecodeError.NO_FIELD,
                    "truncated data object: fewer than 4 characters for ID and length");
            }
            final int id = Ascii.parseTwoDigits(buffer, position);
            if (id < 0)
            {
                return error.set(CodeError.MALFORMED, position, DecodeError.NO_FIELD, DecodeError.NO_FIELD,
                    "data object ID is not two digits");
            }
            final int declared = Ascii.parseTwoDigits(buffer, position + 2);
            if (declared <= 0)
            {
                return error.set(CodeError.MALFORMED, position + 2, id, DecodeError.NO_FIELD,
                    "data object length is not 01..99");
            }
            if (idCount == 0 && id != PAYLOAD_FORMAT_INDICATOR)
            {
                return error.set(CodeError.MISSING_FIELD, position, PAYLOAD_FORMAT_INDICATOR, DecodeError.NO_FIELD,
                    "payload must start with the payload format indicator (ID 00)");
            }
            final int valueStart = position + HEADER_LENGTH;
            final int valueEnd = skipValue(valueStart, end, declared);
            if (valueEnd == Utf8.TRUNCATED)
            {
                return error.set(CodeError.MALFORMED, position, id, DecodeError.NO_FIELD,
                    "value runs past the end of the payload");
            }
            if (valueEnd == Utf8.INVALID)
            {
                return error.set(CodeError.MALFORMED, valueStart, id, DecodeError.NO_FIELD, "value is not valid UTF-8");
            }
            characters += HEADER_LENGTH + declared;
            if (isPresent(id))
            {
                return error.set(CodeError.DUPLICATE_FIELD, position, id, DecodeError.NO_FIELD,
                    "data object appears twice");
            }
            markPresent(id, valueStart, valueEnd - valueStart, declared);
            if (id == CRC && valueEnd != end)
            {
                return error.set(CodeError.INVALID_FIELD, valueEnd, id, DecodeError.NO_FIELD,
                    "CRC must be the last data object");
            }
            position = valueEnd;
        }

        if (!isPresent(CRC))
        {
            return error.set(CodeError.MISSING_FIELD, end, CRC, DecodeError.NO_FIELD, "CRC (ID 63) missing");
        }
        return CodeError.NONE;
    }

    /**
     * Step over a value of {@code declared} characters, noting the first control character on the way. ASCII,
     * by far the common case, takes one byte read per character.
     */
    private int skipValue(final int valueStart, final int end, final int declared)
    {
        int position = valueStart;
        for (int i = 0; i < declared; i++)
        {
            if (position >= end)
            {
                return Utf8.TRUNCATED;
            }
            final int b = buffer.getByte(position) & 0xFF;
            if (b < 0x80)
            {
                if ((b < 0x20 || b == 0x7F) && firstControl == ABSENT)
                {
                    firstControl = position;
                }
                position++;
                continue;
            }
            final int sequence = Utf8.sequenceLength(buffer, position, end);
            if (sequence < 0)
            {
                return sequence;
            }
            // C1 controls U+0080..U+009F are C2 80..C2 9F.
            if (b == 0xC2 && (buffer.getByte(position + 1) & 0xFF) <= 0x9F && firstControl == ABSENT)
            {
                firstControl = position;
            }
            position += sequence;
        }
        return position;
    }

    private void markPresent(final int id, final int valueStart, final int valueBytes, final int characters)
    {
        valueCharacters[id] = characters;
        if (id < 64)
        {
            presentLow |= 1L << id;
        }
        else
        {
            presentHigh |= 1L << (id - 64);
        }
        valueOffset[id] = valueStart;
        valueLength[id] = valueBytes;
        idsInOrder[idCount++] = id;
    }
}
