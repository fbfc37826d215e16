package io.hutong.core.pos.auth;

import java.util.Arrays;

import io.hutong.core.pos.codec.FrameMac;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosText;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One terminal's long-term key: the terminal id it belongs to and 16 or 32 secret bytes. The key never leaves
 * this object except into a {@link FrameMac} ({@link #initMac}); {@link #toString()} shows the terminal id and the
 * key length only.
 * <p>
 * Immutable once built; thread-safe.
 */
public final class TerminalKey
{
    /** Shorter of the two key lengths accepted, bytes. */
    public static final int MIN_KEY_LENGTH = 16;
    /** Longer of the two key lengths accepted, bytes (the HMAC-SM3 block holds either without hashing). */
    public static final int MAX_KEY_LENGTH = 32;

    private final String terminalId;
    private final UnsafeBuffer terminalIdField;
    private final byte[] key;
    private final String acquirer;

    private TerminalKey(final String terminalId, final UnsafeBuffer terminalIdField, final byte[] key, final String acquirer)
    {
        this.terminalId = terminalId;
        this.terminalIdField = terminalIdField;
        this.key = key;
        this.acquirer = acquirer;
    }

    /**
     * Make a key; the bytes are copied, so the caller may wipe its array afterwards.
     *
     * @param terminalId 1..16 printable ASCII characters without space.
     * @param key        16 or 32 bytes.
     * @return the key.
     * @throws IllegalArgumentException for a bad terminal id or key length (the message never shows the key).
     */
    public static TerminalKey of(final String terminalId, final byte[] key)
    {
        return of(terminalId, key, null);
    }

    /**
     * Make a key for a terminal whose merchant is acquired by a participating wallet.
     *
     * @param terminalId 1..16 printable ASCII characters without space.
     * @param key        16 or 32 bytes.
     * @param acquirer   the acquiring wallet's participant id (CPM positions are owed to it), or null.
     * @return the key.
     * @throws IllegalArgumentException for a bad terminal id or key length (the message never shows the key).
     */
    public static TerminalKey of(final String terminalId, final byte[] key, final String acquirer)
    {
        checkTerminalId(terminalId);
        if (key.length != MIN_KEY_LENGTH && key.length != MAX_KEY_LENGTH)
        {
            throw new IllegalArgumentException(
                "terminalId=" + terminalId + ": key length=" + key.length + ", must be 16 or 32 bytes");
        }
        final UnsafeBuffer field = new UnsafeBuffer(new byte[PosFrameDescriptor.TERMINAL_ID_LENGTH]);
        PosText.putFixed(field, 0, PosFrameDescriptor.TERMINAL_ID_LENGTH, terminalId, "terminalId");
        return new TerminalKey(terminalId, field, Arrays.copyOf(key, key.length), acquirer);
    }

    static void checkTerminalId(final String terminalId)
    {
        final int length = terminalId.length();
        boolean valid = length >= 1 && length <= PosFrameDescriptor.TERMINAL_ID_LENGTH;
        for (int i = 0; valid && i < length; i++)
        {
            valid = PosText.isIdCharacter(terminalId.charAt(i));
        }
        if (!valid)
        {
            throw new IllegalArgumentException(
                "terminalId length=" + length + ": must be 1..16 printable ASCII characters without space");
        }
    }

    /**
     * @return the terminal id.
     */
    public String terminalId()
    {
        return terminalId;
    }

    /**
     * @return the terminal id as its 16-byte NUL-padded wire field; do not modify.
     */
    public DirectBuffer terminalIdField()
    {
        return terminalIdField;
    }

    /**
     * @return the acquiring wallet's participant id, or null when the file names none.
     */
    public String acquirer()
    {
        return acquirer;
    }

    /**
     * @return key length in bytes, 16 or 32.
     */
    public int keyLength()
    {
        return key.length;
    }

    /**
     * Key a MAC with this key.
     *
     * @param mac the MAC to key (allocates its key schedule).
     * @return {@code mac}.
     */
    public FrameMac initMac(final FrameMac mac)
    {
        return mac.init(key, 0, key.length);
    }

    /**
     * Copy the key out, for writing the key file. Package-private: nothing else needs the bytes.
     *
     * @return a copy the caller must wipe.
     */
    byte[] copyKey()
    {
        return Arrays.copyOf(key, key.length);
    }

    @Override
    public String toString()
    {
        return "TerminalKey{terminalId=" + terminalId + ", key=<" + key.length + " bytes>}";
    }
}
