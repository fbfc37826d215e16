package io.hutong.sim.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A wallet's fault plan (docs/simulated-wallets.md, "Fault plan"; the field names are a contract): latency, the
 * rates of each fault, how often a failure hides an applied operation, and USERPAYING. Read from JSON
 * ({@code POST /sim/faults}) or YAML (configuration) through Jackson's tree model and validated with
 * {@code faults.errorRate=1.5: must be in [0,1]} messages. Immutable and thread-safe.
 *
 * @param latency          latency of every request, or null for none.
 * @param errorRate        share answered with the wallet's own system error.
 * @param http500Rate      share answered HTTP 500.
 * @param hangRate         share never answered.
 * @param resetRate        share answered by closing the connection.
 * @param duplicateRate    share answered twice.
 * @param lateRate         share answered {@code lateMs} late.
 * @param lateMs           the delay of a late answer.
 * @param appliedRate      for error, 500, hang, reset and late: the share where the operation was applied first.
 * @param userPayingRate   share of payments that wait for the consumer.
 * @param userPayingMs     how long the consumer takes.
 * @param userCancelRate   share of waiting payments the consumer cancels.
 * @param badSignatureRate share answered with a wrong signature.
 * @param malformedRate    share answered with garbage.
 * @param operations       the operations faults apply to.
 * @param seed             the random seed set with this plan, or null to keep the current sequence.
 */
