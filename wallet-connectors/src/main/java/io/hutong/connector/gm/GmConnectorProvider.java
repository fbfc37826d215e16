package io.hutong.connector.gm;

import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.spi.ConnectorContext;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.WalletConnectorProvider;

import java.net.URI;
import java.util.Set;

/**
 * Provides {@link GmConnector}s for the connector types {@code gm}, {@code bestpay}, {@code cmpay} and
 * {@code wopay}: the three wallets whose own barcode APIs are not public are driven through the GM interface.
 * Settings: {@code baseUrl} and an {@code interop} object with the GM credentials (see {@link GmClient}),
 * optional {@code schedule}.
 * <p>
 * Default schedule, provisional (no public source gives these wallets' rules): 10 s per call, query every 3 s
 * within 30 s, then reverse at once and every 2 s, backing off to 60 s.
 */
public final class GmConnectorProvider implements WalletConnectorProvider
{
    /** The provisional defaults for GM-interface wallets. */
    public static final WalletSchedule DEFAULT_SCHEDULE = new WalletSchedule(10_000, 3_000, 30_000, 0, 2_000, 60_000);

    @Override
    public Set<String> types()
    {
        return Set.of("gm", "bestpay", "cmpay", "wopay");
    }

    /**
     * The connector for a wallet's MPM legs, from its optional {@code interop} settings: the GM interface at the
     * wallet's base URL unless {@code interop.baseUrl} says otherwise.
     *
     * @param context  the wallet's context.
     * @param baseUrl  the wallet's base URL.
     * @param schedule the wallet's schedule.
     * @return the connector, or null when the wallet has no {@code interop} settings.
     */
    public static WalletConnector interop(final ConnectorContext context, final URI baseUrl, final WalletSchedule schedule)
    {
        final ConnectorSettings settings = context.settings();
        if (!settings.has("interop"))
        {
            return null;
        }
        final GmClient client = GmClient.fromSettings(settings.section("interop"), baseUrl, context.clock());
        return new GmConnector(context.walletId(), schedule, client, context.http(), context.cryptoPool());
    }

    @Override
    public WalletConnector create(final ConnectorContext context)
    {
        final ConnectorSettings settings = context.settings();
        final GmClient client = GmClient.fromSettings(settings.section("interop"), settings.httpUri("baseUrl"), context.clock());
        return new GmConnector(
            context.walletId(), settings.schedule(DEFAULT_SCHEDULE), client, context.http(), context.cryptoPool());
    }
}
