package io.hutong.codec.image;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of {@link CodeImageReader}: either the codes read from the image, or a typed failure with a message for
 * people. A payment screen that shows the same number as Code 128 and QR yields two {@link DecodedCode}s; codes are
 * ordered QR first, then Code 128, each in the order found.
 * <p>
 * Immutable; safe to share between threads.
 */
public final class ImageReadResult
{
    private final List<DecodedCode> codes;
    private final ImageReadError error;
    private final String message;

    private ImageReadResult(final List<DecodedCode> codes, final ImageReadError error, final String message)
    {
        this.codes = codes;
        this.error = error;
        this.message = message;
    }

    /**
     * A successful read.
     *
     * @param codes read, at least one.
     * @return the result.
     */
    static ImageReadResult success(final List<DecodedCode> codes)
    {
        if (codes.isEmpty())
        {
            throw new IllegalArgumentException("codes.size=0: a success needs at least one code");
        }
        return new ImageReadResult(List.copyOf(codes), ImageReadError.NONE, "");
    }

    /**
     * A failed read with the error's constant message.
     *
     * @param error why, not {@link ImageReadError#NONE}.
     * @return the result.
     */
    static ImageReadResult failure(final ImageReadError error)
    {
        return failure(error, error.defaultMessage());
    }

    /**
     * A failed read with a specific message.
     *
     * @param error   why, not {@link ImageReadError#NONE}.
     * @param message for people.
     * @return the result.
     */
    static ImageReadResult failure(final ImageReadError error, final String message)
    {
        if (error == ImageReadError.NONE)
        {
            throw new IllegalArgumentException("error=NONE: a failure needs a reason");
        }
        return new ImageReadResult(List.of(), error, Objects.requireNonNull(message, "message"));
    }

    /**
     * @return true when at least one code was read.
     */
    public boolean isSuccess()
    {
        return error == ImageReadError.NONE;
    }

    /**
     * @return the codes read, QR codes first; empty on failure. Unmodifiable.
     */
    public List<DecodedCode> codes()
    {
        return codes;
    }

    /**
     * @return why the read failed, {@link ImageReadError#NONE} on success.
     */
    public ImageReadError error()
    {
        return error;
    }

    /**
     * @return explanation for people, empty on success.
     */
    public String message()
    {
        return message;
    }

    /**
     * The text of the first code of a symbology, for callers that want one symbology only.
     *
     * @param symbology wanted.
     * @return the text, or empty when no code of that symbology was read.
     */
    public Optional<String> firstText(final Symbology symbology)
    {
        for (final DecodedCode code : codes)
        {
            if (code.symbology() == symbology)
            {
                return Optional.of(code.text());
            }
        }
        return Optional.empty();
    }

    /**
     * @return a summary for logs and tests; holds the code count, not the texts (consumer codes are credentials).
     */
    public String toString()
    {
        return isSuccess() ? "ImageReadResult{codes=" + codes.size() + "}" :
            "ImageReadResult{error=" + error + ", message=" + message + "}";
    }
}
