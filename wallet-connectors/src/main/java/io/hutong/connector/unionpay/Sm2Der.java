package io.hutong.connector.unionpay;

import java.io.IOException;
import java.math.BigInteger;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * Converts SM2 signatures between the raw fixed-width {@code r || s} that {@link io.hutong.codec.sign.CodeSigner}
 * produces and the DER {@code SEQUENCE {INTEGER r, INTEGER s}} of GM/T 0009 that goes on the wire (the form Java's
 * {@code SM3withSM2}, OpenSSL and Chinese payment SDKs exchange). Package-private, stateless, thread-safe.
 */
final class Sm2Der
{
    /** The order of sm2p256v1: r and s must lie in [1, n-1]. */
    private static final BigInteger N = GMNamedCurves.getByName("sm2p256v1").getN();

    private Sm2Der()
    {
    }

    /**
     * @param raw 64 bytes {@code r || s} from a signer.
     * @return the DER encoding.
     * @throws IllegalStateException if the signer produced something that is not a signature (a bug).
     */
    static byte[] toDer(final byte[] raw)
    {
        try
        {
            final BigInteger[] rs = PlainDSAEncoding.INSTANCE.decode(N, raw);
            return StandardDSAEncoding.INSTANCE.encode(N, rs[0], rs[1]);
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new IllegalStateException("sm2.signature.length=" + raw.length + ": not r || s", ex);
        }
    }

    /**
     * Reads a received DER signature. Only the one canonical DER spelling is accepted (Bouncy Castle re-encodes
     * and compares), so a signature cannot be reshaped into a second valid form.
     *
     * @param der the received bytes.
     * @return 64 bytes {@code r || s}, or null if the bytes are not a canonical DER signature with r, s below n.
     */
    static byte[] toRaw(final byte[] der)
    {
        try
        {
            final BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, der);
            return PlainDSAEncoding.INSTANCE.encode(N, rs[0], rs[1]);
        }
        catch (final IOException | RuntimeException ex)
        {
            // Attacker-controlled input: a parse failure is simply "not a signature".
            return null;
        }
    }
}
