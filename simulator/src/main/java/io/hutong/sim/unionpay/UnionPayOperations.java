package io.hutong.sim.unionpay;

import io.hutong.connector.unionpay.UnionPayFields;
import io.hutong.connector.unionpay.UnionPayGatewayRequest;
import io.hutong.connector.unionpay.UnionPayResponse;
import io.hutong.sim.ledger.Decline;
import io.hutong.sim.ledger.Ledger;
import io.hutong.sim.ledger.LedgerResult;
import io.hutong.sim.ledger.OrderSnapshot;
import io.hutong.sim.ledger.OrderState;
import io.hutong.sim.wechat.WeChatTradeState;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The business half of the simulated gateway: runs a verified request's ledger operation and writes the answer's
 * business fields ({@code result_code}, {@code err_code}, {@code need_query}, {@code trade_state}, ...) into a
 * {@link UnionPayResponse.Builder}. Error codes are the ones the gateway relays (docs/wallet-unionpay.md section
 * 6.4), so that {@code io.hutong.connector.unionpay.UnionPayOutcomes} reads them as a real gateway's:
 *
 * <pre>
 *  micropay  paid: result_code=0 pay_result=0 | confirming: USERPAYING need_query=Y
 *            declined (need_query=N): AUTH_CODE_ERROR (not a code), AUTH_CODE_INVALID (unknown or used),
 *            AUTHCODEEXPIRE, NOTENOUGH, TRADE_ERROR (limit), USER_ACCOUNT_ABNORMAL (frozen),
 *            ORDERPAID / ORDERREVERSED / ORDERCLOSED / OUT_TRADE_NO_USED (order number reused)
 *  query     trade_state SUCCESS REFUND USERPAYING REVOKED CLOSED PAYERROR | ORDERNOTEXIST
 *  reverse   result_code=0 | USERPAYING (call again) | REVERSE_EXPIRE (refunded) | OUT_TRADE_NO_USED
 *  refund    refund_id (same out_refund_no: same answer) | INVALID_REQUEST (over the paid amount, refund number
 *            reused) | PARAM_ERROR (total_fee not the order's) | ORDERREVERSED / ORDERCLOSED | ORDERNOTEXIST
 * </pre>
 *
 * Thread-safe: immutable; the ledger is thread-safe.
 */
final class UnionPayOperations
{
    private static final DateTimeFormatter TIME_END =
        DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.ofHours(8));

    private final String mchId;
    private final Ledger ledger;

    /**
     * @param mchId  the enrolled merchant (the ledger's merchant id).
     * @param ledger the wallet's ledger.
     */
    UnionPayOperations(final String mchId, final Ledger ledger)
    {
        this.mchId = mchId;
        this.ledger = ledger;
    }

    void micropay(
        final UnionPayGatewayRequest request,
        final UnionPayResponse.Builder answer,
        final long userPayingMs,
        final boolean userCancels)
    {
        final String outTradeNo = request.outTradeNo();
        answer.put(UnionPayFields.OUT_TRADE_NO, outTradeNo);
        final String code = UnionPayConsumerCodes.numeric(request.authCode());
        if (null == code)
        {
            answer.resultFail("AUTH_CODE_ERROR", "付款码格式错误").needQuery(false);
            return;
        }
        final LedgerResult result = ledger.pay(mchId, outTradeNo, code, request.totalFee(), userPayingMs, userCancels);
        final OrderSnapshot order = result.order();
        if (LedgerResult.Status.DECLINED == result.status() || OrderState.PAYERROR == order.state())
        {
            declined(answer, result.decline());
            answer.needQuery(false);
            return;
        }
        switch (order.state())
        {
            case SUCCESS:
            case REFUNDED:
                answer.resultOk().put(UnionPayFields.PAY_RESULT, UnionPayFields.OK);
                paidFields(answer, order);
                break;
            case USERPAYING:
                // The gateway relays the wallet's "waiting for the password": query before concluding.
                answer.resultFail("USERPAYING", "需要用户输入支付密码").needQuery(true);
                break;
            case REVERSED:
                answer.resultFail("ORDERREVERSED", "订单已撤销").needQuery(false);
                break;
            default:
                answer.resultFail("ORDERCLOSED", "订单已关闭").needQuery(false);
                break;
        }
    }

    void query(final UnionPayGatewayRequest request, final UnionPayResponse.Builder answer)
    {
        final OrderSnapshot order = find(request, answer);
        if (null == order)
        {
            return;
        }
        answer.resultOk();
        answer.put(UnionPayFields.OUT_TRADE_NO, order.orderNo());
        answer.put(UnionPayFields.TRADE_STATE, WeChatTradeState.of(order.state()));
        if (order.amount() > 0)
        {
            // A reverse tombstone (an order number reversed before any pay arrived) has no amount.
            answer.put(UnionPayFields.TOTAL_FEE, order.amount());
        }
        if (OrderState.SUCCESS == order.state() || OrderState.REFUNDED == order.state())
        {
            paidFields(answer, order);
        }
    }

    void reverse(final UnionPayGatewayRequest request, final UnionPayResponse.Builder answer)
    {
        answer.put(UnionPayFields.OUT_TRADE_NO, request.outTradeNo());
        final LedgerResult result = ledger.reverse(mchId, request.outTradeNo());
        switch (result.status())
        {
            case DONE:
            case RESEND:
                answer.resultOk();
                break;
            case CALL_AGAIN:
                // The consumer was still confirming: that confirmation is cancelled now, the next reverse succeeds.
                answer.resultFail("USERPAYING", "用户支付中，请稍后再次撤销");
                break;
            default:
                if (Decline.ALREADY_REFUNDED == result.decline())
                {
                    answer.resultFail("REVERSE_EXPIRE", "订单已退款，不能撤销");
                }
                else if (Decline.MERCHANT_UNKNOWN == result.decline())
                {
                    answer.resultFail("MCHID_NOT_EXIST", "商户不存在");
                }
                else
                {
                    answer.resultFail("OUT_TRADE_NO_USED", "商户订单号已用于其他交易");
                }
                break;
        }
    }

    void refund(final UnionPayGatewayRequest request, final UnionPayResponse.Builder answer)
    {
        final OrderSnapshot order = find(request, answer);
        if (null == order)
        {
            return;
        }
        answer.put(UnionPayFields.OUT_TRADE_NO, order.orderNo());
        if (order.amount() != request.totalFee())
        {
            answer.resultFail("PARAM_ERROR", "total_fee与订单金额不一致");
            return;
        }
        final LedgerResult result = ledger.refund(mchId, order.orderNo(), request.outRefundNo(), request.refundFee());
        if (!result.isOk())
        {
            refundDeclined(answer, result);
            return;
        }
        answer.resultOk();
        answer.put(UnionPayFields.TRANSACTION_ID, order.walletTxnId());
        answer.put(UnionPayFields.OUT_REFUND_NO, request.outRefundNo());
        answer.put(UnionPayFields.REFUND_ID, result.refundId());
        answer.put(UnionPayFields.REFUND_FEE, request.refundFee());
        answer.put(UnionPayFields.TOTAL_FEE, order.amount());
    }

    /**
     * The order a query or refund names, by {@code transaction_id} when given (the gateway prefers it) else by
     * {@code out_trade_no}; null, with {@code ORDERNOTEXIST} written, when this merchant has no such order.
     */
    private OrderSnapshot find(final UnionPayGatewayRequest request, final UnionPayResponse.Builder answer)
    {
        final String transactionId = request.transactionId();
        final LedgerResult result = null != transactionId ?
            ledger.queryByTxnId(transactionId) : ledger.query(mchId, request.outTradeNo());
        if (!result.isOk() || !mchId.equals(result.order().merchantId()))
        {
            answer.put(UnionPayFields.OUT_TRADE_NO, request.outTradeNo());
            answer.resultFail("ORDERNOTEXIST", "订单不存在");
            return null;
        }
        return result.order();
    }

    private static void paidFields(final UnionPayResponse.Builder answer, final OrderSnapshot order)
    {
        answer.put(UnionPayFields.TRANSACTION_ID, order.walletTxnId());
        answer.put(UnionPayFields.TOTAL_FEE, order.amount());
        answer.put(UnionPayFields.TIME_END, TIME_END.format(Instant.ofEpochMilli(order.finalAt())));
    }

    private static void declined(final UnionPayResponse.Builder answer, final Decline decline)
    {
        switch (null == decline ? Decline.CODE_INVALID : decline)
        {
            case CODE_EXPIRED:
                answer.resultFail("AUTHCODEEXPIRE", "付款码已过期，请刷新后重试");
                break;
            case CODE_USED:
                answer.resultFail("AUTH_CODE_INVALID", "付款码已使用，请刷新后重试");
                break;
            case INSUFFICIENT_FUNDS:
                answer.resultFail("NOTENOUGH", "余额不足");
                break;
            case LIMIT_EXCEEDED:
                answer.resultFail("TRADE_ERROR", "超出支付限额");
                break;
            case ACCOUNT_FROZEN:
                answer.resultFail("USER_ACCOUNT_ABNORMAL", "用户账户异常");
                break;
            case ORDER_PAID:
                answer.resultFail("ORDERPAID", "订单已支付");
                break;
            case ORDER_REVERSED:
                answer.resultFail("ORDERREVERSED", "订单已撤销");
                break;
            case ORDER_CLOSED:
                answer.resultFail("ORDERCLOSED", "订单已关闭");
                break;
            case ORDER_CONFLICT:
                answer.resultFail("OUT_TRADE_NO_USED", "商户订单号重复");
                break;
            case MERCHANT_UNKNOWN:
                answer.resultFail("MCHID_NOT_EXIST", "商户不存在");
                break;
            default:
                answer.resultFail("AUTH_CODE_INVALID", "付款码无效");
                break;
        }
    }

    private static void refundDeclined(final UnionPayResponse.Builder answer, final LedgerResult result)
    {
        final OrderState state = null == result.order() ? null : result.order().state();
        switch (result.decline())
        {
            case REFUND_EXCEEDED:
                answer.resultFail("INVALID_REQUEST", "退款金额超过可退金额");
                break;
            case REFUND_CONFLICT:
                answer.resultFail("INVALID_REQUEST", "退款单号已用于其他退款");
                break;
            case MERCHANT_UNKNOWN:
                answer.resultFail("MCHID_NOT_EXIST", "商户不存在");
                break;
            case NOT_REFUNDABLE:
                if (OrderState.REVERSED == state)
                {
                    answer.resultFail("ORDERREVERSED", "订单已撤销，不能退款");
                }
                else if (OrderState.USERPAYING == state)
                {
                    // Not paid yet, but it may be: ask again later.
                    answer.resultFail("USERPAYING", "用户支付中，不能退款");
                }
                else
                {
                    answer.resultFail("ORDERCLOSED", "订单未支付或已关闭，不能退款");
                }
                break;
            default:
                answer.resultFail("ORDERNOTEXIST", "订单不存在");
                break;
        }
    }
}
