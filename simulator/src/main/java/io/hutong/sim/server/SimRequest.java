package io.hutong.sim.server;

import io.hutong.sim.faults.FaultDecision;
import io.hutong.sim.faults.WalletOperation;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * One HTTP request to a simulated wallet, with its body copied out of Netty's buffers (so a handler may keep it on
 * any thread) and the fault decision drawn for it. Immutable and thread-safe.
 */
public final class SimRequest
{
    private final String method;
    private final String path;
    private final String query;
    private final HttpHeaders headers;
    private final byte[] body;
    private final WalletOperation operation;
    private final FaultDecision fault;

    /**
     * @param method    the HTTP method, e.g. {@code POST}.
     * @param path      the path below the base URL, without the query string.
     * @param query     the query string without '?', or the empty string.
     * @param headers   the request headers (not reference-counted; never changed after construction).
     * @param body      the body bytes.
     * @param operation the operation the path names, or null for the control API.
     * @param fault     the fault decision.
     */
    public SimRequest(
        final String method,
        final String path,
        final String query,
        final HttpHeaders headers,
        final byte[] body,
        final WalletOperation operation,
        final FaultDecision fault)
    {
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.operation = operation;
        this.fault = fault;
    }

    /**
     * @return the HTTP method.
     */
    public String method()
    {
        return method;
    }

    /**
     * @return the path below the base URL, without the query string.
     */
    public String path()
    {
        return path;
    }

    /**
     * @return the query string without '?', or the empty string.
     */
    public String query()
    {
        return query;
    }

    /**
     * @param name a header name (case-insensitive).
     * @return its first value, or null.
     */
    public String header(final String name)
    {
        return headers.get(name);
    }

    /**
     * @return the body bytes (do not change them).
     */
    public byte[] body()
    {
        return body;
    }

    /**
     * @return the operation the path names, or null for the control API.
     */
    public WalletOperation operation()
    {
        return operation;
    }

    /**
     * @return the fault decision drawn for this request.
     */
    public FaultDecision fault()
    {
        return fault;
    }

    @Override
    public String toString()
    {
        // Bodies carry payment codes and keys: never printed.
        return "SimRequest[" + method + " " + path + ", bodyLength=" + body.length + ", fault=" + fault.kind() + "]";
    }
}
