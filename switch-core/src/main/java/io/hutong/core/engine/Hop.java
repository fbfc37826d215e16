package io.hutong.core.engine;

/**
 * The hops of a payment the engine journals, in the order they can happen, plus the audit events. The journal
 * adapter maps each to the journal's record type of the same name.
 */
public enum Hop
{
    /** The request arrived. */
    RECEIVED,
    /** The code was decoded and classified. */
    DECODED,
    /** The wallet to call was chosen. */
    ROUTED,
    /** The pay was handed to the issuer's connector. */
    WALLET_SENT,
    /** The pay's result arrived. */
    WALLET_RESULT,
    /** A query was sent. */
    QUERY_SENT,
    /** A query's result arrived. */
    QUERY_RESULT,
    /** A reverse was sent. */
    REVERSE_SENT,
    /** A reverse's result arrived. */
    REVERSE_RESULT,
    /** A refund was sent. */
    REFUND_SENT,
    /** A refund's result arrived. */
    REFUND_RESULT,
    /** An MPM credit was sent to the payee wallet. */
    CREDIT_SENT,
    /** An MPM credit's result arrived. */
    CREDIT_RESULT,
    /** A payer hold release was sent. */
    RELEASE_SENT,
    /** A release's result arrived. */
    RELEASE_RESULT,
    /** The payment reached its final state. */
    FINAL,
    /** The client was answered. */
    REPLIED,
    /** A terminal or API client logged on. */
    LOGON,
    /** An authentication failed (bad MAC, replay, unknown terminal). */
    AUTH_FAILURE,
    /** Configuration loaded. */
    CONFIG_LOADED,
    /** The switch started. */
    STARTED,
    /** The switch stopped. */
    STOPPED,
    /** Something needs a human: a late success after a reverse decision, a refused reversal. */
    ALERT
}
