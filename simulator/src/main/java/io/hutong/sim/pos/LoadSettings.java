package io.hutong.sim.pos;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@code hutong pos} run needs, validated: where the switch and the files are, the offered load and
 * its mix, and how the terminals behave. Immutable and thread-safe.
 *
 * @param switchAddress   the switch's POS listener.
 * @param httpAddress     the switch's HTTP API (MPM payments).
 * @param credentials     the wallets' credentials file (consumer seeds, payee merchants, base URLs).
 * @param terminalsFile   the terminal keys (the switch's {@code terminals.json}).
 * @param clientsFile     the HTTP API clients (the switch's {@code clients.json}).
 * @param terminals       POS terminals, each its own connection.
 * @param tps             offered payments per second (the first step of a search for the maximum).
 * @param seconds         how long payments are offered (per step of a search).
 * @param flowMix         {@code cpm} and {@code mpm} weights.
 * @param walletMix       the debited wallet's weights (CPM: the code's issuer; MPM: the payer).
 * @param imageShare      share of CPM codes rendered to an image and read back, 0..1.
 * @param eventLoops      Netty event loops for every connection (1 or 2 suit a small machine).
 * @param answerTimeoutMs how long a terminal waits for an answer before it queries.
 * @param queryIntervalMs how often a terminal queries a payment in progress.
 * @param drainSeconds    how long to wait, after the last payment was offered, for every payment to be final.
 * @param seed            the seed of the random choices (wallet, flow, amount), so runs can be repeated.
 */
public record LoadSettings(
    InetSocketAddress switchAddress,
    InetSocketAddress httpAddress,
    Path credentials,
    Path terminalsFile,
    Path clientsFile,
    int terminals,
    int tps,
    int seconds,
    Weights flowMix,
    Weights walletMix,
    double imageShare,
    int eventLoops,
    long answerTimeoutMs,
    long queryIntervalMs,
    int drainSeconds,
    long seed)
{
    /** The two flows of {@link #flowMix()}. */
    public static final List<String> FLOWS = List.of("cpm", "mpm");
    /** Default terminals. */
    public static final int DEFAULT_TERMINALS = 16;
    /** Default offered payments per second. */
    public static final int DEFAULT_TPS = 200;
    /** Default run length, seconds. */
    public static final int DEFAULT_SECONDS = 30;
    /** Default share of codes read from images. */
    public static final double DEFAULT_IMAGE_SHARE = 0.05;
    /**
     * A terminal's answer deadline: longer than the switch's own wallet deadline (10 s by default), after which the
     * switch answers IN_PROGRESS itself, so a terminal only queries when an answer was really lost.
     */
    public static final long DEFAULT_ANSWER_TIMEOUT_MS = 15_000;
    /** Default query interval of a payment in progress. */
    public static final long DEFAULT_QUERY_INTERVAL_MS = 1_000;
    /** Default drain: longer than a wallet's query window (WeChat 45 s), after which the switch reverses. */
    public static final int DEFAULT_DRAIN_SECONDS = 60;
    /** Most offered payments per second accepted. */
    public static final int MAX_TPS = 1_000_000;

    /**
     * Market-like default weights of the wallets; a credentials file's other wallets get 5.
     */
    private static final Map<String, Integer> DEFAULT_WALLET_WEIGHTS = Map.of(
        "wechat", 40, "alipay", 30, "unionpay", 10, "jdpay", 5, "bestpay", 5, "cmpay", 5, "wopay", 5);

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException {@code --option=value: reason}.
     */
    public LoadSettings
    {
        range("--terminals", terminals, 1, 100_000);
        range("--tps", tps, 1, MAX_TPS);
        range("--seconds", seconds, 1, 86_400);
        range("--event-loops", eventLoops, 1, 16);
        range("--drain-seconds", drainSeconds, 0, 3_600);
        if (!(imageShare >= 0.0 && imageShare <= 1.0))
        {
            throw new IllegalArgumentException("--image-share=" + imageShare + ": must be in [0, 1]");
        }
        if (answerTimeoutMs < 100 || queryIntervalMs < 10)
        {
            throw new IllegalArgumentException("answerTimeoutMs=" + answerTimeoutMs + ", queryIntervalMs=" +
                queryIntervalMs + ": must be >= 100 and >= 10");
        }
        if (null == switchAddress || null == httpAddress || null == credentials || null == terminalsFile ||
            null == clientsFile || null == flowMix || null == walletMix)
        {
            throw new IllegalArgumentException("settings: switch, http, files and mixes are required");
        }
        if (!FLOWS.containsAll(flowMix.names()))
        {
            throw new IllegalArgumentException("--mix=" + flowMix + ": only cpm and mpm");
        }
    }

    /**
     * @param wallets the wallets of the credentials file.
     * @return their default mix: wechat 40, alipay 30, unionpay 10, the others 5 each.
     */
    public static Weights defaultWalletMix(final Collection<String> wallets)
    {
        final Map<String, Integer> weights = new LinkedHashMap<>();
        for (final String wallet : wallets)
        {
            weights.put(wallet, DEFAULT_WALLET_WEIGHTS.getOrDefault(wallet, 5));
        }
        return Weights.of(weights);
    }

    /**
     * @return the default flow mix, {@code cpm=80,mpm=20}.
     */
    public static Weights defaultFlowMix()
    {
        final Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("cpm", 80);
        weights.put("mpm", 20);
        return Weights.of(weights);
    }

    /**
     * @return the share of MPM payments, 0..1.
     */
    public double mpmShare()
    {
        return flowMix.share("mpm");
    }

    private static void range(final String name, final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be " + min + ".." + max);
        }
    }
}
