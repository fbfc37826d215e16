package io.hutong.connector.jdpay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * JD Pay's message signature, reproduced for interoperability (docs/wallet-jdpay.md section 3). It is not
 * SHA256withRSA: JD's SDKs "encrypt" the SHA-256 <em>hex text</em> with the RSA private key.
 *
 * <pre>
 *   unsigned = the inner XML as sent, declaration included, without the &lt;sign&gt;...&lt;/sign&gt; element
 *   digest   = lowercase hex of SHA-256(UTF-8(unsigned))                      64 ASCII characters
 *   sign     = base64( RSA PKCS#1 v1.5 block type 1 over those 64 bytes )   no DigestInfo ("NONEwithRSA")
 * </pre>
 *
 * A verifier first puts the received inner XML in the form JD's Java SDK hashes ({@link #unsignedText}):
 * prefix the declaration if absent, delete every tab, CR and LF and trim the pieces between them, then cut the
 * sign element. Our writer never emits those characters, so the form is the text as written.
 * <p>
 * The scheme is weak (no DigestInfo, PKCS#1 v1.5, JD's 1024-bit keys) and kept only because JD speaks it.
 * Stateless and thread-safe. RSA signing costs 0.25-0.3 ms with a 1024-bit key and about 1.3 ms with 2048 bits
 * (measured here): callers keep {@link #sign} off the engine thread and off event loops (the crypto pool);
 * verifying costs 20-70 us.
 */
public final class JdPaySign
{
    /** The JCA name of RSA PKCS#1 v1.5 signing over raw bytes, i.e. private-key "encryption". */
    public static final String ALGORITHM = "NONEwithRSA";

    /** The sign element's start tag as JD's SDKs search for it. */
    public static final String SIGN_START = "<sign>";

    /** The sign element's end tag as JD's SDKs search for it. */
    public static final String SIGN_END = "</sign>";

    /** Smallest RSA modulus accepted: JD issues 1024-bit keys. */
    public static final int MIN_KEY_BITS = 1024;

    private static final String ROOT_END = "</" + JdPayXml.ROOT + ">";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JdPaySign()
    {
    }

    /**
     * The digest text JD's SDKs sign: lowercase hex of SHA-256 over the UTF-8 bytes.
     *
     * @param unsigned the inner XML without its sign element.
     * @return 64 lowercase hex characters.
     */
    public static String digestHex(final String unsigned)
    {
        try
        {
            final byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(unsigned.getBytes(StandardCharsets.UTF_8));
            final char[] out = new char[digest.length * 2];
            for (int i = 0; i < digest.length; i++)
            {
                out[2 * i] = HEX[(digest[i] >>> 4) & 0x0F];
                out[2 * i + 1] = HEX[digest[i] & 0x0F];
            }
            return new String(out);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("algorithm=SHA-256: unavailable", ex);
        }
    }

    /**
     * Signs an inner XML. About a millisecond: never on the engine thread.
     *
     * @param unsigned   the inner XML without a sign element, exactly as it will be sent.
     * @param privateKey the signer's RSA private key.
     * @return the base64 signature, without line breaks.
     */
    public static String sign(final String unsigned, final PrivateKey privateKey)
    {
        try
        {
            final Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(digestHex(unsigned).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(signature.sign());
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalArgumentException("privateKey.algorithm=" + privateKey.getAlgorithm() +
                ": cannot sign", ex);
        }
    }

    /**
     * Checks a signature. Never throws on a malformed signature or a key mismatch.
     *
     * @param unsigned   the inner XML in JD's hashed form ({@link #unsignedText}).
     * @param base64Sign the received sign value; whitespace is ignored (some SDKs wrap base64 at 76 columns).
     * @param publicKey  the signer's RSA public key.
     * @return true only if the signature recovers exactly the digest text of {@code unsigned}.
     */
    public static boolean verify(final String unsigned, final String base64Sign, final PublicKey publicKey)
    {
        if (null == base64Sign || null == publicKey)
        {
            return false;
        }
        try
        {
            final byte[] raw = Base64.getDecoder().decode(base64Sign.replaceAll("[ \\t\\r\\n]", ""));
            final Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(digestHex(unsigned).getBytes(StandardCharsets.US_ASCII));
            return raw.length > 0 && signature.verify(raw);
        }
        catch (final GeneralSecurityException | IllegalArgumentException ex)
        {
            return false;
        }
    }

    /**
     * Puts a received inner XML in the form JD's Java SDK hashes: declaration prefixed when absent, tabs, CRs
     * and LFs deleted with the pieces between them trimmed, and the one sign element cut out.
     *
     * @param received the decrypted inner XML.
     * @return the text whose digest the signature must recover.
     * @throws JdPayMessageException {@code MISSING_SIGNATURE} without a sign element; {@code BAD_SIGNATURE} if
     *                               the sign tags appear more than once (a cut would then be ambiguous).
     */
    public static String unsignedText(final String received) throws JdPayMessageException
    {
        String text = received.trim().startsWith("<?xml") ? received : JdPayXml.DECLARATION + received;
        text = stripLineBreaks(text);
        final int start = text.indexOf(SIGN_START);
        final int end = text.lastIndexOf(SIGN_END);
        if (start < 0 || end < 0)
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.MISSING_SIGNATURE, "sign=<absent>");
        }
        if (start != text.lastIndexOf(SIGN_START) || end != text.indexOf(SIGN_END) || end < start)
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.BAD_SIGNATURE,
                "sign.tags: not exactly one pair");
        }
        return text.substring(0, start) + text.substring(end + SIGN_END.length());
    }

    /**
     * A value as JD's hashing leaves it: every run of blanks (characters up to U+0020) that contains a tab, CR or
     * LF is deleted; other blanks stay. Applied to each leaf of a verified message, this makes the value read
     * the value signed.
     *
     * @param value a leaf's text as received.
     * @return the text as signed.
     */
    public static String signedForm(final String value)
    {
        if (value.indexOf('\t') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0)
        {
            return value;
        }
        final StringBuilder sb = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length())
        {
            if (value.charAt(i) > ' ')
            {
                sb.append(value.charAt(i++));
                continue;
            }
            int end = i;
            boolean lineBreak = false;
            while (end < value.length() && value.charAt(end) <= ' ')
            {
                final char c = value.charAt(end++);
                lineBreak |= c == '\t' || c == '\r' || c == '\n';
            }
            if (!lineBreak)
            {
                sb.append(value, i, end);
            }
            i = end;
        }
        return sb.toString();
    }

    /**
     * Appends a sign element as the last child of the root, as JD's SDKs place it.
     *
     * @param unsigned the inner XML, ending with {@code </jdpay>}.
     * @param sign     the base64 signature.
     * @return the signed inner XML.
     */
    public static String withSign(final String unsigned, final String sign)
    {
        if (!unsigned.endsWith(ROOT_END))
        {
            throw new IllegalArgumentException("xml.end: must be " + ROOT_END);
        }
        return unsigned.substring(0, unsigned.length() - ROOT_END.length()) + SIGN_START + sign + SIGN_END + ROOT_END;
    }

    /**
     * Reads a private key as JD's key tool writes it: base64 of PKCS#8 DER (whitespace and PEM armour tolerated).
     *
     * @param base64Pkcs8 the key text (never logged).
     * @return the RSA private key.
     * @throws IllegalArgumentException if the text is not such a key, or the key is under {@link #MIN_KEY_BITS}.
     */
    public static PrivateKey privateKey(final String base64Pkcs8)
    {
        try
        {
            return checkRsa(
                KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(base64Pkcs8))));
        }
        catch (final GeneralSecurityException | IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(
                "privateKey.length=" + lengthOf(base64Pkcs8) + ": not a base64 PKCS#8 RSA key of " + MIN_KEY_BITS +
                    "+ bits", ex);
        }
    }

    /**
     * Reads a public key as JD distributes it: base64 of X.509 SubjectPublicKeyInfo DER.
     *
     * @param base64X509 the key text.
     * @return the RSA public key.
     * @throws IllegalArgumentException if the text is not such a key, or the key is under {@link #MIN_KEY_BITS}.
     */
    public static PublicKey publicKey(final String base64X509)
    {
        try
        {
            return checkRsa(
                KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(base64X509))));
        }
        catch (final GeneralSecurityException | IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(
                "publicKey.length=" + lengthOf(base64X509) + ": not a base64 X.509 RSA key of " + MIN_KEY_BITS +
                    "+ bits", ex);
        }
    }

    /**
     * Checks that a key is an RSA key of at least {@link #MIN_KEY_BITS} bits.
     *
     * @param key the key.
     * @param <K> its type.
     * @return the key.
     * @throws IllegalArgumentException otherwise (the message shows only the algorithm and size).
     */
    public static <K extends Key> K checkRsa(final K key)
    {
        if (!(key instanceof RSAKey))
        {
            throw new IllegalArgumentException("key.algorithm=" + (null == key ? null : key.getAlgorithm()) +
                ": must be RSA");
        }
        final int bits = ((RSAKey)key).getModulus().bitLength();
        if (bits < MIN_KEY_BITS)
        {
            throw new IllegalArgumentException("key.bits=" + bits + ": must be " + MIN_KEY_BITS + " or more");
        }
        return key;
    }

    private static String stripLineBreaks(final String text)
    {
        if (text.indexOf('\t') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0)
        {
            return text.trim();
        }
        final StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        for (int i = 0; i <= text.length(); i++)
        {
            final char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\t' || c == '\r' || c == '\n')
            {
                sb.append(text, from, i);
                trimPiece(sb, sb.length() - (i - from));
                from = i + 1;
            }
        }
        return sb.toString();
    }

    /** Trims (as {@link String#trim()} does) the piece of {@code sb} that starts at {@code start}. */
    private static void trimPiece(final StringBuilder sb, final int start)
    {
        while (sb.length() > start && sb.charAt(sb.length() - 1) <= ' ')
        {
            sb.setLength(sb.length() - 1);
        }
        int lead = start;
        while (lead < sb.length() && sb.charAt(lead) <= ' ')
        {
            lead++;
        }
        sb.delete(start, lead);
    }

    private static byte[] der(final String text)
    {
        if (null == text)
        {
            throw new IllegalArgumentException("key=null");
        }
        final String body = text.replaceAll("-----(BEGIN|END)[A-Z ]*-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static int lengthOf(final String text)
    {
        return null == text ? -1 : text.length();
    }
}
