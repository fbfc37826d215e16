package io.hutong.core.engine;

/**
 * The engine's tunables, validated at construction with {@code name=value: reason} messages.
 *
 * @param nodeId              this switch node (0-99), part of every order number sent to wallets.
 * @param retainPayments      final payments kept in memory for repeated requests and queries (&gt;= 1024).
 * @param codeReuseWindowMs   how long a presented consumer code is remembered and refused again.
 * @param batchLimit          most inbound messages handled per duty cycle before committing (&gt; 0).
 * @param maxInFlightPerClient most unfinished payments per terminal or API client.
 * @param maxInFlightPerWallet most unfinished payments per wallet.
 * @param maxInFlight          most unfinished payments overall.
 * @param breakerFailures     consecutive pay failures that open a wallet's breaker.
 * @param breakerOpenMs       how long an open breaker refuses pays.
 * @param clientIp            the switch's IP as wallets want it in pay requests (WeChat spbill_create_ip).
 * @param defaultSubject      the subject sent to wallets when a request has none.
 */
public record EngineConfig(
    int nodeId,
    int retainPayments,
    long codeReuseWindowMs,
    int batchLimit,
    int maxInFlightPerClient,
    int maxInFlightPerWallet,
    int maxInFlight,
    int breakerFailures,
    long breakerOpenMs,
    String clientIp,
    String defaultSubject)
{
    /**
     * @throws IllegalArgumentException naming the first invalid field.
     */
    public EngineConfig
    {
        if (nodeId < 0 || nodeId > 99)
        {
            throw new IllegalArgumentException("engine.nodeId=" + nodeId + ": must be 0-99");
        }
        if (retainPayments < 1024)
        {
            throw new IllegalArgumentException("engine.retainPayments=" + retainPayments + ": must be >= 1024");
        }
        positive("engine.codeReuseWindowMs", codeReuseWindowMs);
        positive("engine.batchLimit", batchLimit);
        positive("limits.maxInFlightPerClient", maxInFlightPerClient);
        positive("limits.maxInFlightPerWallet", maxInFlightPerWallet);
        positive("limits.maxInFlight", maxInFlight);
        positive("limits.breakerFailures", breakerFailures);
        positive("limits.breakerOpenMs", breakerOpenMs);
        if (null == clientIp || clientIp.isEmpty() || null == defaultSubject || defaultSubject.isEmpty())
        {
            throw new IllegalArgumentException("engine.clientIp and engine.defaultSubject: required");
        }
    }

    /**
     * @return defaults for a small machine: 1M retained payments, a 120 s code window, 256 per batch, 64 in
     * flight per terminal, 20,000 per wallet, 50,000 overall, breaker at 50 failures for 5 s.
     */
    public static EngineConfig defaults()
    {
        return new EngineConfig(1, 1_000_000, 120_000, 256, 64, 20_000, 50_000, 50, 5_000, "127.0.0.1", "Hutong payment");
    }

    private static void positive(final String name, final long value)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be > 0");
        }
    }
}
