package io.hutong.connector.jdpay;

/**
 * The JD Pay V2.0 barcode-payment operations, each posted to {@code <baseUrl>/service/<wireName>} (the public
 * gateway is {@code https://paygate.jd.com}). The wire names are JD's (docs/wallet-jdpay.md section 2). Immutable.
 */
public enum JdPayOperation
{
    /** {@code fkmPay} (付款码支付): charge the consumer whose payment code (token) was scanned. */
    FKM_PAY("fkmPay"),
    /** {@code query} (交易查询): the state of a payment ({@code tradeType=0}) or refund ({@code tradeType=1}). */
    QUERY("query"),
    /** {@code revoke} (撤销): cancel a payment, returning any money taken; a new trade with its own number. */
    REVOKE("revoke"),
    /** {@code refund} (退款): return part or all of a successful payment; a new trade with its own number. */
    REFUND("refund");

    private static final JdPayOperation[] VALUES = values();

    private final String wireName;
    private final String path;

    JdPayOperation(final String wireName)
    {
        this.wireName = wireName;
        this.path = "/service/" + wireName;
    }

    /**
     * @return JD's name of the operation, e.g. {@code "fkmPay"}.
     */
    public String wireName()
    {
        return wireName;
    }

    /**
     * @return the path below the gateway's base URL, e.g. {@code "/service/fkmPay"}.
     */
    public String path()
    {
        return path;
    }

    /**
     * Lookup by wire name, without allocating.
     *
     * @param wireName e.g. {@code "revoke"}.
     * @return the operation, or {@code null} when unknown.
     */
    public static JdPayOperation fromWireName(final String wireName)
    {
        for (final JdPayOperation operation : VALUES)
        {
            if (operation.wireName.equals(wireName))
            {
                return operation;
            }
        }
        return null;
    }
}
