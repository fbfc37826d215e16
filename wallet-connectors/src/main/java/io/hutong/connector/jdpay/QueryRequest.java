package io.hutong.connector.jdpay;

/**
 * {@code query} (交易查询): the state of a payment or of a refund (or revoke). Validated on construction;
 * immutable and thread-safe.
 *
 * @param tradeNum  {@code tradeNum} of the trade asked about: the payment's, or the refund's.
 * @param oTradeNum {@code oTradeNum}, the original payment's number when asking about a refund, or null.
 * @param tradeType {@code tradeType}: which kind of trade {@code tradeNum} names.
 */
public record QueryRequest(String tradeNum, String oTradeNum, TradeType tradeType) implements JdPayRequest
{
    /**
     * JD's {@code tradeType}: {@code 0} a payment (消费), {@code 1} a refund (退款). JD documents no separate
     * type for revokes; Hutong queries a revoke as a refund [P].
     */
    public enum TradeType
    {
        /** {@code 0}: a payment. */
        PAYMENT("0"),
        /** {@code 1}: a refund or revoke. */
        REFUND("1");

        private final String wire;

        TradeType(final String wire)
        {
            this.wire = wire;
        }

        /**
         * @return the wire value, {@code "0"} or {@code "1"}.
         */
        public String wire()
        {
            return wire;
        }

        /**
         * @param wire a wire value.
         * @return the type, or {@code null} when unknown.
         */
        public static TradeType fromWire(final String wire)
        {
            return PAYMENT.wire.equals(wire) ? PAYMENT : REFUND.wire.equals(wire) ? REFUND : null;
        }
    }

    /**
     * @throws IllegalArgumentException with a {@code name=value} message when a field is out of range.
     */
    public QueryRequest
    {
        JdPayChecks.tradeNum(JdPayFields.TRADE_NUM, tradeNum);
        oTradeNum = JdPayChecks.emptyToNull(oTradeNum);
        if (null != oTradeNum)
        {
            JdPayChecks.tradeNum(JdPayFields.O_TRADE_NUM, oTradeNum);
        }
        if (null == tradeType)
        {
            throw new IllegalArgumentException("tradeType=null: must be set");
        }
    }

    /**
     * @param tradeNum the payment's {@code tradeNum}.
     * @return a query for a payment.
     */
    public static QueryRequest payment(final String tradeNum)
    {
        return new QueryRequest(tradeNum, null, TradeType.PAYMENT);
    }

    @Override
    public JdPayOperation operation()
    {
        return JdPayOperation.QUERY;
    }

    @Override
    public void writeFields(final JdPayXml.Writer writer)
    {
        writer.leaf(JdPayFields.TRADE_NUM, tradeNum)
            .leaf(JdPayFields.O_TRADE_NUM, oTradeNum)
            .leaf(JdPayFields.TRADE_TYPE, tradeType.wire());
    }

    static QueryRequest read(final JdPayFieldReader in) throws JdPayMessageException
    {
        final String wire = in.required(JdPayFields.TRADE_TYPE);
        final TradeType type = TradeType.fromWire(wire);
        if (null == type)
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.BAD_FIELD,
                "tradeType=" + wire + ": must be 0 or 1");
        }
        return new QueryRequest(in.required(JdPayFields.TRADE_NUM), in.optional(JdPayFields.O_TRADE_NUM), type);
    }
}
