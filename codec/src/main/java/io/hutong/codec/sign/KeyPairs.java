package io.hutong.codec.sign;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Key pair generation and PEM text for signing keys: PKCS#8 {@code PRIVATE KEY} and X.509 {@code PUBLIC KEY},
 * the forms OpenSSL 3 ({@code openssl genpkey}, {@code openssl pkey -pubout}) reads and writes. The PEM work is
 * Bouncy Castle's (bcpkix), with the provider passed as an instance, never registered globally.
 * <p>
 * Text in, text out: reading and writing files is the caller's business. Parse failures are
 * {@link IllegalArgumentException}s whose message is a short reason ({@code "not a PKCS#8 PEM private key"}) for
 * the caller to prefix with the {@code name=value} of where the text came from.
 * <p>
 * Stateless; thread-safe.
 */
public final class KeyPairs
{
    /** Reason given for private key text that cannot be read. */
    public static final String NOT_A_PRIVATE_KEY = "not a PKCS#8 PEM private key";

    /** Reason given for public key text that cannot be read. */
    public static final String NOT_A_PUBLIC_KEY = "not an X.509 PEM public key";

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyPairs()
    {
    }

    /**
     * Generate a fresh key pair for an algorithm: JCA "EC" keys on its curve, made by Bouncy Castle.
     *
     * @param algorithm the keys will sign with.
     * @return a new key pair.
     */
    public static KeyPair generate(final SignatureAlgorithm algorithm)
    {
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
            generator.initialize(new ECGenParameterSpec(algorithm.curveName()), RANDOM);
            return generator.generateKeyPair();
        }
        catch (final GeneralSecurityException ex)
        {
            // Both curves ship with every Bouncy Castle release; failing here means a broken classpath.
            throw new IllegalStateException("algorithm=" + algorithm.wireName() + ": cannot generate key pair", ex);
        }
    }

    /**
     * Whether a private and a public key form a pair: both on the same supported curve and Q = d x G.
     *
     * @param privateKey EC private key.
     * @param publicKey  EC public key.
     * @return {@code true} when they match; {@code false} otherwise, including unsupported or mixed curves.
     */
    public static boolean isPair(final PrivateKey privateKey, final PublicKey publicKey)
    {
        try
        {
            final SignatureAlgorithm algorithm = SignatureAlgorithm.forKey(privateKey);
            if (SignatureAlgorithm.forKey(publicKey) != algorithm)
            {
                return false;
            }

            return EcKeys.isPair(
                EcKeys.privateParameters(algorithm, privateKey), EcKeys.publicParameters(algorithm, publicKey));
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
    }

    /**
     * PEM text of a private key as unencrypted PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}).
     *
     * @param privateKey any private key with a PKCS#8 encoding.
     * @return the PEM text, lines ending in the platform line separator (PEM readers accept any).
     */
    public static String privateKeyToPem(final PrivateKey privateKey)
    {
        final StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text))
        {
            // JcaPEMWriter.writeObject(PrivateKey) would write the traditional SEC1 "EC PRIVATE KEY" form;
            // the PKCS#8 generator gives the algorithm-neutral "PRIVATE KEY" form.
            writer.writeObject(new JcaPKCS8Generator(privateKey, null));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("privateKey: cannot encode as PKCS#8 PEM", ex);
        }

        return text.toString();
    }

    /**
     * PEM text of a public key as X.509 SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC KEY-----}).
     *
     * @param publicKey any public key with an X.509 encoding.
     * @return the PEM text.
     */
    public static String publicKeyToPem(final PublicKey publicKey)
    {
        final StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text))
        {
            writer.writeObject(publicKey);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("publicKey: cannot encode as PEM", ex);
        }

        return text.toString();
    }

    /**
     * Read the first private key in PEM text. Accepts PKCS#8 {@code PRIVATE KEY} and, because
     * {@code openssl ecparam -genkey} still writes it, the SEC1 {@code EC PRIVATE KEY} form (a leading
     * {@code EC PARAMETERS} block is skipped). Encrypted keys are refused: the switch has no passphrase to give.
     *
     * @param pem the text.
     * @return the private key (a Bouncy Castle key object); its curve is not checked here, see
     * {@link SignatureAlgorithm#forKey(java.security.Key)}.
     * @throws IllegalArgumentException with {@link #NOT_A_PRIVATE_KEY} (or a more precise reason) when the text
     *                                  holds no readable private key.
     */
    public static PrivateKey privateKeyFromPem(final String pem)
    {
        final Object object = readFirstKeyObject(pem, NOT_A_PRIVATE_KEY);
        final PrivateKeyInfo info;
        if (object instanceof PrivateKeyInfo)
        {
            info = (PrivateKeyInfo)object;
        }
        else if (object instanceof PEMKeyPair)
        {
            info = ((PEMKeyPair)object).getPrivateKeyInfo();
        }
        else if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair)
        {
            throw new IllegalArgumentException(NOT_A_PRIVATE_KEY + " (encrypted private keys are not supported)");
        }
        else
        {
            throw new IllegalArgumentException(NOT_A_PRIVATE_KEY + describeFound(object));
        }

        try
        {
            return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPrivateKey(info);
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new IllegalArgumentException(NOT_A_PRIVATE_KEY + " (unreadable key: " + ex.getMessage() + ")", ex);
        }
    }

    /**
     * Read the first public key in PEM text: X.509 SubjectPublicKeyInfo {@code PUBLIC KEY}.
     *
     * @param pem the text.
     * @return the public key (a Bouncy Castle key object); its curve is not checked here.
     * @throws IllegalArgumentException with {@link #NOT_A_PUBLIC_KEY} (or a more precise reason) when the text
     *                                  holds no readable public key.
     */
    public static PublicKey publicKeyFromPem(final String pem)
    {
        final Object object = readFirstKeyObject(pem, NOT_A_PUBLIC_KEY);
        if (!(object instanceof SubjectPublicKeyInfo))
        {
            throw new IllegalArgumentException(NOT_A_PUBLIC_KEY + describeFound(object));
        }

        try
        {
            final SubjectPublicKeyInfo info = (SubjectPublicKeyInfo)object;
            return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPublicKey(info);
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new IllegalArgumentException(NOT_A_PUBLIC_KEY + " (unreadable key: " + ex.getMessage() + ")", ex);
        }
    }

    private static Object readFirstKeyObject(final String pem, final String reason)
    {
        if (null == pem)
        {
            throw new IllegalArgumentException(reason + " (no text)");
        }

        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(pem)))
        {
            object = parser.readObject();
            // OpenSSL prefixes SEC1 keys with their curve ("EC PARAMETERS"), which is not a key: skip it.
            while (object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters)
            {
                object = parser.readObject();
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // Broken base64 or ASN.1 surfaces as IOException or as unchecked decoder errors, depending on depth.
            throw new IllegalArgumentException(reason + " (malformed PEM: " + ex.getMessage() + ")", ex);
        }

        if (null == object)
        {
            throw new IllegalArgumentException(reason + " (no PEM block found)");
        }

        return object;
    }

    private static String describeFound(final Object object)
    {
        if (object instanceof SubjectPublicKeyInfo)
        {
            return " (found a public key)";
        }
        if (object instanceof PrivateKeyInfo || object instanceof PEMKeyPair)
        {
            return " (found a private key)";
        }
        if (object instanceof X509CertificateHolder)
        {
            return " (found a certificate)";
        }

        return " (found " + object.getClass().getSimpleName() + ")";
    }
}
