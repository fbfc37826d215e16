package io.hutong.codec.sign;

import java.security.PublicKey;
import java.util.Objects;

import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * Checks raw {@code r || s} signatures made by a {@link CodeSigner} against one public key.
 * <p>
 * Signatures come from scanned codes, that is from anyone: a malformed, truncated or hostile signature is an
 * expected outcome and makes {@link #verify} return {@code false}, never throw.
 * <p>
 * Thread-safe: immutable, with a fresh Bouncy Castle verifier per call (BC verifiers keep per-message state).
 */
public final class CodeVerifier
{
    private final SignatureAlgorithm algorithm;
    private final String keyId;
    private final PublicKey publicKey;
    private final ECPublicKeyParameters publicParameters;

    /**
     * A verifier under the derived key id {@link KeyIds#of(PublicKey)}.
     *
     * @param algorithm the signatures were made with.
     * @param publicKey EC public key on the algorithm's curve, from any JCA provider.
     * @throws IllegalArgumentException when the key does not fit the algorithm.
     */
    public CodeVerifier(final SignatureAlgorithm algorithm, final PublicKey publicKey)
    {
        this(algorithm, KeyIds.of(publicKey), publicKey);
    }

    /**
     * A verifier under an explicit key id.
     *
     * @param algorithm the signatures were made with.
     * @param keyId     the id codes carry for this key, see {@link KeyIds#isValid(CharSequence)}.
     * @param publicKey EC public key on the algorithm's curve, from any JCA provider.
     * @throws IllegalArgumentException when the key id is invalid or the key does not fit the algorithm.
     */
    public CodeVerifier(final SignatureAlgorithm algorithm, final String keyId, final PublicKey publicKey)
    {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.keyId = KeyIds.requireValid(keyId);
        this.publicParameters = EcKeys.publicParameters(algorithm, publicKey);
        this.publicKey = publicKey;
    }

    /**
     * The algorithm this verifier checks.
     *
     * @return the algorithm.
     */
    public SignatureAlgorithm algorithm()
    {
        return algorithm;
    }

    /**
     * The key id codes carry for this key.
     *
     * @return the key id.
     */
    public String keyId()
    {
        return keyId;
    }

    /**
     * The public key as given to the constructor.
     *
     * @return the public key.
     */
    public PublicKey publicKey()
    {
        return publicKey;
    }

    /**
     * Check a signature over a region of a byte array.
     *
     * @param message   holding the signed bytes.
     * @param offset    of the first signed byte.
     * @param length    number of signed bytes.
     * @param signature raw {@code r || s}; any other length, a zero or out-of-range r or s, or {@code null} is
     *                  simply not valid.
     * @return {@code true} only when the signature is valid for this key and message.
     * @throws IndexOutOfBoundsException when the message region is outside the array (a caller bug, unlike a bad
     *                                   signature).
     */
    public boolean verify(final byte[] message, final int offset, final int length, final byte[] signature)
    {
        Objects.checkFromIndexSize(offset, length, message.length);
        if (null == signature || signature.length != algorithm.signatureLength())
        {
            return false;
        }

        final Signer verifier = algorithm.newSigner();
        verifier.init(false, algorithm.verifyingParameters(publicParameters));
        verifier.update(message, offset, length);
        try
        {
            return verifier.verifySignature(signature);
        }
        catch (final RuntimeException ex)
        {
            // BC already maps bad encodings to false; this guards the contract against a future BC that throws
            // for out-of-range r or s instead. The input is attacker-controlled, so no exception may escape.
            return false;
        }
    }

    /**
     * Describes the verifier.
     *
     * @return algorithm and key id.
     */
    @Override
    public String toString()
    {
        return "CodeVerifier{algorithm=" + algorithm.wireName() + ", keyId=" + keyId + "}";
    }
}
