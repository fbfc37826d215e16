package io.hutong.core.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.codec.classify.CodeClassifier;
import io.hutong.codec.registry.WalletRegistry;
import io.hutong.codec.registry.WalletRegistryLoader;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.CryptoPool;
import io.hutong.connector.spi.WalletConnectors;
import io.hutong.core.config.SwitchSettings;
import io.hutong.core.engine.ChronicleJournal;
import io.hutong.core.engine.Engine;
import io.hutong.core.engine.EngineCounters;
import io.hutong.core.engine.EngineInbox;
import io.hutong.core.engine.Hop;
import io.hutong.core.engine.WalletSlot;
import io.hutong.core.engine.admission.CircuitBreaker;
import io.hutong.core.engine.command.RequestDescriptor;
import io.hutong.core.http.ApiClients;
import io.hutong.core.http.HttpApi;
import io.hutong.core.http.HttpApiServer;
import io.hutong.core.journal.JournalReader;
import io.hutong.core.journal.JournalSyncMode;
import io.hutong.core.journal.JournalWriter;
import io.hutong.core.metrics.SwitchMetrics;
import io.hutong.core.pos.auth.LogonVerifier;
import io.hutong.core.pos.auth.SwitchSession;
import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.auth.TerminalKeys;
import io.hutong.core.pos.auth.TerminalKeysFile;
import io.hutong.core.pos.server.PosServer;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemEpochClock;

import javax.net.ssl.SSLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running switch: builds everything from {@link SwitchSettings} in dependency order, recovers from the
 * journal, starts the engine and the listeners, and stops them in the reverse order.
 * <pre>
 *  start: registry -&gt; wallet connectors (credentials file) -&gt; journal writer -&gt; engine + recovery
 *         -&gt; engine agent thread -&gt; POS and HTTP listeners
 *  close: stop accepting -&gt; let payments in flight finish (bounded wait) -&gt; close connections
 *         -&gt; stop the engine -&gt; STOPPED in the journal -&gt; close journal, connectors, pools
 * </pre>
 * Not thread-safe: start and close from one thread.
 */
public final class SwitchNode implements AutoCloseable
{
    /** Heartbeat interval announced to terminals. */
    public static final int HEARTBEAT_SECONDS = SwitchSession.DEFAULT_HEARTBEAT_INTERVAL_SECONDS;
    private static final long DRAIN_WAIT_MS = 10_000;

    private final SwitchSettings settings;
    private final List<String> notes = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private WalletHttpClient walletHttp;
    private CryptoPool cryptoPool;
    private Map<String, WalletConnector> connectors = Map.of();
    private ChronicleJournal journal;
    private EngineCounters counters;
    private Engine engine;
    private AgentRunner runner;
    private NioEventLoopGroup frontEnds;
    private PosServer pos;
    private HttpApiServer http;
    private long recovered;
    private boolean closed;

    private SwitchNode(final SwitchSettings settings)
    {
        this.settings = settings;
    }

    /**
     * Build and start a switch.
     *
     * @param settings the validated configuration.
     * @return the running switch.
     * @throws IllegalArgumentException for configuration that cannot work (missing credentials file, bad keys),
     *                                  naming the setting.
     * @throws InterruptedException     if interrupted while binding.
     */
    public static SwitchNode start(final SwitchSettings settings) throws InterruptedException
    {
        final SwitchNode node = new SwitchNode(settings);
        try
        {
            node.startAll();
            return node;
        }
        catch (final RuntimeException | InterruptedException ex)
        {
            node.close();
            throw ex;
        }
    }

