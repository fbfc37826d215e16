package io.hutong.connector.jdpay;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JD Pay's XML: a {@code <jdpay>} root whose children are text leaves or, for a few fields, containers
 * ({@code <result><code/><desc/></result>}, {@code <payList><pay>...</pay></payList>}).
 *
 * <pre>
 *   &lt;?xml version="1.0" encoding="UTF-8"?&gt;&lt;jdpay&gt;&lt;version&gt;V2.0&lt;/version&gt;
 *   &lt;result&gt;&lt;code&gt;000000&lt;/code&gt;...
 *   root ----------------------------------&gt; Element("jdpay", children)
 *   leaf &lt;version&gt;V2.0&lt;/version&gt; ----------&gt; Element("version", text "V2.0")
 *   container &lt;result&gt;...&lt;/result&gt; -------&gt; Element("result", children code, desc)
 * </pre>
 *
 * <p>{@link #read} uses Woodstox with DTDs and external entities off and refuses any DOCTYPE or entity
 * reference outright, so XXE and entity-expansion bombs never run; it bounds size, depth, element count and
 * text length, refuses mixed content and repeated siblings (except under an element whose name ends in
 * {@code List}), and keeps leaf text exactly as sent (callers decide about whitespace: the signed inner XML
 * must not be normalised). {@link Writer} writes the compact form JD's SDKs produce. Every read failure is a
 * {@link JdPayMessageException}. Stateless and thread-safe; allocates (not for the engine thread).
 */
public final class JdPayXml
{
    /** The root element of every JD Pay message, outer and inner. */
    public static final String ROOT = "jdpay";

    /** The declaration JD's SDKs put first, and sign as part of the inner XML. */
    public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /** Deepest nesting accepted: jdpay/payList/pay/detail/field is 5. */
    public static final int MAX_DEPTH = 6;

    /** Most elements accepted in one message. */
    public static final int MAX_ELEMENTS = 512;

    private static final XMLInputFactory FACTORY = newFactory();

    private JdPayXml()
    {
    }

    /**
     * One element: a leaf (text, no children) or a container (children, empty text). Immutable and thread-safe.
     *
     * @param name     the local name.
     * @param text     the leaf's text exactly as sent (entities resolved), or {@code ""} for a container.
     * @param children the children in document order, read-only; empty for a leaf.
     */
    public record Element(String name, String text, List<Element> children)
    {
        /**
         * @param childName a child's name.
         * @return the first child of that name, or {@code null}.
         */
        public Element child(final String childName)
        {
            for (final Element child : children)
            {
                if (child.name.equals(childName))
                {
                    return child;
                }
            }
            return null;
        }

        /**
         * @param childName a child's name.
         * @return that child's text, or {@code null} when there is no such child.
         */
        public String text(final String childName)
        {
            final Element child = child(childName);
            return null == child ? null : child.text;
        }

        /**
         * @return true if the element has no children.
         */
        public boolean isLeaf()
        {
            return children.isEmpty();
        }
    }

    /**
     * Reads a message from bytes (an HTTP body); the encoding comes from the XML declaration, else UTF-8.
     *
     * @param bytes    the message.
     * @param maxBytes the largest length accepted.
     * @return the {@code jdpay} root.
     * @throws JdPayMessageException if the message is refused.
     */
    public static Element read(final byte[] bytes, final int maxBytes) throws JdPayMessageException
    {
        if (null == bytes || 0 == bytes.length || bytes.length > maxBytes)
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.TOO_LARGE,
                "length=" + (null == bytes ? 0 : bytes.length) + " max=" + maxBytes);
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
     * Reads a message from text (a decrypted inner message).
     *
     * @param text     the message.
     * @param maxChars the largest length accepted.
     * @return the {@code jdpay} root.
     * @throws JdPayMessageException if the message is refused.
     */
    public static Element read(final String text, final int maxChars) throws JdPayMessageException
    {
        if (null == text || text.isEmpty() || text.length() > maxChars)
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.TOO_LARGE,
                "length=" + (null == text ? 0 : text.length()) + " max=" + maxChars);
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

    private static Element parse(final XMLStreamReader reader) throws XMLStreamException, JdPayMessageException
    {
        try
        {
            while (reader.hasNext())
            {
                final int event = reader.next();
                refuseDtd(event);
                if (XMLStreamConstants.START_ELEMENT == event)
                {
                    final String name = reader.getLocalName();
                    if (!ROOT.equals(name))
                    {
                        throw new JdPayMessageException(JdPayMessageException.Reason.WRONG_ROOT, "root=" + name);
                    }
                    final Element root = readElement(reader, name, new int[] {1});
                    drain(reader);
                    return root;
                }
            }
            throw new JdPayMessageException(JdPayMessageException.Reason.MALFORMED, "root=<absent>");
        }
        finally
        {
            reader.close();
        }
    }

    /** Reads from just after a START_ELEMENT to its END_ELEMENT. Depth is bounded, so recursion is too. */
    private static Element readElement(final XMLStreamReader reader, final String name, final int[] count)
        throws XMLStreamException, JdPayMessageException
    {
        final StringBuilder text = new StringBuilder(32);
        List<Element> children = null;
        while (true)
        {
            final int event = reader.next();
            refuseDtd(event);
            switch (event)
            {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    text.append(reader.getText());
                    break;
                case XMLStreamConstants.START_ELEMENT:
                    if (++count[0] > MAX_ELEMENTS)
                    {
                        throw new JdPayMessageException(JdPayMessageException.Reason.MALFORMED,
                            "elements.max=" + MAX_ELEMENTS);
                    }
                    final String childName = reader.getLocalName();
                    final Element child = readElement(reader, childName, count);
                    if (null == children)
                    {
                        children = new ArrayList<>(8);
                    }
                    refuseRepeat(name, children, childName);
                    children.add(child);
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    return finish(name, text, children);
                default:
                    break; // comments and processing instructions are dropped
            }
        }
    }

    private static Element finish(final String name, final CharSequence text, final List<Element> children)
        throws JdPayMessageException
    {
        if (null == children)
        {
            return new Element(name, text.toString(), List.of());
        }
        if (!isBlank(text))
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.MALFORMED,
                "element=" + name + ": mixed content");
        }
        return new Element(name, "", Collections.unmodifiableList(children));
    }

    private static void refuseRepeat(final String parent, final List<Element> siblings, final String name)
        throws JdPayMessageException
    {
        if (parent.endsWith("List"))
        {
            return; // JD's lists (payList/pay) repeat their item element
        }
        for (final Element sibling : siblings)
        {
            if (sibling.name().equals(name))
            {
                throw new JdPayMessageException(JdPayMessageException.Reason.DUPLICATE_ELEMENT,
                    "parent=" + parent + " element=" + name);
            }
        }
    }

    private static void drain(final XMLStreamReader reader) throws XMLStreamException, JdPayMessageException
    {
        while (reader.hasNext())
        {
            refuseDtd(reader.next());
        }
    }

    private static void refuseDtd(final int event) throws JdPayMessageException
    {
        if (XMLStreamConstants.DTD == event || XMLStreamConstants.ENTITY_REFERENCE == event)
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.DTD_REFUSED, "doctype=present");
        }
    }

    private static JdPayMessageException malformed(final Exception ex)
    {
        final String message = ex.getMessage();
        final String firstLine = null == message ? "" : message.lines().findFirst().orElse("");
        return new JdPayMessageException(JdPayMessageException.Reason.MALFORMED, "parser=" + firstLine, ex);
    }

    private static boolean isBlank(final CharSequence text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            {
                return false;
            }
        }
        return true;
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
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, (long)MAX_ELEMENTS);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 8);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, 64 * 1024);
        return factory;
    }

    /**
     * Writes JD's compact form: declaration, no whitespace between elements, text escaped ({@code & < >}), no
     * CDATA, empty values as {@code <name></name>}. Not thread-safe; one writer per message.
     */
    public static final class Writer
    {
        private final StringBuilder sb;

        /**
         * Starts a message with the declaration and the {@code jdpay} root open.
         *
         * @param capacity initial capacity in characters.
         */
        public Writer(final int capacity)
        {
            sb = new StringBuilder(capacity);
            sb.append(DECLARATION).append('<').append(ROOT).append('>');
        }

        /**
         * @param name an element name of ASCII letters and digits.
         * @return this, with {@code <name>} open.
         */
        public Writer start(final String name)
        {
            checkName(name);
            sb.append('<').append(name).append('>');
            return this;
        }

        /**
         * @param name the name given to the matching {@link #start}.
         * @return this, with {@code </name>} closed.
         */
        public Writer end(final String name)
        {
            sb.append("</").append(name).append('>');
            return this;
        }

        /**
         * Writes a leaf.
         *
         * @param name  an element name of ASCII letters and digits.
         * @param value the text; {@code null} writes nothing, {@code ""} an empty element.
         * @return this.
         * @throws IllegalArgumentException if the value has a character XML 1.0 cannot carry, or a tab, CR or
         *                                  LF (JD's signature step deletes those, so they cannot be signed).
         */
        public Writer leaf(final String name, final String value)
        {
            if (null == value)
            {
                return this;
            }
            start(name);
            for (int i = 0; i < value.length(); i++)
            {
                final char c = value.charAt(i);
                switch (c)
                {
                    case '&':
                        sb.append("&amp;");
                        break;
                    case '<':
                        sb.append("&lt;");
                        break;
                    case '>':
                        sb.append("&gt;");
                        break;
                    default:
                        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF)
                        {
                            throw new IllegalArgumentException(name + ".char=" + (int)c +
                                ": not allowed in a JD Pay field");
                        }
                        sb.append(c);
                }
            }
            return end(name);
        }

        /**
         * Closes the root.
         *
         * @return the message text.
         */
        public String finish()
        {
            return sb.append("</").append(ROOT).append('>').toString();
        }

        private static void checkName(final String name)
        {
            boolean ok = null != name && !name.isEmpty();
            for (int i = 0; ok && i < name.length(); i++)
            {
                final char c = name.charAt(i);
                ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            }
            if (!ok)
            {
                throw new IllegalArgumentException("element=" + name + ": must be ASCII letters and digits");
            }
        }
    }
}
