package io.hutong.sim.pos;

/**
 * How one offered payment ended, as the terminal (CPM) or the payer wallet's app (MPM) saw it. Handed to a
 * {@link Listener} as each payment finishes, so tools and tests can match payments against the wallets' ledgers.
 * Immutable.
 *
 * @param mpm         true for a merchant-presented payment through the HTTP API.
 * @param wallet      the debited wallet (CPM: the code's issuer; MPM: the payer).
 * @param payee       MPM: the credited wallet; CPM: null.
 * @param status      APPROVED, DECLINED, REVERSED or ERROR.
 * @param reason      why (a decline or error reason), null when approved.
 * @param reference   CPM: the terminal txn id of the attempt that ended; MPM: the payer's reference.
 * @param walletTxnId the debited wallet's transaction id, when the switch reported one.
 * @param latencyUs   from the intended start to the final answer, microseconds.
 */
public record PaymentOutcome(
    boolean mpm,
    String wallet,
    String payee,
    Status status,
    String reason,
    String reference,
    String walletTxnId,
    long latencyUs)
{
    /** Final status of a payment offered by the generator. */
    public enum Status
    {
        /** The switch approved it (MPM: and the payer's hold was captured or tried to be). */
        APPROVED,
        /** A wallet or the switch declined it. */
        DECLINED,
        /** The switch reversed it (no definite answer from the wallet in time). */
        REVERSED,
        /** It ended without a final answer from the switch: refused request, generator limit, protocol error. */
        ERROR
    }

    /**
     * Receives each payment's outcome once, on the thread that finished it (a Netty event loop). Must not block.
     */
    @FunctionalInterface
    public interface Listener
    {
        /** Discards outcomes. */
        Listener NONE = (outcome) ->
        {
        };

        /**
         * @param outcome how one payment ended.
         */
        void onOutcome(PaymentOutcome outcome);
    }
}
