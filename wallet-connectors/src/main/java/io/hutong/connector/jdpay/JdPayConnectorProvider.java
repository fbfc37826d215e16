package io.hutong.connector.jdpay;

import com.fasterxml.jackson.databind.JsonNode;
import io.hutong.connector.DeclineReason;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.gm.GmConnectorProvider;
import io.hutong.connector.spi.ConnectorContext;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.WalletConnectorProvider;

import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Provides {@link JdPayConnector}s (connector type {@code jdpay}). Settings (docs/wallet-jdpay.md, "Connector
 * settings"), the same names the simulated JD Pay writes to its credentials entry:
 * <pre>
 *  baseUrl             the gateway, e.g. https://paygate.jd.com (requests go to baseUrl/service/fkmPay ...)
 *  merchant            JD's merchant number, 1-32 letters and digits
 *  merchantPrivateKey  the merchant's RSA private key (PKCS#8, base64 or PEM), 1024 bits or more: signs requests
 *  jdPublicKey         JD's RSA public key (X.509, base64 or PEM): verifies answers
 *  desKey              the merchant's 3DES key, base64 of 24 bytes
 *  device              optional: the store number sent as {@code device} (default {@value #DEFAULT_DEVICE})
 *  resultCodes         optional: {"CODE": "UNKNOWN" | a DeclineReason name, ...}: JD's real failure codes,
 *                      added to or replacing the provisional table ({@link JdPayOutcomes#withOverrides})
 *  interop, schedule   optional, as for every connector
 * </pre>
 * Default schedule, provisional (JD publishes no timing rules): 10 s per call; on IN_PROGRESS or UNKNOWN query
 * every 5 s within 45 s (WeChat's window, the longest published one, since a JD consumer confirms the same way);
 * then revoke at once (JD states no earliest time) and every 2 s, backing off to 60 s.
 * <p>
 * Stateless and thread-safe.
 */
public final class JdPayConnectorProvider implements WalletConnectorProvider
{
    /** The connector type. */
    public static final String TYPE = "jdpay";
    /** Setting: the gateway's base URL. */
    public static final String BASE_URL = "baseUrl";
    /** Setting: JD's merchant number. */
    public static final String MERCHANT = "merchant";
    /** Setting: the merchant's RSA private key, PKCS#8. */
    public static final String MERCHANT_PRIVATE_KEY = "merchantPrivateKey";
    /** Setting: JD's RSA public key, X.509. */
    public static final String JD_PUBLIC_KEY = "jdPublicKey";
    /** Setting: the merchant's 3DES key, base64 of 24 bytes. */
    public static final String DES_KEY = "desKey";
    /** Setting: the store or device number. */
    public static final String DEVICE = "device";
    /** Setting: outcome overrides by JD result code. */
    public static final String RESULT_CODES = "resultCodes";
    /** The {@code device} sent when none is configured. */
    public static final String DEFAULT_DEVICE = "hutong";
    /** Provisional defaults: JD publishes no timing rules. */
    public static final WalletSchedule DEFAULT_SCHEDULE = new WalletSchedule(10_000, 5_000, 45_000, 0, 2_000, 60_000);

    private static final String UNKNOWN = "UNKNOWN";

    @Override
    public Set<String> types()
    {
        return Set.of(TYPE);
    }

    @Override
    public WalletConnector create(final ConnectorContext context)
    {
        final ConnectorSettings settings = context.settings();
        final URI baseUrl = settings.httpUri(BASE_URL);
        final JdPayKeys keys = keys(settings);
        final JdPayOutcomes outcomes = outcomes(settings);
        final String device = settings.text(DEVICE, DEFAULT_DEVICE);
        try
        {
            JdPayChecks.device(device);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(settings.path() + "." + ex.getMessage(), ex);
        }
        final WalletSchedule schedule = settings.schedule(DEFAULT_SCHEDULE);
        return new JdPayConnector(context.walletId(), schedule, baseUrl, keys, outcomes, device, context.clock(),
            context.http(), context.cryptoPool(), GmConnectorProvider.interop(context, baseUrl, schedule));
    }

    /**
     * Reads the merchant's keys, naming the setting at fault and never showing key material.
     *
     * @param settings the wallet's settings.
     * @return the connector's side of the keys.
     * @throws IllegalArgumentException naming the first bad setting.
     */
    static JdPayKeys keys(final ConnectorSettings settings)
    {
        final String merchant = settings.text(MERCHANT);
        if (!JdPayChecks.isMerchant(merchant))
        {
            throw new IllegalArgumentException(settings.path() + "." + MERCHANT + "=" + merchant +
                ": must be 1-32 of [A-Za-z0-9]");
        }
        final String desKeyText = settings.text(DES_KEY);
        final String privateKeyText = settings.text(MERCHANT_PRIVATE_KEY);
        final String publicKeyText = settings.text(JD_PUBLIC_KEY);
        final SecretKey desKey;
        try
        {
            desKey = JdPayDes.key(desKeyText);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(settings.path() + "." + ex.getMessage(), ex);
        }
        final PrivateKey privateKey;
        try
        {
            privateKey = JdPaySign.privateKey(privateKeyText);
        }
        catch (final IllegalArgumentException ex)
        {
            throw keyError(settings, MERCHANT_PRIVATE_KEY, "not a PKCS#8 RSA private key", ex);
        }
        final PublicKey publicKey;
        try
        {
            publicKey = JdPaySign.publicKey(publicKeyText);
        }
        catch (final IllegalArgumentException ex)
        {
            throw keyError(settings, JD_PUBLIC_KEY, "not an X.509 RSA public key", ex);
        }
        return new JdPayKeys(merchant, desKey, privateKey, publicKey);
    }

    /**
     * Reads the optional {@value #RESULT_CODES} overrides.
     *
     * @param settings the wallet's settings.
     * @return the default table, or the default table with the overrides.
     * @throws IllegalArgumentException naming the first bad entry.
     */
    static JdPayOutcomes outcomes(final ConnectorSettings settings)
    {
        if (!settings.has(RESULT_CODES))
        {
            return JdPayOutcomes.DEFAULT;
        }
        final ConnectorSettings section = settings.section(RESULT_CODES);
        final Map<String, WalletOutcome> overrides = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonNode> entry : section.toJson().properties())
        {
            final String code = entry.getKey();
            if (code.isEmpty() || code.length() > 32 || JdPayResultCodes.SUCCESS.equals(code))
            {
                throw new IllegalArgumentException(section.path() + "." + code +
                    ": a failure code must be 1-32 characters and not " + JdPayResultCodes.SUCCESS);
            }
            overrides.put(code, outcome(section.path() + "." + code, code, entry.getValue()));
        }
        return JdPayOutcomes.DEFAULT.withOverrides(overrides);
    }

    private static WalletOutcome outcome(final String path, final String code, final JsonNode value)
    {
        final String text = value.isTextual() ? value.asText() : null;
        if (UNKNOWN.equals(text))
        {
            return WalletOutcome.unknown(code);
        }
        for (final DeclineReason reason : DeclineReason.values())
        {
            if (reason.name().equals(text))
            {
                return WalletOutcome.declined(reason, code);
            }
        }
        throw new IllegalArgumentException(path + "=" + value + ": must be " + UNKNOWN + " or a decline reason (" +
            String.join(", ", reasonNames()) + ")");
    }

    private static String[] reasonNames()
    {
        final DeclineReason[] reasons = DeclineReason.values();
        final String[] names = new String[reasons.length];
        for (int i = 0; i < reasons.length; i++)
        {
            names[i] = reasons[i].name();
        }
        return names;
    }

    private static IllegalArgumentException keyError(
        final ConnectorSettings settings, final String key, final String what, final IllegalArgumentException cause)
    {
        // The cause names lengths only; the key text never reaches a message.
        return new IllegalArgumentException(settings.path() + "." + key + ": " + what + " (base64 or PEM) of " +
            JdPaySign.MIN_KEY_BITS + " bits or more", cause);
    }
}
