package io.hutong.codec.emv.mpm;

import io.hutong.codec.CodeError;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An EMV MPM payload as an immutable list of {@link DataObject}s in payload order, CRC excluded (it is
 * computed on {@link #encode()}). The convenient, allocating form for building codes (merchant code cards,
 * the simulator) and for round-trip tests; switches read {@link MpmDecoder} in place instead.
 * Immutable; thread-safe.
 *
 * @param objects the top-level data objects, without ID 63.
 */
public record MpmPayload(List<DataObject> objects)
{
    /**
     * Defensive copy.
     *
     * @param objects the top-level data objects, without ID 63.
     */
    public MpmPayload
    {
        objects = List.copyOf(objects);
    }

    /**
     * Read a payload that {@link MpmDecoder#decode()} accepted.
     *
     * @param decoder a decoder whose last decode succeeded.
     * @return the payload's data objects.
     */
    public static MpmPayload from(final MpmDecoder decoder)
    {
        if (!decoder.isValid())
        {
            throw new IllegalStateException("decoder holds no valid payload: " + decoder.error());
        }
        final List<DataObject> objects = new ArrayList<>(decoder.idCount());
        final MpmTemplateCursor cursor = new MpmTemplateCursor();
        for (int i = 0; i < decoder.idCount(); i++)
        {
            final int id = decoder.idAt(i);
            if (id == MpmDescriptor.CRC)
            {
                continue;
            }
            if (MpmDescriptor.isTemplate(id))
            {
                final List<DataObject> children = new ArrayList<>();
                cursor.wrap(decoder.buffer(), decoder.valueOffset(id), decoder.valueLength(id));
                while (cursor.next())
                {
                    children.add(DataObject.primitive(cursor.id(), cursor.value()));
                }
                objects.add(DataObject.template(id, children));
            }
            else
            {
                objects.add(DataObject.primitive(id, decoder.value(id)));
            }
        }
        return new MpmPayload(objects);
    }

    /**
     * Decode text into a payload.
     *
     * @param text the payload text.
     * @return the payload.
     * @throws IllegalArgumentException naming the {@link CodeError} when the text is not a valid payload.
     */
    public static MpmPayload parse(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        final MpmDecoder decoder = new MpmDecoder().wrap(new UnsafeBuffer(bytes), 0, bytes.length);
        final CodeError error = decoder.decode();
        if (error != CodeError.NONE)
        {
            throw new IllegalArgumentException("payload: " + decoder.error());
        }
        return from(decoder);
    }

    /**
     * Write into an encoder, without finishing it (so more objects, such as a signature, may follow).
     *
     * @param encoder a wrapped encoder.
     * @return the encoder.
     */
    public MpmEncoder writeTo(final MpmEncoder encoder)
    {
        for (final DataObject object : objects)
        {
            if (object.isTemplate())
            {
                encoder.beginTemplate(object.id());
                for (final DataObject child : object.children())
                {
                    encoder.put(child.id(), child.value());
                }
                encoder.endTemplate();
            }
            else
            {
                encoder.put(object.id(), object.value());
            }
        }
        return encoder;
    }

    /**
     * @return the payload text with its CRC.
     * @throws IllegalArgumentException if it would exceed EMVCo's 512 characters.
     */
    public String encode()
    {
        return encode(MpmDescriptor.MAX_PAYLOAD_CHARACTERS);
    }

    /**
     * @param maxCharacters the most characters allowed (more than 512 only for profiles such as SGQR).
     * @return the payload text with its CRC.
     */
    public String encode(final int maxCharacters)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[maxCharacters * 4 + 64]);
        final MpmEncoder encoder = writeTo(new MpmEncoder().wrap(buffer, 0, maxCharacters));
        final int length = encoder.finish();
        return buffer.getStringWithoutLengthUtf8(0, length);
    }

    /**
     * @param id a top-level ID.
     * @return the object, or null.
     */
    public DataObject get(final int id)
    {
        for (final DataObject object : objects)
        {
            if (object.id() == id)
            {
                return object;
            }
        }
        return null;
    }
}
