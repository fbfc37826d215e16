package io.hutong.connector.wechat;

import io.hutong.connector.PayCommand;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.RefundCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.WalletResult;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.http.ClientCertificate;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.http.WalletHttpRequest;
import io.hutong.connector.spi.HttpWalletConnector;
import io.hutong.connector.spi.Nonces;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The WeChat Pay v2 connector: {@code pay/micropay}, {@code pay/orderquery}, {@code secapi/pay/reverse},
 * {@code secapi/pay/refund}, signed XML with MD5 or HMAC-SHA256 under the merchant's API key, every
 * {@code SUCCESS} answer's signature verified. Both signatures cost under a microsecond, so requests are written
 * on the caller's thread and answers read on the event loop. MPM legs go through the interop connector.
 * Thread-safe.
 */
public final class WeChatConnector extends HttpWalletConnector
{
    private static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    private static final String SECAPI = "/secapi/";

    private final URI baseUrl;
    private final ClientCertificate secapi;
    private final WeChatMerchant merchant;

    /**
     * @param walletId   the participant id.
     * @param schedule   the wallet's schedule.
     * @param baseUrl    the API's base URL (production: {@code https://api.mch.weixin.qq.com}).
     * @param merchant   the merchant credentials.
     * @param secapi     the merchant's TLS client certificate for the {@code secapi} calls (reverse, refund), or
     *                   null to call them without one (the simulated wallets do not ask for it).
     * @param http       the shared HTTP client.
     * @param cryptoPool the shared crypto pool (used by the interop legs only).
     * @param interop    the MPM-leg connector, or null.
     */
    public WeChatConnector(
        final String walletId,
        final WalletSchedule schedule,
        final URI baseUrl,
        final WeChatMerchant merchant,
        final ClientCertificate secapi,
        final WalletHttpClient http,
        final Executor cryptoPool,
        final WalletConnector interop)
    {
        super(walletId, schedule, http, cryptoPool, interop);
        this.baseUrl = baseUrl;
        this.merchant = merchant;
        this.secapi = secapi;
    }

    @Override
    public void pay(final long correlationId, final PayCommand command, final WalletCallback callback)
    {
        call(correlationId, WalletOperation.PAY, callback, "/pay/micropay",
            (nonce) -> new MicropayRequest(command.subject(), command.orderNo(), command.amount(), command.clientIp(),
                command.authCode()).signedParameters(merchant, nonce),
            WeChatOutcomes::forMicropay);
    }

    @Override
    protected void queryPay(final long correlationId, final QueryCommand command, final WalletCallback callback)
    {
        call(correlationId, WalletOperation.QUERY, callback, "/pay/orderquery",
            (nonce) -> OrderQueryRequest.byOutTradeNo(command.orderNo()).signedParameters(merchant, nonce),
            WeChatOutcomes::forQuery);
    }

    @Override
    protected void reversePay(final long correlationId, final ReverseCommand command, final WalletCallback callback)
    {
        call(correlationId, WalletOperation.REVERSE, callback, "/secapi/pay/reverse",
            (nonce) -> new ReverseRequest(command.orderNo()).signedParameters(merchant, nonce),
            WeChatOutcomes::forReverse);
    }

    @Override
    public void refund(final long correlationId, final RefundCommand command, final WalletCallback callback)
    {
        call(correlationId, WalletOperation.REFUND, callback, "/secapi/pay/refund",
            (nonce) -> new RefundRequest(command.orderNo(), command.refundNo(), command.paidAmount(),
                command.refundAmount()).signedParameters(merchant, nonce),
            WeChatOutcomes::forRefund);
    }

    private void call(
        final long correlationId,
        final WalletOperation operation,
        final WalletCallback callback,
        final String path,
        final Function<String, LinkedHashMap<String, String>> parameters,
        final Function<WeChatResponse, WalletOutcome> outcomes)
    {
        exchange(correlationId, operation, callback, false,
            () -> WalletHttpRequest.post(baseUrl.resolve(baseUrl.getPath() + path), CONTENT_TYPE,
                WeChatXml.writeUtf8(parameters.apply(Nonces.hex32())))
                .clientCertificate(path.startsWith(SECAPI) ? secapi : null),
            (status, headers, body) ->
            {
                final WeChatResponse response;
                try
                {
                    response = WeChatResponse.parse(body, merchant);
                }
                catch (final WeChatMessageException ex)
                {
                    return WalletResult.unknown(operation, ex.reason().name(), ex.getMessage());
                }
                return WalletResult.answered(operation, outcomes.apply(response), response.transactionId());
            });
    }
}
