package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hutong.core.pos.codec.LogonDescriptor.BLOCK_LENGTH;
import static io.hutong.core.pos.codec.LogonDescriptor.MAX_SOFTWARE_VERSION_LENGTH;
import static io.hutong.core.pos.codec.LogonDescriptor.NONCE_OFFSET;
import static io.hutong.core.pos.codec.LogonDescriptor.TIMESTAMP_OFFSET;
import static io.hutong.core.pos.codec.PosFrameDescriptor.NONCE_LENGTH;

/**
 * Encoder of a Logon body ({@link LogonDescriptor}); usually obtained from {@link PosFrameEncoder#logon}.
 * <p>
 * Not thread-safe; allocation free.
 */
public final class LogonEncoder extends PosBodyEncoder
{
    /**
     * Create an encoder; wrap it before use.
     */
    public LogonEncoder()
    {
        super(BLOCK_LENGTH, 1);
    }

    /**
     * Start a body at {@code offset}, zeroing the fixed block.
     *
     * @param buffer to write into.
     * @param offset first byte of the body.
     * @return this.
     */
    public LogonEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        wrapBody(buffer, offset);
        return this;
    }

    /**
     * @param source    holding the nonce.
     * @param srcOffset first of its 16 bytes.
     * @return this.
     */
    public LogonEncoder nonce(final DirectBuffer source, final int srcOffset)
    {
        buffer.putBytes(offset + NONCE_OFFSET, source, srcOffset, NONCE_LENGTH);
        return this;
    }

    /**
     * @param timestampMs terminal time, ms since the epoch.
     * @return this.
     */
    public LogonEncoder timestampMs(final long timestampMs)
    {
        putI64(offset + TIMESTAMP_OFFSET, timestampMs);
        return this;
    }

    /**
     * @param softwareVersion 1..32 printable ASCII.
     * @return this.
     */
    public LogonEncoder softwareVersion(final CharSequence softwareVersion)
    {
        putAsciiVar(0, softwareVersion, MAX_SOFTWARE_VERSION_LENGTH, true, "softwareVersion");
        return this;
    }
}
