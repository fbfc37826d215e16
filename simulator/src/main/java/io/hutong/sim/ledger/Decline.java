package io.hutong.sim.ledger;

/**
 * Why the ledger refused an operation, in the wallet-neutral terms each wallet API maps to its own error codes
 * (WeChat {@code err_code}, GM {@code err_code}, ...). Immutable and thread-safe.
 */
public enum Decline
{
    /** The payment code is malformed, unknown, or its check digits are wrong. */
    CODE_INVALID,
    /** The payment code is older than its 60 s lifetime. */
    CODE_EXPIRED,
    /** The payment code was used before (codes are consumed by their first use, even a failed one). */
    CODE_USED,
    /** The consumer's available balance does not cover the amount. */
    INSUFFICIENT_FUNDS,
    /** The per-payment or daily limit of the consumer would be exceeded. */
    LIMIT_EXCEEDED,
    /** The consumer's account is frozen. */
    ACCOUNT_FROZEN,
    /** The consumer account does not exist (control API). */
    ACCOUNT_UNKNOWN,
    /** The order number exists with different content. */
    ORDER_CONFLICT,
    /** The order number exists, was paid, and the request differs: a new order needs a new number. */
    ORDER_PAID,
    /** The order number is closed unpaid. */
    ORDER_CLOSED,
    /** The order number was reversed (possibly before any payment arrived). */
    ORDER_REVERSED,
    /** No order with this number. */
    ORDER_NOT_FOUND,
    /** The order is not paid, so it cannot be refunded. */
    NOT_REFUNDABLE,
    /** The refunds would exceed the paid amount. */
    REFUND_EXCEEDED,
    /** The refund number exists for another order or amount. */
    REFUND_CONFLICT,
    /** The order was refunded, so it can no longer be reversed or closed. */
    ALREADY_REFUNDED,
    /** The merchant is not enrolled with this wallet. */
    MERCHANT_UNKNOWN,
    /** The payee merchant of a credit is not enrolled with this wallet. */
    PAYEE_UNKNOWN,
    /** The hold was captured, so it can no longer be released. */
    HOLD_CAPTURED,
    /** The hold was released, so it can no longer be captured. */
    HOLD_RELEASED
}
