package io.hutong.connector;

/**
 * What one wallet answer means to the switch: a normalised status, a reason when declined, and the wallet's
 * own code that decided it (WeChat {@code err_code} or {@code trade_state}, Alipay {@code sub_code}, ...),
 * kept for the journal and for operators. Every connector's outcome table produces these. Immutable.
 *
 * @param status     the normalised status.
 * @param reason     why it was declined; null unless {@code status} is {@link OutcomeStatus#DECLINED}.
 * @param walletCode the wallet's own code, or null when the answer carried none.
 */
public record WalletOutcome(OutcomeStatus status, DeclineReason reason, String walletCode)
{
    /**
     * @throws IllegalArgumentException if a reason is missing on a decline or present otherwise.
     */
    public WalletOutcome
    {
        if (null == status)
        {
            throw new IllegalArgumentException("status=null: required");
        }
        if ((OutcomeStatus.DECLINED == status) != (null != reason))
        {
            throw new IllegalArgumentException("status=" + status + " reason=" + reason + ": reason iff DECLINED");
        }
    }

    /**
     * @param walletCode the wallet's code, or null.
     * @return an approval.
     */
    public static WalletOutcome approved(final String walletCode)
    {
        return new WalletOutcome(OutcomeStatus.APPROVED, null, walletCode);
    }

    /**
     * @param reason     why.
     * @param walletCode the wallet's code, or null.
     * @return a decline.
     */
    public static WalletOutcome declined(final DeclineReason reason, final String walletCode)
    {
        return new WalletOutcome(OutcomeStatus.DECLINED, reason, walletCode);
    }

    /**
     * @param walletCode the wallet's code, or null.
     * @return "the consumer is still confirming: ask again later".
     */
    public static WalletOutcome inProgress(final String walletCode)
    {
        return new WalletOutcome(OutcomeStatus.IN_PROGRESS, null, walletCode);
    }

    /**
     * @param walletCode the wallet's code, or null.
     * @return "no usable answer: query".
     */
    public static WalletOutcome unknown(final String walletCode)
    {
        return new WalletOutcome(OutcomeStatus.UNKNOWN, null, walletCode);
    }
}
