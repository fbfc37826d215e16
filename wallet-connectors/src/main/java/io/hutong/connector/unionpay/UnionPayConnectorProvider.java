package io.hutong.connector.unionpay;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.gm.GmConnectorProvider;
import io.hutong.connector.spi.ConnectorContext;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.WalletConnectorProvider;

import java.net.URI;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;

/**
 * Provides {@link UnionPayConnector}s (connector type {@value #TYPE}). Settings (docs/wallet-unionpay.md,
 * "Connector settings"):
 * <pre>
 *  gatewayUrl             required  the one POST endpoint, e.g. https://qra.95516.com/pay/gateway
 *  mchId                  required  mch_id assigned by the gateway
 *  signType               optional  MD5 (default, the gateway's own), RSA_1_256 or SM3WITHSM2
 *  md5Key                 MD5       the key shared with the gateway
 *  rsaMerchantPrivateKey  RSA_1_256 the merchant's RSA key (PKCS#8, PEM or bare base64), at least 2048 bits
 *  rsaGatewayPublicKey    RSA_1_256 the gateway's RSA key (X.509, PEM or bare base64)
 *  sm2MerchantPrivateKey  SM3WITHSM2 the merchant's SM2 key (PKCS#8, PEM or bare base64)
 *  sm2GatewayPublicKey    SM3WITHSM2 the gateway's SM2 key (X.509, PEM or bare base64)
 *  mchCreateIp            optional  IPv4 sent as mch_create_ip for terminals without an IPv4 address
 *  baseUrl                optional  where the interop (MPM) legs go; default the gateway's origin
 *  interop, schedule      optional  as for every connector
 * </pre>
 * Only the key settings of the configured sign type are read. Every setting is checked before the connector
 * exists; a bad one fails with its full path ({@code wallets.unionpay.md5Key: required}), never with key material.
 * <p>
 * Stateless and thread-safe.
 */
public final class UnionPayConnectorProvider implements WalletConnectorProvider
{
    /** The connector type. */
    public static final String TYPE = "unionpay";

    /**
     * The default schedule. From the gateway's documented micropay rule (docs/wallet-unionpay.md section 6.1, rule
     * 4: query every 5 s about six times, at least 30 s, then reverse): query every 5 s within 30 s, reverse no
     * sooner than 30 s after the pay. Provisional (no public source): 10 s per call, and reverse retries every 5 s
     * doubling to 60 s, which only have to keep a reversal going until the gateway acknowledges it.
     */
    public static final WalletSchedule DEFAULT_SCHEDULE =
        new WalletSchedule(10_000, 5_000, 30_000, 30_000, 5_000, 60_000);

    /** Setting: the gateway URL. */
    public static final String GATEWAY_URL = "gatewayUrl";
    /** Setting: the merchant id. */
    public static final String MCH_ID = "mchId";
    /** Setting: the sign type's wire name. */
    public static final String SIGN_TYPE = "signType";
    /** Setting: the MD5 key. */
    public static final String MD5_KEY = "md5Key";
    /** Setting: the merchant's RSA private key. */
    public static final String RSA_MERCHANT_PRIVATE_KEY = "rsaMerchantPrivateKey";
    /** Setting: the gateway's RSA public key. */
    public static final String RSA_GATEWAY_PUBLIC_KEY = "rsaGatewayPublicKey";
    /** Setting: the merchant's SM2 private key. */
    public static final String SM2_MERCHANT_PRIVATE_KEY = "sm2MerchantPrivateKey";
    /** Setting: the gateway's SM2 public key. */
    public static final String SM2_GATEWAY_PUBLIC_KEY = "sm2GatewayPublicKey";
    /** Setting: the IPv4 address for terminals without one. */
    public static final String MCH_CREATE_IP = "mchCreateIp";
    /** Setting: the base URL of the interop legs. */
    public static final String BASE_URL = "baseUrl";

    /** Key ids are only names in logs here: the gateway style carries none on the wire. */
    private static final String MERCHANT_KEY_ID = "unionpay-merchant";
    private static final String GATEWAY_KEY_ID = "unionpay-gateway";

    @Override
    public Set<String> types()
    {
        return Set.of(TYPE);
    }

