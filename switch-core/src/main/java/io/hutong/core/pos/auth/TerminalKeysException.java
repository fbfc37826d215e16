package io.hutong.core.pos.auth;

/**
 * A terminal key file that cannot be used: missing, unreadable, readable by others, not valid JSON, or with a bad
 * entry. The message is {@code name=value: reason} and never contains key material.
 * <p>
 * Immutable; thread-safe.
 */
public final class TerminalKeysException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message {@code name=value: reason}.
     */
    public TerminalKeysException(final String message)
    {
        super(message);
    }

    /**
     * @param message {@code name=value: reason}.
     * @param cause   the I/O failure (never a parser exception, whose message may quote key material).
     */
    public TerminalKeysException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
