package io.hutong.connector;

/**
 * The six things the switch asks of a wallet. CPM payments use {@link #PAY}, {@link #QUERY}, {@link #REVERSE}
 * and {@link #REFUND} on the issuer wallet; MPM payments use {@link #CREDIT} on the payee wallet and, when the
 * credit fails, {@link #RELEASE} on the payer wallet. The names are a wire and journal contract.
 */
public enum WalletOperation
{
    /** Debit the consumer whose one-time code the merchant scanned (CPM). */
    PAY,
    /** Ask for the state of an earlier {@link #PAY} or {@link #CREDIT}. */
    QUERY,
    /** Cancel a {@link #PAY} whatever its state: undo any debit and close the order number for good. */
    REVERSE,
    /** Return part or all of a successful {@link #PAY}. */
    REFUND,
    /** Credit a merchant's account at the payee wallet (MPM payee leg). */
    CREDIT,
    /** Release the hold the payer wallet placed on its consumer for an MPM payment (compensation). */
    RELEASE;

    private static final WalletOperation[] VALUES = values();

    /**
     * Lookup by ordinal without allocating (unlike {@link #values()}).
     *
     * @param ordinal the ordinal.
     * @return the constant.
     */
    public static WalletOperation get(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
