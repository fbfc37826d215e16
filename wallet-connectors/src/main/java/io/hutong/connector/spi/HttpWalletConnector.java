package io.hutong.connector.spi;

import io.hutong.connector.CreditCommand;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.ReleaseCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletResult;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.http.HttpCallback;
import io.hutong.connector.http.HttpFailureReason;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.http.WalletHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The life of one wallet call over HTTP, shared by every connector, so that each connector only says how to
 * write its wallet's request and how to read its answer:
 * <pre>
 *  caller thread            crypto pool (expensive=true)       event loop               crypto pool (expensive)
 *  exchange(...) --------&gt;  encode: build + sign request  --&gt;  HTTP send ... answer --&gt; decode: verify + map
 *     | closed or pool full: NOT SENT                           | failure: NOT SENT        | throws: UNKNOWN
 *     v                                                         v (connect, busy) or        v
 *                                                                 UNKNOWN (timeout, reset)  callback.onResult
 * </pre>
 * With {@code expensive=false} (HMAC, MD5) encoding runs on the caller's thread and decoding on the event
 * loop. Every path ends in exactly one callback; an exception from a connector's encoder is a request not
 * sent, from its decoder an unknown outcome, and never escapes. A non-2xx status is an unknown outcome
 * before the decoder sees it.
 * <p>
 * Thread-safe.
 */
public abstract class HttpWalletConnector implements WalletConnector
{
    private static final InternalLogger LOGGER = InternalLoggerFactory.getInstance(HttpWalletConnector.class);

    /**
     * Writes one request; runs once per call.
     */
    @FunctionalInterface
    protected interface RequestEncoder
    {
        /**
         * @return the request, signed.
         * @throws Exception if it cannot be written (the call is then reported as not sent).
         */
        WalletHttpRequest encode() throws Exception;
    }

    /**
     * Reads one 2xx answer; runs once per answered call.
     */
    @FunctionalInterface
    protected interface ResponseDecoder
    {
        /**
         * @param status  the HTTP status (2xx).
         * @param headers the response headers.
         * @param body    the body.
         * @return the result; a signature that does not verify must give an UNKNOWN result.
         * @throws Exception if the answer cannot be read (reported as an unknown outcome).
         */
        WalletResult decode(int status, HttpHeaders headers, byte[] body) throws Exception;
    }

    private final String walletId;
    private final WalletSchedule schedule;
    private final WalletHttpClient http;
    private final Executor cryptoPool;
    private final WalletConnector interop;
    private volatile boolean closed;

    /**
     * @param walletId   the participant id.
     * @param schedule   the wallet's schedule; its request timeout is every call's HTTP deadline.
     * @param http       the shared HTTP client.
     * @param cryptoPool the shared crypto pool.
     * @param interop    the connector that carries this wallet's MPM legs ({@code credit}, {@code release}),
     *                   which no wallet's public API has: the GM interface's; null if not configured, and then
     *                   those calls are answered as not sent.
     */
    protected HttpWalletConnector(
        final String walletId,
        final WalletSchedule schedule,
        final WalletHttpClient http,
        final Executor cryptoPool,
        final WalletConnector interop)
    {
        this.walletId = Objects.requireNonNull(walletId, "walletId");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.http = Objects.requireNonNull(http, "http");
        this.cryptoPool = Objects.requireNonNull(cryptoPool, "cryptoPool");
        this.interop = interop;
    }

    @Override
    public final String walletId()
    {
        return walletId;
    }

    @Override
    public final WalletSchedule schedule()
    {
        return schedule;
    }

    /**
     * Credit through the interop connector.
     */
    @Override
    public void credit(final long correlationId, final CreditCommand command, final WalletCallback callback)
    {
        if (null == interop)
        {
            deliver(callback, correlationId, WalletResult.notSent(WalletOperation.CREDIT, "NOT_CONFIGURED",
                "wallet=" + walletId + ": no interop settings for MPM credit"));
            return;
        }
        interop.credit(correlationId, command, callback);
    }

    /**
     * Query a pay through this wallet's own API, or an MPM credit through the interop connector that made it.
     */
    @Override
    public void query(final long correlationId, final QueryCommand command, final WalletCallback callback)
    {
        if (WalletOperation.CREDIT == command.of())
        {
            if (null == interop)
            {
                deliver(callback, correlationId, notConfigured(WalletOperation.QUERY));
                return;
            }
            interop.query(correlationId, command, callback);
            return;
        }
        queryPay(correlationId, command, callback);
    }

    /**
     * Reverse a pay through this wallet's own API, or an MPM credit through the interop connector that made it.
     */
    @Override
    public void reverse(final long correlationId, final ReverseCommand command, final WalletCallback callback)
    {
        if (WalletOperation.CREDIT == command.of())
        {
            if (null == interop)
            {
                deliver(callback, correlationId, notConfigured(WalletOperation.REVERSE));
                return;
            }
            interop.reverse(correlationId, command, callback);
            return;
        }
        reversePay(correlationId, command, callback);
    }

    /**
     * Query a pay in the wallet's own wire format.
     *
     * @param correlationId returned with the result.
     * @param command       the order.
     * @param callback      receives the result, once.
     */
    protected abstract void queryPay(long correlationId, QueryCommand command, WalletCallback callback);

