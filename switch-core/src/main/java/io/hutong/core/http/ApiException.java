package io.hutong.core.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request the HTTP API refuses before it reaches the engine: carries the HTTP status, the machine-readable
 * error code and a message for the client. Expected outcome, so no stack trace is kept.
 */
final class ApiException extends Exception
{
    private static final long serialVersionUID = 1L;

    private final HttpResponseStatus status;
    private final String error;

    ApiException(final HttpResponseStatus status, final String error, final String message)
    {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    HttpResponseStatus status()
    {
        return status;
    }

    String error()
    {
        return error;
    }

    static ApiException invalid(final String message)
    {
        return new ApiException(HttpResponseStatus.BAD_REQUEST, "INVALID_REQUEST", message);
    }
}
