package io.hutong.connector.unionpay;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A gateway answer, parsed and verified (client side). An answer with {@code status=0} was processed and must
 * carry a {@code sign} that verifies with the gateway's key; an answer with another {@code status} only says the
 * request was not processed, is not signed, and is trusted for nothing (its outcome is always {@code UNKNOWN}).
 * A verified answer must also name the merchant and, when given, the order it answers, so a validly signed answer
 * to another request cannot be replayed. Immutable and thread-safe. {@link Builder} writes answers for the
 * simulated gateway.
 */
public final class UnionPayResponse
{
    private final Map<String, String> fields;

    private UnionPayResponse(final LinkedHashMap<String, String> fields)
    {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * Parses and verifies an answer. Verification costs ~40 us (RSA) or ~90 us (SM2): not on the engine thread.
     *
     * @param body               the HTTP body.
     * @param merchant           the credentials the request was signed with; their peer key verifies the answer.
     * @param expectedOutTradeNo the {@code out_trade_no} of the request, or null to skip that binding.
     * @return the verified answer.
     * @throws UnionPayMessageException if the answer does not parse, lacks {@code status}, or is a
     *                                  {@code status=0} answer that is unsigned, wrongly signed, lacks
     *                                  {@code result_code}, has a malformed amount, or names another merchant or
     *                                  order; never any other exception for bad input.
     */
    public static UnionPayResponse parse(
        final byte[] body, final UnionPayMerchant merchant, final String expectedOutTradeNo)
        throws UnionPayMessageException
    {
        return verify(UnionPayXml.read(body), merchant, expectedOutTradeNo);
    }

    /**
     * Verifies answer fields already read with {@link UnionPayXml#read}.
     *
     * @param fields             the answer fields.
     * @param merchant           the credentials the request was signed with.
     * @param expectedOutTradeNo the request's {@code out_trade_no}, or null.
     * @return the verified answer.
     * @throws UnionPayMessageException as for {@link #parse}.
     */
    public static UnionPayResponse verify(
        final LinkedHashMap<String, String> fields, final UnionPayMerchant merchant, final String expectedOutTradeNo)
        throws UnionPayMessageException
    {
        final String status = fields.get(UnionPayFields.STATUS);
        if (null == status || status.isEmpty())
        {
            throw new UnionPayMessageException(UnionPayMessageException.Reason.MISSING_FIELD, "status=<empty>");
        }
        if (!UnionPayFields.OK.equals(status))
        {
            return new UnionPayResponse(fields);
        }
        UnionPayMessages.checkSignature(fields, merchant.keys(), false);
        UnionPayMessages.require(fields, UnionPayFields.RESULT_CODE);
        final String mchId = fields.get(UnionPayFields.MCH_ID);
        if (null != mchId && !mchId.isEmpty() && !mchId.equals(merchant.mchId()))
        {
            throw new UnionPayMessageException(UnionPayMessageException.Reason.MISMATCH, "mch_id=" + mchId);
        }
        final String outTradeNo = fields.get(UnionPayFields.OUT_TRADE_NO);
        if (null != expectedOutTradeNo && null != outTradeNo && !outTradeNo.isEmpty() &&
            !outTradeNo.equals(expectedOutTradeNo))
        {
            throw new UnionPayMessageException(UnionPayMessageException.Reason.MISMATCH, "out_trade_no=" + outTradeNo);
        }
        UnionPayMessages.optionalFee(fields, UnionPayFields.TOTAL_FEE);
        UnionPayMessages.optionalFee(fields, UnionPayFields.REFUND_FEE);
        return new UnionPayResponse(fields);
    }

    /**
     * @return true if {@code status=0}: the gateway processed the request and the answer is verified.
     */
    public boolean isStatusOk()
    {
        return UnionPayFields.OK.equals(status());
    }

    /**
     * @return true if {@code status=0} and {@code result_code=0}.
     */
    public boolean isResultOk()
    {
        return isStatusOk() && UnionPayFields.OK.equals(resultCode());
    }

    /**
     * @return {@code status}, never null.
     */
    public String status()
    {
        return fields.get(UnionPayFields.STATUS);
    }

    /**
     * @return {@code message}, the communication error text, or null.
     */
    public String message()
    {
        return fields.get(UnionPayFields.MESSAGE);
    }

    /**
     * @return {@code result_code}, or null when {@code status} is not 0.
     */
    public String resultCode()
    {
        return fields.get(UnionPayFields.RESULT_CODE);
    }

    /**
     * @return {@code err_code}, or null.
     */
    public String errCode()
    {
        return fields.get(UnionPayFields.ERR_CODE);
    }

    /**
     * @return {@code err_msg}, or null.
     */
    public String errMsg()
    {
        return fields.get(UnionPayFields.ERR_MSG);
    }

    /**
     * @return {@code need_query} of a micropay answer ({@code Y}, {@code N}), or null when absent.
     */
    public String needQuery()
    {
        return fields.get(UnionPayFields.NEED_QUERY);
    }

    /**
     * @return {@code pay_result} of a micropay answer ({@code 0} = paid), or null.
     */
    public String payResult()
    {
        return fields.get(UnionPayFields.PAY_RESULT);
    }

    /**
     * @return {@code trade_state} of a query answer, or null.
     */
    public String tradeState()
    {
        return fields.get(UnionPayFields.TRADE_STATE);
    }

    /**
     * @return the gateway's {@code transaction_id}, or null.
     */
    public String transactionId()
    {
        return fields.get(UnionPayFields.TRANSACTION_ID);
    }

    /**
     * @return the upstream wallet's {@code out_transaction_id}, or null.
     */
    public String outTransactionId()
    {
        return fields.get(UnionPayFields.OUT_TRANSACTION_ID);
    }

    /**
     * @return {@code out_trade_no}, or null.
     */
    public String outTradeNo()
    {
        return fields.get(UnionPayFields.OUT_TRADE_NO);
    }

    /**
     * @return {@code out_refund_no} of a refund answer, or null.
     */
    public String outRefundNo()
    {
        return fields.get(UnionPayFields.OUT_REFUND_NO);
    }

    /**
     * @return the gateway's {@code refund_id}, or null.
     */
    public String refundId()
    {
        return fields.get(UnionPayFields.REFUND_ID);
    }

    /**
     * @return {@code total_fee} in fen, or -1 when absent (a present value was checked to be an integer).
     */
    public long totalFee()
    {
        return UnionPayMessages.feeOrMinusOne(fields.get(UnionPayFields.TOTAL_FEE));
    }

    /**
     * @return {@code refund_fee} in fen, or -1 when absent.
     */
    public long refundFee()
    {
        return UnionPayMessages.feeOrMinusOne(fields.get(UnionPayFields.REFUND_FEE));
    }

    /**
     * @return true if a reverse answer says {@code recall=Y}: send the reverse again.
     */
    public boolean recall()
    {
        return UnionPayFields.YES.equals(fields.get(UnionPayFields.RECALL));
    }

    /**
     * @param name a field name.
     * @return the field's value, or null.
     */
    public String get(final String name)
    {
        return fields.get(name);
    }

    /**
     * @return every field in document order, read-only.
     */
    public Map<String, String> fields()
    {
        return fields;
    }

    @Override
    public String toString()
    {
        return "UnionPayResponse" + fields;
    }

    /**
     * Writes answers as the gateway does, for the simulated gateway: root {@code <xml>}, integer amounts,
     * {@code sign_type} and {@code sign} over every non-empty field with the gateway's own key. Null and empty
     * values are left out, so a client that signs empty fields too (as one of the gateway's demos does) still
     * agrees. Signing costs ~1 ms (RSA) or ~0.4 ms (SM2). Not thread-safe; one builder per answer.
     */
    public static final class Builder
    {
        private final LinkedHashMap<String, String> fields = new LinkedHashMap<>();

        private Builder()
        {
        }

        /**
         * A processed request: {@code status=0}, version, charset, the merchant id and a nonce.
         *
         * @param mchId    the merchant the answer is for.
         * @param nonceStr the answer's {@code nonce_str}.
         * @return a builder to add the business fields to.
         */
        public static Builder ok(final String mchId, final String nonceStr)
        {
            final Builder builder = new Builder();
            builder.put(UnionPayFields.STATUS, UnionPayFields.OK);
            builder.put(UnionPayFields.VERSION, UnionPayFields.VERSION_2_0);
            builder.put(UnionPayFields.CHARSET, UnionPayFields.CHARSET_UTF_8);
            builder.put(UnionPayFields.MCH_ID, mchId);
            builder.put(UnionPayFields.NONCE_STR, nonceStr);
            return builder;
        }

        /**
         * An unprocessed request (bad signature, malformed message, unknown merchant); not signed, as the gateway
         * has no key it could trust for an unidentified caller.
         *
         * @param message why, e.g. the refusal reason.
         * @return the answer fields.
         */
        public static LinkedHashMap<String, String> statusFail(final String message)
        {
            final LinkedHashMap<String, String> answer = new LinkedHashMap<>();
            answer.put(UnionPayFields.STATUS, UnionPayFields.STATUS_REFUSED);
            answer.put(UnionPayFields.MESSAGE, message);
            return answer;
        }

        /**
         * @return this, with {@code result_code=0}.
         */
        public Builder resultOk()
        {
            return put(UnionPayFields.RESULT_CODE, UnionPayFields.OK);
        }

        /**
         * @param errCode {@code err_code}, e.g. {@code AUTH_CODE_INVALID}.
         * @param errMsg  {@code err_msg}.
         * @return this, with {@code result_code=1} and the error.
         */
        public Builder resultFail(final String errCode, final String errMsg)
        {
            put(UnionPayFields.RESULT_CODE, UnionPayFields.RESULT_FAIL);
            put(UnionPayFields.ERR_CODE, errCode);
            return put(UnionPayFields.ERR_MSG, errMsg);
        }

        /**
         * @param needQuery true for {@code need_query=Y} (query before concluding), false for {@code N}
         *                  (a definite failure).
         * @return this.
         */
        public Builder needQuery(final boolean needQuery)
        {
            return put(UnionPayFields.NEED_QUERY, needQuery ? UnionPayFields.YES : UnionPayFields.NO);
        }

        /**
         * @param name  field name.
         * @param value field value; null or empty leaves the field out.
         * @return this.
         * @throws IllegalArgumentException if the value has leading or trailing whitespace, which the reader would
         *                                  strip and so break the signature.
         */
        public Builder put(final String name, final String value)
        {
            if (null == value || value.isEmpty())
            {
                fields.remove(name);
                return this;
            }
            if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1)))
            {
                throw new IllegalArgumentException(name + ": leading or trailing whitespace");
            }
            fields.put(name, value);
            return this;
        }

        /**
         * @param name  field name, e.g. {@code total_fee}.
         * @param value an integer, written as plain decimal.
         * @return this.
         */
        public Builder put(final String name, final long value)
        {
            return put(name, Long.toString(value));
        }

        /**
         * Signs and returns the fields.
         *
         * @param gatewayKeys the gateway's own signing key (and the merchant's as peer).
         * @return the answer fields with {@code sign_type} and then {@code sign} last.
         */
        public LinkedHashMap<String, String> build(final UnionPayKeys gatewayKeys)
        {
            final LinkedHashMap<String, String> answer = new LinkedHashMap<>(fields);
            answer.remove(UnionPayFields.SIGN);
            answer.remove(UnionPayFields.SIGN_TYPE);
            answer.put(UnionPayFields.SIGN_TYPE, gatewayKeys.signType().wireName());
            answer.put(UnionPayFields.SIGN, UnionPaySign.sign(answer, gatewayKeys));
            return answer;
        }

        /**
         * Signs and writes the answer.
         *
         * @param gatewayKeys the gateway's keys.
         * @return the answer as UTF-8 XML.
         */
        public byte[] toXml(final UnionPayKeys gatewayKeys)
        {
            return UnionPayXml.writeUtf8(build(gatewayKeys));
        }
    }
}
