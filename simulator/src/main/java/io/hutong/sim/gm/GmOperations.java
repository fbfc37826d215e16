package io.hutong.sim.gm;

import io.hutong.connector.gm.GmRequest;
import io.hutong.connector.gm.GmResponse;
import io.hutong.sim.faults.FaultDecision;
import io.hutong.sim.ledger.Decline;
import io.hutong.sim.ledger.Ledger;
import io.hutong.sim.ledger.LedgerResult;
import io.hutong.sim.ledger.OrderSnapshot;
import io.hutong.sim.ledger.OrderState;

/**
 * The business half of the GM interface: runs a decoded request's ledger operation and writes the answer's
 * {@code code}, {@code err_code} and {@code trade_state} as docs/wallet-interface-gm.md sections 6, 7 and 9 say
 * (so {@code io.hutong.connector.gm.GmOutcomes} reads them as a real wallet's). Thread-safe: immutable.
 */
final class GmOperations
{
    private final Ledger ledger;
    private final String merchantId;

    GmOperations(final Ledger ledger, final String merchantId)
    {
        this.ledger = ledger;
        this.merchantId = merchantId;
    }

    GmResponse apply(final GmRequest request, final String keyId, final FaultDecision fault)
    {
        final GmRequest.Biz biz = request.biz();
        switch (request.operation())
        {
            case PAY:
                return pay(request, keyId, ledger.pay(merchantId, biz.outTradeNo(), biz.authCode(), biz.amount(),
                    fault.userPayingMs(), fault.userCancels()));
            case QUERY:
                return query(request, keyId, ledger.query(merchantId, biz.outTradeNo()));
            case REVERSE:
                return reverse(request, keyId, ledger.reverse(merchantId, biz.outTradeNo()));
            case REFUND:
                return refund(request, keyId,
                    ledger.refund(merchantId, biz.outTradeNo(), biz.outRefundNo(), biz.amount()));
            case CREDIT:
                return credit(request, keyId,
                    ledger.credit(merchantId, biz.outTradeNo(), biz.payeeAccount(), biz.amount()));
            default:
                return release(request, keyId, ledger.release(biz.outTradeNo(), biz.amount()));
        }
    }

    static GmResponse fail(final GmRequest request, final String keyId, final String errCode, final String errMsg)
    {
        return new GmResponse(request.requestId(), keyId, GmResponse.Code.FAIL, errCode, errMsg, null, null);
    }

    private static GmResponse pay(final GmRequest request, final String keyId, final LedgerResult result)
    {
        final OrderSnapshot order = result.order();
        if (LedgerResult.Status.DECLINED == result.status() || OrderState.PAYERROR == order.state())
        {
            return fail(request, keyId, errCode(result.decline()), null);
        }
        switch (order.state())
        {
            case SUCCESS:
            case REFUNDED:
                return success(request, keyId, order);
            case USERPAYING:
                return new GmResponse(request.requestId(), keyId, GmResponse.Code.USERPAYING, null, null,
                    order.walletTxnId(), "USERPAYING");
            case REVERSED:
                return fail(request, keyId, "ORDER_CLOSED", "order number reversed");
            default:
                return fail(request, keyId, "USER_CANCELLED", "consumer cancelled or did not confirm");
        }
    }

    private static GmResponse query(final GmRequest request, final String keyId, final LedgerResult result)
    {
        if (!result.isOk())
        {
            return fail(request, keyId, errCode(result.decline()), null);
        }
        return success(request, keyId, result.order());
    }

    private static GmResponse reverse(final GmRequest request, final String keyId, final LedgerResult result)
    {
        switch (result.status())
        {
            case DONE:
            case RESEND:
                return success(request, keyId, result.order());
            case CALL_AGAIN:
                // The consumer was still confirming: the confirmation is cancelled now, the next reverse succeeds.
                return new GmResponse(request.requestId(), keyId, GmResponse.Code.USERPAYING, null,
                    "confirmation cancelled, call again", result.order().walletTxnId(), "USERPAYING");
            default:
                return fail(request, keyId, errCode(result.decline()), "order cannot be reversed");
        }
    }

    private static GmResponse refund(final GmRequest request, final String keyId, final LedgerResult result)
    {
        if (!result.isOk())
        {
            return fail(request, keyId, errCode(result.decline()), null);
        }
        return new GmResponse(request.requestId(), keyId, GmResponse.Code.SUCCESS, null, null, result.refundId(),
            tradeState(result.order().state()));
    }

    private static GmResponse credit(final GmRequest request, final String keyId, final LedgerResult result)
    {
        if (!result.isOk())
        {
            return fail(request, keyId, errCode(result.decline()), null);
        }
        return success(request, keyId, result.order());
    }

    private static GmResponse release(final GmRequest request, final String keyId, final LedgerResult result)
    {
        if (!result.isOk())
        {
            return fail(request, keyId, errCode(result.decline()), null);
        }
        return new GmResponse(request.requestId(), keyId, GmResponse.Code.SUCCESS, null, null,
            result.order().walletTxnId(), "CLOSED");
    }

    private static GmResponse success(final GmRequest request, final String keyId, final OrderSnapshot order)
    {
        return new GmResponse(request.requestId(), keyId, GmResponse.Code.SUCCESS, null, null, order.walletTxnId(),
            tradeState(order.state()));
    }

    /**
     * The documented {@code trade_state} of a ledger state (section 6).
     */
    static String tradeState(final OrderState state)
    {
        switch (state)
        {
            case SUCCESS:
            case CAPTURED:
                return "SUCCESS";
            case USERPAYING:
            case HELD:
                return "USERPAYING";
            case REVERSED:
                return "REVERSED";
            case REFUNDED:
                return "REFUNDED";
            case PAYERROR:
                return "PAYERROR";
            default:
                return "CLOSED";
        }
    }

    /**
     * The documented {@code err_code} of a ledger decline (section 7).
     */
    static String errCode(final Decline decline)
    {
        switch (null == decline ? Decline.CODE_INVALID : decline)
        {
            case CODE_EXPIRED:
                return "AUTH_CODE_EXPIRED";
            case CODE_USED:
                return "AUTH_CODE_USED";
            case INSUFFICIENT_FUNDS:
                return "INSUFFICIENT_BALANCE";
            case LIMIT_EXCEEDED:
                return "LIMIT_EXCEEDED";
            case ACCOUNT_FROZEN:
            case ACCOUNT_UNKNOWN:
                return "ACCOUNT_RESTRICTED";
            case ORDER_CONFLICT:
            case ORDER_PAID:
            case REFUND_CONFLICT:
                return "ORDER_CONFLICT";
            case ORDER_CLOSED:
            case ORDER_REVERSED:
            case NOT_REFUNDABLE:
            case ALREADY_REFUNDED:
            case HOLD_CAPTURED:
            case HOLD_RELEASED:
                return "ORDER_CLOSED";
            case ORDER_NOT_FOUND:
                return "ORDER_NOT_FOUND";
            case REFUND_EXCEEDED:
                return "REFUND_AMOUNT_EXCEEDED";
            case MERCHANT_UNKNOWN:
                return "MERCHANT_NOT_ENROLLED";
            case PAYEE_UNKNOWN:
                return "PAYEE_ACCOUNT_INVALID";
            default:
                return "AUTH_CODE_INVALID";
        }
    }
}
