package io.hutong.connector;

/**
 * Why a wallet declined a payment, normalised across wallets: every connector maps each of its wallet's own
 * error codes (WeChat {@code err_code}, Alipay {@code sub_code}, ...) to one of these in one table, and keeps
 * the wallet's code alongside for the journal. The names are a wire contract (POS and HTTP replies).
 */
public enum DeclineReason
{
    /** The consumer's balance or credit does not cover the amount. */
    INSUFFICIENT_FUNDS,
    /** The consumer code is malformed, unknown to the wallet or expired. */
    CODE_INVALID_OR_EXPIRED,
    /** The consumer code was already used (codes are single-use even when the payment failed). */
    CODE_ALREADY_USED,
    /** A per-transaction, daily or risk limit of the consumer or merchant is exceeded. */
    LIMIT_EXCEEDED,
    /** The merchant is not enrolled with, or not allowed by, the wallet. */
    MERCHANT_NOT_ENROLLED,
    /** The consumer's account is frozen, closed or restricted. */
    ACCOUNT_RESTRICTED,
    /** The wallet's risk control refused the payment. */
    RISK_REFUSED,
    /** The order number was already used for a different payment. */
    DUPLICATE_ORDER,
    /** The request was refused as malformed or wrongly signed by the wallet (a switch or configuration fault). */
    REQUEST_REJECTED,
    /** The wallet says it cannot take payments now. */
    WALLET_UNAVAILABLE,
    /** The consumer cancelled while confirming, or the confirmation timed out. */
    CONSUMER_CANCELLED,
    /** Any other decline: the wallet's own code tells more. */
    OTHER;

    private static final DeclineReason[] VALUES = values();

    /**
     * Lookup by ordinal without allocating (unlike {@link #values()}).
     *
     * @param ordinal the ordinal.
     * @return the constant.
     */
    public static DeclineReason get(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
