package io.hutong.codec.support;

import io.hutong.codec.text.Crc16;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Test helpers for building payload text and buffers.
 */
public final class Payloads
{
    private Payloads()
    {
    }

    /**
     * @param text UTF-8 text.
     * @return a buffer over its bytes.
     */
    public static UnsafeBuffer buffer(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Append "6304" and the correct CRC to a payload body.
     *
     * @param body everything before the CRC data object.
     * @return the complete payload.
     */
    public static String withCrc(final String body)
    {
        final String covered = body + "6304";
        final byte[] bytes = covered.getBytes(StandardCharsets.UTF_8);
        final int crc = Crc16.compute(bytes, 0, bytes.length);
        return covered + String.format("%04X", crc);
    }

    /**
     * Replace the CRC of a complete payload with the correct one (after tampering with its body).
     *
     * @param payload a payload ending in 6304XXXX.
     * @return the payload with a correct CRC.
     */
    public static String fixCrc(final String payload)
    {
        return withCrc(payload.substring(0, payload.length() - 8));
    }

    /**
     * @param id    data object ID.
     * @param value its value.
     * @return ID, length in characters, value.
     */
    public static String tlv(final String id, final String value)
    {
        return id + String.format("%02d", value.codePointCount(0, value.length())) + value;
    }
}
