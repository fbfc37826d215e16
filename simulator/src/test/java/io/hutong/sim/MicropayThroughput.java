package io.hutong.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hutong.connector.http.HttpCallback;
import io.hutong.connector.http.HttpClientConfig;
import io.hutong.connector.http.HttpFailureReason;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.http.WalletHttpRequest;
import io.hutong.connector.wechat.MicropayRequest;
import io.hutong.connector.wechat.WeChatMerchant;
import io.hutong.connector.wechat.WeChatSignType;
import io.hutong.connector.wechat.WeChatXml;
import io.hutong.sim.codes.CodeFormat;
import io.hutong.sim.codes.OfflineCodes;
import io.hutong.sim.config.SimulatorConfigLoader;
import io.netty.handler.codec.http.HttpHeaders;
import org.agrona.concurrent.SystemEpochClock;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hand-run measurement, not a test: how many WeChat micropay calls per second the simulated WeChat wallet serves
 * over loopback with keep-alive, every call a fresh order with a fresh offline code, signed HMAC-SHA256 and fully
 * checked by the wallet (XML read, signature, code HMAC, ledger, signed answer).
 * <p>
 * The client is the project's own {@link WalletHttpClient} (one event loop, pooled keep-alive connections) keeping
 * a fixed number of calls in flight (closed loop). Request bodies are made before the clock starts, so the number
 * is the wallet's, but client and wallet share the machine's cores.
 * <pre>
 *   java -cp ... io.hutong.sim.MicropayThroughput [seconds=10] [inFlight=64] [connections=16] [walletLoops=2]
 * </pre>
 */
public final class MicropayThroughput
{
    private static final byte[] SUCCESS =
        "<result_code><![CDATA[SUCCESS]]></result_code>".getBytes(StandardCharsets.UTF_8);

    private static final int HALF = CodeFormat.PHONE_COUNTERS / 2;

    private MicropayThroughput()
    {
    }

    /**
     * @param args seconds, calls in flight, connections, wallet event loop threads.
     * @throws Exception when the run cannot start.
     */
    public static void main(final String[] args) throws Exception
    {
        final int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        final int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        final int connections = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        final int walletLoops = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        final Path data = Files.createTempDirectory("hutong-throughput");
        final String yaml = "basePort: 0\neventLoopThreads: " + walletLoops + "\n" +
            "wallets: {alipay: {enabled: false}, unionpay: {enabled: false}, jdpay: {enabled: false}, " +
            "bestpay: {enabled: false}, cmpay: {enabled: false}, wopay: {enabled: false}}\n";
        try (Simulator simulator = Simulator.start(
            SimulatorConfigLoader.fromTree(new ObjectMapper(new YAMLFactory()).readTree(yaml)), data,
            SystemEpochClock.INSTANCE);
             WalletHttpClient client = new WalletHttpClient(
                 new HttpClientConfig(2_000, 10_000, connections, Math.max(connections, inFlight), 1 << 20)))
        {
            final JsonNode wechat = new ObjectMapper().readTree(simulator.credentialsFile().toFile()).get("wechat");
            final WeChatMerchant merchant = new WeChatMerchant(wechat.get("appId").asText(),
                wechat.get("mchId").asText(), wechat.get("apiKey").asText(), WeChatSignType.HMAC_SHA256);
            final URI uri = URI.create(wechat.get("baseUrl").asText() + "/pay/micropay");
            // Warm-up and measured calls use different counters, so no code is made twice.
            final byte[][] warmup = bodies(wechat, merchant, "W", 0, 60_000);
            run(client, uri, warmup, inFlight, 3);
            final byte[][] bodies = bodies(wechat, merchant, "M", HALF, Math.min(300_000, seconds * 30_000));
            final long walletCpuBefore = walletCpuNanos();
            final Result result = run(client, uri, bodies, inFlight, seconds);
            final long walletCpu = walletCpuNanos() - walletCpuBefore;
            System.out.printf("micropay: %d calls in %.2f s = %.0f calls/s (%d failed), latency p50 %.2f ms, " +
                    "p99 %.2f ms; wallet CPU %.1f us/call; in flight %d, connections %d, wallet event loops %d, " +
                    "cores %d%n",
                result.calls, result.seconds, result.calls / result.seconds, result.failures,
                result.p50Us / 1000.0, result.p99Us / 1000.0, walletCpu / 1000.0 / Math.max(1, result.calls),
                inFlight, connections, walletLoops, Runtime.getRuntime().availableProcessors());
        }
    }

