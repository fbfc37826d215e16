package io.hutong.sim.jdpay;

import io.hutong.connector.jdpay.JdPayConnectorProvider;
import io.hutong.connector.jdpay.JdPayDes;
import io.hutong.connector.jdpay.JdPayKeys;
import io.hutong.connector.jdpay.JdPaySign;
import io.hutong.sim.server.RandomSecrets;
import io.hutong.sim.server.SecretStore;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated JD Pay's enrolment of the switch as a merchant, kept in the wallet's secrets so restarts keep it:
 * the merchant number, the merchant's RSA key pair (the simulator plays JD's key tool, which makes the merchant's
 * pair and hands the private half out), JD's own RSA key pair and the merchant's 3DES key. Only private keys are
 * kept; public halves are recomputed.
 * <p>
 * Key size: RSA-2048 on both sides. JD issues 1024-bit keys, but the scheme does not depend on the size (JD's Java,
 * PHP, C# and Ruby SDKs "encrypt" the digest with whatever key they are given, in one RSA block), the connector
 * accepts 1024 bits and more, and 2048 is the size nothing in Hutong should go below. The cost is the simulator's
 * own: about 1.3 ms per answer signed instead of 0.3 ms.
 * <p>
 * Immutable after construction (the wrong key for the bad-signature fault is made once, on first use);
 * thread-safe.
 */
final class JdPayWalletKeys
{
    /** RSA modulus size of the keys made on first start. */
    static final int RSA_BITS = 2048;

    private static final SecureRandom RANDOM = new SecureRandom();

    final String merchant;
    final JdPayKeys wallet;
    private final String merchantPrivateKey;
    private final String jdPublicKey;
    private final String desKey;
    private volatile JdPayKeys wrong;

    JdPayWalletKeys(final SecretStore secrets)
    {
        this.merchant = secrets.get("jdpay.merchant", () -> "11" + RandomSecrets.digits(7));
        this.merchantPrivateKey = secrets.get("jdpay.merchantPrivateKey", JdPayWalletKeys::newPrivateKey);
        final String jdPrivateKey = secrets.get("jdpay.jdPrivateKey", JdPayWalletKeys::newPrivateKey);
        this.desKey = secrets.get("jdpay.desKey", JdPayWalletKeys::newDesKey);
        final PrivateKey jdPrivate = kept("jdpay.jdPrivateKey", jdPrivateKey);
        this.jdPublicKey = Base64.getEncoder().encodeToString(publicOf(jdPrivate).getEncoded());
        final PublicKey merchantPublic = publicOf(kept("jdpay.merchantPrivateKey", merchantPrivateKey));
        this.wallet = new JdPayKeys(merchant, JdPayDes.key(desKey), jdPrivate, merchantPublic);
    }

    /**
     * @return the wallet's keys with JD's private key replaced by one the merchant does not trust (made once).
     */
    JdPayKeys wrong()
    {
        JdPayKeys keys = wrong;
        if (null == keys)
        {
            synchronized (this)
            {
                keys = wrong;
                if (null == keys)
                {
                    keys = new JdPayKeys(merchant, wallet.desKey(),
                        kept("wrong", newPrivateKey()), wallet.peerPublicKey());
                    wrong = keys;
                }
            }
        }
        return keys;
    }

    /**
     * @return the connector's settings for this merchant, under the names {@link JdPayConnectorProvider} reads.
     */
    Map<String, Object> credentials()
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(JdPayConnectorProvider.MERCHANT, merchant);
        fields.put(JdPayConnectorProvider.MERCHANT_PRIVATE_KEY, merchantPrivateKey);
        fields.put(JdPayConnectorProvider.JD_PUBLIC_KEY, jdPublicKey);
        fields.put(JdPayConnectorProvider.DES_KEY, desKey);
        return fields;
    }

    private static PrivateKey kept(final String name, final String base64)
    {
        try
        {
            return JdPaySign.privateKey(base64);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("secrets." + name + ": not a PKCS#8 RSA private key", ex);
        }
    }

    private static PublicKey publicOf(final PrivateKey privateKey)
    {
        if (!(privateKey instanceof RSAPrivateCrtKey))
        {
            throw new IllegalArgumentException("secrets: a kept JD Pay key has no public exponent (not a CRT key)");
        }
        final RSAPrivateCrtKey crt = (RSAPrivateCrtKey)privateKey;
        try
        {
            return KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("RSA: not available", ex);
        }
    }

    private static String newPrivateKey()
    {
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS, RANDOM);
            return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("RSA: not available", ex);
        }
    }

    /**
     * 24 random bytes, drawn again in the (about 2^-63) case that two adjacent 8-byte parts are equal, which
     * JD's 3DES would collapse to single DES and {@link JdPayDes#key} refuses.
     */
    private static String newDesKey()
    {
        final byte[] key = new byte[JdPayDes.KEY_BYTES];
        String text;
        do
        {
            RANDOM.nextBytes(key);
            text = Base64.getEncoder().encodeToString(key);
        }
        while (!isDesKey(text));
        return text;
    }

    private static boolean isDesKey(final String text)
    {
        try
        {
            JdPayDes.key(text);
            return true;
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
    }

    @Override
    public String toString()
    {
        return "JdPayWalletKeys[merchant=" + merchant + "]";
    }
}
