package io.hutong.core.pos.auth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.hutong.core.pos.codec.PosFrameDescriptor;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The terminals the switch knows, each with its long-term key ({@link TerminalKey}). Built with {@link #builder()}
 * or loaded from a key file ({@link TerminalKeysFile}). Lookup by the 16-byte terminal id field of a frame
 * allocates nothing: the fields are kept as pairs of longs in sorted arrays and binary-searched, so an unknown
 * terminal costs a few comparisons and no garbage however often it tries.
 * <p>
 * Immutable; thread-safe.
 */
public final class TerminalKeys
{
    private final long[] high;
    private final long[] low;
    private final TerminalKey[] keys;

    private TerminalKeys(final long[] high, final long[] low, final TerminalKey[] keys)
    {
        this.high = high;
        this.low = low;
        this.keys = keys;
    }

    /**
     * @return a builder for a new set of keys.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * Find the key of the terminal named by a 16-byte NUL-padded terminal id field. Allocation free.
     *
     * @param buffer holding the field (e.g. a frame).
     * @param offset first byte of the field.
     * @return the key, or null when the terminal is unknown.
     */
    public TerminalKey find(final DirectBuffer buffer, final int offset)
    {
        final long h = buffer.getLong(offset, PosFrameDescriptor.BYTE_ORDER);
        final long l = buffer.getLong(offset + 8, PosFrameDescriptor.BYTE_ORDER);
        int lowIndex = 0;
        int highIndex = keys.length - 1;
        while (lowIndex <= highIndex)
        {
            final int middle = (lowIndex + highIndex) >>> 1;
            final int comparison = compare(high[middle], low[middle], h, l);
            if (comparison < 0)
            {
                lowIndex = middle + 1;
            }
            else if (comparison > 0)
            {
                highIndex = middle - 1;
            }
            else
            {
                return keys[middle];
            }
        }
        return null;
    }

    /**
     * Find a terminal's key by its id (tools and tests; allocates).
     *
     * @param terminalId the terminal id.
     * @return the key, or null when unknown or not a valid terminal id.
     */
    public TerminalKey find(final String terminalId)
    {
        try
        {
            TerminalKey.checkTerminalId(terminalId);
        }
        catch (final IllegalArgumentException ex)
        {
            return null;
        }
        final UnsafeBuffer field = new UnsafeBuffer(new byte[PosFrameDescriptor.TERMINAL_ID_LENGTH]);
        for (int i = 0; i < terminalId.length(); i++)
        {
            field.putByte(i, (byte)terminalId.charAt(i));
        }
        return find(field, 0);
    }

    /**
     * @return how many terminals have keys.
     */
    public int size()
    {
        return keys.length;
    }

    /**
     * @return every key, ordered by terminal id field (for writing the key file).
     */
    public List<TerminalKey> keys()
    {
        return Collections.unmodifiableList(Arrays.asList(keys));
    }

    private static int compare(final long h1, final long l1, final long h2, final long l2)
    {
        final int first = Long.compare(h1, h2);
        return first != 0 ? first : Long.compare(l1, l2);
    }

    @Override
    public String toString()
    {
        return "TerminalKeys{size=" + keys.length + "}";
    }

    /**
     * Collects keys; refuses a terminal id given twice.
     * <p>
     * Not thread-safe.
     */
    public static final class Builder
    {
        private final List<TerminalKey> keys = new ArrayList<>();
        private final Set<String> terminalIds = new HashSet<>();

        private Builder()
        {
        }

        /**
         * Add a terminal.
         *
         * @param terminalId 1..16 printable ASCII characters without space.
         * @param key        16 or 32 bytes, copied.
         * @return this.
         * @throws IllegalArgumentException for a bad id or key, or an id already added.
         */
        public Builder add(final String terminalId, final byte[] key)
        {
            return add(TerminalKey.of(terminalId, key));
        }

        /**
         * Add a terminal's key.
         *
         * @param key the key.
         * @return this.
         * @throws IllegalArgumentException for an id already added.
         */
        public Builder add(final TerminalKey key)
        {
            if (!terminalIds.add(key.terminalId()))
            {
                throw new IllegalArgumentException("terminalId=" + key.terminalId() + ": given twice");
            }
            keys.add(key);
            return this;
        }

        /**
         * Add a terminal with a fresh random key (provisioning, demos, tests).
         *
         * @param terminalId 1..16 printable ASCII characters without space.
         * @param keyLength  16 or 32.
         * @param random     source of the key bytes, normally a {@link SecureRandom}.
         * @return this.
         * @throws IllegalArgumentException for a bad id or key length, or an id already added.
         */
        public Builder addRandom(final String terminalId, final int keyLength, final SecureRandom random)
        {
            if (keyLength != TerminalKey.MIN_KEY_LENGTH && keyLength != TerminalKey.MAX_KEY_LENGTH)
            {
                throw new IllegalArgumentException("keyLength=" + keyLength + ": must be 16 or 32");
            }
            final byte[] key = new byte[keyLength];
            random.nextBytes(key);
            try
            {
                return add(terminalId, key);
            }
            finally
            {
                Arrays.fill(key, (byte)0);
            }
        }

        /**
         * @return the immutable set of keys.
         */
        public TerminalKeys build()
        {
            final TerminalKey[] sorted = keys.toArray(new TerminalKey[0]);
            Arrays.sort(sorted, Comparator
                .comparingLong((TerminalKey k) -> k.terminalIdField().getLong(0, PosFrameDescriptor.BYTE_ORDER))
                .thenComparingLong(k -> k.terminalIdField().getLong(8, PosFrameDescriptor.BYTE_ORDER)));
            final long[] high = new long[sorted.length];
            final long[] low = new long[sorted.length];
            for (int i = 0; i < sorted.length; i++)
            {
                high[i] = sorted[i].terminalIdField().getLong(0, PosFrameDescriptor.BYTE_ORDER);
                low[i] = sorted[i].terminalIdField().getLong(8, PosFrameDescriptor.BYTE_ORDER);
            }
            return new TerminalKeys(high, low, sorted);
        }
    }
}
