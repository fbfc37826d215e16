package io.hutong.codec.registry;

/**
 * The registry file is unreadable or breaks a rule; the message names the key and the reason, e.g.
 * {@code participants.wechat.numeric[0].prefixes=10-19: overlaps jdpay numeric[0] (18, length 18)}.
 */
public final class RegistryException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message {@code key=value: reason}.
     */
    public RegistryException(final String message)
    {
        super(message);
    }

    /**
     * @param message {@code key=value: reason}.
     * @param cause   the underlying parse failure.
     */
    public RegistryException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
