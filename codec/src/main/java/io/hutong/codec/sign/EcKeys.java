package io.hutong.codec.sign;

import java.io.IOException;
import java.math.BigInteger;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Conversions from JCA keys to Bouncy Castle lightweight parameters, bound to a {@link SignatureAlgorithm}'s own
 * domain parameters. Going through the standard encodings (PKCS#8, X.509) rather than provider-specific interfaces
 * makes keys from any provider work, BC or the JDK's SunEC alike.
 * <p>
 * Stateless; thread-safe.
 */
final class EcKeys
{
    private EcKeys()
    {
    }

    static SignatureAlgorithm algorithmOf(final Key key)
    {
        final ECKeyParameters parameters = parse(key);
        final SignatureAlgorithm algorithm = matchDomain(parameters.getParameters());
        if (null == algorithm)
        {
            throw new IllegalArgumentException("not an EC key on sm2p256v1 or secp256r1 (other curve)");
        }

        return algorithm;
    }

    static ECPrivateKeyParameters privateParameters(final SignatureAlgorithm algorithm, final PrivateKey key)
    {
        final ECKeyParameters parameters = parse(key);
        if (!(parameters instanceof ECPrivateKeyParameters))
        {
            throw new IllegalArgumentException("not an EC private key");
        }
        requireDomain(algorithm, parameters.getParameters());

        // Rebinding to the algorithm's domain also range-checks the scalar (1 <= d < n).
        return new ECPrivateKeyParameters(((ECPrivateKeyParameters)parameters).getD(), algorithm.domain());
    }

    static ECPublicKeyParameters publicParameters(final SignatureAlgorithm algorithm, final PublicKey key)
    {
        final ECKeyParameters parameters = parse(key);
        if (!(parameters instanceof ECPublicKeyParameters))
        {
            throw new IllegalArgumentException("not an EC public key");
        }
        requireDomain(algorithm, parameters.getParameters());

        final ECDomainParameters domain = algorithm.domain();
        // validatePublicPoint imports the point onto the domain's curve and rejects infinity and off-curve points.
        final ECPoint q = domain.validatePublicPoint(((ECPublicKeyParameters)parameters).getQ());
        return new ECPublicKeyParameters(q, domain);
    }

    static boolean isPair(final ECPrivateKeyParameters privateKey, final ECPublicKeyParameters publicKey)
    {
        final ECDomainParameters domain = privateKey.getParameters();
        final ECPoint derived = new FixedPointCombMultiplier().multiply(domain.getG(), privateKey.getD()).normalize();

        return derived.equals(publicKey.getQ().normalize());
    }

    /**
     * The DER SubjectPublicKeyInfo with the named-curve OID and an uncompressed point, whatever the key's own
     * encoding used, so a key id does not depend on which tool wrote the key.
     */
    static byte[] canonicalSubjectPublicKeyInfo(final ECPublicKeyParameters publicKey)
    {
        try
        {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded(ASN1Encoding.DER);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("publicKey: cannot encode SubjectPublicKeyInfo", ex);
        }
    }

    private static ECKeyParameters parse(final Key key)
    {
        if (null == key)
        {
            throw new IllegalArgumentException("key is null");
        }

        final byte[] encoded = key.getEncoded();
        if (null == encoded)
        {
            throw new IllegalArgumentException(
                "key has no encoding (algorithm " + key.getAlgorithm() + "): hardware-held keys are not supported");
        }

        final boolean isPrivate = key instanceof PrivateKey;
        if (!isPrivate && !(key instanceof PublicKey))
        {
            throw new IllegalArgumentException("not an asymmetric key (algorithm " + key.getAlgorithm() + ")");
        }

        final AsymmetricKeyParameter parameters;
        try
        {
            parameters = isPrivate ? PrivateKeyFactory.createKey(encoded) : PublicKeyFactory.createKey(encoded);
        }
        catch (final IOException | RuntimeException ex)
        {
            // The factories throw a mix of IOException and unchecked ASN.1 errors for keys they cannot read.
            throw new IllegalArgumentException(
                "not an EC key on sm2p256v1 or secp256r1 (algorithm " + key.getAlgorithm() + ")", ex);
        }

        if (!(parameters instanceof ECKeyParameters))
        {
            throw new IllegalArgumentException(
                "not an EC key on sm2p256v1 or secp256r1 (algorithm " + key.getAlgorithm() + ")");
        }

        return (ECKeyParameters)parameters;
    }

    private static void requireDomain(final SignatureAlgorithm algorithm, final ECDomainParameters domain)
    {
        if (matchDomain(domain) != algorithm)
        {
            throw new IllegalArgumentException("key is not on curve " + algorithm.curveName() +
                " required by " + algorithm.wireName());
        }
    }

    /**
     * Compare by value (order, generator, curve coefficients) rather than by OID: keys written with explicit
     * curve parameters instead of a name are still recognised.
     */
    private static SignatureAlgorithm matchDomain(final ECDomainParameters domain)
    {
        final BigInteger n = domain.getN();
        final byte[] g = domain.getG().getEncoded(false);
        for (final SignatureAlgorithm algorithm : SignatureAlgorithm.values())
        {
            final ECDomainParameters candidate = algorithm.domain();
            if (candidate.getN().equals(n) &&
                candidate.getCurve().equals(domain.getCurve()) &&
                Arrays.equals(candidate.getG().getEncoded(false), g))
            {
                return algorithm;
            }
        }

        return null;
    }
}
