package io.hutong.codec.sign;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle JCA provider instance this package uses. Passed explicitly to JCA factories rather than
 * registered with {@link java.security.Security}, so loading this package never changes global JVM state and never
 * fights another component over provider order.
 * <p>
 * Thread-safe: JCA providers are immutable once built.
 */
final class BouncyCastle
{
    /** Built once: constructing the provider registers hundreds of algorithms and takes tens of milliseconds. */
    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle()
    {
    }
}