    private void startAll() throws InterruptedException
    {
        final WalletRegistry registry = null == settings.registryFile() ?
            WalletRegistryLoader.defaults() : WalletRegistryLoader.load(settings.registryFile());
        final Map<String, ConnectorSettings> credentials = credentials(registry);
        walletHttp = new WalletHttpClient(settings.walletHttp());
        cryptoPool = new CryptoPool(settings.cryptoThreads(), settings.cryptoQueue());
        connectors = WalletConnectors.create(credentials, walletHttp, cryptoPool, Clock.systemUTC());

        final List<String> walletIds = new ArrayList<>();
        final WalletSlot[] slots = new WalletSlot[registry.participants().size()];
        for (int i = 0; i < slots.length; i++)
        {
            final String id = registry.participant(i).id();
            walletIds.add(id);
            final WalletConnector connector = connectors.get(id);
            final WalletSchedule schedule = null == connector ?
                new WalletSchedule(10_000, 5_000, 30_000, 0, 2_000, 60_000) : connector.schedule();
            slots[i] = new WalletSlot(i, id, connector, schedule,
                new CircuitBreaker(settings.engine().breakerFailures(), settings.engine().breakerOpenMs()));
        }

        final List<String> acquirers = new ArrayList<>(connectors.keySet());
        if (DevelopmentFiles.terminals(settings.terminalsFile(), acquirers))
        {
            notes.add("created development terminals " + settings.terminalsFile());
        }
        if (DevelopmentFiles.clients(settings.clientsFile(), registry))
        {
            notes.add("created development API clients " + settings.clientsFile());
        }
        final TerminalKeys terminals = TerminalKeysFile.load(settings.terminalsFile());
        final ApiClients apiClients = ApiClients.load(settings.clientsFile(), terminals.size());
        final int[] acquirerOf = acquirers(terminals, apiClients, walletIds);

        journal = new ChronicleJournal(JournalWriter.open(settings.journalDirectory(),
            "sync".equals(settings.journalSync()) ? JournalSyncMode.SYNC : JournalSyncMode.NONE));
        counters = new EngineCounters();
        final EngineInbox inbox = new EngineInbox(settings.inboxBytes());
        engine = new Engine(settings.engine(), SystemEpochClock.INSTANCE, inbox, journal, slots,
            new CodeClassifier(registry), (client) -> client >= 0 && client < acquirerOf.length ? acquirerOf[client] : -1,
            acquirerOf.length, counters);
        try (JournalReader reader = JournalReader.open(settings.journalDirectory()))
        {
            recovered = engine.recover(reader);
        }
        journal.audit(Hop.STARTED, "", "hutong switch node " + settings.engine().nodeId() + " started; recovered " +
            recovered + " payments");
        journal.audit(Hop.CONFIG_LOADED, "", "wallets=" + connectors.keySet() + " terminals=" + terminals.size() +
            " apiClients=" + apiClients.clients().size() + " journal.sync=" + settings.journalSync());
        journal.commit();

        final SwitchMetrics metrics = new SwitchMetrics(counters, walletIds);
        frontEnds = new NioEventLoopGroup(Math.min(2, Runtime.getRuntime().availableProcessors()),
            new DefaultThreadFactory("hutong-frontend", true));
        pos = new PosServer(terminals, new LogonVerifier(terminals, SystemEpochClock.INSTANCE,
            settings.logonWindowSeconds() * 1_000L, LogonVerifier.DEFAULT_NONCE_CAPACITY), inbox, frontEnds,
            settings.posAddress(), sslContext(), HEARTBEAT_SECONDS);
        final HttpApi api = new HttpApi(apiClients, inbox, () -> System.currentTimeMillis() / 1_000,
            settings.signatureWindowSeconds(), metrics::render, () -> !closed);
        engine.replySink(RequestDescriptor.SOURCE_POS, pos.replySink());
        engine.replySink(RequestDescriptor.SOURCE_HTTP, api);
        engine.publish();
        runner = new AgentRunner(idleStrategy(), (ex) -> ex.printStackTrace(), null, engine);
        AgentRunner.startOnThread(runner);
        http = new HttpApiServer(api, frontEnds, settings.httpAddress());
    }

    private Map<String, ConnectorSettings> credentials(final WalletRegistry registry)
    {
        final Path file = settings.credentialsFile();
        if (!Files.isReadable(file))
        {
            throw new IllegalArgumentException("wallets.credentials=" + file + ": no such file (start the simulated " +
                "wallets with `hutong wallets --data " + settings.dataDirectory() + "`, or point wallets.credentials " +
                "at your wallets' credentials)");
        }
        final Map<String, ConnectorSettings> all = ConnectorSettings.readCredentials(file);
        final ObjectMapper json = new ObjectMapper();
        final Map<String, ConnectorSettings> selected = new LinkedHashMap<>();
        for (final Map.Entry<String, ConnectorSettings> entry : all.entrySet())
        {
            if (null == registry.participant(entry.getKey()))
            {
                notes.add("credentials for " + entry.getKey() + " ignored: not a participant");
                continue;
            }
            final ObjectNode merged = entry.getValue().toJson();
            final Map<String, Object> override = settings.walletOverrides().get(entry.getKey());
            if (null != override)
            {
                merged.setAll((ObjectNode)json.valueToTree(override));
            }
            selected.put(entry.getKey(), new ConnectorSettings(entry.getValue().path(), merged));
        }
        return selected;
    }

