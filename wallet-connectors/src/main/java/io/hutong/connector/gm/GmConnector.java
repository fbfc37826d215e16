package io.hutong.connector.gm;

import io.hutong.connector.CreditCommand;
import io.hutong.connector.PayCommand;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.RefundCommand;
import io.hutong.connector.ReleaseCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.spi.HttpWalletConnector;

import java.util.concurrent.Executor;

/**
 * The connector of wallets driven through the Hutong GM interface (Bestpay, China Mobile Hebao, China Unicom
 * Wo, and any operator who implements docs/wallet-interface-gm.md): all six operations, SM2-signed JSON with
 * SM4-GCM fields. Signing and verifying run on the crypto pool. Thread-safe.
 */
public final class GmConnector extends HttpWalletConnector
{
    private final GmClient client;

    /**
     * @param walletId   the participant id.
     * @param schedule   the wallet's schedule.
     * @param client     the GM client for this wallet.
     * @param http       the shared HTTP client.
     * @param cryptoPool the shared crypto pool.
     */
    public GmConnector(
        final String walletId,
        final WalletSchedule schedule,
        final GmClient client,
        final WalletHttpClient http,
        final Executor cryptoPool)
    {
        super(walletId, schedule, http, cryptoPool, null);
        this.client = client;
    }

    @Override
    public void pay(final long correlationId, final PayCommand command, final WalletCallback callback)
    {
        call(correlationId, WalletOperation.PAY, GmOperation.PAY, callback,
            GmRequest.pay(command.orderNo(), command.authCode(), command.amount(), command.subject()));
    }

    /**
     * Query a pay or a credit: the GM interface looks up either by order number.
     */
    @Override
    public void query(final long correlationId, final QueryCommand command, final WalletCallback callback)
    {
        queryPay(correlationId, command, callback);
    }

    /**
     * Reverse a pay or a credit: the GM interface undoes either by order number.
     */
    @Override
    public void reverse(final long correlationId, final ReverseCommand command, final WalletCallback callback)
    {
        reversePay(correlationId, command, callback);
    }

    @Override
    protected void queryPay(final long correlationId, final QueryCommand command, final WalletCallback callback)
    {
        call(correlationId, WalletOperation.QUERY, GmOperation.QUERY, callback, GmRequest.byOrder(command.orderNo()));
    }

    @Override
    protected void reversePay(final long correlationId, final ReverseCommand command, final WalletCallback callback)
    {
        call(correlationId, WalletOperation.REVERSE, GmOperation.REVERSE, callback, GmRequest.byOrder(command.orderNo()));
    }

    @Override
    public void refund(final long correlationId, final RefundCommand command, final WalletCallback callback)
    {
        call(correlationId, WalletOperation.REFUND, GmOperation.REFUND, callback,
            GmRequest.refund(command.orderNo(), command.refundNo(), command.refundAmount()));
    }

    @Override
    public void credit(final long correlationId, final CreditCommand command, final WalletCallback callback)
    {
        call(correlationId, WalletOperation.CREDIT, GmOperation.CREDIT, callback,
            GmRequest.credit(command.orderNo(), command.payeeAccount(), command.amount(), command.subject()));
    }

    @Override
    public void release(final long correlationId, final ReleaseCommand command, final WalletCallback callback)
    {
        call(correlationId, WalletOperation.RELEASE, GmOperation.RELEASE, callback,
            GmRequest.release(command.orderNo(), command.amount()));
    }

    private void call(
        final long correlationId,
        final WalletOperation operation,
        final GmOperation gmOperation,
        final WalletCallback callback,
        final GmRequest.Biz biz)
    {
        final String requestId = client.newRequestId();
        exchange(correlationId, operation, callback, true,
            () -> client.encode(gmOperation, requestId, biz),
            (status, headers, body) -> client.decode(operation, gmOperation, requestId, headers, body));
    }
}
