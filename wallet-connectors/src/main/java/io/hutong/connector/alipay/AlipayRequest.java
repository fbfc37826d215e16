package io.hutong.connector.alipay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Alipay open-platform call for barcode payments, before signing: the API method and its
 * {@code biz_content} fields. Records validate at construction with {@code name=value} messages;
 * {@link AlipayRequestEncoder} adds the system parameters and signs.
 * <p>
 * Immutable and thread-safe. Field rules from the alipay.trade.* API reference: {@code out_trade_no} up to
 * 64 letters, digits or underscores; amounts in yuan with two decimals, at most 100,000,000.00.
 */
public sealed interface AlipayRequest permits AlipayRequest.Pay, AlipayRequest.Query, AlipayRequest.Cancel,
    AlipayRequest.Refund
{
    /** Largest amount Alipay accepts in one trade, in fen (100,000,000.00 yuan). */
    long MAX_AMOUNT_FEN = 10_000_000_000L;

    /**
     * @return the API method, e.g. {@code alipay.trade.pay}.
     */
    String method();

    /**
     * @return the {@code biz_content} fields in wire order (a fresh map).
     */
    Map<String, Object> bizContent();

    /**
     * alipay.trade.pay with {@code scene=bar_code}: charge the consumer's payment code.
     *
     * @param outTradeNo the merchant order number, unique per attempt (a changed code needs a new one).
     * @param authCode   the consumer's payment code, 16 to 24 digits.
     * @param amountFen  the amount in fen, 1 to {@link #MAX_AMOUNT_FEN}.
     * @param subject    the order title shown to the consumer, 1 to 256 characters.
     */
    record Pay(String outTradeNo, String authCode, long amountFen, String subject) implements AlipayRequest
    {
        /** The method name. */
        public static final String METHOD = "alipay.trade.pay";

        /**
         * Validates every field.
         */
        public Pay
        {
            checkOutTradeNo("outTradeNo", outTradeNo);
            if (authCode == null || authCode.length() < 16 || authCode.length() > 24 || !isDigits(authCode))
            {
                throw new IllegalArgumentException("authCode: must be 16-24 digits"); // never echo a consumer code
            }
            checkAmount("amountFen", amountFen);
            if (subject == null || subject.isBlank() || subject.length() > 256)
            {
                throw new IllegalArgumentException("subject=" + subject + ": must be 1-256 characters, not blank");
            }
        }

        @Override
        public String method()
        {
            return METHOD;
        }

        @Override
        public Map<String, Object> bizContent()
        {
            final Map<String, Object> biz = new LinkedHashMap<>();
            biz.put("out_trade_no", outTradeNo);
            biz.put("scene", "bar_code");
            biz.put("auth_code", authCode);
            biz.put("subject", subject);
            biz.put("total_amount", yuan(amountFen));
            return biz;
        }
    }

    /**
     * alipay.trade.query by merchant order number.
     *
     * @param outTradeNo the merchant order number of the payment.
     */
    record Query(String outTradeNo) implements AlipayRequest
    {
        /** The method name. */
        public static final String METHOD = "alipay.trade.query";

        /**
         * Validates the order number.
         */
        public Query
        {
            checkOutTradeNo("outTradeNo", outTradeNo);
        }

        @Override
        public String method()
        {
            return METHOD;
        }

        @Override
        public Map<String, Object> bizContent()
        {
            final Map<String, Object> biz = new LinkedHashMap<>();
            biz.put("out_trade_no", outTradeNo);
            return biz;
        }
    }

    /**
     * alipay.trade.cancel: close an unpaid trade or refund a paid one; the answer's {@code retry_flag=Y}
     * means call again.
     *
     * @param outTradeNo the merchant order number of the payment.
     */
    record Cancel(String outTradeNo) implements AlipayRequest
    {
        /** The method name. */
        public static final String METHOD = "alipay.trade.cancel";

        /**
         * Validates the order number.
         */
        public Cancel
        {
            checkOutTradeNo("outTradeNo", outTradeNo);
        }

        @Override
        public String method()
        {
            return METHOD;
        }

        @Override
        public Map<String, Object> bizContent()
        {
            final Map<String, Object> biz = new LinkedHashMap<>();
            biz.put("out_trade_no", outTradeNo);
            return biz;
        }
    }

    /**
     * alipay.trade.refund: refund part or all of a paid trade; {@code out_request_no} makes each refund
     * idempotent (a resend with the same number refunds once).
     *
     * @param outTradeNo      the merchant order number of the payment.
     * @param refundAmountFen the amount to refund in fen, 1 to {@link #MAX_AMOUNT_FEN}.
     * @param outRequestNo    the merchant's refund request number, same rules as an order number.
     */
    record Refund(String outTradeNo, long refundAmountFen, String outRequestNo) implements AlipayRequest
    {
        /** The method name. */
        public static final String METHOD = "alipay.trade.refund";

        /**
         * Validates every field.
         */
        public Refund
        {
            checkOutTradeNo("outTradeNo", outTradeNo);
            checkAmount("refundAmountFen", refundAmountFen);
            checkOutTradeNo("outRequestNo", outRequestNo);
        }

        @Override
        public String method()
        {
            return METHOD;
        }

        @Override
        public Map<String, Object> bizContent()
        {
            final Map<String, Object> biz = new LinkedHashMap<>();
            biz.put("out_trade_no", outTradeNo);
            biz.put("refund_amount", yuan(refundAmountFen));
            biz.put("out_request_no", outRequestNo);
            return biz;
        }
    }

    /**
     * Format fen as Alipay's yuan amount string with exactly two decimals, e.g. 1 -> {@code 0.01}.
     *
     * @param fen the amount in fen, not negative.
     * @return the yuan string.
     */
    static String yuan(final long fen)
    {
        if (fen < 0)
        {
            throw new IllegalArgumentException("fen=" + fen + ": must be >= 0");
        }
        final long cents = fen % 100;
        return (fen / 100) + (cents < 10 ? ".0" : ".") + cents;
    }

    private static void checkOutTradeNo(final String name, final String value)
    {
        if (value == null || value.isEmpty() || value.length() > 64)
        {
            throw new IllegalArgumentException(name + "=" + value + ": must be 1-64 characters");
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'))
            {
                throw new IllegalArgumentException(name + "=" + value + ": only letters, digits and '_' allowed");
            }
        }
    }

    private static void checkAmount(final String name, final long fen)
    {
        if (fen <= 0 || fen > MAX_AMOUNT_FEN)
        {
            throw new IllegalArgumentException(name + "=" + fen + ": must be 1.." + MAX_AMOUNT_FEN + " fen");
        }
    }

    private static boolean isDigits(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return true;
    }
}
