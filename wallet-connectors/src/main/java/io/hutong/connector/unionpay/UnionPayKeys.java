package io.hutong.connector.unionpay;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The key material one side of the gateway conversation needs: its own half, which signs what it sends, and the
 * peer's half, which verifies what it receives, for one {@link UnionPaySignType}.
 *
 * <pre>
 *                      signs with (own)            verifies with (peer)
 *  merchant / switch   merchant private key        gateway public key      requests out, answers in
 *  gateway / simulator gateway private key         merchant public key     answers out, requests in
 *  MD5 (both sides)    the shared key              the shared key
 * </pre>
 *
 * Immutable and thread-safe; {@link #toString()} never shows key material. Signing with RSA costs about 1 ms
 * and with SM2 about 0.4 ms: callers keep it off the engine thread.
 */
public final class UnionPayKeys
{
    /** Smallest RSA modulus accepted, in bits. */
    public static final int MIN_RSA_BITS = 2048;

    private final UnionPaySignType signType;
    private final String md5Key;
    private final PrivateKey rsaOwn;
    private final PublicKey rsaPeer;
    private final CodeSigner sm2Own;
    private final List<CodeVerifier> sm2Peer;

    private UnionPayKeys(
        final UnionPaySignType signType,
        final String md5Key,
        final PrivateKey rsaOwn,
        final PublicKey rsaPeer,
        final CodeSigner sm2Own,
        final List<CodeVerifier> sm2Peer)
    {
        this.signType = signType;
        this.md5Key = md5Key;
        this.rsaOwn = rsaOwn;
        this.rsaPeer = rsaPeer;
        this.sm2Own = sm2Own;
        this.sm2Peer = sm2Peer;
    }

    /**
     * @param key the key shared by merchant and gateway (the gateway's demos use 32 characters).
     * @return MD5 keys.
     * @throws IllegalArgumentException if the key is empty.
     */
    public static UnionPayKeys md5(final String key)
    {
        if (null == key || key.isEmpty())
        {
            throw new IllegalArgumentException("md5Key=<empty>: must be set");
        }
        return new UnionPayKeys(UnionPaySignType.MD5, key, null, null, null, null);
    }

    /**
     * @param own  this side's RSA private key, at least {@value #MIN_RSA_BITS} bits.
     * @param peer the other side's RSA public key, at least {@value #MIN_RSA_BITS} bits.
     * @return {@code RSA_1_256} keys.
     * @throws IllegalArgumentException if a key is missing, not RSA or too short.
     */
    public static UnionPayKeys rsa(final PrivateKey own, final PublicKey peer)
    {
        checkRsa("rsa.own", own);
        checkRsa("rsa.peer", peer);
        return new UnionPayKeys(UnionPaySignType.RSA_1_256, null, own, peer, null, null);
    }

    /**
     * SM2 keys. The gateway style carries no key id, so every SM2 key in {@code peer} is tried in turn: trust two
     * during a rotation, one otherwise.
     *
     * @param own  this side's SM2 signer.
     * @param peer the other side's SM2 public keys (non-SM2 entries are ignored).
     * @return {@code SM3WITHSM2} keys.
     * @throws IllegalArgumentException if the signer is not SM2 or {@code peer} holds no SM2 key.
     */
    public static UnionPayKeys sm2(final CodeSigner own, final TrustedKeys peer)
    {
        if (null == own || SignatureAlgorithm.SM2_SM3 != own.algorithm())
        {
            throw new IllegalArgumentException("sm2.own=" + own + ": must be an SM2 signer");
        }
        final List<CodeVerifier> verifiers = new ArrayList<>();
        if (null != peer)
        {
            for (final String keyId : peer.keyIds())
            {
                final CodeVerifier verifier = peer.verifier(keyId);
                if (SignatureAlgorithm.SM2_SM3 == verifier.algorithm())
                {
                    verifiers.add(verifier);
                }
            }
        }
        if (verifiers.isEmpty())
        {
            throw new IllegalArgumentException("sm2.peer=" + peer + ": must hold an SM2 public key");
        }
        return new UnionPayKeys(UnionPaySignType.SM3WITHSM2, null, null, null, own, List.copyOf(verifiers));
    }

    /**
     * Reads an RSA private key as key tools hand it out: base64 of PKCS#8 DER, PEM armour and whitespace tolerated.
     *
     * @param base64Pkcs8 the key text.
     * @return the key.
     * @throws IllegalArgumentException if the text is not such a key (the message never shows the text).
     */
    public static PrivateKey rsaPrivateKey(final String base64Pkcs8)
    {
        try
        {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(decodeKey(base64Pkcs8)));
        }
        catch (final GeneralSecurityException | IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(
                "rsaPrivateKey.length=" + lengthOf(base64Pkcs8) + ": not a base64 PKCS#8 RSA key", ex);
        }
    }

    /**
     * Reads an RSA public key: base64 of X.509 SubjectPublicKeyInfo DER, PEM armour and whitespace tolerated.
     *
     * @param base64X509 the key text.
     * @return the key.
     * @throws IllegalArgumentException if the text is not such a key.
     */
    public static PublicKey rsaPublicKey(final String base64X509)
    {
        try
        {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decodeKey(base64X509)));
        }
        catch (final GeneralSecurityException | IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(
                "rsaPublicKey.length=" + lengthOf(base64X509) + ": not a base64 X.509 RSA key", ex);
        }
    }

    /**
     * @return the algorithm these keys sign and verify with.
     */
    public UnionPaySignType signType()
    {
        return signType;
    }

    String md5Key()
    {
        return md5Key;
    }

    PrivateKey rsaOwn()
    {
        return rsaOwn;
    }

    PublicKey rsaPeer()
    {
        return rsaPeer;
    }

    CodeSigner sm2Own()
    {
        return sm2Own;
    }

    List<CodeVerifier> sm2Peer()
    {
        return sm2Peer;
    }

    @Override
    public String toString()
    {
        if (UnionPaySignType.SM3WITHSM2 == signType)
        {
            return "UnionPayKeys[signType=" + signType.wireName() + ", own=" + sm2Own.keyId() + ", peers=" +
                sm2Peer.size() + "]";
        }
        return "UnionPayKeys[signType=" + signType.wireName() + ", keys=***]";
    }

    private static void checkRsa(final String name, final Key key)
    {
        if (!(key instanceof RSAKey))
        {
            throw new IllegalArgumentException(name + ".algorithm=" + (null == key ? null : key.getAlgorithm()) +
                ": must be an RSA key");
        }
        final int bits = ((RSAKey)key).getModulus().bitLength();
        if (bits < MIN_RSA_BITS)
        {
            throw new IllegalArgumentException(name + ".bits=" + bits + ": must be at least " + MIN_RSA_BITS);
        }
    }

    private static byte[] decodeKey(final String text)
    {
        if (null == text)
        {
            throw new IllegalArgumentException("key=null");
        }
        final String body = text.replaceAll("-----(BEGIN|END)[A-Z ]*-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static int lengthOf(final String text)
    {
        return null == text ? -1 : text.length();
    }
}
