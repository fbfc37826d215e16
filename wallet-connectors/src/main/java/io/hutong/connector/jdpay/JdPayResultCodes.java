package io.hutong.connector.jdpay;

/**
 * The codes of JD Pay answers: {@code result/code} and the {@code status} of a trade.
 * <p>
 * Verified (docs/wallet-jdpay.md section 6): {@link #SUCCESS} {@code 000000} (JD's SDKs and test-environment
 * answers), and the status values JD's own merchant demo displays: payment trades {@code 0} created,
 * {@code 1} processing, {@code 2} success, {@code 3} failed, {@code 4} closed; refund trades {@code 0} processing,
 * {@code 1} success, {@code 2} failed.
 * <p>
 * Provisional: JD does not publish its error codes, so every other {@code result/code} here is Hutong's own
 * default, sent by the simulated wallet and mapped by {@link JdPayOutcomes}; operators add JD's real codes
 * through {@link JdPayOutcomes#withOverrides}. A code no table knows is {@code UNKNOWN}, never a decline.
 * Constants only.
 */
public final class JdPayResultCodes
{
    /** The request was processed (the answer carries a signed, encrypted payload). [V] */
    public static final String SUCCESS = "000000";

    /** Wallet-side failure; the trade may or may not exist. [P] */
    public static final String SYSTEM_ERROR = "SYSTEM_ERROR";
    /** Wallet overloaded or closed for maintenance; nothing was processed. [P] */
    public static final String SYSTEM_BUSY = "SYSTEM_BUSY";
    /** Malformed or missing request field. [P] */
    public static final String PARAM_ERROR = "PARAM_ERROR";
    /** Request signature missing or wrong. [P] */
    public static final String SIGN_ERROR = "SIGN_ERROR";
    /** {@code encrypt} could not be decrypted with the merchant's DES key. [P] */
    public static final String DECRYPT_ERROR = "DECRYPT_ERROR";
    /** Unknown merchant, or merchant not allowed this operation. [P] */
    public static final String MERCHANT_INVALID = "MERCHANT_INVALID";
    /** Payment code (token) unknown or malformed. [P] */
    public static final String TOKEN_INVALID = "TOKEN_INVALID";
    /** Payment code expired. [P] */
    public static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    /** Payment code already used (codes are single-use). [P] */
    public static final String TOKEN_USED = "TOKEN_USED";
    /** Balance or credit does not cover the amount. [P] */
    public static final String BALANCE_NOT_ENOUGH = "BALANCE_NOT_ENOUGH";
    /** A per-transaction or daily limit is exceeded. [P] */
    public static final String EXCEED_LIMIT = "EXCEED_LIMIT";
    /** The consumer's account is frozen or restricted. [P] */
    public static final String ACCOUNT_FROZEN = "ACCOUNT_FROZEN";
    /** Refused by risk control. [P] */
    public static final String RISK_REJECT = "RISK_REJECT";
    /** The consumer cancelled while confirming, or the confirmation window passed. [P] */
    public static final String USER_CANCEL = "USER_CANCEL";
    /** {@code tradeNum} already used by a different payment. [P] */
    public static final String TRADE_NUM_REPEAT = "TRADE_NUM_REPEAT";
    /** {@code tradeNum} already paid: a resend after a lost answer looks exactly like this. [P] */
    public static final String TRADE_PAID = "TRADE_PAID";
    /** The (original) trade is closed: nothing was or will be taken under it. [P] */
    public static final String TRADE_CLOSED = "TRADE_CLOSED";
    /** No trade with this number (yet). [P] */
    public static final String TRADE_NOT_EXIST = "TRADE_NOT_EXIST";
    /** The payment can no longer be revoked (window passed, or already settled or refunded). [P] */
    public static final String REVOKE_NOT_ALLOWED = "REVOKE_NOT_ALLOWED";
    /** The refund would exceed the refundable amount of the original payment. [P] */
    public static final String REFUND_AMOUNT_EXCEED = "REFUND_AMOUNT_EXCEED";
    /** The original payment cannot be refunded (not successful, or the refund window passed). [P] */
    public static final String REFUND_NOT_ALLOWED = "REFUND_NOT_ALLOWED";

    /** Payment trade {@code status}: created, not yet paid. [V] */
    public static final String PAY_CREATED = "0";
    /** Payment trade {@code status}: processing, e.g. the consumer is entering the password. [V] */
    public static final String PAY_PROCESSING = "1";
    /** Payment trade {@code status}: paid. [V] */
    public static final String PAY_SUCCESS = "2";
    /** Payment trade {@code status}: failed, nothing taken. [V] */
    public static final String PAY_FAILED = "3";
    /** Payment trade {@code status}: closed (unpaid and closed, or revoked). [V] */
    public static final String PAY_CLOSED = "4";

    /** Refund or revoke trade {@code status}: processing. [V for refund, P for revoke] */
    public static final String REVERSAL_PROCESSING = "0";
    /** Refund or revoke trade {@code status}: done. [V for refund, P for revoke] */
    public static final String REVERSAL_SUCCESS = "1";
    /** Refund or revoke trade {@code status}: refused, nothing moved. [V for refund, P for revoke] */
    public static final String REVERSAL_FAILED = "2";

    private JdPayResultCodes()
    {
    }
}
