package io.hutong.sim.reconcile;

/**
 * An input of a reconciliation cannot be read: the journal is missing or damaged, the credentials file is unreadable,
 * or a wallet's ledger cannot be fetched (unreachable, an error answer, a page that is not the ledger's JSON). The
 * message names the input ({@code wallet=wechat baseUrl=...: unreachable (...)}) and never carries a secret. The
 * command line exits 2 on it.
 */
public final class ReconcileInputException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message {@code name=value: reason}.
     */
    public ReconcileInputException(final String message)
    {
        super(message);
    }

    /**
     * @param message {@code name=value: reason}.
     * @param cause   the underlying failure.
     */
    public ReconcileInputException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
