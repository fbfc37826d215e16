package io.hutong.connector.jdpay;

import java.nio.charset.StandardCharsets;

/**
 * The outer JD Pay message, the HTTP body both ways (docs/wallet-jdpay.md section 2):
 *
 * <pre>
 *   request: &lt;?xml ...?&gt;&lt;jdpay&gt;&lt;version&gt;V2.0&lt;/version&gt;&lt;merchant&gt;M&lt;/merchant&gt;
 *                &lt;encrypt&gt;E&lt;/encrypt&gt;&lt;/jdpay&gt;
 *   answer:  &lt;?xml ...?&gt;&lt;jdpay&gt;&lt;version&gt;V2.0&lt;/version&gt;&lt;merchant&gt;M&lt;/merchant&gt;
 *                &lt;result&gt;&lt;code&gt;000000&lt;/code&gt;&lt;desc&gt;...&lt;/desc&gt;&lt;/result&gt;
 *                &lt;encrypt&gt;E&lt;/encrypt&gt;&lt;/jdpay&gt;
 *            (a refused request's answer has a result and no encrypt)
 * </pre>
 *
 * Nothing here is signed: only what {@code encrypt} carries is trusted. Leaf values are read with edge
 * whitespace stripped (clients pretty-print envelopes). Immutable and thread-safe.
 *
 * @param version    {@code version}, or null when absent.
 * @param merchant   {@code merchant}, or null when absent.
 * @param resultCode {@code result/code}, or null when absent (requests).
 * @param resultDesc {@code result/desc}, or null when absent.
 * @param encrypt    {@code encrypt}, or null when absent or empty.
 */
public record JdPayEnvelope(String version, String merchant, String resultCode, String resultDesc, String encrypt)
{
    /** Largest envelope accepted: a full 16 KiB inner message grows to about 43 KiB in base64 of hex. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /**
     * Reads an envelope.
     *
     * @param body the HTTP body.
     * @return the envelope fields.
     * @throws JdPayMessageException if the body is not a {@code jdpay} envelope, or names a version other
     *                               than {@code V2.0}.
     */
    public static JdPayEnvelope read(final byte[] body) throws JdPayMessageException
    {
        final JdPayXml.Element root = JdPayXml.read(body, MAX_BODY_BYTES);
        final String version = leaf(root, JdPayFields.VERSION);
        if (null != version && !JdPayFields.V2.equals(version))
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.BAD_FIELD,
                "version=" + version + ": must be V2.0");
        }
        String code = null;
        String desc = null;
        final JdPayXml.Element result = root.child(JdPayFields.RESULT);
        if (null != result)
        {
            code = leaf(result, JdPayFields.CODE);
            desc = leaf(result, JdPayFields.DESC);
        }
        return new JdPayEnvelope(
            version, leaf(root, JdPayFields.MERCHANT), code, desc, leaf(root, JdPayFields.ENCRYPT));
    }

    /**
     * Writes a request envelope.
     *
     * @param merchant the merchant number.
     * @param encrypt  the sealed inner message ({@link JdPayCrypto#seal}).
     * @return the UTF-8 body.
     */
    public static byte[] writeRequest(final String merchant, final String encrypt)
    {
        return new JdPayXml.Writer(128 + encrypt.length())
            .leaf(JdPayFields.VERSION, JdPayFields.V2)
            .leaf(JdPayFields.MERCHANT, merchant)
            .leaf(JdPayFields.ENCRYPT, encrypt)
            .finish()
            .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes an answer envelope.
     *
     * @param merchant   the merchant number.
     * @param resultCode {@code result/code}.
     * @param resultDesc {@code result/desc}.
     * @param encrypt    the sealed inner answer, or null for a refused request.
     * @return the UTF-8 body.
     */
    public static byte[] writeAnswer(
        final String merchant, final String resultCode, final String resultDesc, final String encrypt)
    {
        final JdPayXml.Writer writer = new JdPayXml.Writer(192 + (null == encrypt ? 0 : encrypt.length()))
            .leaf(JdPayFields.VERSION, JdPayFields.V2)
            .leaf(JdPayFields.MERCHANT, merchant)
            .start(JdPayFields.RESULT)
            .leaf(JdPayFields.CODE, resultCode)
            .leaf(JdPayFields.DESC, resultDesc)
            .end(JdPayFields.RESULT);
        return writer.leaf(JdPayFields.ENCRYPT, encrypt).finish().getBytes(StandardCharsets.UTF_8);
    }

    private static String leaf(final JdPayXml.Element parent, final String name) throws JdPayMessageException
    {
        final JdPayXml.Element element = parent.child(name);
        if (null == element)
        {
            return null;
        }
        if (!element.isLeaf())
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.BAD_FIELD, "field=" + name + ": not text");
        }
        return JdPayChecks.emptyToNull(element.text().strip());
    }

    @Override
    public String toString()
    {
        return "JdPayEnvelope[version=" + version + ", merchant=" + merchant + ", resultCode=" + resultCode +
            ", encrypt.length=" + (null == encrypt ? 0 : encrypt.length()) + "]";
    }
}
