package io.hutong.connector.jdpay;

/**
 * Seals and opens the inner message that travels in {@code encrypt}: sign-then-encrypt on the way out,
 * decrypt-then-verify on the way in (docs/wallet-jdpay.md sections 3 and 4).
 *
 * <pre>
 *   seal:  unsigned inner XML --JdPaySign.sign(own private key)--&gt; + &lt;sign&gt; --JdPayDes.encrypt--&gt; encrypt
 *   open:  encrypt --JdPayDes.decrypt--&gt; inner XML --JdPayXml.read--&gt; tree
 *                  --JdPaySign.unsignedText + verify(peer public key)--&gt; checks --&gt; trusted tree
 * </pre>
 *
 * An opened message is trusted only after all of: the DES frame is consistent, the XML is well formed with a
 * single sign element as the root's child, the signature recovers the digest of the rest, no leaf carries a
 * tab or line break (JD's hashing deletes those, so they would be unsigned), the version is {@code V2.0} and
 * the merchant is the expected one. Stateless and thread-safe. {@link #seal} signs with RSA (about a
 * millisecond): callers keep it off the engine thread.
 */
public final class JdPayCrypto
{
    private JdPayCrypto()
    {
    }

    /**
     * Signs and encrypts an inner message.
     *
     * @param unsigned the inner XML without a sign element, as written by {@link JdPayXml.Writer}.
     * @param keys     this side's keys: signs with {@link JdPayKeys#ownPrivateKey()}.
     * @return the {@code encrypt} value.
     * @throws IllegalArgumentException if the signed message exceeds {@link JdPayDes#MAX_PLAINTEXT_BYTES}.
     */
    public static String seal(final String unsigned, final JdPayKeys keys)
    {
        final String signed = JdPaySign.withSign(unsigned, JdPaySign.sign(unsigned, keys.ownPrivateKey()));
        return JdPayDes.encrypt(signed, keys.desKey());
    }

    /**
     * Decrypts, parses and verifies an inner message.
     *
     * @param encrypt the {@code encrypt} value.
     * @param keys    this side's keys: decrypts with the DES key, verifies with {@link JdPayKeys#peerPublicKey()},
     *                and expects {@link JdPayKeys#merchant()}.
     * @return the verified inner root, sign element included.
     * @throws JdPayMessageException for any failure, typed.
     */
    public static JdPayXml.Element open(final String encrypt, final JdPayKeys keys) throws JdPayMessageException
    {
        final String inner = JdPayDes.decrypt(encrypt, keys.desKey());
        final JdPayXml.Element root = JdPayXml.read(inner, JdPayDes.MAX_PLAINTEXT_BYTES);
        final JdPayXml.Element sign = root.child(JdPayFields.SIGN);
        if (null == sign || !sign.isLeaf() || sign.text().isBlank())
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.MISSING_SIGNATURE, "sign=<absent>");
        }
        if (!JdPaySign.verify(JdPaySign.unsignedText(inner), sign.text(), keys.peerPublicKey()))
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.BAD_SIGNATURE, "merchant=" + keys.merchant());
        }
        refuseLineBreaks(root);
        final String version = root.text(JdPayFields.VERSION);
        if (!JdPayFields.V2.equals(version))
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.BAD_FIELD, "inner.version=" + version + ": must be V2.0");
        }
        final String merchant = root.text(JdPayFields.MERCHANT);
        if (!keys.merchant().equals(merchant))
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.UNKNOWN_MERCHANT,
                "inner.merchant=" + merchant + " expected=" + keys.merchant());
        }
        return root;
    }

    private static void refuseLineBreaks(final JdPayXml.Element element) throws JdPayMessageException
    {
        if (!element.isLeaf())
        {
            for (final JdPayXml.Element child : element.children())
            {
                refuseLineBreaks(child);
            }
            return;
        }
        final String text = element.text();
        if (JdPayFields.SIGN.equals(element.name()))
        {
            return; // the signature is outside the hashed text; JD's Java SDK wraps it at 76 columns
        }
        if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0)
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.BAD_FIELD,
                "field=" + element.name() + ": tab or line break outside the signed text");
        }
    }
}
