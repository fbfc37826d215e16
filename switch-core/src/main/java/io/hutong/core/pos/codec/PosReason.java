package io.hutong.core.pos.codec;

import io.hutong.connector.DeclineReason;

/**
 * Every reason code of the POS protocol, with its stable u16 wire code: the outcome of every decode and every
 * authentication check ({@link #NONE} when all is well), the {@code errorCode} of an Error frame and the
 * {@code reasonCode} of a Result. Codes are a wire contract: never renumber, only add. Ranges tell a terminal
 * what an unknown code means:
 * <pre>
 *     0        NONE: no reason (success, or a Result that needs none)
 *     1 ..  99 protocol and authentication: sent in an Error frame, the connection is closed
 *   100 .. 199 the wallet declined: names and meanings of io.hutong.connector.DeclineReason
 *   200 .. 299 the switch refused or could not finish: in a Result (BUSY, TIMEOUT, INTERNAL also in Error)
 * </pre>
 * Wallet declines map from {@link DeclineReason} by name ({@link #ofDecline}), never by ordinal, so reordering
 * that enum cannot change a wire code.
 * <p>
 * Immutable; thread-safe.
 */
public enum PosReason
{
    /** No reason: the operation succeeded. */
    NONE(0, "ok"),

    /** The frame's layout is broken: lengths disagree, it is truncated or has trailing bytes. */
    MALFORMED(1, "malformed frame"),
    /** The length prefix announces more than the maximum frame length. */
    TOO_LARGE(2, "frame too large"),
    /** The header's version is not one the switch speaks. */
    UNSUPPORTED_VERSION(3, "unsupported protocol version"),
    /** The header's template id names no message. */
    UNKNOWN_MESSAGE(4, "unknown message type"),
    /** The layout is sound but a field's value is outside its domain (text, bounds, currency, flags). */
    INVALID_FIELD(5, "invalid field value"),
    /** A message that is not allowed here: wrong direction, or a second Logon. */
    UNEXPECTED_MESSAGE(6, "unexpected message"),
    /** A frame other than Logon before the session is established. */
    NOT_LOGGED_ON(7, "not logged on"),
    /** The terminal id has no key at the switch. */
    UNKNOWN_TERMINAL(8, "unknown terminal"),
    /** A frame after Logon names a different terminal than the one logged on. */
    TERMINAL_MISMATCH(9, "terminal id differs from logon"),
    /** The MAC does not verify. */
    BAD_MAC(10, "bad MAC"),
    /** A logon nonce seen before within the replay window, or a repeated sequence number. */
    REPLAY(11, "replayed frame"),
    /** The logon timestamp is older than the replay window allows. */
    TIMESTAMP_STALE(12, "logon timestamp too old"),
    /** The logon timestamp is further in the future than the replay window allows. */
    TIMESTAMP_FUTURE(13, "logon timestamp in the future"),
    /** A sequence number was skipped. */
    SEQUENCE_GAP(14, "sequence gap"),
    /** The switch is stopping; reconnect to another node or later. */
    SHUTTING_DOWN(15, "switch shutting down"),

    /** The consumer's balance or credit does not cover the amount. */
    INSUFFICIENT_FUNDS(101, "insufficient funds"),
    /** The consumer code is malformed, unknown to the wallet or expired. */
    CODE_INVALID_OR_EXPIRED(102, "code invalid or expired"),
    /** The wallet says the consumer code was already used. */
    CODE_ALREADY_USED(103, "code already used"),
    /** A per-transaction, daily or risk limit of the consumer or merchant is exceeded. */
    LIMIT_EXCEEDED(104, "limit exceeded"),
    /** The merchant is not enrolled with, or not allowed by, the wallet. */
    MERCHANT_NOT_ENROLLED(105, "merchant not enrolled"),
    /** The consumer's account is frozen, closed or restricted. */
    ACCOUNT_RESTRICTED(106, "account restricted"),
    /** The wallet's risk control refused the payment. */
    RISK_REFUSED(107, "refused by risk control"),
    /** The wallet saw the order number before for a different payment. */
    DUPLICATE_ORDER(108, "duplicate order"),
    /** The wallet refused the request as malformed or wrongly signed. */
    REQUEST_REJECTED(109, "request rejected by wallet"),
    /** The wallet cannot take payments now. */
    WALLET_UNAVAILABLE(110, "wallet unavailable"),
    /** The consumer cancelled while confirming, or the confirmation timed out. */
    CONSUMER_CANCELLED(111, "consumer cancelled"),
    /** Any other wallet decline. */
    OTHER(199, "declined by wallet"),

