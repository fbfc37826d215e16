package io.hutong.sim.server;

import java.nio.charset.StandardCharsets;

/**
 * An HTTP answer of a simulated wallet, before faults are applied. Immutable by convention (the body array must not
 * be changed after construction) and thread-safe.
 *
 * @param status      the HTTP status code.
 * @param contentType the Content-Type header value.
 * @param body        the exact body bytes.
 * @param headerName  an extra header's name (e.g. {@code X-Hutong-Signature}), or null.
 * @param headerValue the extra header's value, or null.
 */
public record SimResponse(int status, String contentType, byte[] body, String headerName, String headerValue)
{
    /** Content type of XML answers (WeChat). */
    public static final String XML = "text/xml; charset=utf-8";
    /** Content type of JSON answers. */
    public static final String JSON = "application/json; charset=utf-8";
    /** Content type of plain-text answers. */
    public static final String TEXT = "text/plain; charset=utf-8";

    /**
     * @param contentType the content type.
     * @param body        the body.
     * @return a 200 answer.
     */
    public static SimResponse ok(final String contentType, final byte[] body)
    {
        return new SimResponse(200, contentType, body, null, null);
    }

    /**
     * @param status the HTTP status.
     * @param text   the body text.
     * @return a plain-text answer.
     */
    public static SimResponse text(final int status, final String text)
    {
        return new SimResponse(status, TEXT, text.getBytes(StandardCharsets.UTF_8), null, null);
    }
}
