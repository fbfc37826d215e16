package io.hutong.connector.jdpay;

/**
 * {@code refund} (退款): return part or all of a successful payment. A refund is a trade of its own with a new
 * {@code tradeNum}; {@code oTradeNum} names the payment. Validated on construction; immutable and thread-safe.
 * Currency is always {@code CNY}.
 *
 * @param tradeNum  {@code tradeNum}, the merchant's number for this refund (reuse it when resending).
 * @param oTradeNum {@code oTradeNum}, the payment's {@code tradeNum}.
 * @param amount    {@code amount} in fen to return, 1 or more.
 * @param tradeTime {@code tradeTime}, {@code yyyyMMddHHmmss} in Beijing time.
 * @param notifyUrl {@code notifyUrl}, JD's asynchronous notification target, or null.
 * @param note      {@code note}, at most 256 characters, or null.
 */
public record RefundRequest(String tradeNum, String oTradeNum, long amount, String tradeTime, String notifyUrl,
    String note)
    implements JdPayRequest
{
    /**
     * @throws IllegalArgumentException with a {@code name=value} message when a field is out of range.
     */
    public RefundRequest
    {
        JdPayChecks.tradeNum(JdPayFields.TRADE_NUM, tradeNum);
        JdPayChecks.tradeNum(JdPayFields.O_TRADE_NUM, oTradeNum);
        JdPayChecks.amount(JdPayFields.AMOUNT, amount);
        JdPayChecks.tradeTime(tradeTime);
        notifyUrl = JdPayChecks.emptyToNull(notifyUrl);
        JdPayChecks.optionalUrl(JdPayFields.NOTIFY_URL, notifyUrl);
        note = JdPayChecks.emptyToNull(note);
        JdPayChecks.optionalText(JdPayFields.NOTE, note, JdPayChecks.MAX_TEXT);
    }

    @Override
    public JdPayOperation operation()
    {
        return JdPayOperation.REFUND;
    }

    @Override
    public void writeFields(final JdPayXml.Writer writer)
    {
        writer.leaf(JdPayFields.TRADE_NUM, tradeNum)
            .leaf(JdPayFields.O_TRADE_NUM, oTradeNum)
            .leaf(JdPayFields.AMOUNT, Long.toString(amount))
            .leaf(JdPayFields.CURRENCY, JdPayFields.CNY)
            .leaf(JdPayFields.TRADE_TIME, tradeTime)
            .leaf(JdPayFields.NOTIFY_URL, notifyUrl)
            .leaf(JdPayFields.NOTE, note);
    }

    static RefundRequest read(final JdPayFieldReader in) throws JdPayMessageException
    {
        in.currencyCny();
        return new RefundRequest(in.required(JdPayFields.TRADE_NUM), in.required(JdPayFields.O_TRADE_NUM),
            in.amount(JdPayFields.AMOUNT), in.required(JdPayFields.TRADE_TIME), in.optional(JdPayFields.NOTIFY_URL),
            in.optional(JdPayFields.NOTE));
    }
}
