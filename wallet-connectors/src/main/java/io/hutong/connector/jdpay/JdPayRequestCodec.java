package io.hutong.connector.jdpay;

import java.util.function.Function;

/**
 * Requests to and from the wire, for the JD Pay connector (client) and the simulated JD Pay wallet (server):
 *
 * <pre>
 *  client: JdPayRequest --innerXml--&gt; &lt;jdpay&gt;version,merchant,fields&lt;/jdpay&gt;
 *                       --JdPayCrypto.seal--&gt; encrypt
 *                       --JdPayEnvelope.writeRequest--&gt; HTTP body                                   {@link #encode}
 *  server: HTTP body --JdPayEnvelope.read--&gt; merchant --keyring--&gt; keys --JdPayCrypto.open--&gt; verified tree
 *                    --record.read--&gt; Inbound(merchant, JdPayRequest)                               {@link #decode}
 * </pre>
 *
 * Stateless and thread-safe. {@link #encode} signs with RSA (about a millisecond): callers keep it off the engine
 * thread and off event loops. {@link #decode} never throws anything but {@link JdPayMessageException} for bad
 * input.
 */
public final class JdPayRequestCodec
{
    private JdPayRequestCodec()
    {
    }

    /**
     * A request as the server received it: verified, decrypted and typed.
     *
     * @param merchant the merchant whose keys verified it.
     * @param request  the request.
     */
    public record Inbound(String merchant, JdPayRequest request)
    {
    }

    /**
     * The unsigned inner XML of a request: declaration, {@code version}, {@code merchant}, business fields.
     * Exposed for tests and known-answer vectors.
     *
     * @param request  the request.
     * @param merchant the merchant number.
     * @return the inner XML that {@link JdPaySign#sign} signs.
     */
    public static String innerXml(final JdPayRequest request, final String merchant)
    {
        final JdPayXml.Writer writer = new JdPayXml.Writer(512)
            .leaf(JdPayFields.VERSION, JdPayFields.V2)
            .leaf(JdPayFields.MERCHANT, merchant);
        request.writeFields(writer);
        return writer.finish();
    }

    /**
     * Signs, encrypts and wraps a request. About a millisecond (RSA): never on the engine thread.
     *
     * @param request the request.
     * @param keys    the merchant's keys: its own private key signs.
     * @return the HTTP body (UTF-8 XML), to post to {@code request.operation().path()}.
     */
    public static byte[] encode(final JdPayRequest request, final JdPayKeys keys)
    {
        return JdPayEnvelope.writeRequest(keys.merchant(), JdPayCrypto.seal(innerXml(request, keys.merchant()), keys));
    }

    /**
     * Reads a request as the wallet does: envelope, merchant's keys, decryption, signature, fields.
     *
     * @param operation the operation the request was posted to (from the path).
     * @param body      the HTTP body.
     * @param keyring   the wallet's keys per merchant number (its own private key, the merchant's public key);
     *                  returns null for an unknown merchant.
     * @return the merchant and the typed request.
     * @throws JdPayMessageException for any refusal; {@link JdPayMessageException.Reason#resultCode()} is the
     *                               code to answer with.
     */
    public static Inbound decode(
        final JdPayOperation operation, final byte[] body, final Function<String, JdPayKeys> keyring)
        throws JdPayMessageException
    {
        final JdPayEnvelope envelope = JdPayEnvelope.read(body);
        if (null == envelope.version())
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.MISSING_FIELD, "field=" + JdPayFields.VERSION);
        }
        final String merchant = envelope.merchant();
        if (null == merchant)
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.MISSING_FIELD,
                "field=" + JdPayFields.MERCHANT);
        }
        final JdPayKeys keys = JdPayChecks.isMerchant(merchant) ? keyring.apply(merchant) : null;
        if (null == keys)
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.UNKNOWN_MERCHANT,
                "merchant.length=" + merchant.length());
        }
        if (null == envelope.encrypt())
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.MISSING_FIELD, "field=" + JdPayFields.ENCRYPT);
        }
        final JdPayFieldReader fields = new JdPayFieldReader(JdPayCrypto.open(envelope.encrypt(), keys));
        try
        {
            return new Inbound(merchant, read(operation, fields));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.BAD_FIELD, ex.getMessage());
        }
    }

    private static JdPayRequest read(final JdPayOperation operation, final JdPayFieldReader fields)
        throws JdPayMessageException
    {
        switch (operation)
        {
            case FKM_PAY:
                return FkmPayRequest.read(fields);
            case QUERY:
                return QueryRequest.read(fields);
            case REVOKE:
                return RevokeRequest.read(fields);
            case REFUND:
                return RefundRequest.read(fields);
            default:
                throw new IllegalStateException("operation=" + operation + ": not handled");
        }
    }
}
