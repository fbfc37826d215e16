package io.hutong.core.journal.tools;

/**
 * Exit codes of the journal tools (a contract for scripts and {@code bin/hutong journal}).
 * <pre>
 *   0  OK           the tool ran; for verify: every record is well-formed and chained
 *   2  UNREADABLE   the journal could not be opened or read (missing directory, not a queue, I/O error)
 *   3  DAMAGED      verify found a chain break or a torn tail; dump, tail and stats met a malformed record
 * </pre>
 * Stateless constants; thread-safe.
 */
public final class ToolExit
{
    /** The tool ran and found nothing wrong. */
    public static final int OK = 0;
    /** The journal could not be opened or read. */
    public static final int UNREADABLE = 2;
    /** The journal's content is damaged: a chain break, a torn tail or a malformed record. */
    public static final int DAMAGED = 3;

    private ToolExit()
    {
    }
}