    @Override
    public WalletConnector create(final ConnectorContext context)
    {
        final ConnectorSettings settings = context.settings();
        final URI gatewayUrl = settings.httpUri(GATEWAY_URL);
        final URI baseUrl = settings.has(BASE_URL) ? settings.httpUri(BASE_URL) : gatewayUrl.resolve("/");
        final UnionPayMerchant merchant = merchant(settings);
        final String fallbackCreateIp = settings.text(MCH_CREATE_IP, null);
        if (null != fallbackCreateIp)
        {
            rethrowWithPath(settings, () -> UnionPayChecks.ipv4(fallbackCreateIp), MCH_CREATE_IP);
        }
        final WalletSchedule schedule = settings.schedule(DEFAULT_SCHEDULE);
        return new UnionPayConnector(context.walletId(), schedule, gatewayUrl, merchant, fallbackCreateIp,
            context.http(), context.cryptoPool(), GmConnectorProvider.interop(context, baseUrl, schedule));
    }

    /**
     * The merchant's credentials from settings: {@code mchId}, {@code signType} and that sign type's keys.
     *
     * @param settings the wallet's settings.
     * @return the credentials.
     * @throws IllegalArgumentException naming the first missing or invalid setting, never showing a key.
     */
    public static UnionPayMerchant merchant(final ConnectorSettings settings)
    {
        final String signTypeName = settings.text(SIGN_TYPE, UnionPaySignType.MD5.wireName());
        final UnionPaySignType signType = UnionPaySignType.fromWireName(signTypeName);
        if (null == signType)
        {
            throw new IllegalArgumentException(settings.path() + "." + SIGN_TYPE + "=" + signTypeName +
                ": must be MD5, RSA_1_256 or SM3WITHSM2");
        }
        final String mchId = settings.text(MCH_ID);
        rethrowWithPath(settings, () -> UnionPayChecks.token(UnionPayFields.MCH_ID, mchId, UnionPayChecks.MAX_ID),
            MCH_ID);
        return new UnionPayMerchant(mchId, keys(settings, signType));
    }

    private static UnionPayKeys keys(final ConnectorSettings settings, final UnionPaySignType signType)
    {
        switch (signType)
        {
            case RSA_1_256:
            {
                final PrivateKey own = rsaPrivate(settings);
                final PublicKey peer = rsaPublic(settings);
                try
                {
                    return UnionPayKeys.rsa(own, peer);
                }
                catch (final IllegalArgumentException ex)
                {
                    // Too short a key: the message names which half and its size, never the key.
                    throw new IllegalArgumentException(settings.path() + "." + RSA_MERCHANT_PRIVATE_KEY + "/" +
                        RSA_GATEWAY_PUBLIC_KEY + ": " + ex.getMessage(), ex);
                }
            }
            case SM3WITHSM2:
            {
                final PrivateKey own = settings.privateKey(SM2_MERCHANT_PRIVATE_KEY);
                final PublicKey peer = settings.publicKey(SM2_GATEWAY_PUBLIC_KEY);
                requireSm2(settings, SM2_MERCHANT_PRIVATE_KEY, own);
                requireSm2(settings, SM2_GATEWAY_PUBLIC_KEY, peer);
                return UnionPayKeys.sm2(new CodeSigner(SignatureAlgorithm.SM2_SM3, MERCHANT_KEY_ID, own),
                    TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.SM2_SM3, GATEWAY_KEY_ID, peer)));
            }
            default:
                return UnionPayKeys.md5(settings.text(MD5_KEY));
        }
    }

    private static PrivateKey rsaPrivate(final ConnectorSettings settings)
    {
        final String text = settings.text(RSA_MERCHANT_PRIVATE_KEY);
        try
        {
            return UnionPayKeys.rsaPrivateKey(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(settings.path() + "." + RSA_MERCHANT_PRIVATE_KEY +
                ": not a PKCS#8 RSA private key (PEM or base64)");
        }
    }

    private static PublicKey rsaPublic(final ConnectorSettings settings)
    {
        final String text = settings.text(RSA_GATEWAY_PUBLIC_KEY);
        try
        {
            return UnionPayKeys.rsaPublicKey(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(settings.path() + "." + RSA_GATEWAY_PUBLIC_KEY +
                ": not an X.509 RSA public key (PEM or base64)");
        }
    }

    private static void requireSm2(final ConnectorSettings settings, final String name, final Key key)
    {
        boolean sm2;
        try
        {
            sm2 = SignatureAlgorithm.SM2_SM3 == SignatureAlgorithm.forKey(key);
        }
        catch (final IllegalArgumentException ex)
        {
            sm2 = false;
        }
        if (!sm2)
        {
            throw new IllegalArgumentException(settings.path() + "." + name + ": must be an SM2 (sm2p256v1) key");
        }
    }

    /** Runs a rule whose message lacks the settings path, adding it (the rules name the wire field or key). */
    private static void rethrowWithPath(final ConnectorSettings settings, final Runnable rule, final String name)
    {
        try
        {
            rule.run();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(settings.path() + "." + name + ": " + ex.getMessage(), ex);
        }
    }
}
