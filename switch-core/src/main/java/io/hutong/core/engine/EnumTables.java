package io.hutong.core.engine;

import java.lang.reflect.Array;

/**
 * Tables from one enum to another of the same names, indexed by ordinal, built once in a static initialiser so
 * that translating on the hot path is an array read: the engine's reasons to the journal's or the POS protocol's
 * codes, hops to journal hops. Stateless.
 */
public final class EnumTables
{
    private EnumTables()
    {
    }

    /**
     * @param from     the source enum.
     * @param to       the target enum.
     * @param fallback for source constants the target lacks; null to require every name.
     * @param <S>      the source type.
     * @param <T>      the target type.
     * @return {@code table[s.ordinal()]}: the target constant of the same name, or the fallback.
     * @throws IllegalArgumentException naming the first missing constant when there is no fallback.
     */
    public static <S extends Enum<S>, T extends Enum<T>> T[] byName(
        final Class<S> from, final Class<T> to, final T fallback)
    {
        final S[] sources = from.getEnumConstants();
        @SuppressWarnings("unchecked")
        final T[] table = (T[])Array.newInstance(to, sources.length);
        for (final S source : sources)
        {
            T mapped = fallback;
            for (final T target : to.getEnumConstants())
            {
                if (target.name().equals(source.name()))
                {
                    mapped = target;
                    break;
                }
            }
            if (null == mapped)
            {
                throw new IllegalArgumentException(from.getSimpleName() + "." + source.name() + ": no " +
                    to.getSimpleName() + " of that name");
            }
            table[source.ordinal()] = mapped;
        }
        return table;
    }
}
