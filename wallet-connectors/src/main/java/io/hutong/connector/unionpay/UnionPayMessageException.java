package io.hutong.connector.unionpay;

/**
 * A UnionPay gateway-style message that could not be read or trusted. Checked, so every caller decides what an
 * unusable message means: a connector treats an unusable answer as {@code UNKNOWN}
 * ({@link UnionPayOutcomes#forUnusableAnswer}); the simulated gateway answers with a non-zero {@code status}.
 * The message names fields, never echoes values that could be secrets or consumer codes.
 */
public final class UnionPayMessageException extends Exception
{
    private static final long serialVersionUID = 1L;

    /**
     * Why a message was refused.
     */
    public enum Reason
    {
        /** Empty or larger than {@link UnionPayXml#MAX_MESSAGE_BYTES}. */
        TOO_LARGE,
        /** Not well-formed XML, or an encoding or entity error. */
        MALFORMED,
        /** A DOCTYPE (internal or external DTD): refused, which stops XXE and entity expansion bombs. */
        DTD_REFUSED,
        /** The root element is not {@code xml}. */
        WRONG_ROOT,
        /** A child of {@code xml} has element children of its own. */
        NESTED_ELEMENT,
        /** The same key appears twice. */
        DUPLICATE_KEY,
        /** A field the message must carry is absent or empty. */
        MISSING_FIELD,
        /** A field is present but outside its domain (not an integer, too long, bad characters). */
        BAD_FIELD,
        /** A request's {@code service} is not one of the four operations. */
        UNKNOWN_SERVICE,
        /** A request's {@code mch_id} has no registered keys. */
        UNKNOWN_MERCHANT,
        /** {@code sign_type} is not one this layer accepts (for example the SHA-1 {@code RSA_1_1}). */
        UNSUPPORTED_SIGN_TYPE,
        /** {@code sign_type} differs from the one configured or registered for the merchant. */
        SIGN_TYPE_MISMATCH,
        /** A request, or a {@code status=0} answer, carries no {@code sign}. */
        MISSING_SIGNATURE,
        /** The {@code sign} does not verify. */
        BAD_SIGNATURE,
        /** A verified answer names another merchant or another order than the request it should answer. */
        MISMATCH
    }

    private final Reason reason;

    /**
     * @param reason  why the message was refused.
     * @param message detail in {@code name=value} form.
     */
    public UnionPayMessageException(final Reason reason, final String message)
    {
        super("reason=" + reason + " " + message);
        this.reason = reason;
    }

    /**
     * @param reason  why the message was refused.
     * @param message detail in {@code name=value} form.
     * @param cause   the parser's exception.
     */
    public UnionPayMessageException(final Reason reason, final String message, final Throwable cause)
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
