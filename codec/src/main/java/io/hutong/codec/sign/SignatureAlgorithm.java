package io.hutong.codec.sign;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.SecureRandom;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * Signature algorithms a merchant code may carry. The {@link #wireName()} is a wire contract: it is written into
 * signed codes and configuration, so it never changes once published.
 * <p>
 * Every algorithm here produces the raw fixed-width {@code r || s} form ({@link #signatureLength()} bytes, each
 * half left-padded with zeros), not DER, so a signature has a known size inside an EMV data object.
 * <p>
 * Immutable; safe to share between threads.
 */
public enum SignatureAlgorithm
{
    /**
     * SM2 signature with the SM3 digest on curve sm2p256v1 (GB/T 32918.2, GM/T 0003). The Z value hashes the
     * default user ID {@code "1234567812345678"} (GM/T 0009), Bouncy Castle's default and the usual one in
     * Chinese payment systems. Beware: OpenSSL 3.0 {@code dgst -sm3 -sign} hashes an empty ID unless given
     * {@code -sigopt distid:1234567812345678}; such signatures do not verify here (checked by a test). Nonces are
     * random.
     */
    SM2_SM3("SM2", "sm2p256v1", GMObjectIdentifiers.sm2p256v1),

    /**
     * ECDSA on NIST P-256 (secp256r1) with SHA-256 (FIPS 186-4), JOSE name "ES256". Nonces are deterministic
     * (RFC 6979) so a weak random source can never leak the private key.
     */
    ECDSA_P256_SHA256("ES256", "secp256r1", SECObjectIdentifiers.secp256r1);

    /** User ID hashed into the SM2 Z value when no other is agreed: GM/T 0009-2012 section 10. */
    static final byte[] SM2_DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    /** Width of each of r and s: both curves have a 256-bit order. */
    private static final int COMPONENT_LENGTH = 32;

    private static final SignatureAlgorithm[] VALUES = values();

    private final String wireName;
    private final String curveName;
    private final ECNamedDomainParameters domain;

    SignatureAlgorithm(final String wireName, final String curveName, final ASN1ObjectIdentifier curveOid)
    {
        this.wireName = wireName;
        this.curveName = curveName;
        // CustomNamedCurves gives BC's optimised field arithmetic for both curves; the name keeps encodings
        // (SubjectPublicKeyInfo) in the short named-curve form.
        this.domain = new ECNamedDomainParameters(curveOid, CustomNamedCurves.getByOID(curveOid));
    }

    /**
     * Short name written into signed codes and configuration: {@code "SM2"} or {@code "ES256"}.
     *
     * @return the wire name.
     */
    public String wireName()
    {
        return wireName;
    }

    /**
     * Name of the elliptic curve keys for this algorithm must be on, as Bouncy Castle and OpenSSL spell it.
     *
     * @return {@code "sm2p256v1"} or {@code "secp256r1"}.
     */
    public String curveName()
    {
        return curveName;
    }

    /**
     * Length of a raw {@code r || s} signature.
     *
     * @return the signature length in bytes (64 for both algorithms).
     */
    public int signatureLength()
    {
        return 2 * COMPONENT_LENGTH;
    }

    /**
     * Lookup by ordinal without allocating (unlike {@link #values()}).
     *
     * @param ordinal the ordinal.
     * @return the constant.
     */
    public static SignatureAlgorithm get(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /**
     * Lookup by {@link #wireName()}, case-sensitive, without allocating.
     *
     * @param wireName as read from a code or configuration.
     * @return the algorithm, or {@code null} when the name is unknown (an expected outcome for foreign codes).
     */
    public static SignatureAlgorithm fromWireName(final CharSequence wireName)
    {
        if (null == wireName)
        {
            return null;
        }

        for (final SignatureAlgorithm algorithm : VALUES)
        {
            if (contentEquals(algorithm.wireName, wireName))
            {
                return algorithm;
            }
        }

        return null;
    }

    /**
     * The algorithm whose curve a key is on. Both algorithms use plain "EC" keys, so the curve decides.
     *
     * @param key an EC public or private key with an encoding (PKCS#8 or X.509).
     * @return the algorithm for the key's curve.
     * @throws IllegalArgumentException when the key is not an EC key on sm2p256v1 or secp256r1.
     */
    public static SignatureAlgorithm forKey(final Key key)
    {
        return EcKeys.algorithmOf(key);
    }

    ECNamedDomainParameters domain()
    {
        return domain;
    }

    /**
     * A fresh signer/verifier. Bouncy Castle signers hold per-message state, so one is made per operation: that
     * keeps callers thread-safe at the cost of a small allocation, acceptable off the hot path.
     */
    Signer newSigner()
    {
        switch (this)
        {
            case SM2_SM3:
                return new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());

            case ECDSA_P256_SHA256:
                return new DSADigestSigner(
                    new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
                    new SHA256Digest(),
                    PlainDSAEncoding.INSTANCE);

            default:
                throw new IllegalStateException("algorithm=" + this + ": no signer");
        }
    }

    CipherParameters signingParameters(final ECPrivateKeyParameters privateKey, final SecureRandom random)
    {
        if (SM2_SM3 == this)
        {
            // SM2Signer unwraps the ID first, then the random source.
            return new ParametersWithID(new ParametersWithRandom(privateKey, random), SM2_DEFAULT_USER_ID);
        }

        // RFC 6979 nonces need no randomness.
        return privateKey;
    }

    CipherParameters verifyingParameters(final ECPublicKeyParameters publicKey)
    {
        if (SM2_SM3 == this)
        {
            return new ParametersWithID(publicKey, SM2_DEFAULT_USER_ID);
        }

        return publicKey;
    }

    private static boolean contentEquals(final String expected, final CharSequence actual)
    {
        final int length = expected.length();
        if (actual.length() != length)
        {
            return false;
        }

        for (int i = 0; i < length; i++)
        {
            if (expected.charAt(i) != actual.charAt(i))
            {
                return false;
            }
        }

        return true;
    }
}
