package io.hutong.core.journal;

/**
 * How hard {@link JournalWriter#sync()} pushes appended records towards the disk (see docs/journal.md for the
 * measured cost of each).
 * <p>
 * Immutable; thread-safe.
 */
public enum JournalSyncMode
{
    /**
     * Records are in the memory-mapped queue file as soon as {@link JournalWriter#append()} returns: a crash of
     * the switch process loses nothing, the operating system writes the pages out when it likes. A power cut
     * or kernel crash can lose the last seconds. {@link JournalWriter#sync()} does nothing.
     */
    NONE,
    /**
     * {@link JournalWriter#sync()} forces every record appended since the last sync to the storage device
     * ({@code msync(MS_SYNC)} of the mapped range) before it returns: the engine appends a batch, syncs once
     * (group commit), then sends the replies that batch decided.
     */
    SYNC
}
