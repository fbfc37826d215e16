package io.hutong.connector.http;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

import java.net.URI;
import java.util.Objects;

/**
 * One request to a wallet: method, absolute {@code http} or {@code https} URI, optional extra headers and
 * body. The client adds {@code Host}, {@code Content-Length} and {@code Connection: keep-alive}.
 * Build it on one thread, then hand it over; not modified by the client.
 */
public final class WalletHttpRequest
{
    private static final byte[] EMPTY = new byte[0];

    private final HttpMethod method;
    private final URI uri;
    private HostKey hostKey;
    private final String pathAndQuery;
    private final String contentType;
    private final byte[] body;
    private final HttpHeaders headers = new DefaultHttpHeaders();
    private int timeoutMs;

    private WalletHttpRequest(final HttpMethod method, final URI uri, final String contentType, final byte[] body)
    {
        this.method = Objects.requireNonNull(method, "method");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.hostKey = HostKey.of(uri);
        final String rawPath = uri.getRawPath();
        final String path = null == rawPath || rawPath.isEmpty() ? "/" : rawPath;
        this.pathAndQuery = null == uri.getRawQuery() ? path : path + '?' + uri.getRawQuery();
        this.contentType = contentType;
        this.body = body;
    }

    /**
     * @param uri absolute http or https URI.
     * @return a GET without a body.
     */
    public static WalletHttpRequest get(final URI uri)
    {
        return new WalletHttpRequest(HttpMethod.GET, uri, null, EMPTY);
    }

    /**
     * @param uri         absolute http or https URI.
     * @param contentType the {@code Content-Type} of the body, e.g. {@code application/json; charset=utf-8}.
     * @param body        the body; not copied, do not modify it after the call.
     * @return a POST carrying the body.
     */
    public static WalletHttpRequest post(final URI uri, final String contentType, final byte[] body)
    {
        return new WalletHttpRequest(HttpMethod.POST, uri,
            Objects.requireNonNull(contentType, "contentType"), Objects.requireNonNull(body, "body"));
    }

    /**
     * Adds a header (signature, API version, ...) sent as is.
     *
     * @param name  header name.
     * @param value header value.
     * @return this.
     */
    public WalletHttpRequest header(final String name, final String value)
    {
        headers.add(name, value);
        return this;
    }

    /**
     * Presents a TLS client certificate on this call's connection (https only), as WeChat Pay's {@code secapi}
     * endpoints require.
     *
     * @param certificate the merchant's certificate, or null for none.
     * @return this.
     * @throws IllegalArgumentException for a certificate on an http URI.
     */
    public WalletHttpRequest clientCertificate(final ClientCertificate certificate)
    {
        hostKey = hostKey.with(certificate);
        return this;
    }

    /**
     * @return the TLS client certificate this call presents, or null.
     */
    public ClientCertificate clientCertificate()
    {
        return hostKey.certificate();
    }

    /**
     * Sets this call's deadline from {@code send} to the complete response, overriding the client's
     * {@link HttpClientConfig#requestTimeoutMs()} (wallets differ: a pay may wait longer than a query).
     *
     * @param timeoutMs the deadline in milliseconds, &gt; 0.
     * @return this.
     */
    public WalletHttpRequest timeoutMs(final int timeoutMs)
    {
        if (timeoutMs <= 0)
        {
            throw new IllegalArgumentException("timeoutMs=" + timeoutMs + ": must be > 0");
        }
        this.timeoutMs = timeoutMs;
        return this;
    }

    /**
     * @return this call's own deadline in milliseconds, or 0 for the client's default.
     */
    public int timeoutMs()
    {
        return timeoutMs;
    }

    /**
     * @return the method.
     */
    public HttpMethod method()
    {
        return method;
    }

    /**
     * @return the absolute URI.
     */
    public URI uri()
    {
        return uri;
    }

    /**
     * @return the Content-Type, null for a request without a body.
     */
    public String contentType()
    {
        return contentType;
    }

    /**
     * @return the body (empty for GET); not a copy.
     */
    public byte[] body()
    {
        return body;
    }

    /**
     * @return the extra headers; the client adds Host, Content-Length and Connection itself.
     */
    public HttpHeaders headers()
    {
        return headers;
    }

    HostKey hostKey()
    {
        return hostKey;
    }

    String pathAndQuery()
    {
        return pathAndQuery;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String toString()
    {
        // No query string: it may carry signed parameters that do not belong in logs.
        return method + " " + uri.getScheme() + "://" + hostKey.hostHeader() + pathAndQuery.split("\\?", 2)[0] +
            " (" + body.length + " bytes)";
    }
}
