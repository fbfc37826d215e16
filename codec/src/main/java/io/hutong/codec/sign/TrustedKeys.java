package io.hutong.codec.sign;

import java.security.PublicKey;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public keys a verifier accepts, by the key id a signed code carries: key id to (public key, algorithm),
 * held as ready-made {@link CodeVerifier}s. Several entries let a switch accept codes from a retiring and a new
 * key during rotation, or from several issuers.
 * <p>
 * Immutable once built; safe to share between threads. {@link Builder} is not thread-safe.
 */
public final class TrustedKeys
{
    private static final TrustedKeys EMPTY = new TrustedKeys(Map.of());

    private final Map<String, CodeVerifier> verifiers;
    private final Set<String> keyIds;

    private TrustedKeys(final Map<String, CodeVerifier> verifiers)
    {
        this.verifiers = verifiers;
        this.keyIds = Collections.unmodifiableSortedSet(new TreeSet<>(verifiers.keySet()));
    }

    /**
     * No trusted keys: every lookup misses, every verification fails.
     *
     * @return the empty set.
     */
    public static TrustedKeys empty()
    {
        return EMPTY;
    }

    /**
     * Trust exactly the given verifiers' keys, each under its own key id.
     *
     * @param verifiers to trust.
     * @return the trusted keys.
     * @throws IllegalArgumentException when two verifiers share a key id.
     */
    public static TrustedKeys of(final CodeVerifier... verifiers)
    {
        final Builder builder = builder();
        for (final CodeVerifier verifier : verifiers)
        {
            builder.add(verifier);
        }

        return builder.build();
    }

    /**
     * Start collecting trusted keys.
     *
     * @return a new, empty builder.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * The verifier for a key id.
     *
     * @param keyId as carried in a code.
     * @return the verifier, or {@code null} when the key is not trusted (an expected outcome for foreign codes).
     */
    public CodeVerifier verifier(final String keyId)
    {
        return null == keyId ? null : verifiers.get(keyId);
    }

    /**
     * Whether a key id is trusted.
     *
     * @param keyId as carried in a code.
     * @return {@code true} when a key is registered under the id.
     */
    public boolean contains(final String keyId)
    {
        return null != verifier(keyId);
    }

    /**
     * The public key registered under a key id.
     *
     * @param keyId as carried in a code.
     * @return the key, or {@code null} when not trusted.
     */
    public PublicKey publicKey(final String keyId)
    {
        final CodeVerifier verifier = verifier(keyId);
        return null == verifier ? null : verifier.publicKey();
    }

    /**
     * The algorithm registered for a key id.
     *
     * @param keyId as carried in a code.
     * @return the algorithm, or {@code null} when not trusted.
     */
    public SignatureAlgorithm algorithm(final String keyId)
    {
        final CodeVerifier verifier = verifier(keyId);
        return null == verifier ? null : verifier.algorithm();
    }

    /**
     * Check a signature with the key registered under a key id.
     *
     * @param keyId     as carried in the code.
     * @param message   holding the signed bytes.
     * @param offset    of the first signed byte.
     * @param length    number of signed bytes.
     * @param signature raw {@code r || s}.
     * @return {@code true} only when the key id is trusted and the signature is valid; never throws for an unknown
     * id or a malformed signature.
     * @throws IndexOutOfBoundsException when the message region is outside the array (a caller bug).
     * @see CodeVerifier#verify(byte[], int, int, byte[])
     */
    public boolean verify(
        final String keyId, final byte[] message, final int offset, final int length, final byte[] signature)
    {
        final CodeVerifier verifier = verifier(keyId);
        return null != verifier && verifier.verify(message, offset, length, signature);
    }

    /**
     * The trusted key ids, sorted, for listings and logs.
     *
     * @return an unmodifiable sorted set.
     */
    public Set<String> keyIds()
    {
        return keyIds;
    }

    /**
     * How many keys are trusted.
     *
     * @return the number of entries.
     */
    public int size()
    {
        return verifiers.size();
    }

    /**
     * Lists key ids and algorithms, never key material.
     *
     * @return a description.
     */
    @Override
    public String toString()
    {
        final StringBuilder builder = new StringBuilder("TrustedKeys{");
        String separator = "";
        for (final String keyId : keyIds)
        {
            builder.append(separator).append(keyId).append('=').append(verifiers.get(keyId).algorithm().wireName());
            separator = ", ";
        }

        return builder.append('}').toString();
    }

    /**
     * Collects trusted keys; rejects a second key under an id already taken, since silently replacing a trusted
     * key would hide a configuration mistake.
     * <p>
     * Not thread-safe: build on one thread, then share the {@link TrustedKeys}.
     */
    public static final class Builder
    {
        private final Map<String, CodeVerifier> verifiers = new HashMap<>();

        private Builder()
        {
        }

        /**
         * Trust a public key under its derived id {@link KeyIds#of(PublicKey)}.
         *
         * @param algorithm the key signs with.
         * @param publicKey EC public key on the algorithm's curve.
         * @return this builder.
         * @throws IllegalArgumentException when the key does not fit or its id is taken.
         */
        public Builder add(final SignatureAlgorithm algorithm, final PublicKey publicKey)
        {
            return add(new CodeVerifier(algorithm, publicKey));
        }

        /**
         * Trust a public key under an explicit id.
         *
         * @param keyId     the id codes carry for this key.
         * @param algorithm the key signs with.
         * @param publicKey EC public key on the algorithm's curve.
         * @return this builder.
         * @throws IllegalArgumentException when the id is invalid or taken, or the key does not fit.
         */
        public Builder add(final String keyId, final SignatureAlgorithm algorithm, final PublicKey publicKey)
        {
            return add(new CodeVerifier(algorithm, keyId, publicKey));
        }

        /**
         * Trust a verifier's key under its key id.
         *
         * @param verifier to add.
         * @return this builder.
         * @throws IllegalArgumentException when its key id is taken.
         */
        public Builder add(final CodeVerifier verifier)
        {
            final CodeVerifier previous = verifiers.putIfAbsent(verifier.keyId(), verifier);
            if (null != previous)
            {
                throw new IllegalArgumentException("trustedKeys.keyId=" + verifier.keyId() + ": duplicate key id");
            }

            return this;
        }

        /**
         * Freeze the collected keys. The builder may be reused; later additions do not affect the result.
         *
         * @return the immutable trusted keys.
         */
        public TrustedKeys build()
        {
            return verifiers.isEmpty() ? EMPTY : new TrustedKeys(Map.copyOf(verifiers));
        }
    }
}
