package io.hutong.core.journal;

import org.agrona.DirectBuffer;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * One reusable Bouncy Castle SM3 digest fed from Agrona buffers without allocating: heap buffers are passed
 * through as their backing array, off-heap ones are copied through a small scratch array.
 * <p>
 * Not thread-safe: one per owning thread.
 */
final class Sm3
{
    static final int DIGEST_LENGTH = 32;

    private final SM3Digest digest = new SM3Digest();
    private final byte[] scratch = new byte[64];

    void update(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] array = buffer.byteArray();
        if (null != array)
        {
            digest.update(array, buffer.wrapAdjustment() + offset, length);
            return;
        }
        int done = 0;
        while (done < length)
        {
            final int chunk = Math.min(scratch.length, length - done);
            buffer.getBytes(offset + done, scratch, 0, chunk);
            digest.update(scratch, 0, chunk);
            done += chunk;
        }
    }

    void update(final byte[] bytes, final int offset, final int length)
    {
        digest.update(bytes, offset, length);
    }

    /**
     * Finish into {@code out} (32 bytes at {@code outOffset}) and reset for the next use.
     */
    void doFinal(final byte[] out, final int outOffset)
    {
        digest.doFinal(out, outOffset);
    }
}
