package io.hutong.codec.card;

/**
 * The result of verifying a merchant code's signature. Immutable; thread-safe.
 *
 * @param status what was found.
 * @param keyId  the key id the code names, or null.
 * @param reason why it is not valid, or null when valid or absent.
 */
public record SignatureCheck(SignatureStatus status, String keyId, String reason)
{
    static SignatureCheck absent()
    {
        return new SignatureCheck(SignatureStatus.ABSENT, null, null);
    }

    static SignatureCheck invalid(final String keyId, final String reason)
    {
        return new SignatureCheck(SignatureStatus.INVALID, keyId, reason);
    }
}
