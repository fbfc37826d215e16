package io.hutong.codec;

/**
 * Why a scanned payment code was refused. The names are a wire contract: they appear as the {@code error}
 * field of {@code hutong decode} and as reason codes in the switch's replies.
 * <p>
 * Immutable; safe to share between threads.
 */
public enum CodeError
{
    /** The code decoded cleanly. Never reported as an error. */
    NONE,
    /** EMV MPM: the CRC in ID 63 does not match CRC-16/CCITT-FALSE over the payload. */
    CRC_MISMATCH,
    /** The structure is broken: truncated, bad length digits, bad TLV, bad base64, bad UTF-8. */
    MALFORMED,
    /** A mandatory data object is absent. */
    MISSING_FIELD,
    /** A data object is present but its value breaks the format rules (length, charset, allowed values). */
    INVALID_FIELD,
    /** A data object identifier appears twice at the same level. */
    DUPLICATE_FIELD,
    /** The code is well formed but no participant's rules claim it (numeric and URL codes). */
    UNKNOWN_ISSUER,
    /** The text is not any payment-code format Hutong knows. */
    UNSUPPORTED_FORMAT,
    /** The code is longer than its format allows. */
    TOO_LONG;

    private static final CodeError[] VALUES = values();

    /**
     * Lookup by ordinal without allocating (unlike {@link #values()}).
     *
     * @param ordinal the ordinal.
     * @return the constant.
     */
    public static CodeError get(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
