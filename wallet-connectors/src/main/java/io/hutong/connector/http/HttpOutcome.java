package io.hutong.connector.http;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * The result of {@link WalletHttpClient#send(WalletHttpRequest)}: either a response ({@code failure} is
 * null) or a failure ({@code status} is 0, {@code headers} and {@code body} are null). Immutable.
 *
 * @param failure null for a response, else why there is none.
 * @param detail  failure detail for logs, null for a response.
 * @param status  HTTP status code of the response, 0 on failure.
 * @param headers response headers, null on failure.
 * @param body    response body, null on failure.
 */
public record HttpOutcome(HttpFailureReason failure, String detail, int status, HttpHeaders headers, byte[] body)
{
    /**
     * @return true if a complete response arrived.
     */
    public boolean isResponse()
    {
        return failure == null;
    }
}
