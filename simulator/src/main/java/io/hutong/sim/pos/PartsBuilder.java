package io.hutong.sim.pos;

import io.hutong.codec.card.MerchantCodeCard;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.registry.WalletRegistryLoader;
import io.hutong.core.http.ApiClients;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the generator's parts from its settings and the credentials file, checking on the way that the mix can be
 * served: every debited wallet has consumers (CPM) and an API client (MPM), and some wallet has a payee merchant
 * (MPM). Not thread-safe; used once at start.
 */
final class PartsBuilder
{
    private static final double SCAN_STOCK_SECONDS = 2.0;
    private static final int MAX_SCAN_STOCK = 2_000;

    private final LoadSettings settings;
    private final WalletCredentials credentials;
    private final List<String> wallets;

    /**
     * @param settings    the settings.
     * @param credentials the wallets.
     * @throws IllegalArgumentException when the wallet mix names a wallet the file does not have.
     */
    PartsBuilder(final LoadSettings settings, final WalletCredentials credentials)
    {
        this.settings = settings;
        this.credentials = credentials;
        this.wallets = List.copyOf(credentials.wallets().keySet());
        for (final String name : settings.walletMix().names())
        {
            if (!wallets.contains(name))
            {
                throw new IllegalArgumentException("--wallet-mix=" + settings.walletMix() + ": " + name +
                    " is not in " + credentials.file() + " (it has " + wallets + ")");
            }
        }
    }

    /**
     * @return a phone per wallet that has consumers (null for the others).
     * @throws IllegalArgumentException when a wallet the CPM mix debits has no consumers.
     */
    PhoneCodes[] phones()
    {
        final PhoneCodes[] phones = new PhoneCodes[wallets.size()];
        // A random first account per wallet: two generators against the same wallets rarely start on the same codes.
        final SecureRandom random = new SecureRandom();
        for (int i = 0; i < phones.length; i++)
        {
            final WalletCredentials.Wallet wallet = credentials.wallet(wallets.get(i));
            if (!wallet.consumers().isEmpty())
            {
                phones[i] = new PhoneCodes(wallet, random.nextInt(wallet.consumers().size()));
            }
            else if (settings.flowMix().share("cpm") > 0 && settings.walletMix().weight(wallet.id()) > 0)
            {
                throw new IllegalArgumentException("--wallet-mix=" + settings.walletMix() + ": " + wallet.id() +
                    " has no consumers in " + credentials.file());
            }
        }
        return phones;
    }

    /**
     * @return each wallet's base URL, by index.
     */
    URI[] walletBases()
    {
        final URI[] bases = new URI[wallets.size()];
        for (int i = 0; i < bases.length; i++)
        {
            bases[i] = credentials.wallet(wallets.get(i)).baseUrl();
        }
        return bases;
    }

    /**
     * @return the HTTP API client acting for each wallet (none when no MPM is offered).
     * @throws IllegalArgumentException when a payer wallet of the mix has no client in the clients file.
     */
    ApiClients.Client[] clients()
    {
        final ApiClients.Client[] clients = new ApiClients.Client[wallets.size()];
        if (settings.mpmShare() <= 0)
        {
            return clients;
        }
        final ApiClients file = ApiClients.load(settings.clientsFile(), 0);
        for (final ApiClients.Client client : file.clients())
        {
            final int index = wallets.indexOf(client.wallet());
            if (index >= 0 && null == clients[index])
            {
                clients[index] = client;
            }
        }
        for (final String payer : settings.walletMix().chosen())
        {
            if (null == clients[wallets.indexOf(payer)])
            {
                throw new IllegalArgumentException("--clients=" + settings.clientsFile() + ": no API client acts for " +
                    payer + ", so it cannot pay MPM codes (use --mix cpm=100 or the switch's clients file)");
            }
        }
        return clients;
    }

    /**
     * @param tag       the run tag.
     * @param phones    the phones.
     * @param payer     the MPM flow.
     * @param scanner   the image stock.
     * @param terminals the terminals.
     * @return the parts.
     */
    PosLoadParts parts(
        final String tag,
        final PhoneCodes[] phones,
        final MpmPayer payer,
        final ScanWorker scanner,
        final PosTerminal[] terminals)
    {
        final Weights walletMix = settings.walletMix();
        final int[] debitedOf = indexes(walletMix);
        final Map<String, Integer> payeeWeights = new LinkedHashMap<>();
        final String[] cards = new String[wallets.size()];
        final WalletRegistry registry = WalletRegistryLoader.defaults();
        for (final String name : walletMix.chosen())
        {
            final WalletCredentials.Wallet wallet = credentials.wallet(name);
            if (!wallet.merchants().isEmpty() && null != registry.participant(name))
            {
                payeeWeights.put(name, walletMix.weight(name));
                // One card per payee wallet, carrying only that wallet's account: the switch routes it to the payee.
                cards[wallets.indexOf(name)] = new MerchantCodeCard(wallet.merchants().get(0), "Hutong Load " + name,
                    "Beijing", "CN", "5812", "156", null, List.of(name)).toPayload(registry).encode();
            }
        }
        if (payeeWeights.isEmpty() && settings.mpmShare() > 0)
        {
            throw new IllegalArgumentException("--mix=" + settings.flowMix() + ": no wallet of the mix has a payee " +
                "merchant in " + credentials.file() + " for MPM payments");
        }
        final Weights payeeMix = payeeWeights.isEmpty() ? walletMix : Weights.of(payeeWeights);
        final List<List<String>> accounts = new ArrayList<>();
        for (final String id : wallets)
        {
            final List<String> ids = new ArrayList<>();
            for (final WalletCredentials.Consumer consumer : credentials.wallet(id).consumers())
            {
                ids.add(consumer.account());
            }
            accounts.add(List.copyOf(ids));
        }
        return new PosLoadParts(wallets, walletMix, debitedOf, payeeMix, indexes(payeeMix), settings.mpmShare(),
            settings.imageShare(), phones, cards, accounts, tag, payer, scanner, terminals);
    }

    /**
     * How many codes read back from images to keep per wallet: two seconds of what the rate needs.
     *
     * @param settings the settings.
     * @param parts    the parts.
     * @param tps      the offered rate.
     * @return the stock per wallet index.
     */
    static int[] scanStock(final LoadSettings settings, final PosLoadParts parts, final int tps)
    {
        final int[] stock = new int[parts.wallets().size()];
        final double perSecond = settings.imageShare() * settings.flowMix().share("cpm") * tps;
        for (int i = 0; i < stock.length; i++)
        {
            final double need = perSecond * settings.walletMix().share(parts.wallets().get(i)) * SCAN_STOCK_SECONDS;
            stock[i] = need <= 0 ? 0 : (int)Math.min(MAX_SCAN_STOCK, Math.max(2, Math.ceil(need)));
        }
        return stock;
    }

    private int[] indexes(final Weights mix)
    {
        final int[] indexes = new int[mix.names().size()];
        for (int i = 0; i < indexes.length; i++)
        {
            indexes[i] = wallets.indexOf(mix.names().get(i));
        }
        return indexes;
    }
}
