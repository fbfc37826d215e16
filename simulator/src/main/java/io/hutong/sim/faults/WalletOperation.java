package io.hutong.sim.faults;

/**
 * The operations of a simulated wallet that faults can be injected into, spelled as in a fault plan's
 * {@code operations} list. Every wallet API maps each of its paths to one of these. Immutable and thread-safe.
 */
public enum WalletOperation
{
    /** A CPM payment (WeChat micropay, GM pay, ...). */
    PAY("pay"),
    /** An order query. */
    QUERY("query"),
    /** A reverse, cancel or close. */
    REVERSE("reverse"),
    /** A refund. */
    REFUND("refund"),
    /** An MPM payee credit. */
    CREDIT("credit"),
    /** An MPM payer hold release. */
    RELEASE("release");

    private static final WalletOperation[] VALUES = values();

    private final String wireName;

    WalletOperation(final String wireName)
    {
        this.wireName = wireName;
    }

    /**
     * @return the name in a fault plan, e.g. {@code pay}.
     */
    public String wireName()
    {
        return wireName;
    }

    /**
     * @param wireName a name from a fault plan.
     * @return the operation, or null when unknown.
     */
    public static WalletOperation fromWireName(final String wireName)
    {
        for (final WalletOperation operation : VALUES)
        {
            if (operation.wireName.equals(wireName))
            {
                return operation;
            }
        }
        return null;
    }
}
