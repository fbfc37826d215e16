package io.hutong.connector.wechat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WeChat Pay v2 answer, parsed and verified. An answer with {@code return_code=SUCCESS} must carry a
 * {@code sign} that verifies with the request's sign type and the merchant's API key; a {@code FAIL} answer
 * is unsigned (WeChat does not sign them) and only says the request was not processed. Immutable and
 * thread-safe. {@link Builder} writes answers for the simulated wallet.
 */
public final class WeChatResponse
{
    private final Map<String, String> fields;

    private WeChatResponse(final LinkedHashMap<String, String> fields)
    {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * Parses and verifies an answer.
     *
     * @param body     the HTTP body.
     * @param merchant the credentials the request was signed with; its sign type verifies the answer.
     * @return the verified answer.
     * @throws WeChatMessageException if the answer does not parse, lacks {@code return_code}, or is a
     *                                {@code SUCCESS} answer whose signature is missing or wrong.
     */
    public static WeChatResponse parse(final byte[] body, final WeChatMerchant merchant) throws WeChatMessageException
    {
        return verify(WeChatXml.read(body), merchant);
    }

    /**
     * Verifies answer fields already read with {@link WeChatXml}.
     *
     * @param fields   the answer fields.
     * @param merchant the credentials the request was signed with.
     * @return the verified answer.
     * @throws WeChatMessageException as for {@link #parse(byte[], WeChatMerchant)}.
     */
    public static WeChatResponse verify(final LinkedHashMap<String, String> fields, final WeChatMerchant merchant)
        throws WeChatMessageException
    {
        final String returnCode = fields.get(WeChatFields.RETURN_CODE);
        if (WeChatFields.FAIL.equals(returnCode))
        {
            return new WeChatResponse(fields);
        }
        if (!WeChatFields.SUCCESS.equals(returnCode))
        {
            throw new WeChatMessageException(WeChatMessageException.Reason.MISSING_FIELD,
                "return_code=" + returnCode + ": must be SUCCESS or FAIL");
        }
        final String sign = fields.get(WeChatFields.SIGN);
        if (null == sign || sign.isEmpty())
        {
            throw new WeChatMessageException(WeChatMessageException.Reason.MISSING_SIGNATURE, "sign=<empty>");
        }
        if (!WeChatSign.verify(fields, merchant.signType(), merchant.apiKey()))
        {
            throw new WeChatMessageException(WeChatMessageException.Reason.BAD_SIGNATURE,
                "signType=" + merchant.signType().wireName());
        }
        final String resultCode = fields.get(WeChatFields.RESULT_CODE);
        if (!WeChatFields.SUCCESS.equals(resultCode) && !WeChatFields.FAIL.equals(resultCode))
        {
            throw new WeChatMessageException(WeChatMessageException.Reason.MISSING_FIELD,
                "result_code=" + resultCode + ": must be SUCCESS or FAIL");
        }
        return new WeChatResponse(fields);
    }

    /**
     * @return true if {@code return_code=SUCCESS} (the request was processed; the answer is signed).
     */
    public boolean isReturnSuccess()
    {
        return WeChatFields.SUCCESS.equals(returnCode());
    }

    /**
     * @return true if the request was processed and {@code result_code=SUCCESS}.
     */
    public boolean isResultSuccess()
    {
        return isReturnSuccess() && WeChatFields.SUCCESS.equals(resultCode());
    }

    /**
     * @return {@code return_code}: SUCCESS or FAIL.
     */
    public String returnCode()
    {
        return fields.get(WeChatFields.RETURN_CODE);
    }

    /**
     * @return {@code return_msg}, or null.
     */
    public String returnMsg()
    {
        return fields.get(WeChatFields.RETURN_MSG);
    }

    /**
     * @return {@code result_code}, or null on a FAIL answer.
     */
    public String resultCode()
    {
        return fields.get(WeChatFields.RESULT_CODE);
    }

    /**
     * @return {@code err_code}, or null.
     */
    public String errCode()
    {
        return fields.get(WeChatFields.ERR_CODE);
    }

    /**
     * @return {@code err_code_des}, or null.
     */
    public String errCodeDes()
    {
        return fields.get(WeChatFields.ERR_CODE_DES);
    }

    /**
     * @return {@code trade_state} of an orderquery answer, or null.
     */
    public String tradeState()
    {
        return fields.get(WeChatFields.TRADE_STATE);
    }

    /**
     * @return true if a reverse answer says {@code recall=Y}: the reverse must be sent again.
     */
    public boolean recall()
    {
        return "Y".equals(fields.get(WeChatFields.RECALL));
    }

    /**
     * @return {@code transaction_id}, or null.
     */
    public String transactionId()
    {
        return fields.get(WeChatFields.TRANSACTION_ID);
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
        return "WeChatResponse" + fields;
    }

    /**
     * Writes answers as the WeChat gateway does, for the simulated wallet: root {@code <xml>}, integer fee
     * fields, {@code sign} over every non-empty field with the request's sign type. Not thread-safe; one
     * builder per answer.
     */
    public static final class Builder
    {
        private final LinkedHashMap<String, String> fields = new LinkedHashMap<>();

        /**
         * A processed request: {@code return_code=SUCCESS, return_msg=OK}, then the merchant's ids.
         *
         * @param merchant the merchant the answer is for.
         * @param nonceStr the answer's {@code nonce_str}.
         * @return a builder to add the business fields to.
         */
        public static Builder success(final WeChatMerchant merchant, final String nonceStr)
        {
            final Builder builder = new Builder();
            builder.put(WeChatFields.RETURN_CODE, WeChatFields.SUCCESS);
            builder.put(WeChatFields.RETURN_MSG, "OK");
            builder.put(WeChatFields.APPID, merchant.appId());
            builder.put(WeChatFields.MCH_ID, merchant.mchId());
            builder.put(WeChatFields.NONCE_STR, nonceStr);
            return builder;
        }

        /**
         * An unprocessed request ({@code return_code=FAIL}); WeChat does not sign these.
         *
         * @param returnMsg why, e.g. {@code 签名错误}.
         * @return the answer fields.
         */
        public static LinkedHashMap<String, String> returnFail(final String returnMsg)
        {
            final LinkedHashMap<String, String> answer = new LinkedHashMap<>();
            answer.put(WeChatFields.RETURN_CODE, WeChatFields.FAIL);
            answer.put(WeChatFields.RETURN_MSG, returnMsg);
            return answer;
        }

        /**
         * @return this, with {@code result_code=SUCCESS}.
         */
        public Builder resultSuccess()
        {
            return put(WeChatFields.RESULT_CODE, WeChatFields.SUCCESS);
        }

        /**
         * @param errCode    {@code err_code}, e.g. {@code AUTH_CODE_INVALID}.
         * @param errCodeDes {@code err_code_des}.
         * @return this, with {@code result_code=FAIL} and the error.
         */
        public Builder resultFail(final String errCode, final String errCodeDes)
        {
            put(WeChatFields.RESULT_CODE, WeChatFields.FAIL);
            put(WeChatFields.ERR_CODE, errCode);
            return put(WeChatFields.ERR_CODE_DES, errCodeDes);
        }

        /**
         * @param name  field name.
         * @param value field value; null or empty values are still written but not signed.
         * @return this.
         */
        public Builder put(final String name, final String value)
        {
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
            fields.put(name, Long.toString(value));
            return this;
        }

        /**
         * Signs and returns the fields.
         *
         * @param signType the sign type of the request being answered.
         * @param apiKey   the merchant's API key.
         * @return the answer fields with {@code sign} last.
         */
        public LinkedHashMap<String, String> build(final WeChatSignType signType, final String apiKey)
        {
            final LinkedHashMap<String, String> answer = new LinkedHashMap<>(fields);
            answer.remove(WeChatFields.SIGN);
            answer.put(WeChatFields.SIGN, WeChatSign.sign(answer, signType, apiKey));
            return answer;
        }

        /**
         * Signs and writes the answer.
         *
         * @param signType the sign type of the request being answered.
         * @param apiKey   the merchant's API key.
         * @return the answer as UTF-8 XML.
         */
        public byte[] toXml(final WeChatSignType signType, final String apiKey)
        {
            return WeChatXml.writeUtf8(build(signType, apiKey));
        }
    }
}