    private static int[] acquirers(final TerminalKeys terminals, final ApiClients clients, final List<String> walletIds)
    {
        final Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < walletIds.size(); i++)
        {
            index.put(walletIds.get(i), i);
        }
        final int[] acquirerOf = new int[terminals.size() + clients.clients().size()];
        int slot = 0;
        for (final TerminalKey key : terminals.keys())
        {
            acquirerOf[slot++] = null == key.acquirer() ? -1 : index.getOrDefault(key.acquirer(), -1);
        }
        for (final ApiClients.Client client : clients.clients())
        {
            acquirerOf[client.slot()] = index.getOrDefault(client.wallet(), -1);
        }
        return acquirerOf;
    }

    private SslContext sslContext()
    {
        final SwitchSettings.TlsSettings tls = settings.posTls();
        if (null == tls)
        {
            return null;
        }
        try
        {
            final SslContextBuilder builder = SslContextBuilder.forServer(tls.certificate().toFile(), tls.privateKey().toFile());
            if (null != tls.clientCa())
            {
                builder.trustManager(tls.clientCa().toFile()).clientAuth(ClientAuth.REQUIRE);
            }
            return builder.build();
        }
        catch (final SSLException | IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("pos.tls: cannot build the TLS context (" + ex.getMessage() + ")", ex);
        }
    }

    private IdleStrategy idleStrategy()
    {
        return settings.spin() ? new BusySpinIdleStrategy() :
            new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
    }

    /**
     * @return one line per thing done on the operator's behalf (files created, credentials ignored).
     */
    public List<String> notes()
    {
        return notes;
    }

    /**
     * @return the POS listener's address.
     */
    public java.net.InetSocketAddress posAddress()
    {
        return pos.address();
    }

    /**
     * @return the HTTP listener's address.
     */
    public java.net.InetSocketAddress httpAddress()
    {
        return http.address();
    }

    /**
     * @return payments rebuilt from the journal at start.
     */
    public long recovered()
    {
        return recovered;
    }

    /**
     * @return the wallets with a connector.
     */
    public List<String> wallets()
    {
        return List.copyOf(connectors.keySet());
    }

    /**
     * Stop cleanly: no new connections or requests, payments in flight get up to 10 s to finish, then
     * everything closes and the journal records the stop. Idempotent.
     */
    @Override
    public void close()
    {
        close(DRAIN_WAIT_MS);
    }

    /**
     * Stop, waiting at most {@code drainMs} for payments in flight (0: stop at once, as a crash would, leaving
     * them to the next start's recovery).
     *
     * @param drainMs longest wait for payments in flight.
     */
    public void close(final long drainMs)
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (null != pos)
        {
            pos.stopAccepting();
        }
        if (null != http)
        {
            http.close();
        }
        if (null != runner && null != counters)
        {
            final long deadline = System.currentTimeMillis() + drainMs;
            while (counters.inFlight() > 0 && System.currentTimeMillis() < deadline)
            {
                sleep();
            }
        }
        if (null != pos)
        {
            pos.close();
        }
        if (null != runner)
        {
            runner.close();
        }
        if (null != journal)
        {
            journal.transferOwnership();
            journal.audit(Hop.STOPPED, "", "hutong switch stopped; in flight at stop: " +
                (null == counters ? 0 : counters.inFlight()));
            journal.commit();
            journal.close();
        }
        if (null != frontEnds)
        {
            frontEnds.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        for (final WalletConnector connector : connectors.values())
        {
            connector.close();
        }
        if (null != walletHttp)
        {
            walletHttp.close();
        }
        if (null != cryptoPool)
        {
            cryptoPool.close();
        }
        for (final AutoCloseable closeable : closeables)
        {
            try
            {
                closeable.close();
            }
            catch (final Exception ignore)
            {
                // Best effort on the way out.
            }
        }
    }

    private static void sleep()
    {
        try
        {
            Thread.sleep(20);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

}
