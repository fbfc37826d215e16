package io.hutong.connector.unionpay;

/**
 * The four operations of the gateway, named by the {@code service} parameter of a request to the one POST
 * endpoint. Immutable and thread-safe.
 */
public enum UnionPayService
{
    /** Charge a scanned consumer code. */
    MICROPAY("unified.trade.micropay"),
    /** The state of an order. */
    QUERY("unified.trade.query"),
    /** Cancel a micropay order, refunding it if it was paid. */
    REVERSE("unified.micropay.reverse"),
    /** Refund part or all of a paid order. */
    REFUND("unified.trade.refund");

    private static final UnionPayService[] VALUES = values();

    private final String wireName;

    UnionPayService(final String wireName)
    {
        this.wireName = wireName;
    }

    /**
     * @return the value of the {@code service} field.
     */
    public String wireName()
    {
        return wireName;
    }

    /**
     * @param wireName a {@code service} value, possibly null.
     * @return the operation, or null if the gateway style has no such service (or this layer does not speak it).
     */
    public static UnionPayService fromWireName(final String wireName)
    {
        for (final UnionPayService service : VALUES)
        {
            if (service.wireName.equals(wireName))
            {
                return service;
            }
        }
        return null;
    }
}
