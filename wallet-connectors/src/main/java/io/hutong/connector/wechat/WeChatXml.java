package io.hutong.connector.wechat;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The WeChat Pay v2 envelope: a flat {@code <xml><key>value</key>...</xml>}.
 *
 * <pre>
 *   &lt;xml&gt;
 *     &lt;return_code&gt;&lt;![CDATA[SUCCESS]]&gt;&lt;/return_code&gt;   strings in CDATA
 *     &lt;total_fee&gt;1&lt;/total_fee&gt;                          integers as plain text
 *   &lt;/xml&gt;
 * </pre>
 *
 * <p>Reading uses Woodstox with DTDs and external entities off, and refuses any DOCTYPE outright, so XXE
 * and entity-expansion bombs never run. It accepts pretty-printed input, CDATA or plain text and any
 * element order; it refuses another root, nested elements, duplicate keys and input over
 * {@link #MAX_MESSAGE_BYTES}. Every failure is a {@link WeChatMessageException}. Stateless and
 * thread-safe (the factory is configured once and only read); allocates (not for the engine thread).
 */
public final class WeChatXml
{
    /** Largest message accepted, in bytes (or chars for {@link #read(String)}); WeChat answers are ~1 KiB. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    /** The root element name. */
    public static final String ROOT = "xml";

    private static final XMLInputFactory FACTORY = newFactory();

    private WeChatXml()
    {
    }

    /**
     * Writes a message: keys in the map's order; values that are decimal integers as plain text (WeChat
     * writes fee fields so), everything else in CDATA, with any {@code ]]>} split across two sections.
     *
     * @param fields the message fields; keys must be XML names of ASCII letters, digits and '_'.
     * @return the XML text (no declaration, as WeChat sends).
     * @throws IllegalArgumentException if a key is not a simple name or a value has a character XML 1.0
     *                                  cannot carry.
     */
    public static String write(final Map<String, String> fields)
    {
        final StringBuilder sb = new StringBuilder(64 + fields.size() * 48);
        sb.append('<').append(ROOT).append('>');
        for (final Map.Entry<String, String> e : fields.entrySet())
        {
            final String key = e.getKey();
            final String value = null == e.getValue() ? "" : e.getValue();
            checkKey(key);
            checkChars(key, value);
            sb.append('<').append(key).append('>');
            if (isInteger(value))
            {
                sb.append(value);
            }
            else if (!value.isEmpty())
            {
                sb.append("<![CDATA[").append(value.replace("]]>", "]]]]><![CDATA[>")).append("]]>");
            }
            sb.append("</").append(key).append('>');
        }
        return sb.append("</").append(ROOT).append('>').toString();
    }

    /**
     * Writes a message as UTF-8 bytes.
     *
     * @param fields the message fields.
     * @return the UTF-8 encoded XML.
     * @see #write(Map)
     */
    public static byte[] writeUtf8(final Map<String, String> fields)
    {
        return write(fields).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a message from bytes (an HTTP body); the encoding comes from the XML declaration, else UTF-8.
     *
     * @param bytes the message.
     * @return the fields in document order.
     * @throws WeChatMessageException if the message is refused.
     */
    public static LinkedHashMap<String, String> read(final byte[] bytes) throws WeChatMessageException
    {
        if (null == bytes || 0 == bytes.length || bytes.length > MAX_MESSAGE_BYTES)
        {
            throw new WeChatMessageException(WeChatMessageException.Reason.TOO_LARGE,
                "length=" + (null == bytes ? 0 : bytes.length) + " max=" + MAX_MESSAGE_BYTES);
        }
        try
        {
            return parse(FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes)));
        }
        catch (final XMLStreamException | WstxLazyException ex)
        {
            throw malformed(ex);
        }
    }

    /**
     * Reads a message from text.
     *
     * @param text the message.
     * @return the fields in document order.
     * @throws WeChatMessageException if the message is refused.
     */
    public static LinkedHashMap<String, String> read(final String text) throws WeChatMessageException
    {
        if (null == text || text.isEmpty() || text.length() > MAX_MESSAGE_BYTES)
        {
            throw new WeChatMessageException(WeChatMessageException.Reason.TOO_LARGE,
                "length=" + (null == text ? 0 : text.length()) + " max=" + MAX_MESSAGE_BYTES);
        }
        try
        {
            return parse(FACTORY.createXMLStreamReader(new StringReader(text)));
        }
        catch (final XMLStreamException | WstxLazyException ex)
        {
            throw malformed(ex);
        }
    }

    private static LinkedHashMap<String, String> parse(final XMLStreamReader reader)
        throws XMLStreamException, WeChatMessageException
    {
        try
        {
            final LinkedHashMap<String, String> fields = new LinkedHashMap<>();
            boolean rootSeen = false;
            while (reader.hasNext())
            {
                final int event = reader.next();
                if (XMLStreamConstants.DTD == event || XMLStreamConstants.ENTITY_REFERENCE == event)
                {
                    throw new WeChatMessageException(WeChatMessageException.Reason.DTD_REFUSED, "doctype=present");
                }
                if (XMLStreamConstants.START_ELEMENT != event)
                {
                    continue; // whitespace, comments, processing instructions, end of root
                }
                final String name = reader.getLocalName();
                if (!rootSeen)
                {
                    if (!ROOT.equals(name))
                    {
                        throw new WeChatMessageException(WeChatMessageException.Reason.WRONG_ROOT, "root=" + name);
                    }
                    rootSeen = true;
                    continue;
                }
                final String value = readLeaf(reader, name);
                if (null != fields.putIfAbsent(name, value))
                {
                    throw new WeChatMessageException(WeChatMessageException.Reason.DUPLICATE_KEY, "key=" + name);
                }
            }
            return fields;
        }
        finally
        {
            reader.close();
        }
    }

    private static String readLeaf(final XMLStreamReader reader, final String name)
        throws XMLStreamException, WeChatMessageException
    {
        final StringBuilder text = new StringBuilder(32);
        while (true)
        {
            final int event = reader.next();
            switch (event)
            {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    text.append(reader.getText());
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    // Pretty-printers may indent plain-text values; CDATA keeps what the sender meant.
                    return text.toString().strip();
                case XMLStreamConstants.START_ELEMENT:
                    throw new WeChatMessageException(WeChatMessageException.Reason.NESTED_ELEMENT,
                        "key=" + name + " child=" + reader.getLocalName());
                case XMLStreamConstants.ENTITY_REFERENCE:
                case XMLStreamConstants.DTD:
                    throw new WeChatMessageException(WeChatMessageException.Reason.DTD_REFUSED, "key=" + name);
                default:
                    break; // comments and processing instructions inside a value are dropped
            }
        }
    }

    private static WeChatMessageException malformed(final Exception ex)
    {
        final String message = ex.getMessage();
        final String firstLine = null == message ? "" : message.lines().findFirst().orElse("");
        return new WeChatMessageException(WeChatMessageException.Reason.MALFORMED, "parser=" + firstLine, ex);
    }

    private static XMLInputFactory newFactory()
    {
        // Woodstox by class, not XMLInputFactory.newFactory(): the JDK's parser must never be picked by accident.
        final XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 8);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 16);
        return factory;
    }

    private static void checkKey(final String key)
    {
        if (null == key || key.isEmpty())
        {
            throw new IllegalArgumentException("key=<empty>: must be a name");
        }
        for (int i = 0; i < key.length(); i++)
        {
            final char c = key.charAt(i);
            final boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                (i > 0 && c >= '0' && c <= '9');
            if (!ok)
            {
                throw new IllegalArgumentException("key=" + key + ": must be ASCII letters, digits and '_'");
            }
        }
        if (key.regionMatches(true, 0, "xml", 0, 3))
        {
            throw new IllegalArgumentException("key=" + key + ": names starting with 'xml' are reserved");
        }
    }

    private static void checkChars(final String key, final String value)
    {
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
            {
                throw new IllegalArgumentException("key=" + key + " char=" + (int)c + ": not allowed in XML 1.0");
            }
        }
    }

    private static boolean isInteger(final String value)
    {
        final int length = value.length();
        if (0 == length || length > 18)
        {
            return false;
        }
        final int start = value.charAt(0) == '-' ? 1 : 0;
        if (start == length)
        {
            return false;
        }
        for (int i = start; i < length; i++)
        {
            final char c = value.charAt(i);
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return true;
    }
}
