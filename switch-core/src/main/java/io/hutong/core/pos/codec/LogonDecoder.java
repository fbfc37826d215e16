package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hutong.core.pos.codec.LogonDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.LogonDescriptor.MAX_SOFTWARE_VERSION_LENGTH;
import static io.hutong.core.pos.codec.LogonDescriptor.NONCE_OFFSET;
import static io.hutong.core.pos.codec.LogonDescriptor.TIMESTAMP_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.NONCE_LENGTH;

/**
 * Flyweight decoder of a Logon body ({@link LogonDescriptor}). Rules: fixed block present (MALFORMED); nonce not
 * all zero, a sign of a broken random source (INVALID_FIELD); software version 1..32 printable ASCII
 * (INVALID_FIELD); nothing after it (MALFORMED). The timestamp is any value here: the replay window is an
 * authentication rule (io.hutong.core.pos.auth.LogonVerifier).
 * <p>
 * Not thread-safe; allocation free except the {@code String} accessor.
 */
public final class LogonDecoder extends PosBodyDecoder
{
    private static final String NONCE_ZERO = "nonce is all zero";
    private static final String SOFTWARE_VERSION = "softwareVersion must be 1..32 printable ASCII";

    private int softwareVersionOffset;
    private int softwareVersionLength;

    /**
     * Point at a body. Nothing is read until {@link #decode()}.
     *
     * @param buffer holding the body.
     * @param offset first byte of the body.
     * @param length body length.
     * @return this decoder.
     * @throws IllegalArgumentException if the region lies outside the buffer (a caller bug).
     */
    public LogonDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        wrapRegion(buffer, offset, length);
        return this;
    }

    @Override
    public PosReason decode()
    {
        final PosReason block = checkBlock(BLOCK_LENGTH);
        if (block != PosReason.NONE)
        {
            return block;
        }
        if (isAllZero(offset + NONCE_OFFSET, NONCE_LENGTH))
        {
            return fail(PosReason.INVALID_FIELD, offset + NONCE_OFFSET, NONCE_ZERO);
        }
        final int position = offset + BLOCK_LENGTH;
        final int value = varValueOffset(position);
        if (value < 0)
        {
            return PosReason.MALFORMED;
        }
        if (varLength < 1 || varLength > MAX_SOFTWARE_VERSION_LENGTH ||
            !PosText.isPrintable(buffer, value, varLength, true))
        {
            return fail(PosReason.INVALID_FIELD, position, SOFTWARE_VERSION);
        }
        softwareVersionOffset = value;
        softwareVersionLength = varLength;
        return checkEnd(value + varLength);
    }

    /**
     * @return offset in {@link #buffer()} of the 16-byte nonce.
     */
    public int nonceOffset()
    {
        return offset + NONCE_OFFSET;
    }

    /**
     * Copy the nonce out.
     *
     * @param dst       destination.
     * @param dstOffset where to put its 16 bytes.
     */
    public void getNonce(final MutableDirectBuffer dst, final int dstOffset)
    {
        dst.putBytes(dstOffset, buffer, offset + NONCE_OFFSET, NONCE_LENGTH);
    }

    /**
     * @return the terminal's timestamp, ms since the epoch.
     */
    public long timestampMs()
    {
        return i64(offset + TIMESTAMP_OFFSET);
    }

    /**
     * @return offset in {@link #buffer()} of the software version text.
     */
    public int softwareVersionOffset()
    {
        return softwareVersionOffset;
    }

    /**
     * @return length of the software version text.
     */
    public int softwareVersionLength()
    {
        return softwareVersionLength;
    }

    /**
     * @return the software version; allocates, for logs and tests.
     */
    public String softwareVersion()
    {
        return buffer.getStringWithoutLengthAscii(softwareVersionOffset, softwareVersionLength);
    }
}
