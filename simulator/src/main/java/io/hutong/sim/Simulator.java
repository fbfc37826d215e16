package io.hutong.sim;

import io.hutong.sim.config.CredentialsFile;
import io.hutong.sim.config.FileSecretStore;
import io.hutong.sim.config.OwnerOnlyFiles;
import io.hutong.sim.config.SimulatorConfig;
import io.hutong.sim.config.WalletConfig;
import io.hutong.sim.faults.FaultInjector;
import io.hutong.sim.ledger.AccountUpdate;
import io.hutong.sim.ledger.Ledger;
import io.hutong.sim.ledger.LedgerSettings;
import io.hutong.sim.server.ControlApi;
import io.hutong.sim.server.SecretStore;
import io.hutong.sim.server.SimContext;
import io.hutong.sim.server.WalletApi;
import io.hutong.sim.server.WalletServer;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.agrona.concurrent.EpochClock;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The simulated wallets of one process: a ledger, fault plan and HTTP server per enabled wallet, sharing one event
 * loop group and one bounded signing executor; the secrets and credentials files in {@code <data>/wallets/}.
 *
 * <pre>
 *   config + registry --&gt; per wallet: Ledger (consumers, merchants) + SimContext --WalletApiCatalog--&gt; APIs
 *                                     FaultInjector + ControlApi + WalletServer(host, port)
 *   secrets.json (kept across restarts) --&gt; API keys, SM2/SM4 keys, code seeds
 *   credentials.json (rewritten at every start: ports may change)
 * </pre>
 *
 * Thread-safe: built by {@link #start}, closed once by {@link #close}.
 */
public final class Simulator implements AutoCloseable
{
    /** Directory below the data directory holding the simulator's files. */
    public static final String DIRECTORY = "wallets";
    /** The secrets file name. */
    public static final String SECRETS_FILE = "secrets.json";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final NioEventLoopGroup group;
    private final ThreadPoolExecutor executor;
    private final Map<String, WalletServer> servers = new LinkedHashMap<>();
    private final Path credentialsFile;

    private Simulator(final NioEventLoopGroup group, final ThreadPoolExecutor executor, final Path credentialsFile)
    {
        this.group = group;
        this.executor = executor;
        this.credentialsFile = credentialsFile;
    }

    /**
     * Starts every enabled wallet and writes the credentials file.
     *
     * @param config        the configuration.
     * @param dataDirectory the data directory; {@code wallets/} below it is created owner-only.
     * @param clock         the wallets' clock.
     * @return the running simulator.
     * @throws IllegalArgumentException when a port cannot be bound or a kept secret is unreadable
     *                                  ({@code key=value: reason}).
     */
    public static Simulator start(final SimulatorConfig config, final Path dataDirectory, final EpochClock clock)
    {
        final Path directory = dataDirectory.resolve(DIRECTORY);
        OwnerOnlyFiles.createDirectory(directory);
        final FileSecretStore secrets = FileSecretStore.open(directory.resolve(SECRETS_FILE));
        final NioEventLoopGroup group =
            new NioEventLoopGroup(config.eventLoopThreads(), new DefaultThreadFactory("hutong-sim-io", true));
        final ThreadPoolExecutor executor = new ThreadPoolExecutor(config.signingThreads(), config.signingThreads(),
            0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(config.signingQueue()),
            new DefaultThreadFactory("hutong-sim-sign", true));
        final Simulator simulator = new Simulator(group, executor, directory.resolve(CredentialsFile.FILE_NAME));
        try
        {
            final CredentialsFile credentials = new CredentialsFile();
            int index = 0;
            for (final WalletConfig wallet : config.wallets())
            {
                final long seed = config.faultSeed() + index++;
                if (wallet.enabled())
                {
                    simulator.startWallet(config, wallet, secrets.forWallet(wallet.id()), clock, seed, credentials);
                }
            }
            secrets.save();
            credentials.write(simulator.credentialsFile);
            return simulator;
        }
        catch (final RuntimeException ex)
        {
            simulator.close();
            throw ex;
        }
    }

    private void startWallet(
        final SimulatorConfig config,
        final WalletConfig wallet,
        final SecretStore secrets,
        final EpochClock clock,
        final long faultSeed,
        final CredentialsFile credentials)
    {
        final byte[] seedSecret = HexFormat.of().parseHex(secrets.get("codes.seedSecret", () ->
        {
            final byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            return HexFormat.of().formatHex(secret);
        }));
        final Ledger ledger = new Ledger(new LedgerSettings(wallet.id(), wallet.txnPrefix(), wallet.autoCloseMs(),
            wallet.codeFormat(), seedSecret, wallet.balance(), wallet.perPaymentLimit(), wallet.dailyLimit()), clock);
        for (int i = 1; i <= wallet.consumers(); i++)
        {
            ledger.upsertAccount(new AccountUpdate(consumerId(i), null, null, null, null));
        }
        for (final String merchant : wallet.merchants())
        {
            ledger.addMerchant(merchant);
        }
        final SimContext context = new SimContext(wallet.id(), ledger, clock, secrets, wallet.merchants());
        final List<WalletApi> apis = WalletApiCatalog.create(context);
        final FaultInjector faults = new FaultInjector(faultSeed);
        faults.replace(wallet.faults());
        final byte[] emvAid = null == wallet.emvAid() ? null : HexFormat.of().parseHex(wallet.emvAid());
        final WalletServer server = new WalletServer(
            context, apis, faults, new ControlApi(wallet.id(), ledger, faults, emvAid), group, executor);
        try
        {
            server.start(config.host(), wallet.port());
        }
        catch (final IllegalStateException ex)
        {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
        servers.put(wallet.id(), server);
        final Map<String, Object> apiFields = new LinkedHashMap<>();
        for (final WalletApi api : apis)
        {
            apiFields.putAll(api.credentials(server.baseUrl()));
        }
        credentials.add(wallet.id(), server.baseUrl(), apiFields, wallet.codeFormat(), ledger.consumerSeeds(),
            wallet.merchants());
    }

    /**
     * @param number a default consumer's number, 1-based.
     * @return its account id, e.g. {@code c000001}.
     */
    public static String consumerId(final int number)
    {
        final StringBuilder id = new StringBuilder(7).append(number);
        while (id.length() < 6)
        {
            id.insert(0, '0');
        }
        return id.insert(0, 'c').toString();
    }

    /**
     * @return the running wallets in registry order.
     */
    public List<WalletServer> servers()
    {
        return new ArrayList<>(servers.values());
    }

    /**
     * @param walletId a wallet id.
     * @return its server, or null when it is not running.
     */
    public WalletServer server(final String walletId)
    {
        return servers.get(walletId);
    }

    /**
     * @return the credentials file.
     */
    public Path credentialsFile()
    {
        return credentialsFile;
    }

    /**
     * Closes every connection and server, then the event loops and the executor.
     */
    @Override
    public void close()
    {
        for (final WalletServer server : servers.values())
        {
            server.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        executor.shutdownNow();
    }

    @Override
    public String toString()
    {
        return "Simulator" + servers.keySet();
    }
}
