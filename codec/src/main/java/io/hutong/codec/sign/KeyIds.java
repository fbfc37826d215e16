package io.hutong.codec.sign;

import java.security.PublicKey;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Key identifiers carried in signed codes so a verifier can pick the signer's public key.
 * <p>
 * A derived id ({@link #of(PublicKey)}) is the first 8 bytes of SM3 over the key's DER SubjectPublicKeyInfo, as 16
 * uppercase hex characters: deterministic, so every party computes the same id from the same public key without
 * coordination. The SubjectPublicKeyInfo is re-encoded canonically (named curve OID, uncompressed point) so the
 * id does not depend on the tool that wrote the key. 64 bits make an accidental collision between a switch's handful
 * of trusted keys negligible; ids are lookup hints, never a security boundary, since the signature is still checked.
 * <p>
 * Operators may also assign their own ids; {@link #isValid(CharSequence)} is the rule both kinds follow.
 * <p>
 * Stateless; thread-safe.
 */
public final class KeyIds
{
    /** Length of a derived key id in characters. */
    public static final int DERIVED_LENGTH = 16;

    /** Longest key id accepted, derived or assigned: keeps ids small inside an EMV data object. */
    public static final int MAX_LENGTH = 32;

    private static final int DERIVED_BYTES = DERIVED_LENGTH / 2;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private KeyIds()
    {
    }

    /**
     * The derived id of a public key.
     *
     * @param publicKey an EC public key on sm2p256v1 or secp256r1.
     * @return 16 uppercase hex characters.
     * @throws IllegalArgumentException when the key is not a supported EC public key.
     */
    public static String of(final PublicKey publicKey)
    {
        final SignatureAlgorithm algorithm = SignatureAlgorithm.forKey(publicKey);
        return ofSubjectPublicKeyInfo(
            EcKeys.canonicalSubjectPublicKeyInfo(EcKeys.publicParameters(algorithm, publicKey)));
    }

    /**
     * The derived id of an already encoded DER SubjectPublicKeyInfo, taken as given (no re-encoding).
     *
     * @param subjectPublicKeyInfo DER bytes.
     * @return 16 uppercase hex characters.
     */
    public static String ofSubjectPublicKeyInfo(final byte[] subjectPublicKeyInfo)
    {
        final SM3Digest digest = new SM3Digest();
        digest.update(subjectPublicKeyInfo, 0, subjectPublicKeyInfo.length);
        final byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);

        final char[] id = new char[DERIVED_LENGTH];
        for (int i = 0; i < DERIVED_BYTES; i++)
        {
            final int b = hash[i] & 0xFF;
            id[2 * i] = HEX[b >>> 4];
            id[2 * i + 1] = HEX[b & 0x0F];
        }

        return new String(id);
    }

    /**
     * Whether text can be a key id: 1 to {@link #MAX_LENGTH} characters from {@code [0-9A-Za-z._-]}. The set keeps
     * ids safe in EMV data objects (ANS characters), file names, logs and {@code name=value} messages.
     *
     * @param keyId candidate id, may be {@code null}.
     * @return {@code true} when valid.
     */
    public static boolean isValid(final CharSequence keyId)
    {
        if (null == keyId || keyId.length() == 0 || keyId.length() > MAX_LENGTH)
        {
            return false;
        }

        for (int i = 0, length = keyId.length(); i < length; i++)
        {
            final char c = keyId.charAt(i);
            final boolean allowed = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                c == '.' || c == '_' || c == '-';
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    static String requireValid(final String keyId)
    {
        if (!isValid(keyId))
        {
            throw new IllegalArgumentException("keyId=" + keyId + ": must be 1-" + MAX_LENGTH + " of [0-9A-Za-z._-]");
        }

        return keyId;
    }
}
