package io.hutong.codec.card;

/**
 * Where a merchant code's signature travels: two EMV MPM unreserved templates (EMV QRCPS MPM 4.8, IDs
 * 80..99), because a 64-byte signature in base64 does not fit one 99-character template.
 * <pre>
 *   90 LL  00 13 IO.HUTONG.SIG   01 LL key-id (..24)   03 43 base64url(r)
 *   91 LL  00 13 IO.HUTONG.SIG   04 43 base64url(s)
 *   63 04  CRC
 * </pre>
 * The signature (SM2 with SM3 by default, or ECDSA P-256, as the key id's trusted key says) covers the
 * exact bytes of every other data object in payload order, CRC excluded. Templates 90 and 91 must hold the
 * GUI exactly (case included), the base64url must be canonical, and each part must sit at its own ID, so
 * that changing any single character of a signed code makes verification fail. See
 * {@code docs/signed-merchant-codes.md}. Constants only; thread-safe.
 */
public final class SignedCodeDescriptor
{
    /** GUI of both signature templates. */
    public static final String GUI = "IO.HUTONG.SIG";
    /** Template holding the key id and the first half of the signature. */
    public static final int FIRST_TEMPLATE = 90;
    /** Template holding the second half of the signature. */
    public static final int SECOND_TEMPLATE = 91;
    /** Sub-ID of the key id (in {@link #FIRST_TEMPLATE}). */
    public static final int KEY_ID = 1;
    /** Sub-ID of r, base64url without padding (in {@link #FIRST_TEMPLATE}). */
    public static final int SIGNATURE_R = 3;
    /** Sub-ID of s, base64url without padding (in {@link #SECOND_TEMPLATE}). */
    public static final int SIGNATURE_S = 4;
    /** Longest key id that fits the first template. */
    public static final int MAX_KEY_ID_LENGTH = 24;
    /** Bytes in each half of the raw signature. */
    public static final int HALF_LENGTH = 32;

    private SignedCodeDescriptor()
    {
    }
}
