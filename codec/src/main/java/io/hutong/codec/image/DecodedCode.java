package io.hutong.codec.image;

import java.util.Objects;

/**
 * One symbol read from an image: which symbology it was and the text it carries. The text is what the classifier
 * ({@code io.hutong.codec.classify}) takes next.
 * <p>
 * Immutable; safe to share between threads.
 *
 * @param symbology the symbology the text was read from.
 * @param text      the decoded text exactly as encoded (QR byte segments read as UTF-8).
 */
public record DecodedCode(Symbology symbology, String text)
{
    /**
     * Validate the components.
     *
     * @param symbology the symbology the text was read from.
     * @param text      the decoded text.
     */
    public DecodedCode
    {
        Objects.requireNonNull(symbology, "symbology");
        Objects.requireNonNull(text, "text");
    }
}
