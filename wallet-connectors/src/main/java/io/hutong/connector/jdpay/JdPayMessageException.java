package io.hutong.connector.jdpay;

/**
 * A JD Pay message that could not be read, decrypted or trusted. Checked, so every caller decides what an
 * unusable message means: a connector treats an unusable answer as {@code UNKNOWN}; the simulated wallet
 * answers with {@link Reason#resultCode()} of the reason.
 * <p>
 * The message names fields and lengths, never values: bodies carry payment codes and keys decrypt them.
 */
public final class JdPayMessageException extends Exception
{
    private static final long serialVersionUID = 1L;

    /**
     * Why a message was refused, each with the result code a wallet answers for it (provisional codes,
     * docs/wallet-jdpay.md section 6).
     */
    public enum Reason
    {
        /** Empty, or larger than the envelope or inner-message bound. */
        TOO_LARGE(JdPayResultCodes.PARAM_ERROR),
        /** Not well-formed XML, an encoding error, or deeper or wider than the bounds. */
        MALFORMED(JdPayResultCodes.PARAM_ERROR),
        /** A DOCTYPE or entity reference: refused outright, which stops XXE and entity-expansion bombs. */
        DTD_REFUSED(JdPayResultCodes.PARAM_ERROR),
        /** The root element is not {@code jdpay}. */
        WRONG_ROOT(JdPayResultCodes.PARAM_ERROR),
        /** The same element twice under one parent (only children of a {@code ...List} element may repeat). */
        DUPLICATE_ELEMENT(JdPayResultCodes.PARAM_ERROR),
        /** A field the message must carry is absent or empty. */
        MISSING_FIELD(JdPayResultCodes.PARAM_ERROR),
        /** A field is present but outside its domain (version, amount, currency, time, control characters...). */
        BAD_FIELD(JdPayResultCodes.PARAM_ERROR),
        /** The envelope names a merchant the reader has no keys for, or the inner merchant differs from it. */
        UNKNOWN_MERCHANT(JdPayResultCodes.MERCHANT_INVALID),
        /** {@code encrypt} is not base64 of hex of whole 3DES blocks, or its length frame is inconsistent. */
        BAD_CIPHERTEXT(JdPayResultCodes.DECRYPT_ERROR),
        /** A message that must be signed has no {@code sign}, or an answer that must be encrypted has none. */
        MISSING_SIGNATURE(JdPayResultCodes.SIGN_ERROR),
        /** The {@code sign} does not verify with the peer's public key over the inner XML. */
        BAD_SIGNATURE(JdPayResultCodes.SIGN_ERROR);

        private final String resultCode;

        Reason(final String resultCode)
        {
            this.resultCode = resultCode;
        }

        /**
         * @return the {@code result/code} a wallet answers (unencrypted) when it refuses a request for this reason.
         */
        public String resultCode()
        {
            return resultCode;
        }
    }

    private final Reason reason;

    /**
     * @param reason  why the message was refused.
     * @param message detail in {@code name=value} form.
     */
    public JdPayMessageException(final Reason reason, final String message)
    {
        super("reason=" + reason + " " + message);
        this.reason = reason;
    }

    /**
     * @param reason  why the message was refused.
     * @param message detail in {@code name=value} form.
     * @param cause   the parser's or cipher's exception.
     */
    public JdPayMessageException(final Reason reason, final String message, final Throwable cause)
    {
        super("reason=" + reason + " " + message, cause);
        this.reason = reason;
    }

    /**
     * @return why the message was refused.
     */
    public Reason reason()
    {
        return reason;
    }
}
