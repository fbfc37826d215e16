package io.hutong.sim.alipay;

import io.hutong.connector.alipay.AlipaySign;
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

/**
 * The simulated Alipay gateway's enrolment of one merchant app, kept in the wallet's secrets so restarts keep it:
 * the {@code app_id}, the app's RSA key pair (the simulator plays the merchant who generated it with Alipay's key
 * tool and uploaded the public half, so it hands the private half out in the credentials file) and the gateway's
 * own RSA key pair, which signs every answer and is never the app's. Only the private halves are kept; the public
 * halves are recomputed from them. Immutable and thread-safe.
 */
final class AlipayKeys
{
    /** RSA2 keys are 2048-bit, as Alipay's key tool makes them. */
    private static final int RSA_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    final String appId;
    final PublicKey appPublicKey;
    final PrivateKey gatewayPrivateKey;
    /** Signs answers under a bad-signature fault: a key the merchant does not know. */
    final PrivateKey wrongPrivateKey;
    final String appPrivateKeyText;
    final String gatewayPublicKeyText;

    AlipayKeys(final SecretStore secrets)
    {
        // Alipay app ids are 16 digits; open-platform apps created since 2021 start with the year.
        this.appId = secrets.get("alipay.appId", () -> "2021" + RandomSecrets.digits(12));
        this.appPrivateKeyText = secrets.get("alipay.appPrivateKey", AlipayKeys::newPrivateKey);
        final String gatewayPrivateKeyText = secrets.get("alipay.gatewayPrivateKey", AlipayKeys::newPrivateKey);
        this.appPublicKey = publicKeyOf(AlipaySign.privateKey(appPrivateKeyText));
        this.gatewayPrivateKey = AlipaySign.privateKey(gatewayPrivateKeyText);
        this.gatewayPublicKeyText = Base64.getEncoder().encodeToString(publicKeyOf(gatewayPrivateKey).getEncoded());
        // Kept too, though not secret: a 2048-bit key takes about 0.7 s to make, and restarts need not pay it again.
        this.wrongPrivateKey =
            AlipaySign.privateKey(secrets.get("alipay.wrongPrivateKey", AlipayKeys::newPrivateKey));
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
            throw new IllegalStateException("algorithm=RSA: not available in this JVM", ex);
        }
    }

    /**
     * The public half of an RSA private key: PKCS#8 RSA keys carry the CRT form, which includes the public exponent.
     */
    private static PublicKey publicKeyOf(final PrivateKey privateKey)
    {
        if (!(privateKey instanceof RSAPrivateCrtKey))
        {
            throw new IllegalArgumentException("secrets: a kept Alipay private key is not an RSA CRT key (" +
                privateKey.getClass().getSimpleName() + ")");
        }
        final RSAPrivateCrtKey crt = (RSAPrivateCrtKey)privateKey;
        try
        {
            return KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("algorithm=RSA: cannot make a public key", ex);
        }
    }

    @Override
    public String toString()
    {
        // Keys never printed.
        return "AlipayKeys[appId=" + appId + "]";
    }
}
