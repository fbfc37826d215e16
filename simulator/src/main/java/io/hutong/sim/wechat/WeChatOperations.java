package io.hutong.sim.wechat;

import io.hutong.connector.wechat.WeChatFields;
import io.hutong.connector.wechat.WeChatMerchant;
import io.hutong.connector.wechat.WeChatResponse;
import io.hutong.sim.ledger.Decline;
import io.hutong.sim.ledger.Ledger;
import io.hutong.sim.ledger.LedgerResult;
import io.hutong.sim.ledger.OrderSnapshot;
import io.hutong.sim.ledger.OrderState;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The business half of the WeChat Pay v2 API: checks an authenticated request's fields, runs the ledger operation
 * and writes the answer's business fields ({@code result_code}, {@code err_code}, {@code trade_state}, ...) into a
 * {@link WeChatResponse.Builder}. Error codes follow the API's error-code sections (chapters 9_10, 9_02, 9_11, 9_4)
 * so that {@code io.hutong.connector.wechat.WeChatOutcomes} reads them as a real wallet's. Thread-safe: immutable.
 */
final class WeChatOperations
{
    private static final DateTimeFormatter TIME_END =
        DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.ofHours(8));
    private static final int MAX_OUT_TRADE_NO = 32;
    private static final int MAX_OUT_REFUND_NO = 64;

    private final WeChatMerchant merchant;
    private final Ledger ledger;

    WeChatOperations(final WeChatMerchant merchant, final Ledger ledger)
    {
        this.merchant = merchant;
        this.ledger = ledger;
    }

    void micropay(
        final Map<String, String> fields,
        final WeChatResponse.Builder answer,
        final long userPayingMs,
        final boolean userCancels)
    {
        if (missing(fields, answer, WeChatFields.BODY, WeChatFields.OUT_TRADE_NO, WeChatFields.TOTAL_FEE,
            WeChatFields.SPBILL_CREATE_IP, WeChatFields.AUTH_CODE))
        {
            return;
        }
        final String outTradeNo = fields.get(WeChatFields.OUT_TRADE_NO);
        final long totalFee = fee(fields.get(WeChatFields.TOTAL_FEE));
        if (!isOrderNo(outTradeNo, MAX_OUT_TRADE_NO) || totalFee <= 0)
        {
            answer.resultFail("PARAM_ERROR", "参数错误: out_trade_no或total_fee");
            return;
        }
        final String authCode = fields.get(WeChatFields.AUTH_CODE);
        if (!isAuthCode(authCode))
        {
            answer.resultFail("AUTH_CODE_ERROR", "授权码参数错误");
            return;
        }
        final LedgerResult result =
            ledger.pay(merchant.mchId(), outTradeNo, authCode, totalFee, userPayingMs, userCancels);
        final OrderSnapshot order = result.order();
        if (LedgerResult.Status.DECLINED == result.status() || OrderState.PAYERROR == order.state())
        {
            declined(answer, result.decline());
            return;
        }
        switch (order.state())
        {
            case SUCCESS:
            case REFUNDED:
                answer.resultSuccess();
                paidFields(answer, order);
                break;
            case USERPAYING:
                answer.resultFail("USERPAYING", "需要用户输入支付密码");
                break;
            case REVERSED:
                answer.resultFail("ORDERREVERSED", "订单已撤销");
                break;
            default:
                answer.resultFail("ORDERCLOSED", "订单已关闭");
                break;
        }
    }

    void orderQuery(final Map<String, String> fields, final WeChatResponse.Builder answer)
    {
        final LedgerResult result = find(fields, answer);
        if (null == result)
        {
            return;
        }
        final OrderSnapshot order = result.order();
        answer.resultSuccess();
        answer.put(WeChatFields.OUT_TRADE_NO, order.orderNo());
        answer.put(WeChatFields.TRADE_STATE, WeChatTradeState.of(order.state()));
        answer.put("trade_state_desc", tradeStateDesc(order.state()));
        if (OrderState.SUCCESS == order.state() || OrderState.REFUNDED == order.state())
        {
            paidFields(answer, order);
        }
        else if (order.amount() > 0)
        {
            answer.put(WeChatFields.TOTAL_FEE, order.amount());
        }
    }

    void reverse(final Map<String, String> fields, final WeChatResponse.Builder answer)
    {
        final String outTradeNo = orderNoOf(fields, answer);
        if (null == outTradeNo)
        {
            return;
        }
        final LedgerResult result = ledger.reverse(merchant.mchId(), outTradeNo);
        switch (result.status())
        {
            case DONE:
            case RESEND:
                answer.resultSuccess().put(WeChatFields.RECALL, "N");
                break;
            case CALL_AGAIN:
                // The consumer was still confirming: the confirmation is cancelled now, the next reverse succeeds.
                answer.resultFail("USERPAYING", "用户支付中，需要继续调用撤销").put(WeChatFields.RECALL, "Y");
                break;
            default:
                if (Decline.ALREADY_REFUNDED == result.decline())
                {
                    answer.resultFail("REVERSE_EXPIRE", "订单已退款，不能撤销");
                }
                else
                {
                    answer.resultFail("ERROR", "订单不能撤销");
                }
                answer.put(WeChatFields.RECALL, "N");
                break;
        }
    }

    void refund(final Map<String, String> fields, final WeChatResponse.Builder answer)
    {
        if (missing(fields, answer, WeChatFields.OUT_REFUND_NO, WeChatFields.TOTAL_FEE, WeChatFields.REFUND_FEE))
        {
            return;
        }
        final String outTradeNo = orderNoOf(fields, answer);
        if (null == outTradeNo)
        {
            return;
        }
        final String outRefundNo = fields.get(WeChatFields.OUT_REFUND_NO);
        final long totalFee = fee(fields.get(WeChatFields.TOTAL_FEE));
        final long refundFee = fee(fields.get(WeChatFields.REFUND_FEE));
        if (!isOrderNo(outRefundNo, MAX_OUT_REFUND_NO) || totalFee <= 0 || refundFee <= 0)
        {
            answer.resultFail("PARAM_ERROR", "参数错误: out_refund_no, total_fee或refund_fee");
            return;
        }
        final LedgerResult known = ledger.query(merchant.mchId(), outTradeNo);
        if (known.isOk() && known.order().amount() != totalFee)
        {
            answer.resultFail("PARAM_ERROR", "订单金额不一致");
            return;
        }
        final LedgerResult result = ledger.refund(merchant.mchId(), outTradeNo, outRefundNo, refundFee);
        if (!result.isOk())
        {
            refundDeclined(answer, result.decline());
            return;
        }
        final OrderSnapshot order = result.order();
        answer.resultSuccess();
        answer.put(WeChatFields.TRANSACTION_ID, order.walletTxnId());
        answer.put(WeChatFields.OUT_TRADE_NO, order.orderNo());
        answer.put(WeChatFields.OUT_REFUND_NO, outRefundNo);
        answer.put(WeChatFields.REFUND_ID, result.refundId());
        answer.put(WeChatFields.REFUND_FEE, refundFee);
        answer.put(WeChatFields.TOTAL_FEE, order.amount());
        answer.put("cash_fee", order.amount());
    }

    void closeOrder(final Map<String, String> fields, final WeChatResponse.Builder answer)
    {
        if (missing(fields, answer, WeChatFields.OUT_TRADE_NO))
        {
            return;
        }
        final LedgerResult result = ledger.close(merchant.mchId(), fields.get(WeChatFields.OUT_TRADE_NO));
        if (result.isOk())
        {
            answer.resultSuccess();
            return;
        }
        switch (result.decline())
        {
            case ORDER_NOT_FOUND:
                answer.resultFail("ORDERNOTEXIST", "此交易订单号不存在");
                break;
            case ORDER_PAID:
                answer.resultFail("ORDERPAID", "订单已支付，不能发起关单");
                break;
            default:
                answer.resultFail("ORDERCLOSED", "订单已关闭");
                break;
        }
    }

    /**
     * The order named by {@code transaction_id} (preferred, as WeChat does) or {@code out_trade_no}, or null with
     * the failure already written.
     */
    private LedgerResult find(final Map<String, String> fields, final WeChatResponse.Builder answer)
    {
        final String transactionId = fields.get(WeChatFields.TRANSACTION_ID);
        final String outTradeNo = fields.get(WeChatFields.OUT_TRADE_NO);
        final LedgerResult result;
        if (null != transactionId && !transactionId.isEmpty())
        {
            result = ledger.queryByTxnId(transactionId);
        }
        else if (null != outTradeNo && !outTradeNo.isEmpty())
        {
            result = ledger.query(merchant.mchId(), outTradeNo);
        }
        else
        {
            answer.resultFail("LACK_PARAMS", "缺少参数: out_trade_no或transaction_id");
            return null;
        }
        if (!result.isOk() || !merchant.mchId().equals(result.order().merchantId()))
        {
            answer.resultFail("ORDERNOTEXIST", "此交易订单号不存在");
            return null;
        }
        return result;
    }

    /**
     * The {@code out_trade_no} of a reverse or refund: given, or looked up by {@code transaction_id}.
     */
    private String orderNoOf(final Map<String, String> fields, final WeChatResponse.Builder answer)
    {
        final String outTradeNo = fields.get(WeChatFields.OUT_TRADE_NO);
        if (null != outTradeNo && !outTradeNo.isEmpty())
        {
            if (!isOrderNo(outTradeNo, MAX_OUT_TRADE_NO))
            {
                answer.resultFail("PARAM_ERROR", "参数错误: out_trade_no");
                return null;
            }
            return outTradeNo;
        }
        final LedgerResult found = find(fields, answer);
        return null == found ? null : found.order().orderNo();
    }

    private void paidFields(final WeChatResponse.Builder answer, final OrderSnapshot order)
    {
        answer.put("openid", "osim_" + order.account());
        answer.put("is_subscribe", "N");
        answer.put("trade_type", "MICROPAY");
        answer.put("bank_type", "OTHERS");
        answer.put("fee_type", "CNY");
        answer.put(WeChatFields.TOTAL_FEE, order.amount());
        answer.put("cash_fee", order.amount());
        answer.put(WeChatFields.TRANSACTION_ID, order.walletTxnId());
        answer.put(WeChatFields.OUT_TRADE_NO, order.orderNo());
        answer.put("time_end", TIME_END.format(Instant.ofEpochMilli(order.finalAt())));
    }

    private static void declined(final WeChatResponse.Builder answer, final Decline decline)
    {
        switch (null == decline ? Decline.CODE_INVALID : decline)
        {
            case CODE_EXPIRED:
                answer.resultFail("AUTHCODEEXPIRE", "二维码已过期，请用户在微信上刷新后再试");
                break;
            case CODE_USED:
                answer.resultFail("AUTH_CODE_INVALID", "每个二维码仅限使用一次，请刷新再试");
                break;
            case INSUFFICIENT_FUNDS:
                answer.resultFail("NOTENOUGH", "用户余额不足");
                break;
            case LIMIT_EXCEEDED:
                answer.resultFail("TRADE_ERROR", "超出支付限额");
                break;
            case ACCOUNT_FROZEN:
                answer.resultFail("USER_ACCOUNT_ABNORMAL", "用户帐号异常");
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
                answer.resultFail("MCHID_NOT_EXIST", "MCHID不存在");
                break;
            default:
                answer.resultFail("AUTH_CODE_INVALID", "授权码检验错误");
                break;
        }
    }

    private static void refundDeclined(final WeChatResponse.Builder answer, final Decline decline)
    {
        switch (decline)
        {
            case ORDER_NOT_FOUND:
                answer.resultFail("ORDERNOTEXIST", "此交易订单号不存在");
                break;
            case REFUND_EXCEEDED:
                answer.resultFail("ERROR", "退款金额大于支付金额");
                break;
            case REFUND_CONFLICT:
                answer.resultFail("ERROR", "退款单号已用于其他退款");
                break;
            default:
                answer.resultFail("ERROR", "订单状态错误，不能退款");
                break;
        }
    }

    private static String tradeStateDesc(final OrderState state)
    {
        switch (state)
        {
            case SUCCESS:
                return "支付成功";
            case REFUNDED:
                return "转入退款";
            case USERPAYING:
                return "用户支付中";
            case REVERSED:
                return "已撤销";
            case PAYERROR:
                return "支付失败";
            default:
                return "已关闭";
        }
    }

    /**
     * @return true (with {@code LACK_PARAMS} written) when a required field is absent or empty.
     */
    private static boolean missing(
        final Map<String, String> fields, final WeChatResponse.Builder answer, final String... names)
    {
        for (final String name : names)
        {
            final String value = fields.get(name);
            if (null == value || value.isEmpty())
            {
                answer.resultFail("LACK_PARAMS", "缺少参数: " + name);
                return true;
            }
        }
        return false;
    }

    /**
     * @return the fee in fen (a WeChat Int: 1 .. 2^31-1), or -1 when not such an integer.
     */
    private static long fee(final String text)
    {
        if (null == text || text.isEmpty() || text.length() > 10)
        {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value > Integer.MAX_VALUE ? -1 : value;
    }

    private static boolean isOrderNo(final String value, final int maxLength)
    {
        if (null == value || value.isEmpty() || value.length() > maxLength)
        {
            return false;
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            final boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                c == '_' || c == '-' || c == '|' || c == '*';
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * A WeChat payment code is 18 digits (auth_code field definition); whether it is a live code of this wallet
     * (prefix, account, check digits, age, use) is the code book's business.
     */
    private static boolean isAuthCode(final String value)
    {
        if (null == value || value.length() != 18)
        {
            return false;
        }
        for (int i = 0; i < value.length(); i++)
        {
            if (value.charAt(i) < '0' || value.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }
}
