package io.hutong.sim.alipay;

import io.hutong.connector.alipay.AlipayGatewayRequest;
import io.hutong.sim.ledger.AccountSnapshot;
import io.hutong.sim.ledger.Decline;
import io.hutong.sim.ledger.Ledger;
import io.hutong.sim.ledger.LedgerResult;
import io.hutong.sim.ledger.OrderKind;
import io.hutong.sim.ledger.OrderSnapshot;
import io.hutong.sim.ledger.OrderState;
import org.agrona.concurrent.EpochClock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The business half of the simulated Alipay gateway: checks a verified request's {@code biz_content}, runs the
 * ledger operation and returns the inner fields of the answer ({@code code}, {@code sub_code}, {@code trade_status},
 * {@code retry_flag}, ...). Codes follow the alipay.trade.pay, query, cancel and refund references, so that
 * {@code io.hutong.connector.alipay.AlipayOutcomes} and the Alipay SDK read them as the real gateway's: 10000
 * success, 10003 waiting for the buyer, 40004 with an {@code ACQ.*} sub_code for business failures.
 * <p>
 * A paid trade can be refunded (and cancelled) for {@link #REFUND_WINDOW_MS} after payment; after that it is
 * TRADE_FINISHED. Alipay sets that window per merchant contract and publishes no default, so one year here is our
 * choice. Thread-safe: immutable; the ledger is thread-safe.
 */
final class AlipayOperations
{
    /** How long a paid trade stays refundable (provisional: Alipay's window is set per merchant contract). */
    static final long REFUND_WINDOW_MS = 365L * 24 * 60 * 60 * 1000;

    static final String SUCCESS = "10000";
    static final String WAITING = "10003";
    static final String UNKNOWN = "20000";
    static final String FAILED = "40004";
    static final String SYSTEM_ERROR = "ACQ.SYSTEM_ERROR";

    private final Ledger ledger;
    private final String merchantId;
    private final EpochClock clock;

    /**
     * @param ledger     the wallet's ledger.
     * @param merchantId the merchant the app's trades are booked to (the app id).
     * @param clock      the wallet's clock.
     */
    AlipayOperations(final Ledger ledger, final String merchantId, final EpochClock clock)
    {
        this.ledger = ledger;
        this.merchantId = merchantId;
        this.clock = clock;
    }

    /**
     * alipay.trade.pay with {@code scene=bar_code}: charge the buyer's payment code through the ledger.
     */
    Map<String, Object> pay(final AlipayGatewayRequest request, final long userPayingMs, final boolean userCancels)
    {
        final String outTradeNo = request.biz("out_trade_no");
        final String authCode = request.biz("auth_code");
        final String subject = request.biz("subject");
        final long amount = AlipayWire.fen(request.biz("total_amount"));
        if (!AlipayWire.isOrderNo(outTradeNo))
        {
            return invalid("out_trade_no");
        }
        if (!"bar_code".equals(request.biz("scene")))
        {
            return invalid("scene");
        }
        if (null == subject || subject.isBlank() || subject.length() > 256)
        {
            return invalid("subject");
        }
        if (amount <= 0)
        {
            return invalid("total_amount");
        }
        if (amount > AlipayWire.MAX_FEN)
        {
            return failure("ACQ.TOTAL_FEE_EXCEED", "订单金额超过限额", outTradeNo);
        }
        if (!AlipayWire.isAuthCode(authCode))
        {
            return failure("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款", outTradeNo);
        }
        final LedgerResult result = ledger.pay(merchantId, outTradeNo, authCode, amount, userPayingMs, userCancels);
        final OrderSnapshot order = result.order();
        if (LedgerResult.Status.DECLINED == result.status() || OrderState.PAYERROR == order.state())
        {
            return payDeclined(result.decline(), null == order ? null : order.account(), amount, outTradeNo);
        }
        switch (order.state())
        {
            case SUCCESS:
            case REFUNDED:
                return paid(order);
            case USERPAYING:
                final Map<String, Object> waiting = answer(WAITING, "order success pay inprocess");
                waiting.put("trade_no", order.walletTxnId());
                waiting.put("out_trade_no", order.orderNo());
                buyer(waiting, order.account());
                waiting.put("total_amount", AlipayWire.yuan(order.amount()));
                return waiting;
            default:
                // A resend of a trade that was cancelled or closed meanwhile.
                return failure("ACQ.TRADE_HAS_CLOSE", "交易已经关闭", outTradeNo);
        }
    }

    /**
     * alipay.trade.query by {@code trade_no} or {@code out_trade_no}: the trade's {@code trade_status}.
     */
    Map<String, Object> query(final AlipayGatewayRequest request)
    {
        final Found found = find(request);
        if (null != found.failure)
        {
            return found.failure;
        }
        final OrderSnapshot order = found.order;
        final Map<String, Object> fields = answer(SUCCESS, "Success");
        if (null != order.walletTxnId())
        {
            fields.put("trade_no", order.walletTxnId());
        }
        fields.put("out_trade_no", order.orderNo());
        buyer(fields, order.account());
        fields.put("trade_status", tradeStatus(order));
        fields.put("total_amount", AlipayWire.yuan(order.amount()));
        if (isPaid(order))
        {
            fields.put("buyer_pay_amount", AlipayWire.yuan(order.amount()));
            fields.put("receipt_amount", AlipayWire.yuan(order.amount()));
            fields.put("send_pay_date", AlipayWire.time(paidAt(order)));
        }
        return fields;
    }

    /**
     * alipay.trade.cancel: close an unpaid trade or refund a paid one ({@code action}); {@code retry_flag=Y} while
     * the buyer is confirming.
     */
    Map<String, Object> cancel(final AlipayGatewayRequest request)
    {
        final String outTradeNo = orderNoOf(request);
        if (null == outTradeNo)
        {
            return cancelFailure(failure("ACQ.TRADE_NOT_EXIST", "交易不存在", null));
        }
        // What the cancel will do (close or refund) depends on the state it finds.
        final LedgerResult before = ledger.query(merchantId, outTradeNo);
        if (before.isOk() && isFinished(before.order()))
        {
            return cancelFailure(failure("ACQ.TRADE_HAS_FINISHED", "交易已完结", outTradeNo));
        }
        final LedgerResult result = ledger.reverse(merchantId, outTradeNo);
        switch (result.status())
        {
            case CALL_AGAIN:
                // The buyer was still confirming: the confirmation is cancelled now; Alipay's answer to this is
                // "system error, call again with the same parameters" (retry_flag=Y), and the next call closes.
                final Map<String, Object> again = failure(SYSTEM_ERROR, "买家正在付款，请稍后使用相同参数重试撤销", outTradeNo);
                again.put("retry_flag", "Y");
                return again;
            case DONE:
            case RESEND:
                final Map<String, Object> fields = answer(SUCCESS, "Success");
                if (null != result.order().walletTxnId())
                {
                    fields.put("trade_no", result.order().walletTxnId());
                }
                fields.put("out_trade_no", outTradeNo);
                fields.put("retry_flag", "N");
                if (LedgerResult.Status.DONE == result.status())
                {
                    // action says what this call did; a resend did nothing, so it has none.
                    final boolean refunded = before.isOk() && OrderState.SUCCESS == before.order().state();
                    fields.put("action", refunded ? "refund" : "close");
                    if (refunded)
                    {
                        fields.put("gmt_refund_pay", AlipayWire.time(result.order().finalAt()));
                    }
                }
                return fields;
            default:
                return cancelFailure(Decline.ALREADY_REFUNDED == result.decline() ?
                    failure("ACQ.TRADE_STATUS_ERROR", "交易已退款，不能撤销", outTradeNo) :
                    failure("ACQ.TRADE_NOT_EXIST", "交易不存在", outTradeNo));
        }
    }

    /**
     * alipay.trade.refund: part or all of a paid trade, idempotent by {@code out_request_no}.
     */
    Map<String, Object> refund(final AlipayGatewayRequest request)
    {
        final long amount = AlipayWire.fen(request.biz("refund_amount"));
        if (amount <= 0 || amount > AlipayWire.MAX_FEN)
        {
            return invalid("refund_amount");
        }
        final String outTradeNo = orderNoOf(request);
        if (null == outTradeNo)
        {
            return failure("ACQ.TRADE_NOT_EXIST", "交易不存在", null);
        }
        // Without out_request_no Alipay takes the order number: one refund per trade.
        final String given = request.biz("out_request_no");
        final String outRequestNo = null == given || given.isEmpty() ? outTradeNo : given;
        if (!AlipayWire.isOrderNo(outRequestNo))
        {
            return invalid("out_request_no");
        }
        final LedgerResult known = ledger.query(merchantId, outTradeNo);
        if (known.isOk() && isFinished(known.order()))
        {
            return failure("ACQ.TRADE_HAS_FINISHED", "交易已完结", outTradeNo);
        }
        final LedgerResult result = ledger.refund(merchantId, outTradeNo, outRequestNo, amount);
        if (!result.isOk())
        {
            return refundDeclined(result.decline(), outTradeNo);
        }
        final OrderSnapshot order = result.order();
        final Map<String, Object> fields = answer(SUCCESS, "Success");
        fields.put("trade_no", order.walletTxnId());
        fields.put("out_trade_no", order.orderNo());
        buyer(fields, order.account());
        // fund_change: whether this call moved money (N for a resend of a done refund).
        fields.put("fund_change", LedgerResult.Status.DONE == result.status() ? "Y" : "N");
        fields.put("refund_fee", AlipayWire.yuan(order.refunded()));
        fields.put("gmt_refund_pay", AlipayWire.time(order.finalAt()));
        return fields;
    }

    /**
     * The "system error, outcome unknown" answer (the {@code errorRate} fault); touches nothing.
     *
     * @param cancel true for alipay.trade.cancel, which also says to call again.
     * @return the fields.
     */
    static Map<String, Object> systemError(final boolean cancel)
    {
        final Map<String, Object> fields = answer(UNKNOWN, "Service Currently Unavailable");
        fields.put("sub_code", SYSTEM_ERROR);
        fields.put("sub_msg", "系统繁忙");
        if (cancel)
        {
            fields.put("retry_flag", "Y");
        }
        return fields;
    }

    static Map<String, Object> answer(final String code, final String msg)
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("msg", msg);
        return fields;
    }

    private Map<String, Object> paid(final OrderSnapshot order)
    {
        final String amount = AlipayWire.yuan(order.amount());
        final Map<String, Object> fields = answer(SUCCESS, "Success");
        fields.put("trade_no", order.walletTxnId());
        fields.put("out_trade_no", order.orderNo());
        buyer(fields, order.account());
        fields.put("total_amount", amount);
        fields.put("receipt_amount", amount);
        fields.put("buyer_pay_amount", amount);
        fields.put("gmt_payment", AlipayWire.time(paidAt(order)));
        final Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("fund_channel", "ALIPAYACCOUNT");
        bill.put("amount", amount);
        fields.put("fund_bill_list", List.of(bill));
        return fields;
    }

    private Map<String, Object> payDeclined(
        final Decline decline, final String account, final long amount, final String outTradeNo)
    {
        switch (null == decline ? Decline.CODE_INVALID : decline)
        {
            case CODE_INVALID:
            case CODE_EXPIRED:
            case CODE_USED:
                // Alipay has one code for all three: a code is invalid after its first use, even a failed one.
                return failure("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款",
                    outTradeNo);
            case INSUFFICIENT_FUNDS:
                return failure("ACQ.BUYER_BALANCE_NOT_ENOUGH", "买家余额不足", outTradeNo);
            case LIMIT_EXCEEDED:
                final AccountSnapshot snapshot = null == account ? null : ledger.account(account);
                final boolean perPayment =
                    null == snapshot || (snapshot.perPaymentLimit() > 0 && amount > snapshot.perPaymentLimit());
                return perPayment ?
                    failure("ACQ.BEYOND_PER_RECEIPT_RESTRICTION", "订单金额超过单笔支付限额", outTradeNo) :
                    failure("ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR", "买家付款日限额超限", outTradeNo);
            case ACCOUNT_FROZEN:
                return failure("ACQ.BUYER_ENABLE_STATUS_FORBID", "买家状态非法，无法继续交易", outTradeNo);
            case ORDER_PAID:
                return failure("ACQ.TRADE_HAS_SUCCESS", "交易已被支付", outTradeNo);
            case ORDER_CLOSED:
            case ORDER_REVERSED:
                return failure("ACQ.TRADE_HAS_CLOSE", "交易已经关闭", outTradeNo);
            case ORDER_CONFLICT:
                return failure("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改", outTradeNo);
            default:
                return failure("ACQ.PAYMENT_FAIL", "支付失败", outTradeNo);
        }
    }

    private static Map<String, Object> refundDeclined(final Decline decline, final String outTradeNo)
    {
        switch (decline)
        {
            case ORDER_NOT_FOUND:
                return failure("ACQ.TRADE_NOT_EXIST", "交易不存在", outTradeNo);
            case REFUND_EXCEEDED:
                return failure("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限", outTradeNo);
            case REFUND_CONFLICT:
                return failure("ACQ.DISCORDANT_REPEAT_REQUEST", "不一致的请求", outTradeNo);
            default:
                return failure("ACQ.TRADE_STATUS_ERROR", "交易状态不合法", outTradeNo);
        }
    }

    /**
     * The trade a query names by {@code trade_no} (preferred, as Alipay does) or {@code out_trade_no}.
     */
    private Found find(final AlipayGatewayRequest request)
    {
        final String tradeNo = request.biz("trade_no");
        final String outTradeNo = request.biz("out_trade_no");
        final LedgerResult result;
        if (null != tradeNo && !tradeNo.isEmpty())
        {
            result = ledger.queryByTxnId(tradeNo);
        }
        else if (AlipayWire.isOrderNo(outTradeNo))
        {
            result = ledger.query(merchantId, outTradeNo);
        }
        else
        {
            return new Found(null, invalid("out_trade_no"));
        }
        final OrderSnapshot order = result.isOk() ? result.order() : null;
        if (null == order || OrderKind.PAY != order.kind() || !merchantId.equals(order.merchantId()) ||
            (null != outTradeNo && !outTradeNo.isEmpty() && !outTradeNo.equals(order.orderNo())))
        {
            return new Found(null, failure("ACQ.TRADE_NOT_EXIST", "交易不存在", outTradeNo));
        }
        return new Found(order, null);
    }

    /**
     * The {@code out_trade_no} of a cancel or refund: given, or looked up by {@code trade_no}; null when neither
     * names a trade of this app.
     */
    private String orderNoOf(final AlipayGatewayRequest request)
    {
        final String outTradeNo = request.biz("out_trade_no");
        if (null != outTradeNo && !outTradeNo.isEmpty())
        {
            return AlipayWire.isOrderNo(outTradeNo) ? outTradeNo : null;
        }
        final Found found = find(request);
        return null == found.order ? null : found.order.orderNo();
    }

    private void buyer(final Map<String, Object> fields, final String account)
    {
        if (null == account)
        {
            return;
        }
        fields.put("buyer_logon_id", AlipayWire.buyerLogonId(account));
        final AccountSnapshot snapshot = ledger.account(account);
        if (null != snapshot)
        {
            fields.put("buyer_user_id", AlipayWire.buyerUserId(snapshot.number()));
        }
    }

    private String tradeStatus(final OrderSnapshot order)
    {
        switch (order.state())
        {
            case USERPAYING:
                return "WAIT_BUYER_PAY";
            case SUCCESS:
            case REFUNDED:
                if (order.refunded() >= order.amount())
                {
                    // Refunded in full: Alipay closes the trade.
                    return "TRADE_CLOSED";
                }
                return isFinished(order) ? "TRADE_FINISHED" : "TRADE_SUCCESS";
            default:
                // Closed unpaid, cancelled, or declined: nothing stands.
                return "TRADE_CLOSED";
        }
    }

    private boolean isFinished(final OrderSnapshot order)
    {
        return isPaid(order) && order.refunded() < order.amount() &&
            clock.time() - paidAt(order) >= REFUND_WINDOW_MS;
    }

    private static boolean isPaid(final OrderSnapshot order)
    {
        return OrderState.SUCCESS == order.state() || OrderState.REFUNDED == order.state();
    }

    /**
     * When the buyer paid: a SUCCESS order's final time is its confirmation; a refunded order's final time is its
     * last refund, so its creation (within the confirmation window of the payment) stands in.
     */
    private static long paidAt(final OrderSnapshot order)
    {
        return OrderState.SUCCESS == order.state() ? order.finalAt() : order.createdAt();
    }

    private static Map<String, Object> invalid(final String field)
    {
        return failure("ACQ.INVALID_PARAMETER", "参数无效: " + field, null);
    }

    private static Map<String, Object> cancelFailure(final Map<String, Object> fields)
    {
        fields.put("retry_flag", "N");
        return fields;
    }

    static Map<String, Object> failure(final String subCode, final String subMsg, final String outTradeNo)
    {
        final Map<String, Object> fields = answer(FAILED, "Business Failed");
        fields.put("sub_code", subCode);
        fields.put("sub_msg", subMsg);
        if (null != outTradeNo)
        {
            fields.put("out_trade_no", outTradeNo);
        }
        return fields;
    }

    /**
     * A trade found by a query, or the failure to answer instead.
     */
    private record Found(OrderSnapshot order, Map<String, Object> failure)
    {
    }
}
