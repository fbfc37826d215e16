package io.hutong.sim.unionpay;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;
import io.hutong.connector.unionpay.UnionPayConnectorProvider;
import io.hutong.connector.unionpay.UnionPayKeys;
import io.hutong.connector.unionpay.UnionPaySignType;
import io.hutong.sim.server.RandomSecrets;
import io.hutong.sim.server.SecretStore;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated gateway's enrolment of the switch as a merchant, kept in the wallet's secrets so restarts keep it:
 * the {@code mch_id}, the registered sign type and that sign type's keys. The simulator plays both the gateway and
 * the operator who enrolled the merchant, so it makes the merchant's key pair too and hands its private half out
 * in the credentials file, under exactly the setting names the connector reads.
 *
 * <pre>
 *  secrets.json "unionpay": unionpay.mchId, unionpay.signType (default SM3WITHSM2), and for the sign type:
 *    MD5         unionpay.md5Key                                      shared
 *    RSA_1_256   unionpay.rsaMerchantPrivateKey, unionpay.rsaGatewayPrivateKey   PKCS#8 base64, 2048 bits
 *    SM3WITHSM2  unionpay.sm2MerchantPrivateKey, unionpay.sm2GatewayPrivateKey   PKCS#8 base64
 *  public halves are derived from the private ones, so a pair can never come apart
 * </pre>
 *
 * Immutable and thread-safe; {@link #toString()} shows no key.
 */
final class UnionPayGatewayKeys
{
    /** The secret naming the registered sign type. */
    static final String SIGN_TYPE_SECRET = "unionpay.signType";
    /** The sign type of a wallet started for the first time: national cryptography. */
    static final UnionPaySignType DEFAULT_SIGN_TYPE = UnionPaySignType.SM3WITHSM2;

    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RSA_BITS = 2048;

    final String mchId;
    final UnionPaySignType signType;
    /** The gateway's own signing half and the merchant's verifying half. */
    final UnionPayKeys gateway;
    /** Same sign type, signing with a key the merchant does not trust (the bad-signature fault). */
    final UnionPayKeys wrong;
    private final Map<String, Object> clientFields = new LinkedHashMap<>();

    /**
     * @param secrets  the wallet's secrets.
     * @param signType the sign type to register the merchant with.
     */
    UnionPayGatewayKeys(final SecretStore secrets, final UnionPaySignType signType)
    {
        this.mchId = secrets.get("unionpay.mchId", () -> "QRA29" + RandomSecrets.digits(10));
        this.signType = signType;
        clientFields.put(UnionPayConnectorProvider.MCH_ID, mchId);
        clientFields.put(UnionPayConnectorProvider.SIGN_TYPE, signType.wireName());
        switch (signType)
        {
            case RSA_1_256:
            {
                final PrivateKey merchant = rsaPrivate(secrets.get("unionpay.rsaMerchantPrivateKey", () -> newRsaKey()));
                final PrivateKey gatewayKey = rsaPrivate(secrets.get("unionpay.rsaGatewayPrivateKey", () -> newRsaKey()));
                final PublicKey merchantPublic = rsaPublic(merchant);
                this.gateway = UnionPayKeys.rsa(gatewayKey, merchantPublic);
                // The merchant's own key is one the merchant will never accept from the gateway.
                this.wrong = UnionPayKeys.rsa(merchant, merchantPublic);
                clientFields.put(UnionPayConnectorProvider.RSA_MERCHANT_PRIVATE_KEY, base64(merchant.getEncoded()));
                clientFields.put(UnionPayConnectorProvider.RSA_GATEWAY_PUBLIC_KEY,
                    base64(rsaPublic(gatewayKey).getEncoded()));
                break;
            }
            case SM3WITHSM2:
            {
                final PrivateKey merchant = sm2Private(secrets.get("unionpay.sm2MerchantPrivateKey", () -> newSm2Key()));
                final PrivateKey gatewayKey = sm2Private(secrets.get("unionpay.sm2GatewayPrivateKey", () -> newSm2Key()));
                final TrustedKeys merchantPublic =
                    TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.SM2_SM3, "unionpay-merchant", sm2Public(merchant)));
                this.gateway = UnionPayKeys.sm2(
                    new CodeSigner(SignatureAlgorithm.SM2_SM3, "unionpay-gateway", gatewayKey), merchantPublic);
                this.wrong = UnionPayKeys.sm2(
                    new CodeSigner(SignatureAlgorithm.SM2_SM3, "unionpay-gateway", merchant), merchantPublic);
                clientFields.put(UnionPayConnectorProvider.SM2_MERCHANT_PRIVATE_KEY, base64(merchant.getEncoded()));
                clientFields.put(UnionPayConnectorProvider.SM2_GATEWAY_PUBLIC_KEY,
                    base64(sm2Public(gatewayKey).getEncoded()));
                break;
            }
            default:
            {
                final String key = secrets.get("unionpay.md5Key", () -> RandomSecrets.alphanumeric(32));
                this.gateway = UnionPayKeys.md5(key);
                // A key the merchant does not have: its own, reversed and one character longer.
                this.wrong = UnionPayKeys.md5(new StringBuilder(key).reverse().append('X').toString());
                clientFields.put(UnionPayConnectorProvider.MD5_KEY, key);
                break;
            }
        }
    }

    /**
     * The sign type the merchant is registered with: the kept {@value #SIGN_TYPE_SECRET}, written as
     * {@link #DEFAULT_SIGN_TYPE} on first start. Change it in {@code secrets.json} (or seed it there before the
     * first start) to run the gateway with MD5 or RSA_1_256.
     *
     * @param secrets the wallet's secrets.
     * @return the sign type.
     * @throws IllegalArgumentException if the kept value is not a sign type the gateway speaks.
     */
    static UnionPaySignType configuredSignType(final SecretStore secrets)
    {
        final String name = secrets.get(SIGN_TYPE_SECRET, DEFAULT_SIGN_TYPE::wireName);
        final UnionPaySignType signType = null == name || name.isEmpty() ? null : UnionPaySignType.fromWireName(name);
        if (null == signType)
        {
            throw new IllegalArgumentException("secrets.json " + SIGN_TYPE_SECRET + "=" + name +
                ": must be MD5, RSA_1_256 or SM3WITHSM2");
        }
        return signType;
    }

    /**
     * @return what the merchant's client needs besides the URLs: {@code mchId}, {@code signType} and that sign
     * type's key settings, named as {@link UnionPayConnectorProvider} reads them.
     */
    Map<String, Object> clientFields()
    {
        return new LinkedHashMap<>(clientFields);
    }

    private static PrivateKey rsaPrivate(final String pkcs8Base64)
    {
        try
        {
            return KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)));
        }
        catch (final GeneralSecurityException | IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("secrets: a kept UnionPay RSA key is not a PKCS#8 RSA key (" +
                ex.getClass().getSimpleName() + ")", ex);
        }
    }

    private static PublicKey rsaPublic(final PrivateKey privateKey)
    {
        try
        {
            final RSAPrivateCrtKey crt = (RSAPrivateCrtKey)privateKey;
            return KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        }
        catch (final GeneralSecurityException | ClassCastException ex)
        {
            throw new IllegalArgumentException("secrets: a kept UnionPay RSA key has no public exponent", ex);
        }
    }

    private static PrivateKey sm2Private(final String pkcs8Base64)
    {
        try
        {
            final PrivateKey key = KeyFactory.getInstance("EC", PROVIDER).generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)));
            if (SignatureAlgorithm.SM2_SM3 != SignatureAlgorithm.forKey(key))
            {
                throw new IllegalArgumentException("not on sm2p256v1");
            }
            return key;
        }
        catch (final GeneralSecurityException | IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("secrets: a kept UnionPay SM2 key is not a PKCS#8 SM2 key (" +
                ex.getClass().getSimpleName() + ")", ex);
        }
    }

    /**
     * The public point Q = d x G of an SM2 private key, so only the private half needs keeping.
     */
    private static PublicKey sm2Public(final PrivateKey privateKey)
    {
        try
        {
            final org.bouncycastle.jce.interfaces.ECPrivateKey key =
                (org.bouncycastle.jce.interfaces.ECPrivateKey)privateKey;
            final org.bouncycastle.jce.spec.ECParameterSpec spec = key.getParameters();
            return KeyFactory.getInstance("EC", PROVIDER).generatePublic(
                new org.bouncycastle.jce.spec.ECPublicKeySpec(spec.getG().multiply(key.getD()).normalize(), spec));
        }
        catch (final GeneralSecurityException | ClassCastException ex)
        {
            throw new IllegalArgumentException("secrets: cannot derive the public half of a UnionPay SM2 key", ex);
        }
    }

    private static String newRsaKey()
    {
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS, RANDOM);
            return base64(generator.generateKeyPair().getPrivate().getEncoded());
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("algorithm=RSA: not available", ex);
        }
    }

    private static String newSm2Key()
    {
        return base64(KeyPairs.generate(SignatureAlgorithm.SM2_SM3).getPrivate().getEncoded());
    }

    private static String base64(final byte[] bytes)
    {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public String toString()
    {
        return "UnionPayGatewayKeys[mchId=" + mchId + ", signType=" + signType.wireName() + "]";
    }
}
