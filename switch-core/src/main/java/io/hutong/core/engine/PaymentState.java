package io.hutong.core.engine;

/**
 * Where a payment is in its life on the engine thread.
 * <pre>
 *  CPM:  NEW -&gt; PAYING -+-&gt; FINAL (approved / declined)
 *                      +-&gt; QUERYING (in doubt) -+-&gt; FINAL
 *                                              +-&gt; REVERSING -&gt; FINAL (reversed) ... until acknowledged
 *  MPM:  NEW -&gt; CREDITING -+-&gt; FINAL (approved)
 *                         +-&gt; QUERYING -&gt; (credit in doubt past its window) REVERSING
 *                         +-&gt; declined / reversed -&gt; RELEASING (payer's hold) -&gt; FINAL
 *  REFUND: NEW -&gt; REFUNDING (retried until the wallet answers) -&gt; FINAL
 * </pre>
 */
public enum PaymentState
{
    /** Received, not yet sent to a wallet. */
    NEW,
    /** A pay call is in flight. */
    PAYING,
    /** A credit call is in flight (MPM). */
    CREDITING,
    /** The outcome is in doubt: querying on the wallet's schedule. */
    QUERYING,
    /** Reversing (store and forward: until the wallet acknowledges). */
    REVERSING,
    /** Releasing the payer's hold after a failed MPM credit (until acknowledged). */
    RELEASING,
    /** A refund call is in flight or being retried. */
    REFUNDING,
    /** Final: approved, declined or reversed. */
    FINAL
}