    /**
     * Reverse a pay in the wallet's own wire format.
     *
     * @param correlationId returned with the result.
     * @param command       the order.
     * @param callback      receives the result, once.
     */
    protected abstract void reversePay(long correlationId, ReverseCommand command, WalletCallback callback);

    private WalletResult notConfigured(final WalletOperation operation)
    {
        return WalletResult.notSent(operation, "NOT_CONFIGURED", "wallet=" + walletId + ": no interop settings for MPM");
    }

    /**
     * Release through the interop connector.
     */
    @Override
    public void release(final long correlationId, final ReleaseCommand command, final WalletCallback callback)
    {
        if (null == interop)
        {
            deliver(callback, correlationId, WalletResult.notSent(WalletOperation.RELEASE, "NOT_CONFIGURED",
                "wallet=" + walletId + ": no interop settings for MPM release"));
            return;
        }
        interop.release(correlationId, command, callback);
    }

    @Override
    public void close()
    {
        closed = true;
        if (null != interop)
        {
            interop.close();
        }
    }

    /**
     * Run one call: encode, send, decode, deliver exactly once.
     *
     * @param correlationId returned with the result.
     * @param operation     the operation.
     * @param callback      receives the result.
     * @param expensive     true when encoding or decoding signs or verifies with RSA or SM2: both then run on
     *                      the crypto pool.
     * @param encoder       writes the request.
     * @param decoder       reads the answer.
     */
    protected final void exchange(
        final long correlationId,
        final WalletOperation operation,
        final WalletCallback callback,
        final boolean expensive,
        final RequestEncoder encoder,
        final ResponseDecoder decoder)
    {
        if (closed)
        {
            deliver(callback, correlationId, WalletResult.notSent(operation, "CLOSED", "connector closed"));
            return;
        }
        final Call call = new Call(correlationId, operation, callback, expensive, encoder, decoder);
        if (expensive)
        {
            try
            {
                cryptoPool.execute(call::send);
            }
            catch (final RejectedExecutionException ex)
            {
                deliver(callback, correlationId, WalletResult.notSent(operation, "BUSY", "crypto pool full"));
            }
        }
        else
        {
            call.send();
        }
    }

    /**
     * Hand a result to a callback, once, shielding the connector from the callback's failures. Connectors use
     * it for calls they refuse before any request exists.
     *
     * @param callback      the caller's callback.
     * @param correlationId the call's correlation id.
     * @param result        the result.
     */
    protected final void deliver(final WalletCallback callback, final long correlationId, final WalletResult result)
    {
        try
        {
            callback.onResult(correlationId, result);
        }
        catch (final RuntimeException ex)
        {
            LOGGER.warn("wallet={} callback failed for correlationId={}", walletId, correlationId, ex);
        }
    }

    /**
     * One call in flight; its own HTTP callback.
     */
    private final class Call implements HttpCallback
    {
        private final long correlationId;
        private final WalletOperation operation;
        private final WalletCallback callback;
        private final boolean expensive;
        private final RequestEncoder encoder;
        private final ResponseDecoder decoder;

        private Call(
            final long correlationId,
            final WalletOperation operation,
            final WalletCallback callback,
            final boolean expensive,
            final RequestEncoder encoder,
            final ResponseDecoder decoder)
        {
            this.correlationId = correlationId;
            this.operation = operation;
            this.callback = callback;
            this.expensive = expensive;
            this.encoder = encoder;
            this.decoder = decoder;
        }

        void send()
        {
            final WalletHttpRequest request;
            try
            {
                request = encoder.encode();
            }
            catch (final Exception ex)
            {
                LOGGER.warn("wallet={} operation={} request could not be written: {}", walletId, operation, ex.toString());
                deliver(callback, correlationId, WalletResult.notSent(operation, "ENCODE_FAILED", ex.getMessage()));
                return;
            }
            request.timeoutMs(schedule.requestTimeoutMs());
            http.send(request, this);
        }

        @Override
        public void onResponse(final int status, final HttpHeaders headers, final byte[] body)
        {
            if (status < 200 || status > 299)
            {
                deliver(callback, correlationId, WalletResult.unknown(operation, "HTTP_" + status, "HTTP status " + status));
                return;
            }
            if (expensive)
            {
                try
                {
                    cryptoPool.execute(() -> decode(status, headers, body));
                }
                catch (final RejectedExecutionException ex)
                {
                    // The wallet answered but nobody can check the answer now: the outcome is unknown.
                    deliver(callback, correlationId, WalletResult.unknown(operation, "BUSY", "crypto pool full"));
                }
            }
            else
            {
                decode(status, headers, body);
            }
        }

        @Override
        public void onFailure(final HttpFailureReason reason, final String detail)
        {
            deliver(callback, correlationId, reason.requestNotSent() ?
                WalletResult.notSent(operation, reason.name(), detail) :
                WalletResult.unknown(operation, reason.name(), detail));
        }

        private void decode(final int status, final HttpHeaders headers, final byte[] body)
        {
            WalletResult result;
            try
            {
                result = decoder.decode(status, headers, body);
                if (null == result || result.operation() != operation)
                {
                    result = WalletResult.unknown(operation, "DECODE_FAILED", "decoder gave " + result);
                }
            }
            catch (final Exception ex)
            {
                result = WalletResult.unknown(operation, "DECODE_FAILED", ex.getMessage());
            }
            deliver(callback, correlationId, result);
        }
    }
}
