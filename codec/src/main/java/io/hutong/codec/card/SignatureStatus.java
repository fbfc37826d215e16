package io.hutong.codec.card;

import java.util.Locale;

/**
 * What verifying a merchant code's signature found. The lowercase names are a wire contract (the
 * {@code signature} field of {@code hutong decode}).
 */
public enum SignatureStatus
{
    /** Signed by a trusted key and unchanged since. */
    VALID,
    /** Carries a signature that does not verify: tampered, unknown key, or malformed signature data. */
    INVALID,
    /** Carries no signature. */
    ABSENT;

    /**
     * @return the wire name: valid, invalid or absent.
     */
    public String wireName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
