package io.hutong.sim.gm;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;
import io.hutong.connector.gm.GmFieldCipher;
import io.hutong.sim.server.SecretStore;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One wallet's side of the GM interface enrolment (docs/wallet-interface-gm.md section 1), kept in the wallet's
 * secrets so restarts keep it: the switch's merchant id at the wallet, the switch's SM2 key pair (the simulator
 * plays the operator who enrolled the switch, so it makes the switch's key too and hands the private half out in
 * the credentials file), the wallet's SM2 key pair and the merchant's SM4 key. Immutable and thread-safe.
 */
final class GmKeys
{
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    final String merchantId;
    final String switchKeyId;
    final String walletKeyId;
    final CodeSigner walletSigner;
    final CodeSigner wrongSigner;
    final TrustedKeys switchKeys;
    final GmFieldCipher cipher;
    private final String switchPrivateKey;
    private final String walletPublicKey;
    private final String sm4KeyHex;

    GmKeys(final String walletId, final SecretStore secrets)
    {
        this.merchantId = "hutong-" + walletId;
        this.switchKeyId = "hutong-sw-" + walletId;
        this.walletKeyId = walletId + "-01";
        this.switchPrivateKey = secrets.get("gm.switchPrivateKey", () -> newPrivateKey());
        this.sm4KeyHex = secrets.get("gm.sm4Key", () ->
        {
            final byte[] key = new byte[GmFieldCipher.KEY_LENGTH];
            RANDOM.nextBytes(key);
            return HexFormat.of().formatHex(key);
        });
        final String walletPrivateKey = secrets.get("gm.walletPrivateKey", () -> newPrivateKey());
        final KeyPair switchPair = pair(switchPrivateKey);
        final KeyPair walletPair = pair(walletPrivateKey);
        this.walletPublicKey = Base64.getEncoder().encodeToString(walletPair.getPublic().getEncoded());
        this.walletSigner = new CodeSigner(SignatureAlgorithm.SM2_SM3, walletKeyId, walletPair.getPrivate());
        // A bad-signature fault signs with a key the switch does not trust, under the id it does.
        this.wrongSigner = new CodeSigner(SignatureAlgorithm.SM2_SM3, walletKeyId,
            KeyPairs.generate(SignatureAlgorithm.SM2_SM3).getPrivate());
        this.switchKeys =
            TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.SM2_SM3, switchKeyId, switchPair.getPublic()));
        this.cipher = new GmFieldCipher(HexFormat.of().parseHex(sm4KeyHex));
    }

    /**
     * @return the credentials file's {@code interop} object: what the switch's GM connector needs.
     */
    Map<String, Object> interop()
    {
        final Map<String, Object> interop = new LinkedHashMap<>();
        interop.put("merchantId", merchantId);
        interop.put("switchKeyId", switchKeyId);
        interop.put("switchPrivateKey", switchPrivateKey);
        interop.put("walletKeyId", walletKeyId);
        interop.put("walletPublicKey", walletPublicKey);
        interop.put("sm4Key", sm4KeyHex);
        return interop;
    }

    private static String newPrivateKey()
    {
        final PrivateKey key = KeyPairs.generate(SignatureAlgorithm.SM2_SM3).getPrivate();
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /**
     * The key pair of a PKCS#8 SM2 private key: the public point is recomputed, so only the private half is kept.
     */
    private static KeyPair pair(final String pkcs8Base64)
    {
        try
        {
            final KeyFactory factory = KeyFactory.getInstance("EC", PROVIDER);
            final PrivateKey privateKey =
                factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)));
            final org.bouncycastle.jce.interfaces.ECPrivateKey bcKey =
                (org.bouncycastle.jce.interfaces.ECPrivateKey)privateKey;
            final org.bouncycastle.jce.spec.ECParameterSpec spec = bcKey.getParameters();
            final org.bouncycastle.jce.spec.ECPublicKeySpec publicSpec = new org.bouncycastle.jce.spec.ECPublicKeySpec(
                spec.getG().multiply(bcKey.getD()).normalize(), spec);
            final PublicKey publicKey = factory.generatePublic(publicSpec);
            return new KeyPair(publicKey, privateKey);
        }
        catch (final GeneralSecurityException | IllegalArgumentException | ClassCastException ex)
        {
            throw new IllegalArgumentException("secrets: a kept GM private key is not a PKCS#8 SM2 key (" +
                ex.getClass().getSimpleName() + ")", ex);
        }
    }

    @Override
    public String toString()
    {
        return "GmKeys[merchantId=" + merchantId + ", switchKeyId=" + switchKeyId + ", walletKeyId=" + walletKeyId +
            "]";
    }
}
