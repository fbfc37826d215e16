package io.hutong.connector.jdpay;

/**
 * {@code revoke} (撤销): cancel a payment whatever its state, returning any money taken. A revoke is a trade
 * of its own with a new {@code tradeNum}; {@code oTradeNum} names the payment. Validated on construction;
 * immutable and thread-safe. Currency is always {@code CNY}.
 *
 * @param tradeNum  {@code tradeNum}, the merchant's number for this revoke (reuse it when resending).
 * @param oTradeNum {@code oTradeNum}, the payment's {@code tradeNum}.
 * @param amount    {@code amount} in fen: the payment's full amount.
 * @param tradeTime {@code tradeTime}, {@code yyyyMMddHHmmss} in Beijing time.
 * @param note      {@code note}, at most 256 characters, or null.
 */
public record RevokeRequest(String tradeNum, String oTradeNum, long amount, String tradeTime, String note)
    implements JdPayRequest
{
    /**
     * @throws IllegalArgumentException with a {@code name=value} message when a field is out of range.
     */
    public RevokeRequest
    {
        JdPayChecks.tradeNum(JdPayFields.TRADE_NUM, tradeNum);
        JdPayChecks.tradeNum(JdPayFields.O_TRADE_NUM, oTradeNum);
        JdPayChecks.amount(JdPayFields.AMOUNT, amount);
        JdPayChecks.tradeTime(tradeTime);
        note = JdPayChecks.emptyToNull(note);
        JdPayChecks.optionalText(JdPayFields.NOTE, note, JdPayChecks.MAX_TEXT);
    }

    @Override
    public JdPayOperation operation()
    {
        return JdPayOperation.REVOKE;
    }

    @Override
    public void writeFields(final JdPayXml.Writer writer)
    {
        writer.leaf(JdPayFields.TRADE_NUM, tradeNum)
            .leaf(JdPayFields.O_TRADE_NUM, oTradeNum)
            .leaf(JdPayFields.AMOUNT, Long.toString(amount))
            .leaf(JdPayFields.CURRENCY, JdPayFields.CNY)
            .leaf(JdPayFields.TRADE_TIME, tradeTime)
            .leaf(JdPayFields.NOTE, note);
    }

    static RevokeRequest read(final JdPayFieldReader in) throws JdPayMessageException
    {
        in.currencyCny();
        return new RevokeRequest(in.required(JdPayFields.TRADE_NUM), in.required(JdPayFields.O_TRADE_NUM),
            in.amount(JdPayFields.AMOUNT), in.required(JdPayFields.TRADE_TIME), in.optional(JdPayFields.NOTE));
    }
}
