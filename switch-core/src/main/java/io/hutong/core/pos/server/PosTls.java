package io.hutong.core.pos.server;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.SSLException;
import java.nio.file.Path;

/**
 * TLS for the POS listener from PEM files: the switch's certificate chain and key, and optionally the CA that
 * signs terminals' certificates (then every terminal must present one: mutual TLS). The JDK's TLS
 * implementation, so nothing native is needed.
 */
public final class PosTls
{
    private PosTls()
    {
    }

    /**
     * @param certificate PEM certificate chain of the switch.
     * @param privateKey  PEM (PKCS#8) private key of the switch.
     * @param clientCa    PEM CA certificates terminals' certificates must chain to, or null for server-only TLS.
     * @return the server context.
     * @throws IllegalArgumentException naming {@code pos.tls} when the files cannot make a context.
     */
    public static SslContext serverContext(final Path certificate, final Path privateKey, final Path clientCa)
    {
        try
        {
            final SslContextBuilder builder = SslContextBuilder.forServer(certificate.toFile(), privateKey.toFile())
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2");
            if (null != clientCa)
            {
                builder.trustManager(clientCa.toFile()).clientAuth(ClientAuth.REQUIRE);
            }
            return builder.build();
        }
        catch (final SSLException | IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("pos.tls: cannot build the TLS context (" + ex.getMessage() + ")", ex);
        }
    }
}
