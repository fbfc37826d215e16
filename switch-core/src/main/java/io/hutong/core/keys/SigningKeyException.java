package io.hutong.core.keys;

/**
 * A signing key could not be loaded or created: a configuration error, reported with a {@code name=value: reason}
 * message such as {@code signing.privateKey=/x/y.pem: not a PKCS#8 PEM private key} so an operator can act on it
 * without a stack trace.
 * <p>
 * Immutable once thrown; safe to pass between threads.
 */
public final class SigningKeyException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * An error with no underlying cause.
     *
     * @param message {@code name=value: reason}.
     */
    public SigningKeyException(final String message)
    {
        super(message);
    }

    /**
     * An error caused by another exception, kept for diagnosis.
     *
     * @param message {@code name=value: reason}.
     * @param cause   the underlying failure.
     */
    public SigningKeyException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