public record FaultPlan(
    Latency latency,
    double errorRate,
    double http500Rate,
    double hangRate,
    double resetRate,
    double duplicateRate,
    double lateRate,
    long lateMs,
    double appliedRate,
    double userPayingRate,
    long userPayingMs,
    double userCancelRate,
    double badSignatureRate,
    double malformedRate,
    Set<WalletOperation> operations,
    Long seed)
{
    /** Default share of failures that hide an applied operation. */
    public static final double DEFAULT_APPLIED_RATE = 0.5;
    /** Default delay of a late answer. */
    public static final long DEFAULT_LATE_MS = 5_000;
    /** Default time a consumer takes to confirm. */
    public static final long DEFAULT_USER_PAYING_MS = 5_000;
    /** Longest delay a plan may ask for. */
    public static final long MAX_MS = 600_000;

    /** The empty plan: no faults. */
    public static final FaultPlan NONE = new FaultPlan(null, 0, 0, 0, 0, 0, 0, DEFAULT_LATE_MS, DEFAULT_APPLIED_RATE, 0,
        DEFAULT_USER_PAYING_MS, 0, 0, 0, EnumSet.allOf(WalletOperation.class), null);

    private static final Set<String> FIELDS = Set.of("latency", "errorRate", "http500Rate", "hangRate", "resetRate",
        "duplicateRate", "lateRate", "lateMs", "appliedRate", "userPayingRate", "userPayingMs", "userCancelRate",
        "badSignatureRate", "malformedRate", "operations", "seed");

    /**
     * Copies the operations into an immutable set.
     */
    public FaultPlan
    {
        operations = Set.copyOf(operations);
    }

    /**
     * Latency of every request a plan applies to.
     *
     * @param distribution how delays are drawn.
     * @param ms           the fixed delay.
     * @param minMs        the least uniform delay.
     * @param maxMs        the largest uniform delay (also the cap of log-normal delays).
     * @param medianMs     the median log-normal delay.
     * @param sigma        the log-normal shape.
     */
    public record Latency(Distribution distribution, long ms, long minMs, long maxMs, long medianMs, double sigma)
    {
        /**
         * Draws one delay.
         *
         * @param random the source.
         * @return the delay in milliseconds, 0..{@link #MAX_MS}.
         */
        public long draw(final FaultRandom random)
        {
            switch (distribution)
            {
                case FIXED:
                    return ms;
                case UNIFORM:
                    return minMs + (long)(random.nextDouble() * (maxMs - minMs + 1));
                default:
                    final double delay = medianMs * Math.exp(sigma * random.nextGaussian());
                    return Math.min(maxMs, Math.max(0, Math.round(delay)));
            }
        }
    }

    /**
     * Latency distributions.
     */
    public enum Distribution
    {
        /** Always {@code ms}. */
        FIXED,
        /** Uniform in {@code [minMs, maxMs]}. */
        UNIFORM,
        /** {@code medianMs * exp(sigma * N(0,1))}, at most {@code maxMs}. */
        LOGNORMAL
    }

    /**
     * @return true when the plan changes nothing.
     */
    public boolean isEmpty()
    {
        return null == latency && 0 == exclusiveRate() && 0 == userPayingRate;
    }

    /**
     * @return the sum of the rates of the faults that exclude each other.
     */
    public double exclusiveRate()
    {
        return errorRate + http500Rate + hangRate + resetRate + duplicateRate + lateRate + badSignatureRate +
            malformedRate;
    }

    /**
     * Reads and validates a plan.
     *
     * @param node   a JSON object (absent fields take their defaults; null or missing node = no faults).
     * @param prefix the key prefix of messages, e.g. {@code faults} or {@code wallets.wechat.faults}.
     * @return the plan.
     * @throws IllegalArgumentException with a {@code prefix.field=value: reason} message.
     */
    public static FaultPlan fromJson(final JsonNode node, final String prefix)
    {
        if (null == node || node.isNull() || node.isMissingNode())
        {
            return NONE;
        }
        if (!node.isObject())
        {
            throw new IllegalArgumentException(prefix + "=" + node + ": must be an object");
        }
        final Iterator<String> names = node.fieldNames();
        while (names.hasNext())
        {
            final String name = names.next();
            if (!FIELDS.contains(name))
            {
                throw new IllegalArgumentException(prefix + "." + name + ": unknown field");
            }
        }
        final FaultPlan plan = new FaultPlan(
            latency(node.get("latency"), prefix + ".latency"),
            rate(node, prefix, "errorRate", 0),
            rate(node, prefix, "http500Rate", 0),
            rate(node, prefix, "hangRate", 0),
            rate(node, prefix, "resetRate", 0),
            rate(node, prefix, "duplicateRate", 0),
            rate(node, prefix, "lateRate", 0),
            millis(node, prefix, "lateMs", DEFAULT_LATE_MS),
            rate(node, prefix, "appliedRate", DEFAULT_APPLIED_RATE),
            rate(node, prefix, "userPayingRate", 0),
            millis(node, prefix, "userPayingMs", DEFAULT_USER_PAYING_MS),
            rate(node, prefix, "userCancelRate", 0),
            rate(node, prefix, "badSignatureRate", 0),
            rate(node, prefix, "malformedRate", 0),
            operations(node.get("operations"), prefix + ".operations"),
            seed(node.get("seed"), prefix + ".seed"));
        if (plan.exclusiveRate() > 1.0 + 1e-9)
        {
            throw new IllegalArgumentException(prefix + ".errorRate+http500Rate+hangRate+resetRate+duplicateRate+" +
                "lateRate+badSignatureRate+malformedRate=" + plan.exclusiveRate() + ": must be <= 1");
        }
        return plan;
    }

    /**
     * @return the plan as JSON, every field present (the seed only when set).
     */
    public ObjectNode toJson()
    {
        final ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (null == latency)
        {
            json.putNull("latency");
        }
        else
        {
            final ObjectNode l = json.putObject("latency");
            l.put("distribution", latency.distribution().name().toLowerCase(java.util.Locale.ROOT));
            l.put("ms", latency.ms());
            l.put("minMs", latency.minMs());
            l.put("maxMs", latency.maxMs());
            l.put("medianMs", latency.medianMs());
            l.put("sigma", latency.sigma());
        }
        json.put("errorRate", errorRate).put("http500Rate", http500Rate).put("hangRate", hangRate)
            .put("resetRate", resetRate).put("duplicateRate", duplicateRate).put("lateRate", lateRate)
            .put("lateMs", lateMs).put("appliedRate", appliedRate).put("userPayingRate", userPayingRate)
            .put("userPayingMs", userPayingMs).put("userCancelRate", userCancelRate)
            .put("badSignatureRate", badSignatureRate).put("malformedRate", malformedRate);
        final ArrayNode ops = json.putArray("operations");
        for (final WalletOperation operation : WalletOperation.values())
        {
            if (operations.contains(operation))
            {
                ops.add(operation.wireName());
            }
        }
        if (null != seed)
        {
            json.put("seed", seed);
        }
        return json;
    }

    private static Latency latency(final JsonNode node, final String prefix)
    {
        if (null == node || node.isNull())
        {
            return null;
        }
        if (!node.isObject())
        {
            throw new IllegalArgumentException(prefix + "=" + node + ": must be an object");
        }
        for (final Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); )
        {
            final String name = it.next().getKey();
            if (!Set.of("distribution", "ms", "minMs", "maxMs", "medianMs", "sigma").contains(name))
            {
                throw new IllegalArgumentException(prefix + "." + name + ": unknown field");
            }
        }
        final JsonNode kind = node.get("distribution");
        final String name = null == kind ? "fixed" : kind.asText();
        final Distribution distribution;
        switch (null == kind || kind.isTextual() ? name : "")
        {
            case "fixed":
                distribution = Distribution.FIXED;
                break;
            case "uniform":
                distribution = Distribution.UNIFORM;
                break;
            case "lognormal":
                distribution = Distribution.LOGNORMAL;
                break;
            default:
                throw new IllegalArgumentException(
                    prefix + ".distribution=" + kind + ": must be fixed, uniform or lognormal");
        }
        final long ms = millis(node, prefix, "ms", 0);
        final long minMs = millis(node, prefix, "minMs", 0);
        final long maxMs = millis(node, prefix, "maxMs", Distribution.LOGNORMAL == distribution ? MAX_MS : minMs);
        final long medianMs = millis(node, prefix, "medianMs", 0);
        final double sigma = number(node, prefix, "sigma", 0.5);
        if (Distribution.UNIFORM == distribution && maxMs < minMs)
        {
            throw new IllegalArgumentException(prefix + ".maxMs=" + maxMs + ": must be >= minMs=" + minMs);
        }
        if (Distribution.LOGNORMAL == distribution && (medianMs <= 0 || sigma < 0 || sigma > 5))
        {
            throw new IllegalArgumentException(prefix + ".medianMs=" + medianMs + " sigma=" + sigma +
                ": lognormal needs medianMs > 0 and sigma in [0,5]");
        }
        return new Latency(distribution, ms, minMs, maxMs, medianMs, sigma);
    }

    private static double rate(final JsonNode node, final String prefix, final String name, final double fallback)
    {
        final double value = number(node, prefix, name, fallback);
        if (!(value >= 0 && value <= 1))
        {
            throw new IllegalArgumentException(prefix + "." + name + "=" + node.get(name) + ": must be in [0,1]");
        }
        return value;
    }

    private static long millis(final JsonNode node, final String prefix, final String name, final long fallback)
    {
        final JsonNode value = node.get(name);
        if (null == value || value.isNull())
        {
            return fallback;
        }
        if (!value.canConvertToExactIntegral() || value.asLong() < 0 || value.asLong() > MAX_MS)
        {
            throw new IllegalArgumentException(
                prefix + "." + name + "=" + value + ": must be an integer in [0," + MAX_MS + "]");
        }
        return value.asLong();
    }

    private static double number(final JsonNode node, final String prefix, final String name, final double fallback)
    {
        final JsonNode value = node.get(name);
        if (null == value || value.isNull())
        {
            return fallback;
        }
        if (!value.isNumber())
        {
            throw new IllegalArgumentException(prefix + "." + name + "=" + value + ": must be a number");
        }
        return value.asDouble();
    }

    private static Set<WalletOperation> operations(final JsonNode node, final String prefix)
    {
        if (null == node || node.isNull())
        {
            return EnumSet.allOf(WalletOperation.class);
        }
        if (!node.isArray())
        {
            throw new IllegalArgumentException(prefix + "=" + node + ": must be a list");
        }
        final EnumSet<WalletOperation> operations = EnumSet.noneOf(WalletOperation.class);
        for (final JsonNode item : node)
        {
            final WalletOperation operation = item.isTextual() ? WalletOperation.fromWireName(item.asText()) : null;
            if (null == operation)
            {
                throw new IllegalArgumentException(
                    prefix + "=" + item + ": must be pay, query, reverse, refund, credit or release");
            }
            operations.add(operation);
        }
        return operations;
    }

    private static Long seed(final JsonNode node, final String prefix)
    {
        if (null == node || node.isNull())
        {
            return null;
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong())
        {
            throw new IllegalArgumentException(prefix + "=" + node + ": must be an integer");
        }
        return node.asLong();
    }
}
