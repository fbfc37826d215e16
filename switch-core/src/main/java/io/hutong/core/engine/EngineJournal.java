package io.hutong.core.engine;

/**
 * Where the engine writes every hop: the Chronicle Queue journal in production, a list in tests. Called only
 * on the engine thread. Appends may be buffered until {@link #commit()}, which the engine calls once per batch
 * before any wallet call or reply that the batch decided is let out (write-ahead, group commit).
 */
public interface EngineJournal extends AutoCloseable
{
    /**
     * Record one hop of a payment, from the payment's current fields (for result hops, its last wallet
     * outcome).
     *
     * @param hop     the hop.
     * @param payment the payment.
     */
    void hop(Hop hop, Payment payment);

    /**
     * Record an audit event (logon, authentication failure, configuration, start, stop, alert).
     *
     * @param hop     the event type.
     * @param subject what it is about (a terminal id, a wallet id, a switch txn id), or empty.
     * @param detail  a short description, never a secret or a full code.
     */
    void audit(Hop hop, CharSequence subject, CharSequence detail);

    /**
     * Make everything appended so far durable to the configured level (none: in the memory-mapped file,
     * safe against a process crash; sync: forced to disk).
     */
    void commit();

    /**
     * The journal is now used by the calling thread (single writer, handed over between threads that do not
     * overlap: the starting thread, the engine thread, the stopping thread).
     */
    default void transferOwnership()
    {
    }

    /**
     * Flush and close.
     */
    @Override
    void close();
}
