package io.hutong.sim.pos;

/**
 * One payment offered by the load generator, from its intended start (the open-loop schedule's time, from which
 * every latency is measured) to its final answer. CPM payments belong to one terminal and are only touched on that
 * terminal's event loop after hand-over; MPM payments are driven by {@link MpmPayer} callbacks, one at a time.
 * Not thread-safe: confined to whichever single thread drives it at a time (hand-over through an executor).
 */
final class Payment
{
    /** Waiting for the connection (not sent yet, or sent and then the connection was lost). */
    static final int QUEUED = 0;
    /** Pay sent, no answer yet. */
    static final int PAY_SENT = 1;
    /** Waiting to query (answered IN_PROGRESS, or the answer is overdue or was lost). */
    static final int QUERY_WAIT = 2;
    /** Query sent, no answer yet. */
    static final int QUERY_SENT = 3;
    /** Answered BUSY: a new attempt (new txn id, new code) waits for its back-off. */
    static final int BUSY_WAIT = 4;
    /** Final; nothing more to do. */
    static final int DONE = 5;

    final long number;
    final long intendedNs;
    final boolean mpm;
    final int wallet;
    final long amount;
    final RunStats stats;

    /** The consumer code (CPM) or the payee's merchant code (MPM). */
    String code;
    /** MPM: the payee wallet's index. */
    int payee = -1;
    /** MPM: the payer's hold reference (also the idempotency key at the switch). */
    String payerRef;
    /** MPM: the payer's consumer account. */
    String account;
    /** MPM: the switch's payment id once it answered PENDING. */
    String switchId;

    int state = QUEUED;
    int attempt;
    boolean paySent;
    boolean answered;
    int resends;
    long deadlineNs;
    /** MPM: the debited wallet's transaction id from the switch's approval. */
    String walletTxnId;
    /** MPM: when the hold was asked for. */
    long holdStartNs;
    /** MPM: when the switch's final answer arrived (the payment's latency ends there, not at the capture). */
    long answeredNs;

    Payment(final long number, final long intendedNs, final boolean mpm, final int wallet, final long amount,
        final RunStats stats)
    {
        this.number = number;
        this.intendedNs = intendedNs;
        this.mpm = mpm;
        this.wallet = wallet;
        this.amount = amount;
        this.stats = stats;
    }

    /**
     * @return true once the payment has its final answer.
     */
    boolean isDone()
    {
        return DONE == state;
    }

    @Override
    public String toString()
    {
        // No code: consumer codes are credentials.
        return "Payment[" + number + (mpm ? " mpm" : " cpm") + ", wallet=" + wallet + ", amount=" + amount +
            ", state=" + state + ", attempt=" + attempt + "]";
    }
}
