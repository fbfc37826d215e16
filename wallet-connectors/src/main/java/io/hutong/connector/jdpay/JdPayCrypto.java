package io.hutong.connector.jdpay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
 * single sign element as the root's child, the signature recovers the digest of the rest, the version is
 * {@code V2.0} and the merchant is the expected one. Values are returned in the form they were signed in: JD's
 * hashing deletes tabs and line breaks with the blanks around them, so the reader does too, and what a caller
 * reads is exactly what the peer signed. Stateless and thread-safe. {@link #seal} signs with RSA (about a
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
     * @return the verified inner root, sign element included, leaf values as they were signed.
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
        final JdPayXml.Element signed = signedForm(root);
        final String version = signed.text(JdPayFields.VERSION);
        if (!JdPayFields.V2.equals(version))
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.BAD_FIELD,
                "inner.version=" + version + ": must be V2.0");
        }
        final String merchant = signed.text(JdPayFields.MERCHANT);
        if (!keys.merchant().equals(merchant))
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.UNKNOWN_MERCHANT,
                "inner.merchant=" + merchant + " expected=" + keys.merchant());
        }
        return signed;
    }

    /**
     * The tree as it was signed: JD's hashing deleted every tab, CR and LF with the blanks around them, so a value
     * is read the same way (a pretty-printing peer's {@code <note>\n  </note>} is the empty note it signed).
     */
    private static JdPayXml.Element signedForm(final JdPayXml.Element element)
    {
        if (element.isLeaf())
        {
            return JdPayFields.SIGN.equals(element.name()) ? element :
                new JdPayXml.Element(element.name(), JdPaySign.signedForm(element.text()), List.of());
        }
        final List<JdPayXml.Element> children = new ArrayList<>(element.children().size());
        for (final JdPayXml.Element child : element.children())
        {
            children.add(signedForm(child));
        }
        return new JdPayXml.Element(element.name(), "", Collections.unmodifiableList(children));
    }
}
