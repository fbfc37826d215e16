package io.hutong.codec;

/**
 * Mutable, reusable description of why a decode failed: the {@link CodeError}, the byte offset in the input
 * where the problem was found, the data object concerned and a constant explanation. Recording an error
 * allocates nothing; {@link #message()} builds a string for people on demand.
 * <p>
 * Not thread-safe: each decoder owns one.
 */
public final class DecodeError
{
    /** Value of {@link #fieldId()} and {@link #subFieldId()} when no data object is concerned. */
    public static final int NO_FIELD = -1;

    private CodeError code = CodeError.NONE;
    private int offset;
    private int fieldId = NO_FIELD;
    private int subFieldId = NO_FIELD;
    private String detail = "";
    private boolean berTlvTags;

    /**
     * An error whose field ids are EMV MPM IDs (00..99), printed in decimal.
     */
    public DecodeError()
    {
        this(false);
    }

    /**
     * @param berTlvTags true when field ids are BER-TLV tags (EMV CPM), printed in hexadecimal.
     */
    public DecodeError(final boolean berTlvTags)
    {
        this.berTlvTags = berTlvTags;
    }

    /**
     * Clear to the no-error state.
     */
    public void reset()
    {
        code = CodeError.NONE;
        offset = 0;
        fieldId = NO_FIELD;
        subFieldId = NO_FIELD;
        detail = "";
    }

    /**
     * Record an error.
     *
     * @param code       why.
     * @param offset     byte offset in the input where it was found.
     * @param fieldId    top-level data object id, or {@link #NO_FIELD}.
     * @param subFieldId nested data object id, or {@link #NO_FIELD}.
     * @param detail     constant explanation (must not be built per call).
     * @return {@code code}, for {@code return error.set(...)} chains.
     */
    public CodeError set(
        final CodeError code, final int offset, final int fieldId, final int subFieldId, final String detail)
    {
        this.code = code;
        this.offset = offset;
        this.fieldId = fieldId;
        this.subFieldId = subFieldId;
        this.detail = detail;
        return code;
    }

    /**
     * Copy another error into this one.
     *
     * @param other the error to copy.
     * @return the copied code.
     */
    public CodeError set(final DecodeError other)
    {
        berTlvTags = other.berTlvTags;
        return set(other.code, other.offset, other.fieldId, other.subFieldId, other.detail);
    }

    /**
     * Shift the recorded offset, when the input decoded was a slice of a larger one.
     *
     * @param delta bytes to add.
     */
    public void shiftOffset(final int delta)
    {
        offset += delta;
    }

    /**
     * @return the error, {@link CodeError#NONE} when the decode succeeded.
     */
    public CodeError code()
    {
        return code;
    }

    /**
     * @return byte offset in the input where the problem was found.
     */
    public int offset()
    {
        return offset;
    }

    /**
     * @return top-level data object id (EMV MPM id, or BER-TLV tag for CPM), or {@link #NO_FIELD}.
     */
    public int fieldId()
    {
        return fieldId;
    }

    /**
     * @return nested data object id, or {@link #NO_FIELD}.
     */
    public int subFieldId()
    {
        return subFieldId;
    }

    /**
     * @return the constant explanation recorded with the error.
     */
    public String detail()
    {
        return detail;
    }

    /**
     * A sentence for people: the explanation and the data object it concerns. Allocates; not for the hot path.
     *
     * @return the message, empty when there is no error.
     */
    public String message()
    {
        if (code == CodeError.NONE)
        {
            return "";
        }

        final StringBuilder sb = new StringBuilder(detail);
        if (fieldId != NO_FIELD)
        {
            sb.append(berTlvTags ? " (tag " : " (ID ").append(formatId(fieldId));
            if (subFieldId != NO_FIELD)
            {
                sb.append('.').append(formatId(subFieldId));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /**
     * @return {@code code name at offset: message}.
     */
    public String toString()
    {
        return code + " at " + offset + ": " + message();
    }

    private String formatId(final int id)
    {
        return berTlvTags ? Integer.toHexString(id).toUpperCase(java.util.Locale.ROOT) : twoDigits(id);
    }

    private static String twoDigits(final int id)
    {
        return id < 10 && id >= 0 ? "0" + id : Integer.toString(id);
    }
}