    /** No participating wallet issues this consumer code. */
    UNKNOWN_ISSUER(201, "unknown issuer"),
    /** The scanned code is not a valid payment code of any known format. */
    INVALID_CODE(202, "invalid code"),
    /** The terminal txn id was used before with different content. */
    MODIFIED_REQUEST(203, "modified request"),
    /** The same request is already being processed; ask again later. */
    DUPLICATE(204, "duplicate request in progress"),
    /** Too much in flight (terminal, wallet or switch); nothing was done, retry later. */
    BUSY(205, "busy"),
    /** The switch saw this consumer code recently; a code pays once. */
    CODE_REUSED(206, "code reused"),
    /** No payment or refund with this terminal txn id. */
    NOT_FOUND(207, "not found"),
    /** The wallet did not answer in time, or a connection was idle too long. */
    TIMEOUT(208, "timeout"),
    /** An unexpected fault in the switch. */
    INTERNAL(209, "internal error"),
    /** The payment cannot be reversed in its current state or any more. */
    NOT_REVERSIBLE(210, "not reversible"),
    /** The payment cannot be refunded in its current state. */
    NOT_REFUNDABLE(211, "not refundable"),
    /** Refunds would exceed the original amount. */
    REFUND_EXCEEDS_ORIGINAL(212, "refund exceeds original amount");

    private static final int MAX_CODE = 212;
    private static final PosReason[] BY_CODE = new PosReason[MAX_CODE + 1];
    private static final PosReason[] BY_DECLINE = byDeclineName();

    static
    {
        for (final PosReason reason : values())
        {
            BY_CODE[reason.code] = reason;
        }
    }

    private final int code;
    private final String text;

    PosReason(final int code, final String text)
    {
        this.code = code;
        this.text = text;
    }

    /**
     * @return the u16 wire code.
     */
    public int code()
    {
        return code;
    }

    /**
     * @return a short printable ASCII explanation, the default text of an Error frame.
     */
    public String text()
    {
        return text;
    }

    /**
     * @return true for codes 1..99: protocol and authentication failures that end the connection.
     */
    public boolean isProtocolError()
    {
        return code >= 1 && code <= 99;
    }

    /**
     * Lookup by wire code without allocating.
     *
     * @param code a wire code.
     * @return the reason, or null for a code this version does not define.
     */
    public static PosReason get(final int code)
    {
        return code >= 0 && code <= MAX_CODE ? BY_CODE[code] : null;
    }

    /**
     * The wire reason of a wallet decline, matched by name. Allocation free.
     *
     * @param decline the connector's normalised decline reason.
     * @return the reason with the same name.
     */
    public static PosReason ofDecline(final DeclineReason decline)
    {
        return BY_DECLINE[decline.ordinal()];
    }

    private static PosReason[] byDeclineName()
    {
        // The array index is only an in-process lookup; the wire code comes from the constant found by name, and a
        // DeclineReason without a same-named constant here fails class initialisation (and the tests) at once.
        final DeclineReason[] declines = DeclineReason.values();
        final PosReason[] result = new PosReason[declines.length];
        for (final DeclineReason decline : declines)
        {
            result[decline.ordinal()] = valueOf(decline.name());
        }
        return result;
    }
}
