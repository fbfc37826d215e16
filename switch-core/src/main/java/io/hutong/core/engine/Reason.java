package io.hutong.core.engine;

import io.hutong.connector.DeclineReason;

/**
 * Why a payment ended the way it did, as the switch reports it to clients and the journal: every wallet
 * decline reason ({@link DeclineReason}, by name) plus the switch's own. The names are the wire contract of
 * the HTTP API; the POS protocol and the journal carry them as numbers through their own tables.
 */
public enum Reason
{
    /** No reason: approved, or still pending. */
    NONE,
    /** See {@link DeclineReason#INSUFFICIENT_FUNDS}. */
    INSUFFICIENT_FUNDS,
    /** See {@link DeclineReason#CODE_INVALID_OR_EXPIRED}. */
    CODE_INVALID_OR_EXPIRED,
    /** See {@link DeclineReason#CODE_ALREADY_USED}. */
    CODE_ALREADY_USED,
    /** See {@link DeclineReason#LIMIT_EXCEEDED}. */
    LIMIT_EXCEEDED,
    /** See {@link DeclineReason#MERCHANT_NOT_ENROLLED}. */
    MERCHANT_NOT_ENROLLED,
    /** See {@link DeclineReason#ACCOUNT_RESTRICTED}. */
    ACCOUNT_RESTRICTED,
    /** See {@link DeclineReason#RISK_REFUSED}. */
    RISK_REFUSED,
    /** See {@link DeclineReason#DUPLICATE_ORDER}. */
    DUPLICATE_ORDER,
    /** See {@link DeclineReason#REQUEST_REJECTED}. */
    REQUEST_REJECTED,
    /** See {@link DeclineReason#WALLET_UNAVAILABLE}. */
    WALLET_UNAVAILABLE,
    /** See {@link DeclineReason#CONSUMER_CANCELLED}. */
    CONSUMER_CANCELLED,
    /** See {@link DeclineReason#OTHER}. */
    OTHER,
    /** The code is valid but no participant issues (CPM) or accepts (MPM) it. */
    UNKNOWN_ISSUER,
    /** The scanned text is not a payment code of any supported format (or breaks its rules). */
    INVALID_CODE,
    /** Same terminal txn id (or idempotency key) as an earlier request, but different content. */
    MODIFIED_REQUEST,
    /** The switch is at a bound (payments in flight, queue): nothing was started; try again later. */
    BUSY,
    /** The consumer code was already presented to the switch recently: refused before any wallet call. */
    CODE_REUSED,
    /** No payment with that id. */
    NOT_FOUND,
    /** The wallet never gave a final answer; the payment was reversed. */
    TIMEOUT,
    /** The request is malformed or not valid for the payment (the front ends check syntax first). */
    INVALID_REQUEST,
    /** A void of something that cannot be voided (a refund, an MPM payment): use a refund instead. */
    NOT_REVERSIBLE,
    /** A refund of a payment that is not approved (declined, reversed, or still in progress). */
    NOT_REFUNDABLE,
    /** A refund of more than the payment's amount less what was already refunded. */
    REFUND_EXCEEDS_ORIGINAL,
    /**
     * Not a refusal: the answer to a request that repeats an earlier one (same key, same content), given from
     * the switch's records; front ends mark it as a repeat (POS REPEAT flag, reason DUPLICATE while pending).
     */
    DUPLICATE;

    private static final Reason[] VALUES = values();
    private static final Reason[] BY_DECLINE = EnumTables.byName(DeclineReason.class, Reason.class, null);

    /**
     * @param ordinal an ordinal.
     * @return the constant, without allocating.
     */
    public static Reason get(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /**
     * @param reason a wallet decline reason.
     * @return the same reason in the switch's vocabulary, without allocating.
     */
    public static Reason of(final DeclineReason reason)
    {
        return BY_DECLINE[reason.ordinal()];
    }
}
