package io.hutong.sim.jdpay;

import io.hutong.connector.jdpay.FkmPayRequest;
import io.hutong.connector.jdpay.JdPayFields;
import io.hutong.connector.jdpay.JdPayRequest;
import io.hutong.connector.jdpay.JdPayResponse;
import io.hutong.connector.jdpay.JdPayResultCodes;
import io.hutong.connector.jdpay.QueryRequest;
import io.hutong.connector.jdpay.RefundRequest;
import io.hutong.connector.jdpay.RevokeRequest;
import io.hutong.sim.faults.FaultDecision;
import io.hutong.sim.ledger.Decline;
import io.hutong.sim.ledger.Ledger;
import io.hutong.sim.ledger.LedgerResult;
import io.hutong.sim.ledger.OrderSnapshot;
import io.hutong.sim.ledger.OrderState;
import org.agrona.concurrent.EpochClock;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The business half of the simulated JD Pay: runs a verified request's ledger operation and writes the answer's
 * {@code result/code} and trade {@code status} as docs/wallet-jdpay.md sections 5-7 say, so that
 * {@code io.hutong.connector.jdpay.JdPayOutcomes} reads them as a real wallet's. Payments are ledger orders keyed
 * by {@code tradeNum}; revokes and refunds are trades of their own, recorded here by their {@code tradeNum} (JD
 * keeps one trade-number space per merchant, so a number names one trade of one kind) so that a query with
 * {@code tradeType=1} can find them. That record grows with revokes and refunds as the ledger grows with orders.
 * <p>
 * Thread-safe: the ledger is, and the trade record is a concurrent map.
 */
