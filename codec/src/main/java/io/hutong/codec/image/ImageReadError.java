package io.hutong.codec.image;

/**
 * Why reading a payment code from an image failed. Expected outcomes of reading untrusted images, so they are
 * values rather than exceptions. The names are a wire contract (the {@code error} field of
 * {@code hutong decode --image}).
 * <p>
 * Immutable; safe to share between threads.
 */
public enum ImageReadError
{
    /** A code was read. Never reported as an error. */
    NONE(""),
    /** The image decoded, but no QR code or Code 128 barcode could be found or read in it. */
    NOT_FOUND("no QR code or barcode found in image"),
    /** The bytes are empty, not PNG or JPEG, or corrupt. */
    UNREADABLE_IMAGE("not a PNG or JPEG image"),
    /** The file or the decoded pixel count is over the reader's limit; refused before allocating the raster. */
    IMAGE_TOO_LARGE("image exceeds the size limit"),
    /** The file or stream could not be read (missing, no permission, I/O error). */
    IO_ERROR("could not read the image file or stream");

    private static final ImageReadError[] VALUES = values();

    private final String defaultMessage;

    ImageReadError(final String defaultMessage)
    {
        this.defaultMessage = defaultMessage;
    }

    /**
     * @return the constant explanation for people, empty for {@link #NONE}.
     */
    public String defaultMessage()
    {
        return defaultMessage;
    }

    /**
     * Lookup by ordinal without allocating (unlike {@link #values()}).
     *
     * @param ordinal the ordinal.
     * @return the constant.
     */
    public static ImageReadError get(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
