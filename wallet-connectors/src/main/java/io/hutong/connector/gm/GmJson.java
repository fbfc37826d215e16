package io.hutong.connector.gm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Strict JSON reading and compact writing shared by the request and response codecs. Duplicate keys and trailing
 * content are refused: the signature covers bytes, so every reader must see the same single value per field.
 * <p>
 * Thread-safe: the mapper is configured once and never changed.
 */
final class GmJson
{
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .build();

    private GmJson()
    {
    }

    interface Writer
    {
        void write(JsonGenerator generator) throws IOException;
    }

    static byte[] write(final Writer writer)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out))
        {
            writer.write(generator);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("JSON writing to memory failed", ex);
        }
        return out.toByteArray();
    }

    static JsonNode readObject(final byte[] body) throws GmMessageException
    {
        if (null == body || body.length == 0 || body.length > GmWire.MAX_BODY_BYTES)
        {
            throw new GmMessageException(
                GmMessageException.Reason.TOO_LARGE, "length=" + (null == body ? -1 : body.length));
        }
        final JsonNode root;
        try (JsonParser parser = MAPPER.getFactory().createParser(body))
        {
            root = MAPPER.readTree(parser);
        }
        catch (final IOException ex)
        {
            throw new GmMessageException(GmMessageException.Reason.MALFORMED, "json=invalid");
        }
        if (null == root || !root.isObject())
        {
            throw new GmMessageException(GmMessageException.Reason.MALFORMED, "json=not an object");
        }
        return root;
    }

    static String text(final JsonNode node, final String name, final boolean required) throws GmMessageException
    {
        final JsonNode value = node.get(name);
        if (null == value || value.isNull())
        {
            if (required)
            {
                throw new GmMessageException(GmMessageException.Reason.MISSING_FIELD, "field=" + name);
            }
            return null;
        }
        if (!value.isTextual())
        {
            throw new GmMessageException(GmMessageException.Reason.MALFORMED, "field=" + name + " type=not string");
        }
        final String text = value.textValue();
        if (text.isEmpty())
        {
            if (required)
            {
                throw new GmMessageException(GmMessageException.Reason.MISSING_FIELD, "field=" + name);
            }
            return null;
        }
        return text;
    }

    static long integer(final JsonNode node, final String name, final boolean required) throws GmMessageException
    {
        final JsonNode value = node.get(name);
        if (null == value || value.isNull())
        {
            if (required)
            {
                throw new GmMessageException(GmMessageException.Reason.MISSING_FIELD, "field=" + name);
            }
            return -1;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong())
        {
            throw new GmMessageException(GmMessageException.Reason.MALFORMED, "field=" + name + " type=not integer");
        }
        return value.longValue();
    }

    static void field(final JsonGenerator generator, final String name, final String value) throws IOException
    {
        if (null != value)
        {
            generator.writeStringField(name, value);
        }
    }
}
