package io.hutong.codec.sign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.util.encoders.Hex;

/**
 * Test helpers converting between the DER form other tools produce and the raw r||s form the switch carries.
 */
final class Signatures
{
    private Signatures()
    {
    }

    static byte[] derToRaw(final SignatureAlgorithm algorithm, final byte[] der)
    {
        final BigInteger n = algorithm.domain().getN();
        try
        {
            final BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, der);
            return PlainDSAEncoding.INSTANCE.encode(n, rs[0], rs[1]);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static byte[] rawToDer(final SignatureAlgorithm algorithm, final byte[] raw)
    {
        final BigInteger n = algorithm.domain().getN();
        try
        {
            final BigInteger[] rs = PlainDSAEncoding.INSTANCE.decode(n, raw);
            return StandardDSAEncoding.INSTANCE.encode(n, rs[0], rs[1]);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static byte[] hex(final String hex)
    {
        return Hex.decode(hex);
    }
}
