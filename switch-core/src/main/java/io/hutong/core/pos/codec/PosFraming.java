package io.hutong.core.pos.codec;

import org.agrona.DirectBuffer;

import static io.hutong.core.pos.codec.PosFrameDescriptor.BYTE_ORDER;
import static io.hutong.core.pos.codec.PosFrameDescriptor.LENGTH_FIELD_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.MAX_FRAME_LENGTH;
import static io.hutong.core.pos.codec.PosFrameDescriptor.MIN_FRAME_LENGTH;

/**
 * Splitting the TCP byte stream into frames without Netty, the way {@code LengthFieldBasedFrameDecoder} with
 * fail-fast does it: look at the 2-byte prefix as soon as it is there and refuse a frame that can never be valid
 * before any of its bytes arrive. For clients, tools and tests; the switch itself uses Netty with the constants
 * of {@link PosFrameDescriptor}.
 * <pre>
 *   int n = PosFraming.wireLength(buffer, offset, available);
 *   n &gt; 0                  a whole frame: decode buffer[offset + 2, offset + n), then skip n bytes
 *   n == INCOMPLETE        read more bytes
 *   n == TOO_LARGE         prefix &gt; 2048: answer Error TOO_LARGE and close
 *   n == TOO_SMALL         prefix &lt; 60: answer Error MALFORMED and close
 * </pre>
 * Stateless; thread-safe.
 */
public final class PosFraming
{
    /** More bytes are needed before the frame is complete. */
    public static final int INCOMPLETE = 0;
    /** The prefix announces more than {@link PosFrameDescriptor#MAX_FRAME_LENGTH}. */
    public static final int TOO_LARGE = -1;
    /** The prefix announces less than {@link PosFrameDescriptor#MIN_FRAME_LENGTH}. */
    public static final int TOO_SMALL = -2;

    private PosFraming()
    {
    }

    /**
     * Where the next frame ends.
     *
     * @param buffer    holding received bytes.
     * @param offset    first byte of the next frame's length prefix.
     * @param available bytes received from {@code offset} on.
     * @return the frame's length with its prefix when all of it is available, or {@link #INCOMPLETE},
     *     {@link #TOO_LARGE}, {@link #TOO_SMALL}.
     */
    public static int wireLength(final DirectBuffer buffer, final int offset, final int available)
    {
        if (available < LENGTH_FIELD_LENGTH)
        {
            return INCOMPLETE;
        }
        final int frameLength = buffer.getShort(offset, BYTE_ORDER) & 0xFFFF;
        if (frameLength > MAX_FRAME_LENGTH)
        {
            return TOO_LARGE;
        }
        if (frameLength < MIN_FRAME_LENGTH)
        {
            return TOO_SMALL;
        }
        final int wireLength = LENGTH_FIELD_LENGTH + frameLength;
        return available >= wireLength ? wireLength : INCOMPLETE;
    }
}
