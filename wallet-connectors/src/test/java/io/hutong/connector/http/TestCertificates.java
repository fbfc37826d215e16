package io.hutong.connector.http;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed EC P-256 certificate for 127.0.0.1 and localhost, made with Bouncy Castle, plus the server context
 * that presents it (optionally requiring a client's), a client trust manager that trusts only it, and its key and
 * certificate as a PKCS#12 file, as a merchant's client certificate is issued.
 */
final class TestCertificates
{
    private final KeyPair keyPair;
    private final X509Certificate certificate;

    TestCertificates() throws Exception
    {
        this("localhost");
    }

    TestCertificates(final String commonName) throws Exception
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        keyPair = generator.generateKeyPair();
        final X500Name subject = new X500Name("CN=" + commonName);
        final long now = System.currentTimeMillis();
        final JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
            subject, BigInteger.valueOf(now), new Date(now - 60_000), new Date(now + 86_400_000L), subject,
            keyPair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]
            {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")
            }));
        certificate = new JcaX509CertificateConverter()
            .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
    }

    SslContext serverContext() throws Exception
    {
        return SslContextBuilder.forServer(keyPair.getPrivate(), certificate).sslProvider(SslProvider.JDK).build();
    }

    SslContext serverContextRequiring(final TestCertificates client) throws Exception
    {
        return SslContextBuilder.forServer(keyPair.getPrivate(), certificate).sslProvider(SslProvider.JDK)
            .trustManager(client.certificate).clientAuth(ClientAuth.REQUIRE).build();
    }

    Path writePkcs12(final Path file, final char[] password) throws Exception
    {
        final KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("merchant", keyPair.getPrivate(), password, new Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(file))
        {
            store.store(out, password);
        }
        return file;
    }

    TrustManagerFactory trustOnlyThis() throws Exception
    {
        final KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("test-server", certificate);
        final TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }
}
