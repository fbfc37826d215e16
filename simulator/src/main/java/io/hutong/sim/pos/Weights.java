package io.hutong.sim.pos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A weighted choice among names, parsed from an option such as {@code cpm=80,mpm=20} or
 * {@code wechat=40,alipay=30,bestpay=30}. Weights are non-negative integers with a positive sum; they need not add up
 * to 100. Names with weight 0 are kept (they show in the report) but never chosen.
 * <p>
 * Immutable and thread-safe.
 */
public final class Weights
{
    private final Map<String, Integer> weights;
    private final List<String> names;
    private final double[] cumulative;

    private Weights(final Map<String, Integer> weights)
    {
        this.weights = Collections.unmodifiableMap(weights);
        this.names = List.copyOf(weights.keySet());
        this.cumulative = new double[names.size()];
        final double total = weights.values().stream().mapToInt(Integer::intValue).sum();
        double sum = 0;
        for (int i = 0; i < names.size(); i++)
        {
            sum += weights.get(names.get(i)) / total;
            cumulative[i] = sum;
        }
        cumulative[names.size() - 1] = 1.0;
    }

    /**
     * @param weights names and weights, in order.
     * @return the choice.
     * @throws IllegalArgumentException when a weight is negative or all are zero.
     */
    public static Weights of(final Map<String, Integer> weights)
    {
        return check("weights", new LinkedHashMap<>(weights));
    }

    /**
     * Parses {@code name=weight,name=weight,...}.
     *
     * @param option  the option's name, for messages (e.g. {@code --mix}).
     * @param text    the option's value.
     * @param allowed the names allowed.
     * @return the choice.
     * @throws IllegalArgumentException {@code --mix=<text>: <reason>} for a syntax error, an unknown or repeated
     *                                  name, a negative weight or a zero sum.
     */
    public static Weights parse(final String option, final String text, final Collection<String> allowed)
    {
        final String where = option + "=" + text;
        final Map<String, Integer> weights = new LinkedHashMap<>();
        for (final String part : text.split(",", -1))
        {
            final int equals = part.indexOf('=');
            if (equals <= 0)
            {
                throw new IllegalArgumentException(where + ": expected name=weight[,name=weight...]");
            }
            final String name = part.substring(0, equals).trim();
            if (!allowed.contains(name))
            {
                throw new IllegalArgumentException(where + ": unknown name " + name + " (known: " + allowed + ")");
            }
            final int weight;
            try
            {
                weight = Integer.parseInt(part.substring(equals + 1).trim());
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException(where + ": weight of " + name + " must be a whole number");
            }
            if (null != weights.put(name, weight))
            {
                throw new IllegalArgumentException(where + ": " + name + " given twice");
            }
        }
        return check(where, weights);
    }

    private static Weights check(final String where, final Map<String, Integer> weights)
    {
        long sum = 0;
        for (final Map.Entry<String, Integer> entry : weights.entrySet())
        {
            if (entry.getValue() < 0)
            {
                throw new IllegalArgumentException(where + ": weight of " + entry.getKey() + " must not be negative");
            }
            sum += entry.getValue();
        }
        if (sum <= 0)
        {
            throw new IllegalArgumentException(where + ": the weights must add up to more than 0");
        }
        return new Weights(weights);
    }

    /**
     * @param uniform a number in [0, 1).
     * @return the index (in {@link #names()}) it selects.
     */
    public int pick(final double uniform)
    {
        for (int i = 0; i < cumulative.length; i++)
        {
            if (uniform < cumulative[i])
            {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /**
     * @return the names, in order.
     */
    public List<String> names()
    {
        return names;
    }

    /**
     * @param name a name.
     * @return its weight, 0 when absent.
     */
    public int weight(final String name)
    {
        return weights.getOrDefault(name, 0);
    }

    /**
     * @param name a name.
     * @return its share of the total, 0..1.
     */
    public double share(final String name)
    {
        final double total = weights.values().stream().mapToInt(Integer::intValue).sum();
        return weights.getOrDefault(name, 0) / total;
    }

    /**
     * @return the names with a weight above zero.
     */
    public List<String> chosen()
    {
        final List<String> chosen = new ArrayList<>();
        for (final String name : names)
        {
            if (weights.get(name) > 0)
            {
                chosen.add(name);
            }
        }
        return chosen;
    }

    /**
     * @return names to weights, in order; unmodifiable.
     */
    public Map<String, Integer> asMap()
    {
        return weights;
    }

    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder();
        for (final Map.Entry<String, Integer> entry : weights.entrySet())
        {
            text.append(text.length() == 0 ? "" : ",").append(entry.getKey()).append('=').append(entry.getValue());
        }
        return text.toString();
    }
}
