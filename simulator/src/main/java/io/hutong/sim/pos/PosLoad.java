package io.hutong.sim.pos;

import io.hutong.connector.http.HttpClientConfig;
import io.hutong.connector.http.HttpOutcome;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.http.WalletHttpRequest;
import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.auth.TerminalKeysFile;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The POS terminal load generator ({@code hutong pos}): N terminals on their own connections, the MPM payer, the
 * phones and the image stock, set up once by {@link #start} and then driven by {@link #run} at one offered rate at a
 * time (a search for the maximum runs several rates over the same connections).
 * <pre>
 *   OpenLoop (calling thread) --Payment--&gt; PosTerminal[k mod N] (event loop) --Pay/Query--&gt; switch POS
 *                             --Payment--&gt; MpmPayer (event loops) --hold, MPM, capture--&gt; wallets, switch HTTP
 *   ScanWorker (own thread): render + read back codes for --image-share
 *   ProgressLine (own thread): one line a second; RunStats: counters and HdrHistograms
 * </pre>
 * Thread-safe: {@link #run} one at a time; {@link #stop()} from any thread (a signal handler).
 */
public final class PosLoad implements AutoCloseable
{
    private static final long LOGON_WAIT_SECONDS = 15;
    private static final long DRAIN_AFTER_STOP_NS = TimeUnit.SECONDS.toNanos(5);

    private final LoadSettings settings;
    private final PaymentOutcome.Listener listener;
    private final NioEventLoopGroup group;
    private final WalletHttpClient http;
    private final Activity activity = new Activity();
    private PosLoadParts parts;
    private OpenLoop openLoop;
    private volatile boolean stopped;

    private PosLoad(final LoadSettings settings, final PaymentOutcome.Listener listener)
    {
        this.settings = settings;
        this.listener = listener;
        this.group = new NioEventLoopGroup(settings.eventLoops(), new DefaultThreadFactory("hutong-pos", true));
        this.http = new WalletHttpClient(new HttpClientConfig(2_000, 15_000, 64, 8_192, 1 << 20), group, null);
    }

    /**
     * Reads the files, builds the phones and code cards, connects every terminal and logs it on.
     *
     * @param settings the run's settings.
     * @param listener receives every payment's outcome (tests, tools); {@link PaymentOutcome.Listener#NONE} for none.
     * @return the generator, every terminal logged on.
     * @throws IllegalArgumentException {@code name=value: reason} for bad files, an unreachable switch or a refused
     *                                  logon (the command exits 2).
     * @throws InterruptedException     if interrupted while connecting.
     */
    public static PosLoad start(final LoadSettings settings, final PaymentOutcome.Listener listener)
        throws InterruptedException
    {
        final PosLoad load = new PosLoad(settings, listener);
        try
        {
            load.build();
            return load;
        }
        catch (final RuntimeException | InterruptedException ex)
        {
            load.close();
            throw ex;
        }
    }

    private void build() throws InterruptedException
    {
        final WalletCredentials credentials = WalletCredentials.load(settings.credentials());
        final List<TerminalKey> keys = terminalKeys();
        final String tag = Long.toString(System.currentTimeMillis(), Character.MAX_RADIX);
        final PartsBuilder builder = new PartsBuilder(settings, credentials);
        if (settings.mpmShare() > 0)
        {
            checkHttpApi();
        }
        final PhoneCodes[] phones = builder.phones();
        final ScanWorker scanner = new ScanWorker(phones);
        final TerminalContext context = TerminalContext.of(settings, phones, activity, tag);
        final PosTerminal[] terminals = new PosTerminal[keys.size()];
        for (int i = 0; i < terminals.length; i++)
        {
            terminals[i] = new PosTerminal(keys.get(i), group.next(), settings.switchAddress(), context);
        }
        final MpmPayer payer = new MpmPayer(http, group, httpBase(), builder.walletBases(), builder.clients(),
            settings.queryIntervalMs());
        parts = builder.parts(tag, phones, payer, scanner, terminals);
        openLoop = new OpenLoop(parts, settings.seed());
        if (parts.imageShare() > 0 && settings.flowMix().share("cpm") > 0)
        {
            scanner.start();
        }
        logOnAll(terminals);
    }

    private List<TerminalKey> terminalKeys()
    {
        final List<TerminalKey> all = new ArrayList<>(TerminalKeysFile.load(settings.terminalsFile()).keys());
        if (all.size() < settings.terminals())
        {
            throw new IllegalArgumentException("--terminals=" + settings.terminals() + ": " + settings.terminalsFile() +
                " has only " + all.size() + " terminals");
        }
        all.sort(Comparator.comparing(TerminalKey::terminalId));
        return List.copyOf(all.subList(0, settings.terminals()));
    }

    private void logOnAll(final PosTerminal[] terminals) throws InterruptedException
    {
        final List<CompletableFuture<Void>> logons = new ArrayList<>();
        for (final PosTerminal terminal : terminals)
        {
            logons.add(terminal.start());
        }
        try
        {
            CompletableFuture.allOf(logons.toArray(new CompletableFuture[0])).get(LOGON_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final ExecutionException ex)
        {
            throw ex.getCause() instanceof IllegalArgumentException ? (IllegalArgumentException)ex.getCause() :
                new IllegalArgumentException("switch=" + hostPort() + ": logon failed (" + ex.getCause() + ")", ex);
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalArgumentException("switch=" + hostPort() + ": terminals not logged on within " +
                LOGON_WAIT_SECONDS + " s", ex);
        }
    }

    private void checkHttpApi() throws InterruptedException
    {
        final HttpOutcome health;
        try
        {
            health = http.send(WalletHttpRequest.get(httpBase().resolve("/healthz")).timeoutMs(5_000))
                .get(10, TimeUnit.SECONDS);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            throw new IllegalArgumentException("--http=" + httpHostPort() + ": no answer from /healthz", ex);
        }
        if (!health.isResponse() || 200 != health.status())
        {
            throw new IllegalArgumentException("--http=" + httpHostPort() + ": the switch's HTTP API is unreachable (" +
                (health.isResponse() ? "HTTP " + health.status() : health.failure() + " " + health.detail()) +
                "); MPM payments need it (or use --mix cpm=100)");
        }
    }

    /**
     * Offers {@code tps} payments a second for {@code seconds}, then waits (at most the drain time) for every
     * payment to be final.
     *
     * @param tps      offered payments per second.
     * @param seconds  how long.
     * @param progress where the live progress goes, or null for none.
     * @param tty      true to rewrite one progress line (a console).
     * @return what the run measured.
     * @throws InterruptedException if interrupted while draining.
     */
    public RunResult run(final int tps, final int seconds, final PrintWriter progress, final boolean tty)
        throws InterruptedException
    {
        final RunStats stats = new RunStats(parts.wallets(), listener);
        parts.scanner().stats(stats);
        parts.scanner().stock(PartsBuilder.scanStock(settings, parts, tps));
        final long[] activityBefore = activity.snapshot();
        final long[] scanBefore = scanCounts();
        final long codesBefore = codesMade();
        final long cpuBefore = cpuNanos();
        final double loadStart = loadAverage();
        final long startedAtMs = System.currentTimeMillis();
        final long startNs = System.nanoTime();
        final ProgressLine line = null == progress ? null : new ProgressLine(progress, tty, stats, tps).start();
        final long offerNs;
        try (StallProbe probe = new StallProbe(stats).start())
        {
            offerNs = openLoop.offer(tps, seconds, stats);
            drain(stats);
        }
        finally
        {
            if (null != line)
            {
                line.close();
            }
        }
        final long runNs = System.nanoTime() - startNs;
        stats.harvest();
        final RunStats.Counters total = stats.total();
        final long errors = total.errors.sum();
        final long reversed = total.reversed.sum();
        final long declined = total.declined.sum();
        final long approved = total.approved.sum();
        final long sent = total.sent.sum();
        final long cpuAfter = cpuNanos();
        return new RunResult(tps, seconds, stats, sent, approved, declined, reversed, errors, offerNs, runNs,
            minus(activity.snapshot(), activityBefore), cpuBefore < 0 ? -1 : cpuAfter - cpuBefore, loadStart,
            loadAverage(), openLoop.isStopped(), minus(scanCounts(), scanBefore), codesMade() - codesBefore, startedAtMs);
    }

    private void drain(final RunStats stats) throws InterruptedException
    {
        final long drainNs = TimeUnit.SECONDS.toNanos(settings.drainSeconds());
        final long start = System.nanoTime();
        final RunStats.Counters total = stats.total();
        while (total.finished() < total.sent.sum())
        {
            final long waited = System.nanoTime() - start;
            if (waited >= drainNs || (stopped && waited >= DRAIN_AFTER_STOP_NS))
            {
                return;
            }
            Thread.sleep(20);
        }
    }

    /**
     * Stops offering (the current run reports what was offered so far) and shortens the drain to 5 s.
     */
    public void stop()
    {
        stopped = true;
        if (null != openLoop)
        {
            openLoop.stop();
        }
    }

    /**
     * @return connection problems by kind since start (refused frames, exceptions).
     */
    public java.util.Map<String, Long> problems()
    {
        return activity.problems();
    }

    /**
     * @return the settings.
     */
    public LoadSettings settings()
    {
        return settings;
    }

    /**
     * @return the wallets by index.
     */
    public List<String> wallets()
    {
        return parts.wallets();
    }

    /**
     * @return the code cards' and phones' description for the report.
     */
    public String codeSource()
    {
        return "offline: each consumer code is made as the wallet's app makes it, from the account's seed in the " +
            "credentials file (HMAC-SHA256 of time and counter; docs/simulated-wallets.md), never fetched from the " +
            "wallet; a fresh (account, second, counter) for every payment attempt, never reused; a share " +
            "(--image-share) is drawn as the phone's payment screen (Code 128 + QR) and read back with ZXing " +
            "before use; MPM pays one EMV code card per payee wallet built at start";
    }

    private long[] scanCounts()
    {
        final ScanWorker scanner = parts.scanner();
        return new long[]{ scanner.scanned(), scanner.misread(), scanner.expired() };
    }

    private long codesMade()
    {
        long made = 0;
        for (final PhoneCodes phone : parts.phones())
        {
            made += null == phone ? 0 : phone.made();
        }
        return made;
    }

    private static long[] minus(final long[] after, final long[] before)
    {
        final long[] delta = new long[after.length];
        for (int i = 0; i < after.length; i++)
        {
            delta[i] = after[i] - before[i];
        }
        return delta;
    }

    private static long cpuNanos()
    {
        final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static double loadAverage()
    {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private URI httpBase()
    {
        return URI.create("http://" + httpHostPort());
    }

    private String httpHostPort()
    {
        return settings.httpAddress().getHostString() + ":" + settings.httpAddress().getPort();
    }

    private String hostPort()
    {
        return settings.switchAddress().getHostString() + ":" + settings.switchAddress().getPort();
    }

    /**
     * Closes the terminals, stops retries and the image worker, and shuts the event loops down. Payments without a
     * final answer stay as they are. Idempotent.
     */
    @Override
    public void close()
    {
        if (null != parts)
        {
            parts.payer().close();
            parts.scanner().close();
            final List<CompletableFuture<Void>> closing = new ArrayList<>();
            for (final PosTerminal terminal : parts.terminals())
            {
                closing.add(terminal.close());
            }
            try
            {
                CompletableFuture.allOf(closing.toArray(new CompletableFuture[0])).get(5, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            catch (final ExecutionException | TimeoutException ex)
            {
                // Closing is best effort: the event loops shut down next and close whatever is left.
            }
            parts = null;
        }
        http.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
