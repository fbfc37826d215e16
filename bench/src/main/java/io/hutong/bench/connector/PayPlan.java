package io.hutong.bench.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.hutong.connector.PayCommand;
import io.hutong.sim.codes.CodeFormat;
import io.hutong.sim.codes.OfflineCodes;

import java.util.HexFormat;

/**
 * Every pay of a round-trip run, made before the clock starts so that no call waits for its code: call {@code i} is
 * sent in second {@code startSecond + i / rate} and carries a consumer code made offline for that second, exactly as
 * a phone makes one (docs/simulated-wallets.md, {@link OfflineCodes#derive}), from the consumer seeds the simulated
 * wallet wrote into its credentials file.
 * <pre>
 *   call i: second s = i / rate, j = i % rate
 *           account = consumers[j % consumers], counter = j / consumers (0..49, the phone counters)
 *           code    = OfflineCodes.derive(format, account, seed, startSecond + s, counter)
 *           order   = RT&lt;startSecond&gt;_&lt;i&gt; (every wallet's [A-Za-z0-9_]), amount 1..500 fen
 * </pre>
 * Each (account, second, counter) makes one code, so a plan holds at most {@code consumers x 50} calls per second.
 * <p>
 * Immutable after construction; thread-safe to read.
 */
public final class PayPlan
{
    private final PayCommand[] commands;

    /**
     * @param wallet      the wallet's entry of the simulator's credentials file ({@code codes}, {@code consumers}).
     * @param startSecond the epoch second in which call 0 is sent.
     * @param rate        calls per second.
     * @param calls       calls in the plan.
     * @throws IllegalArgumentException if the wallet has no consumers or the rate needs more codes per second than
     *                                  its consumers can make.
     */
    public PayPlan(final JsonNode wallet, final long startSecond, final int rate, final int calls)
    {
        final JsonNode codes = wallet.path("codes");
        final CodeFormat format = new CodeFormat(codes.path("prefix").asText(), codes.path("length").asInt());
        final JsonNode consumers = wallet.path("consumers");
        final int accounts = consumers.size();
        if (0 == accounts)
        {
            throw new IllegalArgumentException("consumers=0: the wallet has no consumer accounts");
        }
        if (rate > accounts * CodeFormat.PHONE_COUNTERS)
        {
            throw new IllegalArgumentException("rate=" + rate + ": " + accounts + " consumers make at most " +
                accounts * CodeFormat.PHONE_COUNTERS + " codes per second");
        }
        final int[] numbers = new int[accounts];
        final byte[][] seeds = new byte[accounts][];
        for (int a = 0; a < accounts; a++)
        {
            numbers[a] = consumers.get(a).path("number").asInt();
            seeds[a] = HexFormat.of().parseHex(consumers.get(a).path("seed").asText());
        }
        commands = new PayCommand[calls];
        for (int i = 0; i < calls; i++)
        {
            final int j = i % rate;
            final int account = j % accounts;
            final String code = OfflineCodes.derive(format, numbers[account], seeds[account], startSecond + i / rate,
                j / accounts);
            commands[i] = new PayCommand("RT" + startSecond + "_" + i, code, 1 + i % 500, "Hutong round trip",
                "127.0.0.1");
        }
    }

    /**
     * @param index the call's index, 0-based.
     * @return its pay.
     */
    public PayCommand command(final int index)
    {
        return commands[index];
    }

    /**
     * @return the number of calls.
     */
    public int size()
    {
        return commands.length;
    }
}
