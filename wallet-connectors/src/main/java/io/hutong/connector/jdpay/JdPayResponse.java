package io.hutong.connector.jdpay;

import java.util.ArrayList;
import java.util.List;

/**
 * A JD Pay answer, parsed, decrypted and verified (client side), and its {@link Builder} (server side).
 * <p>
 * An answer that carries {@code encrypt} is trusted only after {@link JdPayCrypto#open}: DES frame, JD's
 * signature with JD's public key, version and merchant. Its inner {@code result} decides; an outer result that
 * contradicts it is refused. An answer without {@code encrypt} is JD refusing the request before processing
 * it: it is unsigned, so it can only carry a failure code, and a "success" without a payload is refused as
 * {@code MISSING_SIGNATURE}. Immutable and thread-safe.
 */
public final class JdPayResponse
{
    private final JdPayOperation operation;
    private final String resultCode;
    private final String resultDesc;
    private final JdPayXml.Element inner;

    private JdPayResponse(
        final JdPayOperation operation, final String resultCode, final String resultDesc, final JdPayXml.Element inner)
    {
        this.operation = operation;
        this.resultCode = resultCode;
        this.resultDesc = resultDesc;
        this.inner = inner;
    }

    /**
     * Parses and verifies an answer.
     *
     * @param operation the operation that was called.
     * @param body      the HTTP body.
     * @param keys      the merchant's keys: the DES key decrypts, JD's public key ({@link JdPayKeys#peerPublicKey()})
     *                  verifies.
     * @return the verified answer.
     * @throws JdPayMessageException if the answer is unusable; the connector treats that as {@code UNKNOWN}.
     */
    public static JdPayResponse parse(final JdPayOperation operation, final byte[] body, final JdPayKeys keys)
        throws JdPayMessageException
    {
        final JdPayEnvelope envelope = JdPayEnvelope.read(body);
        if (null != envelope.merchant() && !keys.merchant().equals(envelope.merchant()))
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.UNKNOWN_MERCHANT,
                "merchant=" + envelope.merchant() + " expected=" + keys.merchant());
        }
        if (null == envelope.encrypt())
        {
            if (null == envelope.resultCode())
            {
                throw new JdPayMessageException(JdPayMessageException.Reason.MISSING_FIELD, "field=result/code");
            }
            if (JdPayResultCodes.SUCCESS.equals(envelope.resultCode()))
            {
                throw new JdPayMessageException(JdPayMessageException.Reason.MISSING_SIGNATURE,
                    "code=" + JdPayResultCodes.SUCCESS + " encrypt=<absent>");
            }
            return new JdPayResponse(operation, envelope.resultCode(), envelope.resultDesc(), null);
        }
        final JdPayXml.Element inner = JdPayCrypto.open(envelope.encrypt(), keys);
        final JdPayXml.Element result = inner.child(JdPayFields.RESULT);
        final String code = null == result ? envelope.resultCode() : result.text(JdPayFields.CODE);
        if (null == code || code.isEmpty())
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.MISSING_FIELD, "field=result/code");
        }
        if (null != envelope.resultCode() && !envelope.resultCode().equals(code))
        {
            throw new JdPayMessageException(JdPayMessageException.Reason.BAD_FIELD,
                "result/code outer=" + envelope.resultCode() + " inner=" + code + ": contradict");
        }
        final String desc = null == result ? envelope.resultDesc() : result.text(JdPayFields.DESC);
        return new JdPayResponse(operation, code, desc, inner);
    }

    /**
     * @return the operation answered.
     */
    public JdPayOperation operation()
    {
        return operation;
    }

    /**
     * @return true if the answer carried an encrypted payload, which verified.
     */
    public boolean isSigned()
    {
        return null != inner;
    }

    /**
     * @return true if {@code result/code} is {@code 000000} (then the answer is always signed).
     */
    public boolean isSuccess()
    {
        return JdPayResultCodes.SUCCESS.equals(resultCode);
    }

    /**
     * @return {@code result/code}: {@code 000000} processed, anything else a refusal ({@link JdPayResultCodes}).
     */
    public String resultCode()
    {
        return resultCode;
    }

    /**
     * @return {@code result/desc}, or null.
     */
    public String resultDesc()
    {
        return resultDesc;
    }

    /**
     * @return {@code status}: the trade's state ({@link JdPayResultCodes}), or null.
     */
    public String status()
    {
        return field(JdPayFields.STATUS);
    }

    /**
     * @return {@code tradeNum}, or null.
     */
    public String tradeNum()
    {
        return field(JdPayFields.TRADE_NUM);
    }

    /**
     * @return {@code oTradeNum}, or null.
     */
    public String oTradeNum()
    {
        return field(JdPayFields.O_TRADE_NUM);
    }

    /**
     * @return {@code tradeType} of a query answer ({@code 0} payment, {@code 1} refund), or null.
     */
    public String tradeType()
    {
        return field(JdPayFields.TRADE_TYPE);
    }

    /**
     * @return {@code amount} in fen, or -1 when absent or not a decimal number of fen.
     */
    public long amount()
    {
        final String value = field(JdPayFields.AMOUNT);
        if (null == value || value.isEmpty() || value.length() > 18)
        {
            return -1;
        }
        for (int i = 0; i < value.length(); i++)
        {
            if (value.charAt(i) < '0' || value.charAt(i) > '9')
            {
                return -1;
            }
        }
        return Long.parseLong(value);
    }

    /**
     * @return {@code currency}, or null.
     */
    public String currency()
    {
        return field(JdPayFields.CURRENCY);
    }

    /**
     * @return {@code tradeTime}, or null.
     */
    public String tradeTime()
    {
        return field(JdPayFields.TRADE_TIME);
    }

    /**
     * @return {@code note}, or null.
     */
    public String note()
    {
        return field(JdPayFields.NOTE);
    }

    /**
     * @return the {@code payList/pay} items of a query answer, read-only; empty when absent.
     */
    public List<JdPayXml.Element> payList()
    {
        final JdPayXml.Element list = null == inner ? null : inner.child(JdPayFields.PAY_LIST);
        return null == list ? List.of() : list.children();
    }

    /**
     * @param name an inner leaf's name.
     * @return its text, or null when absent, empty, not a leaf, or the answer is unsigned.
     */
    public String field(final String name)
    {
        final JdPayXml.Element element = null == inner ? null : inner.child(name);
        return null == element || !element.isLeaf() ? null : JdPayChecks.emptyToNull(element.text());
    }

    /**
     * @return the verified inner root, or null for an unsigned refusal.
     */
    public JdPayXml.Element inner()
    {
        return inner;
    }

    @Override
    public String toString()
    {
        return "JdPayResponse[operation=" + operation + ", resultCode=" + resultCode + ", status=" + status() +
            ", tradeNum=" + tradeNum() + ", signed=" + isSigned() + "]";
    }

    /**
     * Writes answers as JD's gateway does, for the simulated wallet: the inner XML ({@code version},
     * {@code merchant}, {@code result}, business fields, {@code payList}) signed with JD's private key,
     * encrypted with the merchant's DES key, wrapped with the same result outside. Not thread-safe; one builder
     * per answer. {@link #build} signs with RSA (about a millisecond): keep it off event loops.
     */
    public static final class Builder
    {
        private final String merchant;
        private final String resultCode;
        private final String resultDesc;
        private final List<String[]> fields = new ArrayList<>();
        private final List<String[]> pays = new ArrayList<>();

        private Builder(final String merchant, final String resultCode, final String resultDesc)
        {
            JdPayChecks.merchant(merchant);
            JdPayChecks.text(JdPayFields.CODE, resultCode, 32);
            JdPayChecks.optionalText(JdPayFields.DESC, resultDesc, JdPayChecks.MAX_TEXT);
            this.merchant = merchant;
            this.resultCode = resultCode;
            this.resultDesc = resultDesc;
        }

        /**
         * A processed request: {@code result/code} {@code 000000}.
         *
         * @param merchant the merchant answered.
         * @return a builder to add the business fields to.
         */
        public static Builder success(final String merchant)
        {
            return new Builder(merchant, JdPayResultCodes.SUCCESS, "成功");
        }

        /**
         * An answer with any result and a signed payload.
         *
         * @param merchant   the merchant answered.
         * @param resultCode {@code result/code}.
         * @param resultDesc {@code result/desc}, or null.
         * @return a builder to add the business fields to.
         */
        public static Builder of(final String merchant, final String resultCode, final String resultDesc)
        {
            return new Builder(merchant, resultCode, resultDesc);
        }

        /**
         * A refused request: result only, no payload, unsigned (as JD answers requests it cannot process).
         *
         * @param merchant   the merchant named by the request; omitted when null or not a valid merchant number.
         * @param resultCode {@code result/code}, not {@code 000000}.
         * @param resultDesc {@code result/desc}.
         * @return the HTTP body.
         */
        public static byte[] refusal(final String merchant, final String resultCode, final String resultDesc)
        {
            if (JdPayResultCodes.SUCCESS.equals(resultCode))
            {
                throw new IllegalArgumentException("resultCode=" + resultCode + ": a refusal cannot claim success");
            }
            // The merchant is echoed only when it is a valid number: a refusal must not reflect arbitrary input.
            return JdPayEnvelope.writeAnswer(JdPayChecks.isMerchant(merchant) ? merchant : null, resultCode,
                resultDesc, null);
        }

        /**
         * @param name  a business field, e.g. {@code tradeNum}.
         * @param value its value; null skips it, {@code ""} writes an empty element (JD writes {@code <note></note>}).
         * @return this.
         */
        public Builder put(final String name, final String value)
        {
            if (null != value)
            {
                JdPayChecks.optionalText(name, value, JdPayDes.MAX_PLAINTEXT_BYTES);
                fields.add(new String[] {name, value});
            }
            return this;
        }

        /**
         * @param name  a business field, e.g. {@code amount}.
         * @param value an integer, written as plain decimal.
         * @return this.
         */
        public Builder put(final String name, final long value)
        {
            return put(name, Long.toString(value));
        }

        /**
         * Adds a {@code payList/pay} item, as query answers carry.
         *
         * @param payType   {@code payType}, e.g. {@code 2} balance.
         * @param amount    {@code amount} in fen.
         * @param tradeTime {@code tradeTime}.
         * @return this.
         */
        public Builder pay(final String payType, final long amount, final String tradeTime)
        {
            JdPayChecks.text(JdPayFields.PAY_TYPE, payType, 8);
            JdPayChecks.tradeTime(tradeTime);
            pays.add(new String[] {payType, Long.toString(amount), tradeTime});
            return this;
        }

        /**
         * @return the unsigned inner XML this builder would sign (for tests).
         */
        public String innerXml()
        {
            final JdPayXml.Writer writer = new JdPayXml.Writer(512)
                .leaf(JdPayFields.VERSION, JdPayFields.V2)
                .leaf(JdPayFields.MERCHANT, merchant)
                .start(JdPayFields.RESULT)
                .leaf(JdPayFields.CODE, resultCode)
                .leaf(JdPayFields.DESC, resultDesc)
                .end(JdPayFields.RESULT);
            for (final String[] field : fields)
            {
                writer.leaf(field[0], field[1]);
            }
            if (!pays.isEmpty())
            {
                writer.start(JdPayFields.PAY_LIST);
                for (final String[] pay : pays)
                {
                    writer.start(JdPayFields.PAY)
                        .leaf(JdPayFields.PAY_TYPE, pay[0])
                        .leaf(JdPayFields.AMOUNT, pay[1])
                        .leaf(JdPayFields.CURRENCY, JdPayFields.CNY)
                        .leaf(JdPayFields.TRADE_TIME, pay[2])
                        .end(JdPayFields.PAY);
                }
                writer.end(JdPayFields.PAY_LIST);
            }
            return writer.finish();
        }

        /**
         * Signs, encrypts and wraps the answer.
         *
         * @param keys the wallet's keys for this merchant: JD's private key signs.
         * @return the HTTP body.
         */
        public byte[] build(final JdPayKeys keys)
        {
            if (!merchant.equals(keys.merchant()))
            {
                throw new IllegalArgumentException("merchant=" + merchant + " keys.merchant=" + keys.merchant() +
                    ": differ");
            }
            return JdPayEnvelope.writeAnswer(merchant, resultCode, resultDesc, JdPayCrypto.seal(innerXml(), keys));
        }
    }
}
