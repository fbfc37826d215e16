package io.hutong.core.keys;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Key;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.function.Function;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.KeyIds;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;

/**
 * The key pair the switch signs merchant codes with, loaded from PEM files: by default
 * {@code <data>/keys/merchant-code-signing.key.pem} (PKCS#8) and {@code .pub.pem} (X.509), created as an SM2
 * development pair on first use so a fresh checkout can issue signed codes at once; or from explicitly configured
 * paths, in which case nothing is ever created.
 * <p>
 * Creation is safe against a crash and against two processes (say the CLI and the server) starting together: the
 * private key is written owner-only (POSIX {@code rw-------} where the file system supports it) to a temporary
 * file, flushed, and renamed into place, private key first; a lock file in the keys directory serialises creators.
 * A half-present pair is refused rather than repaired, since regenerating either half would silently invalidate
 * codes already printed.
 * <p>
 * All failures are {@link SigningKeyException}s with {@code name=value: reason} messages, the names being
 * {@value #PRIVATE_KEY_NAME} and {@value #PUBLIC_KEY_NAME}.
 * <p>
 * Instances are immutable and thread-safe; the factory methods do file I/O and are meant for start-up.
 */
public final class SigningKeyStore
{
    /** Directory under the data directory holding the switch's keys. */
    public static final String KEYS_DIRECTORY = "keys";

    /** File name of the private key (PKCS#8 PEM). */
    public static final String PRIVATE_KEY_FILE = "merchant-code-signing.key.pem";

    /** File name of the public key (X.509 PEM). */
    public static final String PUBLIC_KEY_FILE = "merchant-code-signing.pub.pem";

    /** Configuration name of the private key path, used in error messages. */
    public static final String PRIVATE_KEY_NAME = "signing.privateKey";

    /** Configuration name of the public key path, used in error messages. */
    public static final String PUBLIC_KEY_NAME = "signing.publicKey";

    /** Algorithm of development keys created on first use: the national standard Chinese wallets expect. */
    public static final SignatureAlgorithm DEVELOPMENT_ALGORITHM = SignatureAlgorithm.SM2_SM3;

    private static final String LOCK_FILE = ".merchant-code-signing.lock";

    /**
     * FileChannel.lock is per process: a second thread of the same JVM gets OverlappingFileLockException instead
     * of waiting, so threads are serialised here first.
     */
    private static final Object CREATE_LOCK = new Object();

    private final Path privateKeyPath;
    private final Path publicKeyPath;
    private final boolean created;
    private final PublicKey publicKey;
    private final CodeSigner signer;
    private final TrustedKeys trustedKeys;

    private SigningKeyStore(
        final Path privateKeyPath,
        final Path publicKeyPath,
        final boolean created,
        final PublicKey publicKey,
        final CodeSigner signer,
        final TrustedKeys trustedKeys)
    {
        this.privateKeyPath = privateKeyPath;
        this.publicKeyPath = publicKeyPath;
        this.created = created;
        this.publicKey = publicKey;
        this.signer = signer;
        this.trustedKeys = trustedKeys;
    }

