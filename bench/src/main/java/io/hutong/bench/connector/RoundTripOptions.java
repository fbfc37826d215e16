package io.hutong.bench.connector;

/**
 * The round-trip tool's command line, parsed and checked. Immutable and thread-safe.
 * <pre>
 *   --wallet ID            the simulated wallet and its connector (default wechat)
 *   --rate N               calls per second offered, on a fixed schedule (default 2000)
 *   --seconds N            measured seconds (default 30)
 *   --warmup N             warm-up seconds at the same rate, not recorded (default 10)
 *   --connections N        keep-alive connections the client pools to the wallet (default 16)
 *   --crypto-threads N     connector crypto pool threads, for RSA and SM2 (default 2)
 *   --wallet-threads N     the simulator's event loop threads, and its signing threads (default 2)
 * </pre>
 *
 * @param walletId      the wallet id, e.g. {@code wechat} or {@code bestpay}.
 * @param rate          calls per second, 1..100,000.
 * @param seconds       measured seconds, 1..3,600.
 * @param warmupSeconds warm-up seconds, 0..600.
 * @param connections   pooled connections, 1..1,024.
 * @param cryptoThreads crypto pool threads, 1..64.
 * @param walletThreads simulator event loop and signing threads, 1..64.
 */
public record RoundTripOptions(
    String walletId, int rate, int seconds, int warmupSeconds, int connections, int cryptoThreads, int walletThreads)
{
    /** The usage line printed with a refusal. */
    public static final String USAGE = "usage: ConnectorRoundTrip [--wallet wechat|alipay|unionpay|jdpay|bestpay|cmpay|wopay] [--rate N] " +
        "[--seconds N] [--warmup N] [--connections N] [--crypto-threads N] [--wallet-threads N]";

    /**
     * @throws IllegalArgumentException with a {@code name=value: reason} message.
     */
    public RoundTripOptions
    {
        if (null == walletId || !walletId.matches("[a-z][a-z0-9_-]{0,31}"))
        {
            throw new IllegalArgumentException("wallet=" + walletId + ": must be a wallet id such as wechat");
        }
        check("rate", rate, 1, 100_000);
        check("seconds", seconds, 1, 3_600);
        check("warmup", warmupSeconds, 0, 600);
        check("connections", connections, 1, 1_024);
        check("crypto-threads", cryptoThreads, 1, 64);
        check("wallet-threads", walletThreads, 1, 64);
    }

    /**
     * @param args {@code --name value} pairs, any order; absent options take their defaults.
     * @return the options.
     * @throws IllegalArgumentException for an unknown option, a missing or non-numeric value, or a value out of
     *                                  range, with a {@code name=value: reason} message.
     */
    public static RoundTripOptions parse(final String[] args)
    {
        String wallet = "wechat";
        int rate = 2_000;
        int seconds = 30;
        int warmup = 10;
        int connections = 16;
        int cryptoThreads = 2;
        int walletThreads = 2;
        for (int i = 0; i < args.length; i += 2)
        {
            final String name = args[i];
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException(name + "=<missing>: needs a value");
            }
            final String value = args[i + 1];
            switch (name)
            {
                case "--wallet":
                    wallet = value;
                    break;
                case "--rate":
                    rate = number(name, value);
                    break;
                case "--seconds":
                    seconds = number(name, value);
                    break;
                case "--warmup":
                    warmup = number(name, value);
                    break;
                case "--connections":
                    connections = number(name, value);
                    break;
                case "--crypto-threads":
                    cryptoThreads = number(name, value);
                    break;
                case "--wallet-threads":
                    walletThreads = number(name, value);
                    break;
                default:
                    throw new IllegalArgumentException(name + "=" + value + ": unknown option");
            }
        }
        return new RoundTripOptions(wallet, rate, seconds, warmup, connections, cryptoThreads, walletThreads);
    }

    /**
     * @return calls made in the warm-up phase.
     */
    public int warmupCalls()
    {
        return warmupSeconds * rate;
    }

    /**
     * @return calls made in the measured phase.
     */
    public int measuredCalls()
    {
        return seconds * rate;
    }

    private static int number(final String name, final String value)
    {
        try
        {
            return Integer.parseInt(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(name.substring(2) + "=" + value + ": must be an integer", ex);
        }
    }

    private static void check(final String name, final int value, final int min, final int max)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be in " + min + ".." + max);
        }
    }
}
