package io.hutong.connector.jdpay;

/**
 * A JD Pay request's business fields: what goes into the inner XML between {@code merchant} and {@code sign}.
 * {@link JdPayRequestCodec} adds version, merchant and signature, encrypts, and wraps the envelope; on the
 * server side it reverses all of that and rebuilds these records. Implementations are immutable, validated
 * records, thread-safe, and never show the payment code in {@code toString()}.
 */
public sealed interface JdPayRequest permits FkmPayRequest, QueryRequest, RevokeRequest, RefundRequest
{
    /**
     * @return the operation this request is posted to.
     */
    JdPayOperation operation();

    /**
     * @return this request's {@code tradeNum}: the merchant's number for the trade it creates or queries.
     */
    String tradeNum();

    /**
     * Writes the business fields, in JD's order, after {@code version} and {@code merchant}.
     *
     * @param writer the inner message being written.
     */
    void writeFields(JdPayXml.Writer writer);
}
