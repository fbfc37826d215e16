package io.hutong.connector;

/**
 * How the switch drives one wallet's payments to a final state, from that wallet's own rules (DOMAIN.md
 * section 5). The engine applies it; connectors only supply their defaults, which configuration overrides.
 * <pre>
 *  t=0 pay sent ----- answer APPROVED / DECLINED: done
 *        |  UNKNOWN or IN_PROGRESS
 *        +-- query at t = k * queryIntervalMs while t &lt; queryWindowMs (a final answer ends it)
 *        +-- window closed: reverse at max(now, reverseNotBeforeMs), then again every
 *            reverseRetryMs, doubling up to reverseRetryMaxMs, until the wallet acknowledges (store and forward)
 * </pre>
 * Examples: WeChat (query every 5 s within 45 s; reverse no sooner than 15 s), Alipay SDK (5 queries x 5 s,
 * then cancel every 2 s). Immutable.
 *
 * @param requestTimeoutMs   deadline of one HTTP call to this wallet.
 * @param queryIntervalMs    delay before the first query and between queries.
 * @param queryWindowMs      after this long since the pay was sent, stop querying and reverse.
 * @param reverseNotBeforeMs the earliest a reverse may be sent, since the pay was sent.
 * @param reverseRetryMs     first delay between reverse attempts.
 * @param reverseRetryMaxMs  the longest delay between reverse attempts.
 */
public record WalletSchedule(
    int requestTimeoutMs,
    int queryIntervalMs,
    int queryWindowMs,
    int reverseNotBeforeMs,
    int reverseRetryMs,
    int reverseRetryMaxMs)
{
    /**
     * @throws IllegalArgumentException naming the first field that breaks its rule.
     */
    public WalletSchedule
    {
        positive("requestTimeoutMs", requestTimeoutMs);
        positive("queryIntervalMs", queryIntervalMs);
        positive("queryWindowMs", queryWindowMs);
        if (reverseNotBeforeMs < 0)
        {
            throw new IllegalArgumentException("reverseNotBeforeMs=" + reverseNotBeforeMs + ": must be >= 0");
        }
        positive("reverseRetryMs", reverseRetryMs);
        positive("reverseRetryMaxMs", reverseRetryMaxMs);
        if (queryWindowMs < queryIntervalMs)
        {
            throw new IllegalArgumentException("queryWindowMs=" + queryWindowMs + ": must be >= queryIntervalMs=" +
                queryIntervalMs);
        }
        if (reverseRetryMaxMs < reverseRetryMs)
        {
            throw new IllegalArgumentException("reverseRetryMaxMs=" + reverseRetryMaxMs + ": must be >= reverseRetryMs=" +
                reverseRetryMs);
        }
    }

    /**
     * The delay before reverse attempt {@code attempt} (0-based) after the first: {@code reverseRetryMs}
     * doubled per attempt, capped at {@code reverseRetryMaxMs}. Does not allocate.
     *
     * @param attempt the number of reverse attempts already made, &gt;= 0.
     * @return the delay in milliseconds.
     */
    public long reverseDelayMs(final int attempt)
    {
        final int shift = Math.min(Math.max(attempt, 0), 30);
        return Math.min((long)reverseRetryMs << shift, reverseRetryMaxMs);
    }

    private static void positive(final String name, final int value)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be > 0");
        }
    }
}
