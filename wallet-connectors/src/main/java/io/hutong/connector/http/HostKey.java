package io.hutong.connector.http;

import java.net.URI;
import java.util.Locale;

/**
 * A wallet endpoint that owns one connection pool: scheme, host and port (the default port filled in).
 *
 * @param secure      true for https.
 * @param host        lower-case host name or address literal.
 * @param port        TCP port.
 * @param certificate the TLS client certificate its connections present, or null (its own pool per certificate).
 */
record HostKey(boolean secure, String host, int port, ClientCertificate certificate)
{
    static HostKey of(final URI uri)
    {
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        final boolean secure;
        if ("https".equals(scheme))
        {
            secure = true;
        }
        else if ("http".equals(scheme))
        {
            secure = false;
        }
        else
        {
            throw new IllegalArgumentException("uri=" + uri + ": scheme must be http or https");
        }
        final String host = uri.getHost();
        if (null == host || host.isEmpty())
        {
            throw new IllegalArgumentException("uri=" + uri + ": must have a host");
        }
        final int port = uri.getPort() == -1 ? (secure ? 443 : 80) : uri.getPort();
        return new HostKey(secure, host.toLowerCase(Locale.ROOT), port, null);
    }

    /**
     * @param clientCertificate the certificate to present, or null.
     * @return this endpoint with that certificate.
     * @throws IllegalArgumentException for a certificate on plain http.
     */
    HostKey with(final ClientCertificate clientCertificate)
    {
        if (null != clientCertificate && !secure)
        {
            throw new IllegalArgumentException("http://" + hostHeader() + ": a client certificate needs https");
        }
        return new HostKey(secure, host, port, clientCertificate);
    }

    /**
     * @return the value of the Host header: the port is left out when it is the scheme's default.
     */
    String hostHeader()
    {
        // URI.getHost() keeps the brackets of an IPv6 literal, as the Host header wants them.
        return port == (secure ? 443 : 80) ? host : host + ':' + port;
    }

    String unbracketedHost()
    {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }
}
