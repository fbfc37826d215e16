package io.hutong.core.pos.codec;

import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HMAC-SM3 (RFC 2104 over GB/T 32905 SM3, 32-byte output) keyed once, then computed and verified over frames any
 * number of times without allocating: Bouncy Castle's {@link HMac} restores its keyed state after each result.
 * Verification compares in constant time, so the time taken says nothing about how many MAC bytes matched.
 * <pre>
 *   init(key)            allocates (key schedule); once per key: at logon, per session key
 *   compute(frame, ...)  HMAC-SM3(key, frame[offset, offset + length)) -&gt; 32 bytes
 *   verify(frame, ...)   compute, then compare all 32 bytes with the frame's MAC, always all of them
 * </pre>
 * Bouncy Castle is used directly (no JCA provider is registered). The key is not kept, only the HMAC state
 * derived from it; {@link #clear()} replaces that with the state of an all-zero key.
 * <p>
 * Not thread-safe: one per connection direction (or per thread).
 */
public final class FrameMac
{
    /** Length of an HMAC-SM3 output. */
    public static final int LENGTH = 32;

    private static final int CHUNK = 256;

    private final HMac hmac = new HMac(new SM3Digest());
    private final byte[] chunk = new byte[CHUNK];
    private final byte[] result = new byte[LENGTH];
    private boolean initialised;

    /**
     * Create an unkeyed MAC; {@link #init} before use.
     */
    public FrameMac()
    {
    }

    /**
     * Key the MAC. Allocates the key schedule; the caller keeps (and should later wipe) its key bytes.
     *
     * @param key    key bytes.
     * @param offset first key byte.
     * @param length key length, at least 1.
     * @return this.
     * @throws IllegalArgumentException when the key region is empty or outside the array.
     */
    public FrameMac init(final byte[] key, final int offset, final int length)
    {
        if (length < 1 || offset < 0 || offset > key.length - length)
        {
            throw new IllegalArgumentException("key offset=" + offset + " length=" + length + ": invalid region");
        }
        final KeyParameter parameter = new KeyParameter(key, offset, length);
        hmac.init(parameter);
        // KeyParameter holds a copy of the key; wipe it rather than leave key bytes for the garbage collector.
        Arrays.fill(parameter.getKey(), (byte)0);
        initialised = true;
        return this;
    }

    /**
     * Forget the key: re-key with zeros and mark uninitialised.
     */
    public void clear()
    {
        final byte[] zero = new byte[LENGTH];
        hmac.init(new KeyParameter(zero));
        Arrays.fill(result, (byte)0);
        Arrays.fill(chunk, (byte)0);
        initialised = false;
    }

    /**
     * @return true once keyed by {@link #init} and not cleared since.
     */
    public boolean isInitialised()
    {
        return initialised;
    }

    /**
     * Compute the MAC of a region into a buffer.
     *
     * @param source    holding the signed bytes.
     * @param offset    first signed byte.
     * @param length    number of signed bytes.
     * @param dst       destination.
     * @param dstOffset where the 32 bytes go.
     */
    public void compute(
        final DirectBuffer source, final int offset, final int length, final MutableDirectBuffer dst, final int dstOffset)
    {
        computeIntoResult(source, offset, length);
        dst.putBytes(dstOffset, result, 0, LENGTH);
    }

    /**
     * Compute the MAC of a region into an array.
     *
     * @param source    holding the signed bytes.
     * @param offset    first signed byte.
     * @param length    number of signed bytes.
     * @param dst       destination.
     * @param dstOffset where the 32 bytes go.
     */
    public void compute(
        final DirectBuffer source, final int offset, final int length, final byte[] dst, final int dstOffset)
    {
        computeIntoResult(source, offset, length);
        System.arraycopy(result, 0, dst, dstOffset, LENGTH);
    }

    /**
     * Verify a MAC in constant time.
     *
     * @param source    holding the signed bytes.
     * @param offset    first signed byte.
     * @param length    number of signed bytes.
     * @param mac       holding the MAC to check.
     * @param macOffset first byte of the 32-byte MAC.
     * @return true when the MAC is the HMAC-SM3 of the region under this key.
     */
    public boolean verify(
        final DirectBuffer source, final int offset, final int length, final DirectBuffer mac, final int macOffset)
    {
        computeIntoResult(source, offset, length);
        int difference = 0;
        for (int i = 0; i < LENGTH; i++)
        {
            difference |= result[i] ^ mac.getByte(macOffset + i);
        }
        return difference == 0;
    }

    private void computeIntoResult(final DirectBuffer source, final int offset, final int length)
    {
        if (!initialised)
        {
            throw new IllegalStateException("FrameMac used before init");
        }
        // Copied through a small array: HMac reads byte[] only, and the frame may live in an off-heap buffer.
        int position = offset;
        int remaining = length;
        while (remaining > 0)
        {
            final int count = Math.min(remaining, CHUNK);
            source.getBytes(position, chunk, 0, count);
            hmac.update(chunk, 0, count);
            position += count;
            remaining -= count;
        }
        hmac.doFinal(result, 0);
    }
}
