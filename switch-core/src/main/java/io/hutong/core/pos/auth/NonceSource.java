package io.hutong.core.pos.auth;

import java.security.SecureRandom;

import io.hutong.core.pos.codec.PosFrameDescriptor;
import org.agrona.MutableDirectBuffer;

/**
 * Where logon nonces come from: 16 unpredictable bytes, never all zero. Injected so tests can fix them.
 * <p>
 * Implementations must be thread-safe; {@link #secureRandom()} is.
 */
@FunctionalInterface
public interface NonceSource
{
    /**
     * Write a fresh nonce.
     *
     * @param buffer destination.
     * @param offset where its {@value PosFrameDescriptor#NONCE_LENGTH} bytes go.
     */
    void nextNonce(MutableDirectBuffer buffer, int offset);

    /**
     * @return nonces from a {@link SecureRandom} (allocates a 16-byte array per nonce: logons only).
     */
    static NonceSource secureRandom()
    {
        final SecureRandom random = new SecureRandom();
        return (buffer, offset) ->
        {
            final byte[] nonce = new byte[PosFrameDescriptor.NONCE_LENGTH];
            boolean zero = true;
            while (zero)
            {
                random.nextBytes(nonce);
                for (final byte b : nonce)
                {
                    zero &= b == 0;
                }
            }
            buffer.putBytes(offset, nonce);
        };
    }
}
