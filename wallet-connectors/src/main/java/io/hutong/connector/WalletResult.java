package io.hutong.connector;

/**
 * The typed result of one wallet call. Never an exception: a wallet's refusal, a timeout, a broken
 * connection, an answer that does not parse or whose signature does not verify all become a result.
 * <p>
 * What {@link #status()} means depends on the operation:
 * <pre>
 *  operation        APPROVED               DECLINED                      IN_PROGRESS            UNKNOWN
 *  PAY, CREDIT      done (walletTxnId)     refused, nothing taken        consumer confirming    no usable answer
 *  QUERY            the order is paid      the order ended unpaid        still pending          cannot tell
 *                                          (closed, reversed, failed)
 *  REVERSE, RELEASE reversed / released,   refused for good (e.g. the    call again (WeChat     no usable answer:
 *                   nothing held           reverse window passed)        recall=Y)              call again
 *  REFUND           refunded               refused, nothing refunded     pending: query later   call again
 * </pre>
 * {@link #requestSent()} is false only when the request certainly never reached the wallet (connect failed,
 * the per-host limit or the crypto pool was full): then a PAY can be declined outright, with no query or
 * reverse. Immutable.
 *
 * @param operation   the operation this answers.
 * @param status      the normalised status.
 * @param reason      why it was declined; null unless {@code status} is {@link OutcomeStatus#DECLINED}.
 * @param walletCode  the wallet's own code that decided it (for the journal), or null.
 * @param walletTxnId the wallet's transaction id when the wallet gave one, else null.
 * @param requestSent false only when the request certainly did not reach the wallet.
 * @param detail      a short human-readable detail for logs (never secrets or full codes), or null.
 */
public record WalletResult(
    WalletOperation operation,
    OutcomeStatus status,
    DeclineReason reason,
    String walletCode,
    String walletTxnId,
    boolean requestSent,
    String detail)
{
    /**
     * @throws IllegalArgumentException if a required field is missing, or a reason is given without a decline.
     */
    public WalletResult
    {
        if (null == operation || null == status)
        {
            throw new IllegalArgumentException("operation=" + operation + " status=" + status + ": both required");
        }
        if ((OutcomeStatus.DECLINED == status) != (null != reason))
        {
            throw new IllegalArgumentException("status=" + status + " reason=" + reason + ": reason iff DECLINED");
        }
        if (!requestSent && OutcomeStatus.UNKNOWN != status)
        {
            throw new IllegalArgumentException("status=" + status + " requestSent=false: an unsent request has no answer");
        }
    }

    /**
     * A wallet's answer.
     *
     * @param operation   the operation.
     * @param outcome     the answer's meaning from the connector's outcome table.
     * @param walletTxnId the wallet's transaction id, or null.
     * @return the result.
     */
    public static WalletResult answered(final WalletOperation operation, final WalletOutcome outcome, final String walletTxnId)
    {
        return new WalletResult(operation, outcome.status(), outcome.reason(), outcome.walletCode(), walletTxnId, true, null);
    }

    /**
     * No usable answer to a request that may have reached the wallet (timeout, reset, 5xx, bad signature).
     *
     * @param operation  the operation.
     * @param walletCode a code naming the failure (e.g. {@code TIMEOUT}, {@code HTTP_503}, {@code BAD_SIGNATURE}).
     * @param detail     a detail for logs.
     * @return the result.
     */
    public static WalletResult unknown(final WalletOperation operation, final String walletCode, final String detail)
    {
        return new WalletResult(operation, OutcomeStatus.UNKNOWN, null, walletCode, null, true, detail);
    }

    /**
     * The request certainly did not reach the wallet (connect failed, a local limit was full).
     *
     * @param operation  the operation.
     * @param walletCode a code naming the failure (e.g. {@code CONNECT_FAILED}, {@code BUSY}).
     * @param detail     a detail for logs.
     * @return the result.
     */
    public static WalletResult notSent(final WalletOperation operation, final String walletCode, final String detail)
    {
        return new WalletResult(operation, OutcomeStatus.UNKNOWN, null, walletCode, null, false, detail);
    }

    /**
     * @return true if the status is final for this call ({@link OutcomeStatus#APPROVED} or
     * {@link OutcomeStatus#DECLINED}).
     */
    public boolean isFinal()
    {
        return status.isFinal();
    }
}