final class JdPayOperations
{
    private static final DateTimeFormatter TRADE_TIME =
        DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.ofHours(8));
    /** {@code payType} of every payment: the consumer's balance. */
    private static final String PAY_TYPE_BALANCE = "2";

    private final Ledger ledger;
    private final EpochClock clock;
    private final String merchant;
    private final ConcurrentHashMap<String, Reversal> reversals = new ConcurrentHashMap<>();

    /**
     * A revoke or refund trade.
     */
    private record Reversal(boolean revoke, String oTradeNum, long amount, String tradeTime)
    {
        boolean sameAs(final boolean revoke, final String oTradeNum, final long amount)
        {
            return this.revoke == revoke && this.oTradeNum.equals(oTradeNum) && this.amount == amount;
        }
    }

    JdPayOperations(final Ledger ledger, final EpochClock clock, final String merchant)
    {
        this.ledger = ledger;
        this.clock = clock;
        this.merchant = merchant;
    }

    JdPayResponse.Builder apply(final JdPayRequest request, final FaultDecision fault)
    {
        switch (request.operation())
        {
            case FKM_PAY:
                return fkmPay((FkmPayRequest)request, fault);
            case QUERY:
                return query((QueryRequest)request);
            case REVOKE:
                return revoke((RevokeRequest)request);
            default:
                return refund((RefundRequest)request);
        }
    }

    private JdPayResponse.Builder fkmPay(final FkmPayRequest request, final FaultDecision fault)
    {
        if (reversals.containsKey(request.tradeNum()))
        {
            return failure(JdPayResultCodes.TRADE_NUM_REPEAT, request.tradeNum());
        }
        final LedgerResult result = ledger.pay(merchant, request.tradeNum(), request.token(), request.amount(),
            fault.userPayingMs(), fault.userCancels());
        final OrderSnapshot order = result.order();
        if (LedgerResult.Status.DECLINED == result.status() || null == order || OrderState.PAYERROR == order.state())
        {
            return failure(payFailure(result.decline()), request.tradeNum());
        }
        // A waiting consumer, a paid order or one closed since: the trade's status says which.
        return JdPayResponse.Builder.success(merchant)
            .put(JdPayFields.TRADE_NUM, order.orderNo())
            .put(JdPayFields.AMOUNT, order.amount())
            .put(JdPayFields.CURRENCY, JdPayFields.CNY)
            .put(JdPayFields.TRADE_TIME, time(order.createdAt()))
            .put(JdPayFields.NOTE, request.note())
            .put(JdPayFields.STATUS, paymentStatus(order.state()));
    }

    private JdPayResponse.Builder query(final QueryRequest request)
    {
        if (QueryRequest.TradeType.REFUND == request.tradeType())
        {
            return queryReversal(request);
        }
        final LedgerResult result = ledger.query(merchant, request.tradeNum());
        if (!result.isOk())
        {
            return failure(JdPayResultCodes.TRADE_NOT_EXIST, request.tradeNum());
        }
        final OrderSnapshot order = result.order();
        final JdPayResponse.Builder answer = JdPayResponse.Builder.success(merchant)
            .put(JdPayFields.TRADE_NUM, order.orderNo())
            .put(JdPayFields.TRADE_TYPE, QueryRequest.TradeType.PAYMENT.wire())
            .put(JdPayFields.AMOUNT, order.amount())
            .put(JdPayFields.STATUS, paymentStatus(order.state()));
        if (OrderState.SUCCESS == order.state() || OrderState.REFUNDED == order.state())
        {
            answer.pay(PAY_TYPE_BALANCE, order.amount(), time(order.createdAt()));
        }
        return answer;
    }

    private JdPayResponse.Builder queryReversal(final QueryRequest request)
    {
        final Reversal reversal = reversals.get(request.tradeNum());
        if (null == reversal || (null != request.oTradeNum() && !reversal.oTradeNum().equals(request.oTradeNum())))
        {
            return failure(JdPayResultCodes.TRADE_NOT_EXIST, request.tradeNum());
        }
        return reversalAnswer(request.tradeNum(), reversal, null)
            .put(JdPayFields.TRADE_TYPE, QueryRequest.TradeType.REFUND.wire())
            .put(JdPayFields.STATUS, reversal.revoke() ? revokeStatus(reversal.oTradeNum()) :
                JdPayResultCodes.REVERSAL_SUCCESS);
    }

    private JdPayResponse.Builder revoke(final RevokeRequest request)
    {
        final String refusal = numberRefusal(request.tradeNum(), true, request.oTradeNum(), request.amount());
        if (null != refusal)
        {
            return failure(refusal, request.tradeNum());
        }
        final LedgerResult known = ledger.query(merchant, request.oTradeNum());
        // A tombstone (amount 0) has no amount to compare: the revoke that made it is being resent.
        if (known.isOk() && known.order().amount() > 0 && known.order().amount() != request.amount())
        {
            return failure(JdPayResultCodes.PARAM_ERROR, request.tradeNum());
        }
        final LedgerResult result = ledger.reverse(merchant, request.oTradeNum());
        final String status;
        switch (result.status())
        {
            case DONE:
            case RESEND:
                status = JdPayResultCodes.REVERSAL_SUCCESS;
                break;
            case CALL_AGAIN:
                // The consumer was still confirming: the confirmation is cancelled now, the next revoke succeeds.
                status = JdPayResultCodes.REVERSAL_PROCESSING;
                break;
            default:
                return failure(Decline.MERCHANT_UNKNOWN == result.decline() ? JdPayResultCodes.MERCHANT_INVALID :
                    JdPayResultCodes.REVOKE_NOT_ALLOWED, request.tradeNum());
        }
        final Reversal reversal = record(request.tradeNum(), true, request.oTradeNum(), request.amount());
        if (null == reversal)
        {
            return failure(JdPayResultCodes.TRADE_NUM_REPEAT, request.tradeNum());
        }
        return reversalAnswer(request.tradeNum(), reversal, request.note())
            .put(JdPayFields.TRADE_TYPE, QueryRequest.TradeType.REFUND.wire())
            .put(JdPayFields.STATUS, status);
    }

    private JdPayResponse.Builder refund(final RefundRequest request)
    {
        final String refusal = numberRefusal(request.tradeNum(), false, request.oTradeNum(), request.amount());
        if (null != refusal)
        {
            return failure(refusal, request.tradeNum());
        }
        // The ledger keys refunds by the same number: resends are idempotent, a changed one is refused there.
        final LedgerResult result = ledger.refund(merchant, request.oTradeNum(), request.tradeNum(), request.amount());
        if (!result.isOk())
        {
            return failure(refundFailure(result.decline(), request.oTradeNum()), request.tradeNum());
        }
        final Reversal reversal = record(request.tradeNum(), false, request.oTradeNum(), request.amount());
        if (null == reversal)
        {
            return failure(JdPayResultCodes.TRADE_NUM_REPEAT, request.tradeNum());
        }
        return reversalAnswer(request.tradeNum(), reversal, request.note())
            .put(JdPayFields.STATUS, JdPayResultCodes.REVERSAL_SUCCESS);
    }

    /**
     * @return the failure code when {@code tradeNum} already names another trade (a payment, or a reversal of
     *         another kind, payment or amount), else null.
     */
    private String numberRefusal(final String tradeNum, final boolean revoke, final String oTradeNum, final long amount)
    {
        final Reversal earlier = reversals.get(tradeNum);
        if (null != earlier && !earlier.sameAs(revoke, oTradeNum, amount))
        {
            return JdPayResultCodes.TRADE_NUM_REPEAT;
        }
        return ledger.query(merchant, tradeNum).isOk() ? JdPayResultCodes.TRADE_NUM_REPEAT : null;
    }

    /**
     * @return the recorded reversal (the earlier one for a resend), or null when a different trade took the
     *         number meanwhile.
     */
    private Reversal record(final String tradeNum, final boolean revoke, final String oTradeNum, final long amount)
    {
        final Reversal fresh = new Reversal(revoke, oTradeNum, amount, time(clock.time()));
        final Reversal earlier = reversals.putIfAbsent(tradeNum, fresh);
        if (null == earlier)
        {
            return fresh;
        }
        return earlier.sameAs(revoke, oTradeNum, amount) ? earlier : null;
    }

    private JdPayResponse.Builder reversalAnswer(final String tradeNum, final Reversal reversal, final String note)
    {
        return JdPayResponse.Builder.success(merchant)
            .put(JdPayFields.TRADE_NUM, tradeNum)
            .put(JdPayFields.O_TRADE_NUM, reversal.oTradeNum())
            .put(JdPayFields.AMOUNT, reversal.amount())
            .put(JdPayFields.CURRENCY, JdPayFields.CNY)
            .put(JdPayFields.TRADE_TIME, reversal.tradeTime())
            .put(JdPayFields.NOTE, note);
    }

    /**
     * A revoke's status now: done once the payment is reversed; processing while a confirmation it cancelled has
     * not been revoked again; refused otherwise (the payment was refunded, or its amount did not match).
     */
    private String revokeStatus(final String oTradeNum)
    {
        final LedgerResult payment = ledger.query(merchant, oTradeNum);
        final OrderState state = payment.isOk() ? payment.order().state() : null;
        if (OrderState.REVERSED == state)
        {
            return JdPayResultCodes.REVERSAL_SUCCESS;
        }
        return OrderState.USERPAYING == state || OrderState.CLOSED == state ?
            JdPayResultCodes.REVERSAL_PROCESSING : JdPayResultCodes.REVERSAL_FAILED;
    }

    private JdPayResponse.Builder failure(final String code, final String tradeNum)
    {
        return JdPayResponse.Builder.of(merchant, code, JdPayApi.describe(code)).put(JdPayFields.TRADE_NUM, tradeNum);
    }

    private static String time(final long epochMillis)
    {
        return TRADE_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * JD's payment {@code status} of a ledger state (docs/wallet-jdpay.md section 6).
     */
    static String paymentStatus(final OrderState state)
    {
        switch (state)
        {
            case USERPAYING:
                return JdPayResultCodes.PAY_PROCESSING;
            case SUCCESS:
            case REFUNDED:
                return JdPayResultCodes.PAY_SUCCESS;
            case PAYERROR:
                return JdPayResultCodes.PAY_FAILED;
            default:
                // CLOSED, REVERSED (holds and credits never carry this merchant's payment numbers).
                return JdPayResultCodes.PAY_CLOSED;
        }
    }

    static String payFailure(final Decline decline)
    {
        switch (null == decline ? Decline.CODE_INVALID : decline)
        {
            case CODE_EXPIRED:
                return JdPayResultCodes.TOKEN_EXPIRED;
            case CODE_USED:
                return JdPayResultCodes.TOKEN_USED;
            case INSUFFICIENT_FUNDS:
                return JdPayResultCodes.BALANCE_NOT_ENOUGH;
            case LIMIT_EXCEEDED:
                return JdPayResultCodes.EXCEED_LIMIT;
            case ACCOUNT_FROZEN:
            case ACCOUNT_UNKNOWN:
                return JdPayResultCodes.ACCOUNT_FROZEN;
            case ORDER_PAID:
                return JdPayResultCodes.TRADE_PAID;
            case ORDER_CLOSED:
            case ORDER_REVERSED:
                return JdPayResultCodes.TRADE_CLOSED;
            case ORDER_CONFLICT:
                return JdPayResultCodes.TRADE_NUM_REPEAT;
            case MERCHANT_UNKNOWN:
                return JdPayResultCodes.MERCHANT_INVALID;
            default:
                return JdPayResultCodes.TOKEN_INVALID;
        }
    }

    private String refundFailure(final Decline decline, final String oTradeNum)
    {
        switch (decline)
        {
            case ORDER_NOT_FOUND:
                // The ledger also says so for a trade without a consumer (a declined code, a revoke's tombstone):
                // that trade exists and can never be refunded, which TRADE_NOT_EXIST would hide.
                return ledger.query(merchant, oTradeNum).isOk() ? JdPayResultCodes.REFUND_NOT_ALLOWED :
                    JdPayResultCodes.TRADE_NOT_EXIST;
            case REFUND_EXCEEDED:
                return JdPayResultCodes.REFUND_AMOUNT_EXCEED;
            case REFUND_CONFLICT:
                return JdPayResultCodes.TRADE_NUM_REPEAT;
            case MERCHANT_UNKNOWN:
                return JdPayResultCodes.MERCHANT_INVALID;
            default:
                return JdPayResultCodes.REFUND_NOT_ALLOWED;
        }
    }
}