    /**
     * Load the default key pair under a data directory, creating an SM2 development pair (and any missing
     * directories) if neither file exists yet.
     *
     * @param dataDirectory the switch's data directory, see {@link DataDirectory#resolve(String)}.
     * @return the loaded store; {@link #created()} tells whether this call made the keys.
     * @throws SigningKeyException when a file is unreadable, malformed, of the wrong type, the pair does not
     *                             match, only one of the two files exists, or the keys cannot be written.
     */
    public static SigningKeyStore openOrCreate(final Path dataDirectory)
    {
        final Path keysDirectory = dataDirectory.resolve(KEYS_DIRECTORY);
        final Path privateKeyPath = keysDirectory.resolve(PRIVATE_KEY_FILE);
        final Path publicKeyPath = keysDirectory.resolve(PUBLIC_KEY_FILE);

        // Usual case, no lock needed: both files are renamed into place complete, so seeing both means both done.
        if (Files.exists(privateKeyPath) && Files.exists(publicKeyPath))
        {
            return load(privateKeyPath, publicKeyPath);
        }

        synchronized (CREATE_LOCK)
        {
            KeyFiles.createKeysDirectory(keysDirectory, privateKeyPath);
            try (FileChannel lockChannel = FileChannel.open(
                keysDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE))
            {
                // Blocks until other processes are done; released when the channel closes.
                lockChannel.lock();

                // Look again under the lock: another process may have created the pair while we waited.
                final boolean privateExists = Files.exists(privateKeyPath);
                final boolean publicExists = Files.exists(publicKeyPath);
                if (privateExists && publicExists)
                {
                    return load(privateKeyPath, publicKeyPath);
                }
                if (privateExists)
                {
                    throw halfPair(PUBLIC_KEY_NAME, publicKeyPath, PRIVATE_KEY_NAME, privateKeyPath);
                }
                if (publicExists)
                {
                    throw halfPair(PRIVATE_KEY_NAME, privateKeyPath, PUBLIC_KEY_NAME, publicKeyPath);
                }

                createDevelopmentPair(keysDirectory, privateKeyPath, publicKeyPath);
            }
            catch (final IOException ex)
            {
                throw new SigningKeyException(
                    PRIVATE_KEY_NAME + "=" + privateKeyPath + ": cannot create development key (" + ex + ")", ex);
            }
        }

        final SigningKeyStore loaded = load(privateKeyPath, publicKeyPath);
        return new SigningKeyStore(
            loaded.privateKeyPath, loaded.publicKeyPath, true, loaded.publicKey, loaded.signer, loaded.trustedKeys);
    }

    /**
     * The keys whose merchant-code signatures a verifier in this data directory trusts: the switch's own public
     * key when it exists. Reads only the public key and never creates one, so decoding a code has no side
     * effects.
     *
     * @param dataDirectory the data directory.
     * @return the trusted keys, empty when the directory holds no signing key.
     * @throws SigningKeyException when the public key file exists but is unreadable or malformed.
     */
    public static TrustedKeys trustedKeysIfPresent(final Path dataDirectory)
    {
        final Path publicKeyPath = dataDirectory.resolve(KEYS_DIRECTORY).resolve(PUBLIC_KEY_FILE);
        if (!Files.exists(publicKeyPath))
        {
            return TrustedKeys.empty();
        }
        final String publicText = KeyFiles.readPem(PUBLIC_KEY_NAME, publicKeyPath);
        final PublicKey publicKey = parse(PUBLIC_KEY_NAME, publicKeyPath, publicText, KeyPairs::publicKeyFromPem);
        return TrustedKeys.builder().add(algorithmOf(PUBLIC_KEY_NAME, publicKeyPath, publicKey), publicKey).build();
    }

    /**
     * Load a configured key pair from explicit paths. Never creates anything.
     *
     * @param privateKeyPath PKCS#8 PEM private key ({@value #PRIVATE_KEY_NAME}).
     * @param publicKeyPath  X.509 PEM public key ({@value #PUBLIC_KEY_NAME}).
     * @return the loaded store, with {@link #created()} false.
     * @throws SigningKeyException when a file is missing, unreadable, malformed, of the wrong type, or the pair
     *                             does not match.
     */
    public static SigningKeyStore load(final Path privateKeyPath, final Path publicKeyPath)
    {
        final String privateText = KeyFiles.readPem(PRIVATE_KEY_NAME, privateKeyPath);
        final String publicText = KeyFiles.readPem(PUBLIC_KEY_NAME, publicKeyPath);
        final PrivateKey privateKey = parse(PRIVATE_KEY_NAME, privateKeyPath, privateText, KeyPairs::privateKeyFromPem);
        final PublicKey publicKey = parse(PUBLIC_KEY_NAME, publicKeyPath, publicText, KeyPairs::publicKeyFromPem);

        final SignatureAlgorithm algorithm = algorithmOf(PRIVATE_KEY_NAME, privateKeyPath, privateKey);
        final SignatureAlgorithm publicAlgorithm = algorithmOf(PUBLIC_KEY_NAME, publicKeyPath, publicKey);
        if (publicAlgorithm != algorithm)
        {
            throw new SigningKeyException(PUBLIC_KEY_NAME + "=" + publicKeyPath + ": key is on " +
                publicAlgorithm.curveName() + " but " + PRIVATE_KEY_NAME + "=" + privateKeyPath + " is on " +
                algorithm.curveName());
        }
        if (!KeyPairs.isPair(privateKey, publicKey))
        {
            throw new SigningKeyException(PUBLIC_KEY_NAME + "=" + publicKeyPath + ": does not match " +
                PRIVATE_KEY_NAME + "=" + privateKeyPath);
        }

        final String keyId = KeyIds.of(publicKey);
        return new SigningKeyStore(
            privateKeyPath,
            publicKeyPath,
            false,
            publicKey,
            new CodeSigner(algorithm, keyId, privateKey),
            TrustedKeys.of(new CodeVerifier(algorithm, keyId, publicKey)));
    }

