package io.hutong.connector.unionpay;

import io.hutong.connector.wechat.WeChatMessageException;
import io.hutong.connector.wechat.WeChatXml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's envelope: a flat {@code <xml><key>value</key>...</xml>}, the same shape as WeChat Pay v2 (the
 * gateway style grew out of it), so reading and writing are delegated to {@link WeChatXml} rather than
 * duplicated: Woodstox with DTDs and external entities off, any DOCTYPE refused, nested elements, duplicate keys,
 * another root and input over {@link #MAX_MESSAGE_BYTES} refused; integers written as plain text, everything
 * else in CDATA. Refusals are translated to {@link UnionPayMessageException} with the same reason.
 *
 * <pre>
 *   &lt;xml&gt;
 *     &lt;service&gt;&lt;![CDATA[unified.trade.micropay]]&gt;&lt;/service&gt;   strings in CDATA
 *     &lt;total_fee&gt;1&lt;/total_fee&gt;                                integers as plain text
 *   &lt;/xml&gt;
 * </pre>
 *
 * Stateless and thread-safe; allocates (not for the engine thread).
 */
public final class UnionPayXml
{
    /** Largest message accepted, in bytes; answers are well under 2 KiB. */
    public static final int MAX_MESSAGE_BYTES = WeChatXml.MAX_MESSAGE_BYTES;

    private UnionPayXml()
    {
    }

    /**
     * Writes a message in the map's key order.
     *
     * @param fields the message fields; keys must be ASCII letters, digits and '_'.
     * @return the UTF-8 encoded XML (no declaration).
     * @throws IllegalArgumentException if a key is not a simple name or a value has a character XML 1.0 cannot
     *                                  carry (a caller bug: this layer writes only what it built).
     */
    public static byte[] writeUtf8(final Map<String, String> fields)
    {
        return WeChatXml.writeUtf8(fields);
    }

    /**
     * Writes a message as text.
     *
     * @param fields the message fields.
     * @return the XML text.
     * @see #writeUtf8(Map)
     */
    public static String write(final Map<String, String> fields)
    {
        return WeChatXml.write(fields);
    }

    /**
     * Reads a message from an HTTP body; the encoding comes from the XML declaration, else UTF-8.
     *
     * @param bytes the message.
     * @return the fields in document order, values with edge whitespace removed.
     * @throws UnionPayMessageException if the message is refused; never any other exception for bad input.
     */
    public static LinkedHashMap<String, String> read(final byte[] bytes) throws UnionPayMessageException
    {
        try
        {
            return WeChatXml.read(bytes);
        }
        catch (final WeChatMessageException ex)
        {
            throw translate(ex);
        }
    }

    private static UnionPayMessageException translate(final WeChatMessageException ex)
    {
        final UnionPayMessageException.Reason reason;
        switch (ex.reason())
        {
            case TOO_LARGE:
                reason = UnionPayMessageException.Reason.TOO_LARGE;
                break;
            case DTD_REFUSED:
                reason = UnionPayMessageException.Reason.DTD_REFUSED;
                break;
            case WRONG_ROOT:
                reason = UnionPayMessageException.Reason.WRONG_ROOT;
                break;
            case NESTED_ELEMENT:
                reason = UnionPayMessageException.Reason.NESTED_ELEMENT;
                break;
            case DUPLICATE_KEY:
                reason = UnionPayMessageException.Reason.DUPLICATE_KEY;
                break;
            default:
                // The reader raises only the XML reasons above and MALFORMED; map anything else conservatively.
                reason = UnionPayMessageException.Reason.MALFORMED;
                break;
        }
        // WeChat's text already reads "reason=X detail"; keep only the detail so the reason is not stated twice.
        final String text = ex.getMessage();
        final int space = null == text ? -1 : text.indexOf(' ');
        final String detail = space < 0 ? "xml=refused" : text.substring(space + 1);
        return new UnionPayMessageException(reason, detail, ex);
    }
}
