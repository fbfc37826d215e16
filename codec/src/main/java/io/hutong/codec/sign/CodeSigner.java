package io.hutong.codec.sign;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Objects;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * Signs payment-code bytes with one private key, producing the raw fixed-width {@code r || s} form (64 bytes for
 * both algorithms) that fits an EMV data object.
 * <p>
 * Thread-safe: the key material is immutable, and each thread signs with its own Bouncy Castle signer (BC signers
 * keep per-message state), made and initialised with the key on that thread's first signature and reused after.
 * Initialising once is what makes SM2 affordable on the payment path (the GM interface signs every request):
 * Bouncy Castle's {@code SM2Signer} recomputes the public point from the private key at every {@code init}, a scalar
 * multiplication as costly as the signature itself. With a signer made per call an SM2 signature cost twice as much
 * (bench {@code GmSignatureBenchmark}: about 210 us against 110 us of CPU, 210 KB against 109 KB allocated).
 */
public final class CodeSigner
{
    private final SignatureAlgorithm algorithm;
    private final String keyId;
    private final ECPrivateKeyParameters privateKey;
    // SecureRandom is thread-safe; only SM2 draws from it (ECDSA nonces are RFC 6979).
    private final SecureRandom random;
    // Read only after the constructor has set the fields above: the initial value is made on a thread's first sign.
    private final ThreadLocal<Signer> signers = ThreadLocal.withInitial(this::newSigner);

    /**
     * A signer for an explicit key id.
     *
     * @param algorithm  to sign with.
     * @param keyId      written next to the signature so verifiers find the public key, see {@link KeyIds}.
     * @param privateKey an EC private key on the algorithm's curve, from any JCA provider.
     * @throws IllegalArgumentException when the key id is invalid or the key does not fit the algorithm.
     */
    public CodeSigner(final SignatureAlgorithm algorithm, final String keyId, final PrivateKey privateKey)
    {
        this(algorithm, keyId, privateKey, new SecureRandom());
    }

    /**
     * Tests inject a fixed nonce source to reproduce published SM2 known-answer signatures.
     */
    CodeSigner(
        final SignatureAlgorithm algorithm, final String keyId, final PrivateKey privateKey, final SecureRandom random)
    {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.keyId = KeyIds.requireValid(keyId);
        this.privateKey = EcKeys.privateParameters(algorithm, privateKey);
        this.random = random;
    }

    /**
     * A signer for a key pair, with the derived key id {@link KeyIds#of(java.security.PublicKey)}. The halves
     * are checked to belong together, so a mismatched pair is caught here rather than by every verifier.
     *
     * @param algorithm to sign with.
     * @param keyPair   EC key pair on the algorithm's curve.
     * @return the signer.
     * @throws IllegalArgumentException when the keys do not fit the algorithm or do not form a pair.
     */
    public static CodeSigner fromKeyPair(final SignatureAlgorithm algorithm, final KeyPair keyPair)
    {
        if (!KeyPairs.isPair(keyPair.getPrivate(), keyPair.getPublic()))
        {
            throw new IllegalArgumentException("keyPair: public key does not match private key");
        }

        return new CodeSigner(algorithm, KeyIds.of(keyPair.getPublic()), keyPair.getPrivate());
    }

    /**
     * The algorithm this signer uses.
     *
     * @return the algorithm.
     */
    public SignatureAlgorithm algorithm()
    {
        return algorithm;
    }

    /**
     * The key id to carry next to signatures.
     *
     * @return the key id.
     */
    public String keyId()
    {
        return keyId;
    }

    /**
     * Sign a region of a byte array.
     *
     * @param message holding the bytes to sign.
     * @param offset  of the first byte.
     * @param length  number of bytes.
     * @return a new array of {@link SignatureAlgorithm#signatureLength()} bytes: r then s, each big-endian and
     * left-padded with zeros to 32 bytes.
     * @throws IndexOutOfBoundsException when the region is outside the array (a caller bug).
     */
    public byte[] sign(final byte[] message, final int offset, final int length)
    {
        Objects.checkFromIndexSize(offset, length, message.length);

        final Signer signer = signers.get();
        // A clean message state even if an earlier call on this thread stopped half-way; cheap (SM2 re-feeds Z).
        signer.reset();
        signer.update(message, offset, length);
        try
        {
            return signer.generateSignature();
        }
        catch (final CryptoException ex)
        {
            // Only reachable through a broken key, which the constructor has already ruled out.
            throw new IllegalStateException("keyId=" + keyId + ": signing failed", ex);
        }
    }

    private Signer newSigner()
    {
        final Signer signer = algorithm.newSigner();
        signer.init(true, algorithm.signingParameters(privateKey, random));
        return signer;
    }

    /**
     * Describes the signer without any key material.
     *
     * @return algorithm and key id.
     */
    @Override
    public String toString()
    {
        return "CodeSigner{algorithm=" + algorithm.wireName() + ", keyId=" + keyId + "}";
    }
}
