package io.hutong.codec.emv.mpm;

import io.hutong.codec.text.Crc16;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.hutong.codec.support.Payloads.tlv;
import static io.hutong.codec.support.Payloads.withCrc;

/**
 * Building blocks for hand-made MPM payloads in tests: a minimal valid payload (UnionPay primitive merchant
 * account in ID 15) whose data objects can be replaced, removed or repeated, and byte-offset arithmetic for
 * asserting where the decoder reports an error.
 */
final class MpmTestPayloads
{
    static final String FORMAT = tlv("00", "01");
    static final String STATIC = tlv("01", "11");
    static final String UNIONPAY = tlv("15", "6221000012345678");
    static final String MCC = tlv("52", "5812");
    static final String CURRENCY = tlv("53", "156");
    static final String COUNTRY = tlv("58", "CN");
    static final String NAME = tlv("59", "HUTONG NOODLES");
    static final String CITY = tlv("60", "SHANGHAI");

    private MpmTestPayloads()
    {
    }

    /**
     * @return a builder holding 00, 01, 15, 52, 53, 58, 59, 60 in that order (CRC added by {@link Builder#build()}).
     */
    static Builder standard()
    {
        return new Builder(List.of(FORMAT, STATIC, UNIONPAY, MCC, CURRENCY, COUNTRY, NAME, CITY));
    }

    /**
     * @param id       template ID.
     * @param children nested data objects, already as text.
     * @return the template as text.
     */
    static String template(final String id, final String... children)
    {
        return tlv(id, String.join("", children));
    }

    /**
     * @param text some text.
     * @return its length in UTF-8 bytes.
     */
    static int byteLength(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * @param payload  the payload text.
     * @param fragment text that occurs in it exactly once.
     * @return the UTF-8 byte offset of the fragment.
     */
    static int byteOffset(final String payload, final String fragment)
    {
        final int index = payload.indexOf(fragment);
        if (index < 0 || payload.indexOf(fragment, index + 1) >= 0)
        {
            throw new IllegalArgumentException("fragment=" + fragment + ": must occur exactly once in " + payload);
        }
        return byteLength(payload.substring(0, index));
    }

    /**
     * @param payload  the payload text.
     * @param fragment text that occurs in it at least twice.
     * @return the UTF-8 byte offset of its second occurrence.
     */
    static int secondByteOffset(final String payload, final String fragment)
    {
        final int second = payload.indexOf(fragment, payload.indexOf(fragment) + 1);
        if (second < 0)
        {
            throw new IllegalArgumentException("fragment=" + fragment + ": does not occur twice in " + payload);
        }
        return byteLength(payload.substring(0, second));
    }

    /**
     * Concatenate text and raw bytes, then append "6304" and the CRC over the bytes: payloads that a Java
     * string cannot hold (invalid UTF-8).
     *
     * @param parts {@code String} (written as UTF-8) or {@code byte[]} (written as is).
     * @return the complete payload bytes.
     */
    static byte[] bytesWithCrc(final Object... parts)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final Object part : parts)
        {
            final byte[] bytes = part instanceof byte[] ? (byte[])part : ((String)part).getBytes(StandardCharsets.UTF_8);
            out.writeBytes(bytes);
        }
        out.writeBytes("6304".getBytes(StandardCharsets.US_ASCII));
        final byte[] covered = out.toByteArray();
        final int crc = Crc16.compute(covered, 0, covered.length);
        out.writeBytes(String.format("%04X", crc).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * A payload being assembled from data objects as text.
     */
    static final class Builder
    {
        private final List<String> objects;

        private Builder(final List<String> objects)
        {
            this.objects = new ArrayList<>(objects);
        }

        /**
         * Replace the data object with the same ID, or append it when there is none.
         *
         * @param object ID, length and value.
         * @return this.
         */
        Builder set(final String object)
        {
            final int index = indexOf(object.substring(0, 2));
            if (index >= 0)
            {
                objects.set(index, object);
            }
            else
            {
                objects.add(object);
            }
            return this;
        }

        /**
         * Append a data object even if its ID is already there.
         *
         * @param object ID, length and value.
         * @return this.
         */
        Builder add(final String object)
        {
            objects.add(object);
            return this;
        }

        /**
         * @param index  position among the data objects.
         * @param object ID, length and value.
         * @return this.
         */
        Builder insert(final int index, final String object)
        {
            objects.add(index, object);
            return this;
        }

        /**
         * @param id two-digit ID to drop.
         * @return this.
         */
        Builder remove(final String id)
        {
            final int index = indexOf(id);
            if (index < 0)
            {
                throw new IllegalArgumentException("id=" + id + ": not in the payload");
            }
            objects.remove(index);
            return this;
        }

        /**
         * @return every data object, without the CRC.
         */
        String body()
        {
            return String.join("", objects);
        }

        /**
         * @return the body with "6304" and its correct CRC.
         */
        String build()
        {
            return withCrc(body());
        }

        private int indexOf(final String id)
        {
            for (int i = 0; i < objects.size(); i++)
            {
                if (objects.get(i).startsWith(id))
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
