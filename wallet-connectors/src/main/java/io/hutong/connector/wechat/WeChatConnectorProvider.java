package io.hutong.connector.wechat;

import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.gm.GmConnectorProvider;
import io.hutong.connector.http.ClientCertificate;
import io.hutong.connector.spi.ConnectorContext;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.WalletConnectorProvider;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Provides {@link WeChatConnector}s (connector type {@code wechat}). Settings: {@code baseUrl}, {@code appId},
 * {@code mchId}, {@code apiKey}, {@code signType} ({@code MD5}, the default, or {@code HMAC-SHA256}), optional
 * {@code clientCertificate} (the path of the merchant's {@code apiclient_cert.p12}, presented on the {@code secapi}
 * calls, reverse and refund, as the real API requires; https only) with {@code clientCertificatePassword} (default:
 * the merchant id, as WeChat issues it), optional {@code interop} (GM credentials for the MPM legs) and
 * {@code schedule}.
 * <p>
 * Default schedule, from WeChat's micropay rules: 10 s per call; on USERPAYING or SYSTEMERROR query every 5 s
 * (WeChat says 3-5 s) while the order can still complete (WeChat closes an unconfirmed micropay after 45 s);
 * then reverse, no sooner than 15 s after the pay, every 5 s backing off to 60 s.
 */
public final class WeChatConnectorProvider implements WalletConnectorProvider
{
    /** WeChat's own rules (DOMAIN.md section 5). */
    public static final WalletSchedule DEFAULT_SCHEDULE = new WalletSchedule(10_000, 5_000, 45_000, 15_000, 5_000, 60_000);

    @Override
    public Set<String> types()
    {
        return Set.of("wechat");
    }

    @Override
    public WalletConnector create(final ConnectorContext context)
    {
        final ConnectorSettings settings = context.settings();
        final URI baseUrl = settings.httpUri("baseUrl");
        final String signTypeName = settings.text("signType", WeChatSignType.MD5.wireName());
        final WeChatSignType signType = WeChatSignType.fromWireName(signTypeName);
        if (null == signType)
        {
            throw new IllegalArgumentException(settings.path() + ".signType=" + signTypeName + ": must be MD5 or HMAC-SHA256");
        }
        final WeChatMerchant merchant;
        try
        {
            merchant = new WeChatMerchant(settings.text("appId"), settings.text("mchId"), settings.text("apiKey"), signType);
        }
        catch (final IllegalArgumentException ex)
        {
            throw ex.getMessage().startsWith(settings.path()) ? ex :
                new IllegalArgumentException(settings.path() + "." + ex.getMessage(), ex);
        }
        final ClientCertificate certificate = settings.has("clientCertificate") ?
            clientCertificate(settings, baseUrl, merchant.mchId()) : null;
        final WalletSchedule schedule = settings.schedule(DEFAULT_SCHEDULE);
        return new WeChatConnector(context.walletId(), schedule, baseUrl, merchant, certificate, context.http(),
            context.cryptoPool(), GmConnectorProvider.interop(context, baseUrl, schedule));
    }

    private static ClientCertificate clientCertificate(
        final ConnectorSettings settings, final URI baseUrl, final String mchId)
    {
        final String where = settings.path() + ".clientCertificate";
        if (!"https".equalsIgnoreCase(baseUrl.getScheme()))
        {
            throw new IllegalArgumentException(where + ": needs an https baseUrl, not " + baseUrl);
        }
        final String file = settings.text("clientCertificate");
        final Path path;
        try
        {
            path = Path.of(file);
        }
        catch (final InvalidPathException ex)
        {
            throw new IllegalArgumentException(where + "=" + file + ": not a file path", ex);
        }
        try
        {
            return ClientCertificate.fromPkcs12(path, settings.text("clientCertificatePassword", mchId).toCharArray());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
        }
    }
}
