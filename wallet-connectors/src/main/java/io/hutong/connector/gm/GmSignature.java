package io.hutong.connector.gm;

import java.util.Base64;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.KeyIds;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;

/**
 * The {@code X-Hutong-Signature} header: {@code keyId=<key id>,sig=<base64 of raw r || s>}, an SM2 signature with
 * SM3 and the default user id {@code 1234567812345678} over the exact HTTP body bytes, nothing added, nothing
 * removed, no canonical form (docs/wallet-interface-gm.md section 4). Requests are signed by the switch, responses
 * by the wallet, each with its own key.
 * <p>
 * Stateless and thread-safe.
 */
public final class GmSignature
{
    private static final String KEY_ID_PREFIX = "keyId=";
    private static final String SIG_SEPARATOR = ",sig=";

    private GmSignature()
    {
    }

    /**
     * Sign a body.
     *
     * @param signer an {@link SignatureAlgorithm#SM2_SM3} signer.
     * @param body   the exact bytes that will be sent.
     * @return the header value.
     * @throws IllegalArgumentException when the signer is not SM2 (a configuration fault).
     */
    public static String sign(final CodeSigner signer, final byte[] body)
    {
        if (SignatureAlgorithm.SM2_SM3 != signer.algorithm())
        {
            throw new IllegalArgumentException("signer.algorithm=" + signer.algorithm().wireName() + ": must be SM2");
        }
        final byte[] signature = signer.sign(body, 0, body.length);
        return KEY_ID_PREFIX + signer.keyId() + SIG_SEPARATOR + Base64.getEncoder().encodeToString(signature);
    }

    /**
     * Check a body against its header.
     *
     * @param body   the exact bytes received.
     * @param header the header value as received, or {@code null} when absent.
     * @param keys   the SM2 keys trusted for this peer.
     * @return the key id that verified.
     * @throws GmMessageException {@link GmMessageException.Reason#MISSING_SIGNATURE} for an absent or malformed
     *                            header, {@link GmMessageException.Reason#UNKNOWN_KEY} for an untrusted or non-SM2
     *                            key id, {@link GmMessageException.Reason#BAD_SIGNATURE} when it does not verify.
     */
    public static String verify(final byte[] body, final String header, final TrustedKeys keys)
        throws GmMessageException
    {
        if (null == header)
        {
            throw new GmMessageException(GmMessageException.Reason.MISSING_SIGNATURE, "header=absent");
        }
        final String value = header.trim();
        final int separator = value.indexOf(SIG_SEPARATOR);
        if (!value.startsWith(KEY_ID_PREFIX) || separator < 0)
        {
            throw new GmMessageException(GmMessageException.Reason.MISSING_SIGNATURE, "header=malformed");
        }
        final String keyId = value.substring(KEY_ID_PREFIX.length(), separator);
        if (!KeyIds.isValid(keyId))
        {
            throw new GmMessageException(GmMessageException.Reason.MISSING_SIGNATURE, "keyId=invalid");
        }
        final String sigText = value.substring(separator + SIG_SEPARATOR.length());
        final byte[] signature;
        try
        {
            signature = Base64.getDecoder().decode(sigText);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new GmMessageException(GmMessageException.Reason.MISSING_SIGNATURE, "sig=not base64");
        }
        // Only the canonical encoding (padding, zero pad bits) is accepted, so one signature has one spelling.
        if (!Base64.getEncoder().encodeToString(signature).equals(sigText))
        {
            throw new GmMessageException(GmMessageException.Reason.MISSING_SIGNATURE, "sig=not canonical base64");
        }

        final CodeVerifier verifier = keys.verifier(keyId);
        if (null == verifier || SignatureAlgorithm.SM2_SM3 != verifier.algorithm())
        {
            throw new GmMessageException(GmMessageException.Reason.UNKNOWN_KEY, "keyId=" + keyId);
        }
        if (!verifier.verify(body, 0, body.length, signature))
        {
            throw new GmMessageException(GmMessageException.Reason.BAD_SIGNATURE, "keyId=" + keyId);
        }
        return keyId;
    }
}
