package io.hutong.core.journal;

/**
 * The journal cannot be used as asked: its directory cannot be created or opened, or the tail found at open
 * is torn or does not chain. Messages follow {@code name=value: reason}. Expected outcomes of reading
 * (malformed records, chain breaks) are reported through return values and handlers instead.
 */
public final class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message {@code name=value: reason}.
     */
    public JournalException(final String message)
    {
        super(message);
    }

    /**
     * @param message {@code name=value: reason}.
     * @param cause   the underlying failure.
     */
    public JournalException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
