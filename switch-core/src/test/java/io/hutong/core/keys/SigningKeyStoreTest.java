package io.hutong.core.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.hutong.codec.sign.KeyIds;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SigningKeyStoreTest
{
    private static final byte[] MESSAGE = "merchant code".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    @Test
    void shouldCreateDevelopmentKeyPairOnFirstUse() throws IOException
    {
        final Path data = temp.resolve("nested/data");

        final SigningKeyStore store = SigningKeyStore.openOrCreate(data);

        final Path privateKey = data.resolve("keys/merchant-code-signing.key.pem");
        final Path publicKey = data.resolve("keys/merchant-code-signing.pub.pem");
        assertThat(store.created()).isTrue();
        assertThat(store.creationNote()).isEqualTo("created development signing key " + privateKey);
        assertThat(store.privateKeyPath()).isEqualTo(privateKey);
        assertThat(store.publicKeyPath()).isEqualTo(publicKey);
        assertThat(store.algorithm()).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(store.keyId()).isEqualTo(KeyIds.of(KeyPairs.publicKeyFromPem(Files.readString(publicKey))));
        try (Stream<Path> files = Files.list(data.resolve("keys")))
        {
            // No temporary files left behind; the lock file stays (empty) for the next creator.
            assertThat(files.map(path -> path.getFileName().toString()))
                .containsExactlyInAnyOrder(
                    "merchant-code-signing.key.pem", "merchant-code-signing.pub.pem", ".merchant-code-signing.lock");
        }
    }

    @Test
    void shouldCreatePrivateKeyReadableByOwnerOnly() throws IOException
    {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");

        final SigningKeyStore store = SigningKeyStore.openOrCreate(temp);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.privateKeyPath())))
            .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.publicKeyPath())))
            .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("keys"))))
            .isEqualTo("rwx------");
    }

    @Test
    void shouldLoadTheSameKeyOnSecondUse()
    {
        final SigningKeyStore first = SigningKeyStore.openOrCreate(temp);

        final SigningKeyStore second = SigningKeyStore.openOrCreate(temp);

        assertThat(second.created()).isFalse();
        assertThat(second.creationNote()).isNull();
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.publicKey().getEncoded()).isEqualTo(first.publicKey().getEncoded());
        final byte[] signature = first.signer().sign(MESSAGE, 0, MESSAGE.length);
        assertThat(second.trustedKeys().verify(first.keyId(), MESSAGE, 0, MESSAGE.length, signature)).isTrue();
    }

    @Test
    void shouldTrustItsOwnKeyOnly()
    {
        final SigningKeyStore store = SigningKeyStore.openOrCreate(temp);

        final byte[] signature = store.signer().sign(MESSAGE, 0, MESSAGE.length);

        assertThat(store.trustedKeys().keyIds()).containsExactly(store.keyId());
        assertThat(store.trustedKeys().verify(store.keyId(), MESSAGE, 0, MESSAGE.length, signature)).isTrue();
        assertThat(store.toString()).doesNotContain("PRIVATE").contains(store.keyId());
    }

    @Test
    void shouldReportCorruptPrivateKeyWithNameAndPath() throws IOException
    {
        final SigningKeyStore store = SigningKeyStore.openOrCreate(temp);
        Files.writeString(store.privateKeyPath(), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> SigningKeyStore.openOrCreate(temp))
            .isInstanceOf(SigningKeyException.class)
            .hasMessageStartingWith("signing.privateKey=" + store.privateKeyPath() + ": not a PKCS#8 PEM private key");
    }

    @Test
    void shouldReportEmptyPublicKeyWithNameAndPath() throws IOException
    {
        final SigningKeyStore store = SigningKeyStore.openOrCreate(temp);
        Files.writeString(store.publicKeyPath(), "");

        assertThatThrownBy(() -> SigningKeyStore.openOrCreate(temp))
            .isInstanceOf(SigningKeyException.class)
            .hasMessage("signing.publicKey=" + store.publicKeyPath() + ": not an X.509 PEM public key " +
                "(no PEM block found)");
    }

    @Test
    void shouldReportMismatchedPair() throws IOException
    {
        final SigningKeyStore store = SigningKeyStore.openOrCreate(temp);
        final KeyPair other = KeyPairs.generate(SignatureAlgorithm.SM2_SM3);
        Files.writeString(store.publicKeyPath(), KeyPairs.publicKeyToPem(other.getPublic()));

        assertThatThrownBy(() -> SigningKeyStore.openOrCreate(temp))
            .isInstanceOf(SigningKeyException.class)
            .hasMessage("signing.publicKey=" + store.publicKeyPath() + ": does not match signing.privateKey=" +
                store.privateKeyPath());
    }

    @Test
    void shouldReportPairOnDifferentCurves() throws IOException
    {
        final SigningKeyStore store = SigningKeyStore.openOrCreate(temp);
        final KeyPair p256 = KeyPairs.generate(SignatureAlgorithm.ECDSA_P256_SHA256);
        Files.writeString(store.publicKeyPath(), KeyPairs.publicKeyToPem(p256.getPublic()));

        assertThatThrownBy(() -> SigningKeyStore.openOrCreate(temp))
            .isInstanceOf(SigningKeyException.class)
            .hasMessage("signing.publicKey=" + store.publicKeyPath() + ": key is on secp256r1 but " +
                "signing.privateKey=" + store.privateKeyPath() + " is on sm2p256v1");
    }

    @Test
    void shouldReportWrongKeyType() throws Exception
    {
        final KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        final KeyPair keyPair = rsa.generateKeyPair();
        final Path privateKey = temp.resolve("rsa.key.pem");
        final Path publicKey = temp.resolve("rsa.pub.pem");
        Files.writeString(privateKey, KeyPairs.privateKeyToPem(keyPair.getPrivate()));
        Files.writeString(publicKey, KeyPairs.publicKeyToPem(keyPair.getPublic()));

        assertThatThrownBy(() -> SigningKeyStore.load(privateKey, publicKey))
            .isInstanceOf(SigningKeyException.class)
            .hasMessageStartingWith("signing.privateKey=" + privateKey + ": not an EC key on sm2p256v1 or secp256r1");
    }

    @Test
    void shouldReportSwappedFiles() throws IOException
    {
        final SigningKeyStore store = SigningKeyStore.openOrCreate(temp);

        assertThatThrownBy(() -> SigningKeyStore.load(store.publicKeyPath(), store.privateKeyPath()))
            .isInstanceOf(SigningKeyException.class)
            .hasMessage("signing.privateKey=" + store.publicKeyPath() + ": not a PKCS#8 PEM private key " +
                "(found a public key)");
    }

    @Test
    void shouldRefuseHalfPresentPairWithoutTouchingIt() throws IOException
    {
        final SigningKeyStore store = SigningKeyStore.openOrCreate(temp);
        final String privateText = Files.readString(store.privateKeyPath());
        Files.delete(store.publicKeyPath());

        assertThatThrownBy(() -> SigningKeyStore.openOrCreate(temp))
            .isInstanceOf(SigningKeyException.class)
            .hasMessageStartingWith("signing.publicKey=" + store.publicKeyPath() + ": missing while " +
                "signing.privateKey=" + store.privateKeyPath() + " exists");
        assertThat(Files.readString(store.privateKeyPath())).isEqualTo(privateText);
        assertThat(store.publicKeyPath()).doesNotExist();
    }

    @Test
    void shouldLoadConfiguredKeyFromExplicitPaths() throws IOException
    {
        final KeyPair keyPair = KeyPairs.generate(SignatureAlgorithm.ECDSA_P256_SHA256);
        final Path privateKey = temp.resolve("prod.key.pem");
        final Path publicKey = temp.resolve("prod.pub.pem");
        Files.writeString(privateKey, KeyPairs.privateKeyToPem(keyPair.getPrivate()));
        Files.writeString(publicKey, KeyPairs.publicKeyToPem(keyPair.getPublic()));

        final SigningKeyStore store = SigningKeyStore.load(privateKey, publicKey);

        assertThat(store.created()).isFalse();
        assertThat(store.algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThat(store.keyId()).isEqualTo(KeyIds.of(keyPair.getPublic()));
        final byte[] signature = store.signer().sign(MESSAGE, 0, MESSAGE.length);
        assertThat(store.trustedKeys().verify(store.keyId(), MESSAGE, 0, MESSAGE.length, signature)).isTrue();
    }

    @Test
    void shouldReportMissingConfiguredFileWithoutCreatingIt()
    {
        final Path privateKey = temp.resolve("absent.key.pem");
        final Path publicKey = temp.resolve("absent.pub.pem");

        assertThatThrownBy(() -> SigningKeyStore.load(privateKey, publicKey))
            .isInstanceOf(SigningKeyException.class)
            .hasMessage("signing.privateKey=" + privateKey + ": file not found");
        assertThat(privateKey).doesNotExist();
    }

    @Test
    void shouldReportDirectoryGivenAsKeyFile() throws IOException
    {
        final SigningKeyStore store = SigningKeyStore.openOrCreate(temp);

        assertThatThrownBy(() -> SigningKeyStore.load(store.privateKeyPath(), temp))
            .isInstanceOf(SigningKeyException.class)
            .hasMessage("signing.publicKey=" + temp + ": is a directory, not a PEM file");
    }

    @Test
    void shouldReportUnwritableDataDirectory() throws IOException
    {
        final Path notADirectory = temp.resolve("file");
        Files.writeString(notADirectory, "x");

        assertThatThrownBy(() -> SigningKeyStore.openOrCreate(notADirectory))
            .isInstanceOf(SigningKeyException.class)
            .hasMessage("signing.privateKey=" + notADirectory.resolve("keys/merchant-code-signing.key.pem") +
                ": cannot create development key (" + notADirectory + " exists and is not a directory)");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldCreateOneKeyWhenManyThreadsStartAtOnce() throws Exception
    {
        final int threads = 4;
        final CountDownLatch start = new CountDownLatch(1);
        final ExecutorService executor = Executors.newFixedThreadPool(threads);
        try
        {
            final List<Future<SigningKeyStore>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++)
            {
                final Callable<SigningKeyStore> open = () ->
                {
                    start.await();
                    return SigningKeyStore.openOrCreate(temp);
                };
                results.add(executor.submit(open));
            }
            start.countDown();

            int created = 0;
            final String keyId = results.get(0).get(30, TimeUnit.SECONDS).keyId();
            for (final Future<SigningKeyStore> result : results)
            {
                final SigningKeyStore store = result.get(30, TimeUnit.SECONDS);
                assertThat(store.keyId()).isEqualTo(keyId);
                created += store.created() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        }
        finally
        {
            executor.shutdownNow();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
