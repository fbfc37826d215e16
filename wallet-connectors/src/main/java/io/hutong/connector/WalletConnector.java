package io.hutong.connector;

/**
 * One wallet's connector: the switch's only way to reach that wallet. It speaks the wallet's own wire format
 * and signature scheme and maps every answer to a {@link WalletResult}. Created by a
 * {@link io.hutong.connector.spi.WalletConnectorProvider} found with {@link java.util.ServiceLoader}, one
 * instance per configured wallet.
 * <p>
 * Non-blocking: every call returns at once and its result arrives later, exactly once, through the callback,
 * on a connector thread. No call throws for anything the wallet or the network does; invalid arguments are
 * refused by the command records' constructors before a call is made. Calls may come from any thread (the
 * engine's, normally); implementations are thread-safe.
 * <p>
 * Expensive signatures (RSA about 1 ms, SM2 about 0.4 ms) run on the crypto pool the connector was given,
 * never on the caller's thread or a Netty event loop.
 */
public interface WalletConnector extends AutoCloseable
{
    /**
     * @return the participant id this connector serves, e.g. {@code wechat}.
     */
    String walletId();

    /**
     * @return how the switch should query and reverse this wallet's payments.
     */
    WalletSchedule schedule();

    /**
     * Debit a consumer by a scanned code (CPM).
     *
     * @param correlationId returned with the result.
     * @param command       the payment.
     * @param callback      receives the result, once.
     */
    void pay(long correlationId, PayCommand command, WalletCallback callback);

    /**
     * Ask for the state of an earlier pay or credit.
     *
     * @param correlationId returned with the result.
     * @param command       the order.
     * @param callback      receives the result, once.
     */
    void query(long correlationId, QueryCommand command, WalletCallback callback);

    /**
     * Cancel a pay whatever its state.
     *
     * @param correlationId returned with the result.
     * @param command       the order.
     * @param callback      receives the result, once.
     */
    void reverse(long correlationId, ReverseCommand command, WalletCallback callback);

    /**
     * Return part or all of a successful pay.
     *
     * @param correlationId returned with the result.
     * @param command       the refund.
     * @param callback      receives the result, once.
     */
    void refund(long correlationId, RefundCommand command, WalletCallback callback);

    /**
     * Credit a merchant for an MPM payment (payee leg).
     *
     * @param correlationId returned with the result.
     * @param command       the credit.
     * @param callback      receives the result, once.
     */
    void credit(long correlationId, CreditCommand command, WalletCallback callback);

    /**
     * Release a payer's hold after a failed MPM payment (compensation).
     *
     * @param correlationId returned with the result.
     * @param command       the hold to release.
     * @param callback      receives the result, once.
     */
    void release(long correlationId, ReleaseCommand command, WalletCallback callback);

    /**
     * Stops taking calls; calls in flight still complete (with a result, perhaps UNKNOWN). Does not close the
     * shared HTTP client or crypto pool, which belong to whoever created the context. Idempotent.
     */
    @Override
    void close();
}
