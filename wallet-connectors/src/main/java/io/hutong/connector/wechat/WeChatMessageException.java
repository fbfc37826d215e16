package io.hutong.connector.wechat;

/**
 * A WeChat Pay v2 message that could not be read or trusted. Checked, so every caller decides what an
 * unusable answer means (a connector treats it as {@code UNKNOWN}; the simulator answers {@code FAIL}).
 * Never wraps more than the parser's message: the input is not echoed.
 */
public final class WeChatMessageException extends Exception
{
    private static final long serialVersionUID = 1L;

    /**
     * Why a message was refused.
     */
    public enum Reason
    {
        /** Empty or larger than the size bound. */
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
        /** A field the message must carry is absent, or has a value outside its domain. */
        MISSING_FIELD,
        /** A {@code return_code=SUCCESS} message carries no {@code sign}. */
        MISSING_SIGNATURE,
        /** The {@code sign} does not match the message. */
        BAD_SIGNATURE
    }

    private final Reason reason;

    /**
     * @param reason  why the message was refused.
     * @param message detail in {@code name=value} form.
     */
    public WeChatMessageException(final Reason reason, final String message)
    {
        super("reason=" + reason + " " + message);
        this.reason = reason;
    }

    /**
     * @param reason  why the message was refused.
     * @param message detail in {@code name=value} form.
     * @param cause   the parser's exception.
     */
    public WeChatMessageException(final Reason reason, final String message, final Throwable cause)
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
