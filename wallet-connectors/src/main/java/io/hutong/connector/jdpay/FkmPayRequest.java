package io.hutong.connector.jdpay;

/**
 * {@code fkmPay} (付款码支付): charge the consumer whose JD payment code was scanned. Validated on construction;
 * immutable and thread-safe. Currency is always {@code CNY}.
 *
 * @param token     {@code token}, the payment code: 18 or 19 digits, a bearer credential (never shown).
 * @param device    {@code device}, the store or terminal number, 1-32 of {@code [A-Za-z0-9_-]}.
 * @param tradeNum  {@code tradeNum}, the merchant's number for this payment, 1-64 of {@code [A-Za-z0-9_-]}; a new
 *                  one for every payment code.
 * @param tradeName {@code tradeName}, goods or trade name, 1-128 characters.
 * @param tradeDesc {@code tradeDesc}, description, at most 256 characters, or null.
 * @param tradeTime {@code tradeTime}, {@code yyyyMMddHHmmss} in Beijing time (the caller's clock: pure function).
 * @param amount    {@code amount} in fen, 1 or more.
 * @param note      {@code note}, echoed in answers, at most 256 characters, or null.
 * @param notifyUrl {@code notifyUrl}, JD's asynchronous notification target, or null.
 */
public record FkmPayRequest(
    String token,
    String device,
    String tradeNum,
    String tradeName,
    String tradeDesc,
    String tradeTime,
    long amount,
    String note,
    String notifyUrl) implements JdPayRequest
{
    /**
     * @throws IllegalArgumentException with a {@code name=value} message when a field is out of range (the
     *                                  token's value is never in the message).
     */
    public FkmPayRequest
    {
        JdPayChecks.token(token);
        JdPayChecks.device(device);
        JdPayChecks.tradeNum(JdPayFields.TRADE_NUM, tradeNum);
        JdPayChecks.text(JdPayFields.TRADE_NAME, tradeName, JdPayChecks.MAX_NAME);
        tradeDesc = JdPayChecks.emptyToNull(tradeDesc);
        JdPayChecks.optionalText(JdPayFields.TRADE_DESC, tradeDesc, JdPayChecks.MAX_TEXT);
        JdPayChecks.tradeTime(tradeTime);
        JdPayChecks.amount(JdPayFields.AMOUNT, amount);
        note = JdPayChecks.emptyToNull(note);
        JdPayChecks.optionalText(JdPayFields.NOTE, note, JdPayChecks.MAX_TEXT);
        notifyUrl = JdPayChecks.emptyToNull(notifyUrl);
        JdPayChecks.optionalUrl(JdPayFields.NOTIFY_URL, notifyUrl);
    }

    @Override
    public JdPayOperation operation()
    {
        return JdPayOperation.FKM_PAY;
    }

    @Override
    public void writeFields(final JdPayXml.Writer writer)
    {
        writer.leaf(JdPayFields.TOKEN, token)
            .leaf(JdPayFields.DEVICE, device)
            .leaf(JdPayFields.TRADE_NUM, tradeNum)
            .leaf(JdPayFields.TRADE_NAME, tradeName)
            .leaf(JdPayFields.TRADE_DESC, tradeDesc)
            .leaf(JdPayFields.TRADE_TIME, tradeTime)
            .leaf(JdPayFields.AMOUNT, Long.toString(amount))
            .leaf(JdPayFields.CURRENCY, JdPayFields.CNY)
            .leaf(JdPayFields.NOTE, note)
            .leaf(JdPayFields.NOTIFY_URL, notifyUrl);
    }

    static FkmPayRequest read(final JdPayFieldReader in) throws JdPayMessageException
    {
        in.currencyCny();
        return new FkmPayRequest(in.required(JdPayFields.TOKEN), in.required(JdPayFields.DEVICE),
            in.required(JdPayFields.TRADE_NUM), in.required(JdPayFields.TRADE_NAME),
            in.optional(JdPayFields.TRADE_DESC),
            in.required(JdPayFields.TRADE_TIME), in.amount(JdPayFields.AMOUNT), in.optional(JdPayFields.NOTE),
            in.optional(JdPayFields.NOTIFY_URL));
    }

    @Override
    public String toString()
    {
        // The token is a bearer credential until it expires: keep it out of logs.
        return "FkmPayRequest[token=***, device=" + device + ", tradeNum=" + tradeNum + ", tradeName=" + tradeName +
            ", tradeTime=" + tradeTime + ", amount=" + amount + "]";
    }
}