    private static byte[][] bodies(
        final JsonNode wechat, final WeChatMerchant merchant, final String prefix, final int counterBase,
        final int count)
    {
        final JsonNode codes = wechat.get("codes");
        final CodeFormat format = new CodeFormat(codes.get("prefix").asText(), codes.get("length").asInt());
        final JsonNode consumers = wechat.get("consumers");
        final byte[][] seeds = new byte[consumers.size()][];
        for (int i = 0; i < seeds.length; i++)
        {
            seeds[i] = HexFormat.of().parseHex(consumers.get(i).get("seed").asText());
        }
        final long second = System.currentTimeMillis() / 1000;
        final byte[][] bodies = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            // Distinct (account, second, counter) per code: 1,000 accounts x 25 phone counters per second.
            final int account = i % seeds.length;
            final int slot = i / seeds.length;
            final String code = OfflineCodes.derive(format, consumers.get(account).get("number").asInt(),
                seeds[account], second - slot / HALF, counterBase + slot % HALF);
            bodies[i] = WeChatXml.writeUtf8(new MicropayRequest("load", prefix + i, 1 + i % 500, "127.0.0.1", code)
                .signedParameters(merchant, "n" + i));
        }
        return bodies;
    }

    private static Result run(
        final WalletHttpClient client, final URI uri, final byte[][] bodies, final int inFlight, final int seconds)
        throws InterruptedException
    {
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong done = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final long[] latencies = new long[bodies.length];
        final long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        final CountDownLatch finished = new CountDownLatch(inFlight);
        final long start = System.nanoTime();
        for (int w = 0; w < inFlight; w++)
        {
            new Object()
            {
                void send()
                {
                    final int i = next.getAndIncrement();
                    if (i >= bodies.length || System.nanoTime() - deadline > 0)
                    {
                        finished.countDown();
                        return;
                    }
                    final long sent = System.nanoTime();
                    client.send(WalletHttpRequest.post(uri, "text/xml", bodies[i]), new HttpCallback()
                    {
                        @Override
                        public void onResponse(final int status, final HttpHeaders headers, final byte[] body)
                        {
                            latencies[i] = (System.nanoTime() - sent) / 1000;
                            if (200 != status || indexOf(body, SUCCESS) < 0)
                            {
                                failures.incrementAndGet();
                            }
                            done.incrementAndGet();
                            send();
                        }

                        @Override
                        public void onFailure(final HttpFailureReason reason, final String detail)
                        {
                            failures.incrementAndGet();
                            done.incrementAndGet();
                            send();
                        }
                    });
                }
            }.send();
        }
        finished.await();
        final double elapsed = (System.nanoTime() - start) / 1e9;
        final int count = (int)done.get();
        final long[] sorted = Arrays.copyOf(latencies, Math.min(count, latencies.length));
        Arrays.sort(sorted);
        return new Result(count, elapsed, failures.get(), percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    /**
     * CPU time of the wallet's event loop threads: the simulator's cost, whatever else shares the cores.
     */
    private static long walletCpuNanos()
    {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (final ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds()))
        {
            if (null != info && info.getThreadName().startsWith("hutong-sim-io"))
            {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static long percentile(final long[] sorted, final double p)
    {
        return 0 == sorted.length ? 0 : sorted[(int)Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private static int indexOf(final byte[] body, final byte[] part)
    {
        outer:
        for (int i = 0; i + part.length <= body.length; i++)
        {
            for (int j = 0; j < part.length; j++)
            {
                if (body[i + j] != part[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private record Result(long calls, double seconds, long failures, long p50Us, long p99Us)
    {
    }
}
