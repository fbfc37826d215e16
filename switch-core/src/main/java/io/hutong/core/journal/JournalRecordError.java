package io.hutong.core.journal;

/**
 * Why a journal record's bytes do not form a valid record of a layout this code knows (structure only: the
 * hash chain is checked by {@link ChainVerifier}). Unknown hop, flow, status or reason codes are not errors:
 * a newer writer may add codes, and the decoder reports them as numbers.
 * <p>
 * Immutable; thread-safe.
 */
public enum JournalRecordError
{
    /** The record is well-formed. */
    NONE,
    /** Fewer bytes than the fixed block: a torn or foreign record. */
    TOO_SHORT,
    /** More bytes than the longest record. */
    TOO_LONG,
    /** A layout version this code does not know. */
    UNKNOWN_VERSION,
    /** The length does not equal the fixed block plus the declared detail length. */
    LENGTH_MISMATCH,
    /** A text length byte exceeds its slot's capacity. */
    BAD_TEXT_LENGTH
}