    /**
     * Whether the call that returned this store created the key files.
     *
     * @return {@code true} for a freshly created development pair.
     */
    public boolean created()
    {
        return created;
    }

    /**
     * The line the CLI prints on stderr after creating keys.
     *
     * @return {@code "created development signing key <private key path>"}, or {@code null} when nothing was
     * created.
     */
    public String creationNote()
    {
        return created ? "created development signing key " + privateKeyPath : null;
    }

    /**
     * Where the private key was read from.
     *
     * @return the private key path.
     */
    public Path privateKeyPath()
    {
        return privateKeyPath;
    }

    /**
     * Where the public key was read from.
     *
     * @return the public key path.
     */
    public Path publicKeyPath()
    {
        return publicKeyPath;
    }

    /**
     * The algorithm the key pair signs with, decided by its curve.
     *
     * @return the algorithm.
     */
    public SignatureAlgorithm algorithm()
    {
        return signer.algorithm();
    }

    /**
     * The derived key id of the public key, carried in signed codes.
     *
     * @return 16 uppercase hex characters.
     */
    public String keyId()
    {
        return signer.keyId();
    }

    /**
     * The public key, for publishing to wallets that verify the switch's codes.
     *
     * @return the public key.
     */
    public PublicKey publicKey()
    {
        return publicKey;
    }

    /**
     * The signer for merchant codes; thread-safe.
     *
     * @return the signer.
     */
    public CodeSigner signer()
    {
        return signer;
    }

    /**
     * Trusted keys holding exactly this store's public key, so the switch can verify its own codes.
     *
     * @return the trusted keys.
     */
    public TrustedKeys trustedKeys()
    {
        return trustedKeys;
    }

    /**
     * Describes the store without key material.
     *
     * @return paths, algorithm and key id.
     */
    @Override
    public String toString()
    {
        return "SigningKeyStore{privateKey=" + privateKeyPath + ", publicKey=" + publicKeyPath +
            ", algorithm=" + algorithm().wireName() + ", keyId=" + keyId() + ", created=" + created + "}";
    }

    private static void createDevelopmentPair(
        final Path keysDirectory, final Path privateKeyPath, final Path publicKeyPath) throws IOException
    {
        final KeyPair keyPair = KeyPairs.generate(DEVELOPMENT_ALGORITHM);
        // Private first: the public file appearing is what tells the unlocked fast path that the pair is complete.
        KeyFiles.writeAtomically(privateKeyPath, KeyPairs.privateKeyToPem(keyPair.getPrivate()), KeyFiles.OWNER_ONLY);
        KeyFiles.writeAtomically(publicKeyPath, KeyPairs.publicKeyToPem(keyPair.getPublic()), KeyFiles.WORLD_READABLE);
        KeyFiles.syncDirectory(keysDirectory);
    }

    private static <K> K parse(final String name, final Path path, final String text, final Function<String, K> parser)
    {
        try
        {
            return parser.apply(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new SigningKeyException(name + "=" + path + ": " + ex.getMessage(), ex);
        }
    }

    private static SignatureAlgorithm algorithmOf(
        final String name, final Path path, final Key key)
    {
        try
        {
            return SignatureAlgorithm.forKey(key);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new SigningKeyException(name + "=" + path + ": " + ex.getMessage(), ex);
        }
    }

    private static SigningKeyException halfPair(
        final String missingName, final Path missingPath, final String presentName, final Path presentPath)
    {
        return new SigningKeyException(missingName + "=" + missingPath + ": missing while " + presentName + "=" +
            presentPath + " exists; restore it, or delete both files to create a new development key");
    }
}
