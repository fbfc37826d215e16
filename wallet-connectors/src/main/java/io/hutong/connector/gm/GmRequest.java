package io.hutong.connector.gm;

import java.time.Instant;

/**
 * One request of the national-cryptography wallet interface, with sensitive fields in plaintext (they are
 * encrypted only on the wire, by {@link GmRequestCodec}). Which {@code biz} fields an operation requires is in
 * docs/wallet-interface-gm.md section 3 and checked by {@link GmRequestCodec}.
 *
 * @param operation  the operation, also the path {@code /gm/v1/<operation>}.
 * @param merchantId the merchant as enrolled with the wallet.
 * @param requestId  unique per HTTP attempt; also the SM4-GCM AAD of the encrypted fields.
 * @param timestamp  when the request was made, whole seconds UTC.
 * @param keyId      id of the SM2 key that signs the request.
 * @param biz        the operation's business fields.
 */
public record GmRequest(
    GmOperation operation, String merchantId, String requestId, Instant timestamp, String keyId, Biz biz)
{
    /**
     * Business fields of all operations; a field an operation does not use is {@code null} (or {@code -1} for
     * amounts) and is not sent.
     *
     * @param outTradeNo   our order number: the idempotency key of pay, credit and release.
     * @param amount       amount in fen (1/100 CNY), or {@code -1}.
     * @param currency     ISO 4217 numeric, {@code 156}, or {@code -1}.
     * @param subject      order description shown to the consumer, or {@code null}.
     * @param authCode     the scanned payment code (pay only; encrypted on the wire), or {@code null}.
     * @param payeeAccount the merchant's wallet account to credit (credit only; encrypted), or {@code null}.
     * @param outRefundNo  our refund number (refund only), or {@code null}.
     */
    public record Biz(
        String outTradeNo, long amount, int currency, String subject, String authCode, String payeeAccount,
        String outRefundNo)
    {
    }

    /**
     * @param outTradeNo order number.
     * @param authCode   scanned payment code.
     * @param amount     in fen.
     * @param subject    description.
     * @return pay business fields in CNY.
     */
    public static Biz pay(final String outTradeNo, final String authCode, final long amount, final String subject)
    {
        return new Biz(outTradeNo, amount, GmWire.CURRENCY_CNY, subject, authCode, null, null);
    }

    /**
     * @param outTradeNo order number.
     * @return query, or reverse, business fields.
     */
    public static Biz byOrder(final String outTradeNo)
    {
        return new Biz(outTradeNo, -1, -1, null, null, null, null);
    }

    /**
     * @param outTradeNo  the paid order.
     * @param outRefundNo refund number.
     * @param amount      refund amount in fen.
     * @return refund business fields in CNY.
     */
    public static Biz refund(final String outTradeNo, final String outRefundNo, final long amount)
    {
        return new Biz(outTradeNo, amount, GmWire.CURRENCY_CNY, null, null, null, outRefundNo);
    }

    /**
     * @param outTradeNo   order number.
     * @param payeeAccount merchant wallet account.
     * @param amount       in fen.
     * @param subject      description.
     * @return credit business fields in CNY.
     */
    public static Biz credit(
        final String outTradeNo, final String payeeAccount, final long amount, final String subject)
    {
        return new Biz(outTradeNo, amount, GmWire.CURRENCY_CNY, subject, null, payeeAccount, null);
    }

    /**
     * @param outTradeNo the order whose payer hold is released.
     * @param amount     held amount in fen.
     * @return release business fields in CNY.
     */
    public static Biz release(final String outTradeNo, final long amount)
    {
        return new Biz(outTradeNo, amount, GmWire.CURRENCY_CNY, null, null, null, null);
    }
}
