package io.hutong.connector.gm;

/**
 * The operations of the Hutong national-cryptography wallet interface, each posted to
 * {@code <baseUrl>/gm/v1/<wireName>}. The wire names are a contract (docs/wallet-interface-gm.md section 2).
 */
public enum GmOperation
{
    /** Barcode (CPM) payment: debit the consumer whose payment code was scanned. */
    PAY("pay"),
    /** State of an earlier pay, credit or release, by {@code out_trade_no}. */
    QUERY("query"),
    /** Cancel a pay whatever its state: undo the debit if any, and close the order number for good. */
    REVERSE("reverse"),
    /** Return part or all of a successful pay to the consumer. */
    REFUND("refund"),
    /** MPM payee leg: credit a merchant's wallet account. */
    CREDIT("credit"),
    /** MPM compensation: release a hold placed on the payer for an order that will not complete. */
    RELEASE("release");

    private static final GmOperation[] VALUES = values();

    private final String wireName;
    private final String path;

    GmOperation(final String wireName)
    {
        this.wireName = wireName;
        this.path = "/gm/v1/" + wireName;
    }

    /**
     * @return the {@code operation} field value, e.g. {@code "pay"}.
     */
    public String wireName()
    {
        return wireName;
    }

    /**
     * @return the path below the wallet's base URL, e.g. {@code "/gm/v1/pay"}.
     */
    public String path()
    {
        return path;
    }

    /**
     * Lookup by wire name.
     *
     * @param wireName the {@code operation} field value.
     * @return the operation, or {@code null} when unknown.
     */
    public static GmOperation fromWireName(final String wireName)
    {
        for (final GmOperation operation : VALUES)
        {
            if (operation.wireName.equals(wireName))
            {
                return operation;
            }
        }
        return null;
    }
}
