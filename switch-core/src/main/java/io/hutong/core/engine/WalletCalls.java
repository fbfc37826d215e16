package io.hutong.core.engine;

import io.hutong.connector.CreditCommand;
import io.hutong.connector.PayCommand;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.RefundCommand;
import io.hutong.connector.ReleaseCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletResult;

/**
 * Turns a payment's next wallet operation into a connector call, once its hop is in the journal: which wallet
 * (the issuer for a CPM pay or refund; for MPM the payee for the credit and its query or reverse, the payer for
 * the hold's release), and which command. Results come back through the callback (the engine's inbox) with the
 * payment's switch txn id as correlation id.
 * <p>
 * Engine thread only.
 */
final class WalletCalls
{
    private final WalletSlot[] wallets;
    private final String clientIp;
    private final WalletCallback results;

    /**
     * @param wallets  one slot per participant, in registry order.
     * @param clientIp the switch's IP as some wallets want it on a pay (WeChat spbill_create_ip).
     * @param results  where every result goes.
     */
    WalletCalls(final WalletSlot[] wallets, final String clientIp, final WalletCallback results)
    {
        this.wallets = wallets;
        this.clientIp = clientIp;
        this.results = results;
    }

    /**
     * Call the wallet. A command the wallet's rules refuse (e.g. a reference too long) is answered at once as not
     * sent: nothing reached the wallet.
     */
    void call(final Payment payment, final WalletOperation operation)
    {
        final long id = payment.switchTxnId;
        try
        {
            switch (operation)
            {
                case PAY -> connector(payment.walletIndex).pay(id, new PayCommand(payment.orderNo, payment.authCode,
                    payment.amount, payment.subject, clientIp), results);
                case QUERY -> connector(orderHolder(payment)).query(id, new QueryCommand(payment.orderNo,
                    createdBy(payment)), results);
                case REVERSE -> connector(orderHolder(payment)).reverse(id, new ReverseCommand(payment.orderNo,
                    payment.amount, createdBy(payment)), results);
                case REFUND -> connector(payment.walletIndex).refund(id, new RefundCommand(payment.orderNo,
                    payment.refundNo, payment.originalAmount, payment.amount), results);
                case CREDIT -> connector(payment.counterpartyIndex).credit(id, new CreditCommand(payment.orderNo,
                    payment.payeeAccount, payment.amount, payment.subject), results);
                case RELEASE -> connector(payment.walletIndex).release(id, new ReleaseCommand(payment.payerRef,
                    payment.amount), results);
                default -> throw new IllegalStateException("operation=" + operation);
            }
        }
        catch (final RuntimeException ex)
        {
            results.onResult(id, WalletResult.notSent(operation, "INVALID_COMMAND", ex.getMessage()));
        }
    }

    /**
     * An MPM payment's order lives at the payee wallet as a credit: queried and reversed through the interop
     * interface that made it, not the wallet's own pay API (which does not know it).
     */
    private static WalletOperation createdBy(final Payment payment)
    {
        return Flow.MPM == payment.flow ? WalletOperation.CREDIT : WalletOperation.PAY;
    }

    /**
     * @return the wallet holding the payment's order: the issuer (CPM), the payee (MPM).
     */
    private static int orderHolder(final Payment payment)
    {
        return Flow.MPM == payment.flow ? payment.counterpartyIndex : payment.walletIndex;
    }

    private WalletConnector connector(final int wallet)
    {
        return wallets[wallet].connector();
    }
}
