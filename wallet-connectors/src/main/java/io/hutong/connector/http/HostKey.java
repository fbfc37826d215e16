package io.hutong.connector.http;

import java.net.URI;
import java.util.Locale;

/**
 * A wallet endpoint that owns one connection pool: scheme, host and port (the default port filled in).
 *
 * @param secure true for https.
 * @param host   lower-case host name or address literal.
 * @param port   TCP port.
 */
record HostKey(boolean secure, String host, int port)
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
        return new HostKey(secure, host.toLowerCase(Locale.ROOT), port);
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
