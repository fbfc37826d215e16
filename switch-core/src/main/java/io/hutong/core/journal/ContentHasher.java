package io.hutong.core.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The request content hash journaled with every payment: the first {@value #LENGTH} bytes of SM3 over the
 * request's canonical content (the engine defines the canonical form, e.g. amount, code, merchant and
 * terminal fields in a fixed order). Idempotency compares these: same key and same hash is a repeat, same key
 * and a different hash is MODIFIED_REQUEST.
 * <p>
 * Not thread-safe (it reuses one SM3 digest): one per thread. Allocates nothing.
 */
public final class ContentHasher
{
    /** Bytes of the content hash kept in the journal. */
    public static final int LENGTH = JournalRecordDescriptor.CONTENT_HASH_LENGTH;

    private final Sm3 sm3 = new Sm3();
    private final byte[] digestOut = new byte[Sm3.DIGEST_LENGTH];

    /**
     * Hash canonical content held in a buffer.
     *
     * @param content   the canonical content.
     * @param offset    first byte.
     * @param length    bytes.
     * @param dst       where the {@value #LENGTH}-byte hash goes.
     * @param dstOffset first byte to write.
     */
    public void hash(
        final DirectBuffer content, final int offset, final int length, final MutableDirectBuffer dst, final int dstOffset)
    {
        sm3.update(content, offset, length);
        sm3.doFinal(digestOut, 0);
        dst.putBytes(dstOffset, digestOut, 0, LENGTH);
    }

    /**
     * Hash canonical content held in an array.
     *
     * @param content   the canonical content.
     * @param offset    first byte.
     * @param length    bytes.
     * @param dst       where the {@value #LENGTH}-byte hash goes.
     * @param dstOffset first byte to write.
     */
    public void hash(
        final byte[] content, final int offset, final int length, final MutableDirectBuffer dst, final int dstOffset)
    {
        sm3.update(content, offset, length);
        sm3.doFinal(digestOut, 0);
        dst.putBytes(dstOffset, digestOut, 0, LENGTH);
    }
}
