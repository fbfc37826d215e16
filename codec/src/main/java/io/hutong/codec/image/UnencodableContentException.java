package io.hutong.codec.image;

/**
 * Thrown by {@link CodeImageWriter} when the content cannot be drawn in the requested symbology: non-ASCII or too
 * long for Code 128, too long for a QR code at the configured error correction, not digits for a payment screen.
 * An {@link IllegalArgumentException} because it is bad input to a writer, never an outcome of reading; typed so
 * callers that generate codes from user input can tell it apart from other argument errors.
 * <p>
 * The message names the offending argument with its length and position, never the content itself: a consumer's
 * one-time code is a bearer credential and must not end up in logs.
 * <p>
 * Immutable once thrown; safe to share between threads.
 */
public final class UnencodableContentException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final Symbology symbology;

    /**
     * Create the exception.
     *
     * @param symbology that could not carry the content.
     * @param message   {@code name=value: reason} style explanation.
     */
    public UnencodableContentException(final Symbology symbology, final String message)
    {
        super(message);
        this.symbology = symbology;
    }

    /**
     * @return the symbology that could not carry the content.
     */
    public Symbology symbology()
    {
        return symbology;
    }
}
