package io.hutong.connector.alipay;

import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.gm.GmConnectorProvider;
import io.hutong.connector.spi.ConnectorContext;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.WalletConnectorProvider;

import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;

/**
 * Provides {@link AlipayConnector}s (connector type {@code alipay}). Settings: {@code gatewayUrl},
 * {@code appId}, {@code appPrivateKey} (RSA, PKCS#8 base64 as Alipay's console gives it, or PEM),
 * {@code alipayPublicKey} (the gateway's RSA key, X.509 base64 or PEM), optional {@code baseUrl} (where the
 * interop legs go; default the gateway's origin), {@code interop} and {@code schedule}.
 * <p>
 * Default schedule, from the Alipay SDK's barcode flow: 10 s per call; on 10003 or 20000 query every 5 s, five
 * times (25 s); then cancel at once and every 2 s (the SDK tries 3 times; the switch keeps going, backing off
 * to 60 s, because a cancel must eventually land).
 */
public final class AlipayConnectorProvider implements WalletConnectorProvider
{
    /** The Alipay SDK's rules (DOMAIN.md section 5). */
    public static final WalletSchedule DEFAULT_SCHEDULE = new WalletSchedule(10_000, 5_000, 25_000, 0, 2_000, 60_000);

    @Override
    public Set<String> types()
    {
        return Set.of("alipay");
    }

    @Override
    public WalletConnector create(final ConnectorContext context)
    {
        final ConnectorSettings settings = context.settings();
        final URI gatewayUrl = settings.httpUri("gatewayUrl");
        final URI baseUrl = settings.has("baseUrl") ? settings.httpUri("baseUrl") : gatewayUrl.resolve("/");
        final PrivateKey appKey = settings.privateKey("appPrivateKey");
        final PublicKey gatewayKey = settings.publicKey("alipayPublicKey");
        if (!"RSA".equals(appKey.getAlgorithm()) || !"RSA".equals(gatewayKey.getAlgorithm()))
        {
            throw new IllegalArgumentException(settings.path() + ".appPrivateKey/alipayPublicKey: must be RSA keys (RSA2)");
        }
        final AlipayRequestEncoder encoder;
        try
        {
            encoder = new AlipayRequestEncoder(settings.text("appId"), appKey, context.clock());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(settings.path() + "." + ex.getMessage(), ex);
        }
        final WalletSchedule schedule = settings.schedule(DEFAULT_SCHEDULE);
        return new AlipayConnector(context.walletId(), schedule, gatewayUrl, encoder, gatewayKey, context.http(),
            context.cryptoPool(), GmConnectorProvider.interop(context, baseUrl, schedule));
    }
}
