package io.hutong.connector.jdpay;

import java.security.PrivateKey;
import java.security.PublicKey;
import javax.crypto.SecretKey;

/**
 * One side's keys for one JD Pay merchant. JD Pay is symmetric in shape: each side signs with its own RSA
 * private key, verifies with the other side's public key, and both encrypt with the merchant's DES key.
 *
 * <pre>
 *                    ownPrivateKey           peerPublicKey          desKey
 *   connector:       merchant's private key  JD's public key        merchant's DES key
 *   simulated JD:    JD's private key        merchant's public key  merchant's DES key
 * </pre>
 *
 * Immutable and thread-safe; {@link #toString()} never shows a key.
 *
 * @param merchant      JD's merchant number (商户号), 1-32 letters and digits.
 * @param desKey        the merchant's 3DES key ({@link JdPayDes#key}).
 * @param ownPrivateKey this side's RSA private key, which signs what this side sends.
 * @param peerPublicKey the other side's RSA public key, which verifies what this side receives.
 */
public record JdPayKeys(String merchant, SecretKey desKey, PrivateKey ownPrivateKey, PublicKey peerPublicKey)
{
    /**
     * @throws IllegalArgumentException with a {@code name=value} message when a field is missing or malformed,
     *                                  or a key is not RSA of {@link JdPaySign#MIN_KEY_BITS} bits or more.
     */
    public JdPayKeys
    {
        JdPayChecks.merchant(merchant);
        if (null == desKey || null == ownPrivateKey || null == peerPublicKey)
        {
            throw new IllegalArgumentException("merchant=" + merchant +
                ": desKey, ownPrivateKey and peerPublicKey are required");
        }
        if (!"DESede".equals(desKey.getAlgorithm()) || null == desKey.getEncoded() ||
            JdPayDes.KEY_BYTES != desKey.getEncoded().length)
        {
            throw new IllegalArgumentException("merchant=" + merchant + ": desKey must be a 24-byte DESede key");
        }
        JdPaySign.checkRsa(ownPrivateKey);
        JdPaySign.checkRsa(peerPublicKey);
    }

    /**
     * Reads keys in the text forms JD's console and key tool hand out.
     *
     * @param merchant            the merchant number.
     * @param desKeyBase64        the DES key, base64 of 24 bytes.
     * @param ownPrivateKeyPkcs8  this side's private key, base64 PKCS#8.
     * @param peerPublicKeyX509   the other side's public key, base64 X.509.
     * @return the keys.
     * @throws IllegalArgumentException if any key is malformed (the message never shows key material).
     */
    public static JdPayKeys of(
        final String merchant,
        final String desKeyBase64,
        final String ownPrivateKeyPkcs8,
        final String peerPublicKeyX509)
    {
        return new JdPayKeys(merchant, JdPayDes.key(desKeyBase64), JdPaySign.privateKey(ownPrivateKeyPkcs8),
            JdPaySign.publicKey(peerPublicKeyX509));
    }

    @Override
    public String toString()
    {
        return "JdPayKeys[merchant=" + merchant + ", desKey=***, ownPrivateKey=***, peerPublicKey=RSA]";
    }
}
