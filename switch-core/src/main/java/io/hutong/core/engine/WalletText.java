package io.hutong.core.engine;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * A short ASCII text a wallet answers (its result code, its transaction id), held in a fixed array of the pooled
 * {@link Payment} so that taking a wallet's answer on the engine thread allocates nothing. Empty means "none".
 * {@link #toString()} makes a {@code String} for the paths that need one (the HTTP API's JSON, alerts).
 * <p>
 * Engine thread only; readers on other threads get a copy.
 */
final class WalletText implements CharSequence
{
    private final byte[] bytes;
    private int length;

    /**
     * @param capacity the longest text kept; longer input is cut (the wallet-result codec never delivers one).
     */
    WalletText(final int capacity)
    {
        bytes = new byte[capacity];
    }

    /**
     * @param source the buffer holding the text.
     * @param offset its first byte.
     * @param count  its length.
     */
    void set(final DirectBuffer source, final int offset, final int count)
    {
        length = Math.min(count, bytes.length);
        source.getBytes(offset, bytes, 0, length);
    }

    /**
     * @param text ASCII text, or null for none (recovery, from a journal record).
     */
    void set(final CharSequence text)
    {
        length = null == text ? 0 : Math.min(text.length(), bytes.length);
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)text.charAt(i);
        }
    }

    void clear()
    {
        length = 0;
    }

    @Override
    public boolean isEmpty()
    {
        return 0 == length;
    }

    /**
     * @param destination where to copy the text's bytes.
     * @param offset      where in {@code destination}; {@link #length()} bytes must fit.
     */
    void getBytes(final MutableDirectBuffer destination, final int offset)
    {
        destination.putBytes(offset, bytes, 0, length);
    }

    @Override
    public int length()
    {
        return length;
    }

    @Override
    public char charAt(final int index)
    {
        if (index < 0 || index >= length)
        {
            throw new IndexOutOfBoundsException("index=" + index + ": length is " + length);
        }
        return (char)(bytes[index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(final int start, final int end)
    {
        return toString().subSequence(start, end);
    }

    @Override
    public String toString()
    {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1); // as charAt reads them
    }
}
