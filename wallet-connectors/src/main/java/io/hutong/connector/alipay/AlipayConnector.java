package io.hutong.connector.alipay;

import io.hutong.connector.PayCommand;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.RefundCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletResult;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.http.WalletHttpRequest;
import io.hutong.connector.spi.HttpWalletConnector;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.concurrent.Executor;

/**
 * The Alipay open-platform connector for barcode payments: {@code alipay.trade.pay} ({@code scene=bar_code}),
 * {@code alipay.trade.query}, {@code alipay.trade.cancel}, {@code alipay.trade.refund}. Requests are signed
 * RSA2 with the app's key (system parameters in the query string, {@code biz_content} in the form body, as
 * the official SDK sends them); answers are verified with the gateway's public key over the exact text of
 * the inner object. RSA signing costs about 1 ms, so encoding and decoding run on the crypto pool. A cancel
 * answered with {@code retry_flag=Y} is IN_PROGRESS (call again). MPM legs go through the interop connector.
 * Thread-safe.
 */
public final class AlipayConnector extends HttpWalletConnector
{
    private static final String CONTENT_TYPE = "application/x-www-form-urlencoded;charset=utf-8";

    private final URI gatewayUrl;
    private final AlipayRequestEncoder encoder;
    private final PublicKey gatewayKey;

    /**
     * @param walletId   the participant id.
     * @param schedule   the wallet's schedule.
     * @param gatewayUrl the gateway (production: {@code https://openapi.alipay.com/gateway.do}).
     * @param encoder    signs requests with the app's key.
     * @param gatewayKey the gateway's public key (never the app's).
     * @param http       the shared HTTP client.
     * @param cryptoPool the shared crypto pool.
     * @param interop    the MPM-leg connector, or null.
     */
    public AlipayConnector(
        final String walletId,
        final WalletSchedule schedule,
        final URI gatewayUrl,
        final AlipayRequestEncoder encoder,
        final PublicKey gatewayKey,
        final WalletHttpClient http,
        final Executor cryptoPool,
        final WalletConnector interop)
    {
        super(walletId, schedule, http, cryptoPool, interop);
        this.gatewayUrl = gatewayUrl;
        this.encoder = encoder;
        this.gatewayKey = gatewayKey;
    }

    @Override
    public void pay(final long correlationId, final PayCommand command, final WalletCallback callback)
    {
        final AlipayRequest request;
        try
        {
            request = new AlipayRequest.Pay(command.orderNo(), command.authCode(), command.amount(), command.subject());
        }
        catch (final IllegalArgumentException ex)
        {
            // A field Alipay would refuse (not a 16-24 digit code, an order number outside [A-Za-z0-9_]): nothing is
            // sent, so nothing can be charged. The message names the field and rule, never the code.
            final String walletCode = ex.getMessage().startsWith("authCode") ? "INVALID_AUTH_CODE" : "INVALID_REQUEST";
            deliver(callback, correlationId, WalletResult.notSent(WalletOperation.PAY, walletCode, ex.getMessage()));
            return;
        }
        call(correlationId, WalletOperation.PAY, callback, request);
    }

    @Override
    protected void queryPay(final long correlationId, final QueryCommand command, final WalletCallback callback)
    {
        call(correlationId, WalletOperation.QUERY, callback, new AlipayRequest.Query(command.orderNo()));
    }

    @Override
    protected void reversePay(final long correlationId, final ReverseCommand command, final WalletCallback callback)
    {
        call(correlationId, WalletOperation.REVERSE, callback, new AlipayRequest.Cancel(command.orderNo()));
    }

    @Override
    public void refund(final long correlationId, final RefundCommand command, final WalletCallback callback)
    {
        call(correlationId, WalletOperation.REFUND, callback,
            new AlipayRequest.Refund(command.orderNo(), command.refundAmount(), command.refundNo()));
    }

    private void call(
        final long correlationId, final WalletOperation operation, final WalletCallback callback, final AlipayRequest request)
    {
        exchange(correlationId, operation, callback, true,
            () ->
            {
                final AlipayWireRequest wire = encoder.encode(request);
                return WalletHttpRequest.post(URI.create(gatewayUrl + "?" + wire.queryString()), CONTENT_TYPE,
                    wire.formBody().getBytes(StandardCharsets.UTF_8));
            },
            (status, headers, body) ->
            {
                final AlipayResponse.Result result = AlipayResponse.parse(request.method(), body, gatewayKey);
                if (!result.isOk())
                {
                    return WalletResult.unknown(operation, result.failure().name(), result.detail());
                }
                final AlipayResponse response = result.response();
                return WalletResult.answered(operation, AlipayOutcomes.of(response), response.tradeNo());
            });
    }
}
