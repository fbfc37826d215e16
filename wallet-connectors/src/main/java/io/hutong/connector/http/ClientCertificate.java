package io.hutong.connector.http;

import javax.net.ssl.KeyManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;

/**
 * A merchant's TLS client certificate and key, presented to wallets that authenticate the merchant at the TLS
 * layer (WeChat Pay's {@code secapi} endpoints: reverse and refund, with the {@code apiclient_cert.p12} WeChat
 * issues, whose password is the merchant id). A request carries it with
 * {@link WalletHttpRequest#clientCertificate(ClientCertificate)}; the client keeps separate pooled connections
 * for each certificate, so a connection never carries another merchant's identity.
 * <p>
 * Immutable and thread-safe; compared by identity (load it once per merchant).
 */
public final class ClientCertificate
{
    private final String subject;
    private final KeyManagerFactory keyManagers;

    private ClientCertificate(final String subject, final KeyManagerFactory keyManagers)
    {
        this.subject = subject;
        this.keyManagers = keyManagers;
    }

    /**
     * Load a PKCS#12 file holding one private key and its certificate chain.
     *
     * @param file     the {@code .p12} file.
     * @param password its password (WeChat: the merchant id).
     * @return the certificate.
     * @throws IllegalArgumentException naming the file and the reason (never the password) when the file cannot be
     *                                  read, the password is wrong or it holds no key.
     */
    public static ClientCertificate fromPkcs12(final Path file, final char[] password)
    {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(password, "password");
        final KeyStore store;
        try (InputStream in = Files.newInputStream(file))
        {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        }
        catch (final IOException ex)
        {
            // A wrong password surfaces as an IOException whose cause is an UnrecoverableKeyException.
            throw new IllegalArgumentException(file + ": cannot read the PKCS#12 file (" +
                (null == ex.getCause() ? ex.getMessage() : "wrong password or damaged file") + ")", ex);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalArgumentException(file + ": not a usable PKCS#12 file (" + ex.getMessage() + ")", ex);
        }
        try
        {
            String subject = null;
            for (final String alias : Collections.list(store.aliases()))
            {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate)
                {
                    subject = certificate.getSubjectX500Principal().getName();
                    break;
                }
            }
            if (null == subject)
            {
                throw new IllegalArgumentException(file + ": holds no private key with an X.509 certificate");
            }
            final KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);
            return new ClientCertificate(subject, keyManagers);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalArgumentException(file + ": cannot use its key (" + ex.getMessage() + ")", ex);
        }
    }

    /**
     * @return the key managers presenting this certificate.
     */
    KeyManagerFactory keyManagers()
    {
        return keyManagers;
    }

    /**
     * @return the certificate's subject, for logs.
     */
    public String subject()
    {
        return subject;
    }

    @Override
    public String toString()
    {
        return "ClientCertificate[" + subject + "]";
    }
}
