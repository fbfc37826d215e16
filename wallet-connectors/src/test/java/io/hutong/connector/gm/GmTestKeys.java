package io.hutong.connector.gm;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;

import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;

/**
 * SM2 keys for the tests: the fixed switch key of the documented worked example (docs/wallet-interface-gm.md
 * section 8; test-only, never deploy it), and a wallet key generated once per test JVM.
 */
final class GmTestKeys
{
    static final BouncyCastleProvider BC = new BouncyCastleProvider();
    /** The worked example's switch private key (the GM/T 0003.5 sample scalar). */
    static final String SWITCH_D = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
    static final String SWITCH_KEY_ID = "hutong-sw-01";
    static final String WALLET_KEY_ID = "bestpay-01";
    static final KeyPair SWITCH = fromScalar(SWITCH_D);
    static final KeyPair WALLET = generate();
    /** The worked example's SM4 key (the GB/T 32907 sample key). */
    static final byte[] SM4_KEY = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");

    private GmTestKeys()
    {
    }

    static CodeSigner switchSigner()
    {
        return new CodeSigner(SignatureAlgorithm.SM2_SM3, SWITCH_KEY_ID, SWITCH.getPrivate());
    }

    static CodeSigner walletSigner()
    {
        return new CodeSigner(SignatureAlgorithm.SM2_SM3, WALLET_KEY_ID, WALLET.getPrivate());
    }

    static TrustedKeys switchKeys()
    {
        return TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.SM2_SM3, SWITCH_KEY_ID, SWITCH.getPublic()));
    }

    static TrustedKeys walletKeys()
    {
        return TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.SM2_SM3, WALLET_KEY_ID, WALLET.getPublic()));
    }

    static String publicKeyHex(final PublicKey key)
    {
        return HexFormat.of().withUpperCase().formatHex(
            ((org.bouncycastle.jce.interfaces.ECPublicKey)key).getQ().getEncoded(false));
    }

    private static KeyPair fromScalar(final String hex)
    {
        try
        {
            final ECNamedCurveParameterSpec spec = ECNamedCurveTable.getParameterSpec("sm2p256v1");
            final BigInteger d = new BigInteger(hex, 16);
            final KeyFactory factory = KeyFactory.getInstance("EC", BC);
            final PrivateKey privateKey = factory.generatePrivate(new ECPrivateKeySpec(d, spec));
            final PublicKey publicKey =
                factory.generatePublic(new ECPublicKeySpec(spec.getG().multiply(d).normalize(), spec));
            return new KeyPair(publicKey, privateKey);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static KeyPair generate()
    {
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"));
            return generator.generateKeyPair();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
