package io.hutong.core.journal;

import io.hutong.connector.DeclineReason;

/**
 * Why a payment or an audit event went the way it did (u16 in the record). One table for the journal:
 * every {@link DeclineReason} by the same name (1..99, wallet declines), then the switch's own reasons
 * (100..199). Names and codes are a contract: a code is never reused or renumbered; a new
 * {@link DeclineReason} gets the next free code below 100 (a test fails until it is added here).
 * <p>
 * Immutable; thread-safe.
 */
public enum JournalReason
{
    /** No reason (approved, in progress, or not applicable). */
    NONE(0),

    /** See {@link DeclineReason#INSUFFICIENT_FUNDS}. */
    INSUFFICIENT_FUNDS(1),
    /** See {@link DeclineReason#CODE_INVALID_OR_EXPIRED}. */
    CODE_INVALID_OR_EXPIRED(2),
    /** See {@link DeclineReason#CODE_ALREADY_USED}. */
    CODE_ALREADY_USED(3),
    /** See {@link DeclineReason#LIMIT_EXCEEDED}. */
    LIMIT_EXCEEDED(4),
    /** See {@link DeclineReason#MERCHANT_NOT_ENROLLED}. */
    MERCHANT_NOT_ENROLLED(5),
    /** See {@link DeclineReason#ACCOUNT_RESTRICTED}. */
    ACCOUNT_RESTRICTED(6),
    /** See {@link DeclineReason#RISK_REFUSED}. */
    RISK_REFUSED(7),
    /** See {@link DeclineReason#DUPLICATE_ORDER}. */
    DUPLICATE_ORDER(8),
    /** See {@link DeclineReason#REQUEST_REJECTED}. */
    REQUEST_REJECTED(9),
    /** See {@link DeclineReason#WALLET_UNAVAILABLE}. */
    WALLET_UNAVAILABLE(10),
    /** See {@link DeclineReason#CONSUMER_CANCELLED}. */
    CONSUMER_CANCELLED(11),
    /** See {@link DeclineReason#OTHER}. */
    OTHER(12),

    /** The code matches no participating wallet's rules. */
    UNKNOWN_ISSUER(100),
    /** The code is malformed (bad length, CRC, TLV...). */
    INVALID_CODE(101),
    /** Same idempotency key as an earlier request, different content. */
    MODIFIED_REQUEST(102),
    /** Admission control: too much in flight for the terminal, the wallet or the switch. */
    BUSY(103),
    /** The consumer code was seen recently: refused before any wallet call. */
    CODE_REUSED(104),
    /** No answer within the deadline. */
    TIMEOUT(105),
    /** The request was never sent to the wallet (e.g. circuit open, shutdown). */
    NOT_SENT(106),
    /** A frame or request failed its MAC or signature check. */
    BAD_MAC(107),
    /** A logon or request outside the replay window, or a repeated nonce. */
    REPLAY(108),
    /** The terminal id is not configured. */
    UNKNOWN_TERMINAL(109),
    /** No payment with the id a request named. */
    NOT_FOUND(110),
    /** A request not valid for the payment's state (e.g. refunding more than was paid). */
    INVALID_REQUEST(111);

    private static final JournalReason[] BY_CODE;
    private static final JournalReason[] BY_DECLINE = new JournalReason[DeclineReason.values().length];

    static
    {
        int max = 0;
        for (final JournalReason reason : values())
        {
            max = Math.max(max, reason.code);
        }
        BY_CODE = new JournalReason[max + 1];
        for (final JournalReason reason : values())
        {
            BY_CODE[reason.code] = reason;
        }
        for (final DeclineReason decline : DeclineReason.values())
        {
            // By name, so the connector SPI and the journal cannot drift apart silently: a missing name fails here.
            BY_DECLINE[decline.ordinal()] = valueOf(decline.name());
        }
    }

    private final int code;

    JournalReason(final int code)
    {
        this.code = code;
    }

    /**
     * @return the stable numeric code written in the record (u16).
     */
    public int code()
    {
        return code;
    }

    /**
     * @return true for reasons a wallet gave (the {@link DeclineReason} range).
     */
    public boolean isWalletDecline()
    {
        return code > 0 && code < UNKNOWN_ISSUER.code;
    }

    /**
     * Lookup by code without allocating.
     *
     * @param code the numeric code read from a record.
     * @return the reason, or null when the code is unknown.
     */
    public static JournalReason get(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /**
     * The journal reason of the same name as a connector's decline reason, without allocating.
     *
     * @param reason the connector's reason.
     * @return the journal reason.
     */
    public static JournalReason of(final DeclineReason reason)
    {
        return BY_DECLINE[reason.ordinal()];
    }
}
