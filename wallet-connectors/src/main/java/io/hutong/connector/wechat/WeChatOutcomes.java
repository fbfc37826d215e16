package io.hutong.connector.wechat;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOutcome;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The one table from WeChat Pay v2 codes to {@link OutcomeStatus} and {@link DeclineReason}: {@code err_code}
 * of micropay, reverse and refund answers, and {@code trade_state} of orderquery answers. Codes are from the
 * error-code sections of pay.weixin.qq.com/wiki/doc/api/micropay.php (chapters 9_10, 9_02, 9_11, 9_4).
 *
 * <p>The rule behind every row: a decline is claimed only when WeChat says the money was not and will not
 * be taken under this order number. Anything that could hide a payment ({@code ORDERPAID},
 * {@code SYSTEMERROR}, an order not found yet, a code this table does not know) is {@code UNKNOWN}, which
 * the engine resolves by querying and, when its window closes, reversing. Immutable and thread-safe.
 */
public final class WeChatOutcomes
{
    private static final Map<String, WalletOutcome> ERR_CODES;
    private static final Map<String, WalletOutcome> TRADE_STATES;

    static
    {
        final Map<String, WalletOutcome> err = new HashMap<>();
        // Wallet could not tell: query.
        unknown(err, "SYSTEMERROR");
        unknown(err, "BANKERROR");
        // The order number was already paid: a resend after a lost answer looks exactly like this, so the
        // money may be ours. Declining would strand a debit; approving needs the transaction_id, which only
        // orderquery gives. So: query.
        unknown(err, "ORDERPAID");
        // Query or reverse before WeChat has the order (micropay still in flight): absence is not a decline.
        unknown(err, "ORDERNOTEXIST");
        unknown(err, "BIZERR_NEED_RETRY");
        err.put("USERPAYING", new WalletOutcome(OutcomeStatus.IN_PROGRESS, null, "USERPAYING"));

        declined(err, "NOTENOUGH", DeclineReason.INSUFFICIENT_FUNDS);
        declined(err, "AUTHCODEEXPIRE", DeclineReason.CODE_INVALID_OR_EXPIRED);
        declined(err, "AUTH_CODE_INVALID", DeclineReason.CODE_INVALID_OR_EXPIRED);
        declined(err, "AUTH_CODE_ERROR", DeclineReason.CODE_INVALID_OR_EXPIRED);
        // The consumer's funding source (e.g. a credit card on a no-credit merchant) is not accepted.
        declined(err, "NOTSUPORTCARD", DeclineReason.OTHER);
        // The order number is dead or belongs to another payment: a changed code needs a new out_trade_no.
        declined(err, "BUYER_MISMATCH", DeclineReason.DUPLICATE_ORDER);
        declined(err, "ORDERREVERSED", DeclineReason.DUPLICATE_ORDER);
        declined(err, "ORDERCLOSED", DeclineReason.DUPLICATE_ORDER);
        declined(err, "OUT_TRADE_NO_USED", DeclineReason.DUPLICATE_ORDER);
        // The request itself was refused: a switch or configuration fault, nothing was charged.
        declined(err, "PARAM_ERROR", DeclineReason.REQUEST_REJECTED);
        declined(err, "SIGNERROR", DeclineReason.REQUEST_REJECTED);
        declined(err, "XML_FORMAT_ERROR", DeclineReason.REQUEST_REJECTED);
        declined(err, "REQUIRE_POST_METHOD", DeclineReason.REQUEST_REJECTED);
        declined(err, "LACK_PARAMS", DeclineReason.REQUEST_REJECTED);
        declined(err, "NOT_UTF8", DeclineReason.REQUEST_REJECTED);
        declined(err, "POST_DATA_EMPTY", DeclineReason.REQUEST_REJECTED);
        declined(err, "INVALID_REQUEST", DeclineReason.REQUEST_REJECTED);
        declined(err, "INVALID_TRANSACTIONID", DeclineReason.REQUEST_REJECTED);
        declined(err, "NOAUTH", DeclineReason.MERCHANT_NOT_ENROLLED);
        declined(err, "MCHID_NOT_EXIST", DeclineReason.MERCHANT_NOT_ENROLLED);
        declined(err, "APPID_NOT_EXIST", DeclineReason.MERCHANT_NOT_ENROLLED);
        declined(err, "APPID_MCHID_NOT_MATCH", DeclineReason.MERCHANT_NOT_ENROLLED);
        // "业务错误导致交易失败，请确认帐号是否存在异常": WeChat's risk and account controls.
        declined(err, "TRADE_ERROR", DeclineReason.RISK_REFUSED);
        declined(err, "USER_ACCOUNT_ABNORMAL", DeclineReason.ACCOUNT_RESTRICTED);
        declined(err, "FREQUENCY_LIMITED", DeclineReason.WALLET_UNAVAILABLE);
        declined(err, "INVALID_REQ_TOO_MUCH", DeclineReason.WALLET_UNAVAILABLE);
        // Reverse and refund windows passed (7 days / 1 year).
        declined(err, "REVERSE_EXPIRE", DeclineReason.OTHER);
        declined(err, "TRADE_OVERDUE", DeclineReason.OTHER);
        declined(err, "ERROR", DeclineReason.OTHER);
        ERR_CODES = Collections.unmodifiableMap(err);

        final Map<String, WalletOutcome> state = new HashMap<>();
        state.put("SUCCESS", new WalletOutcome(OutcomeStatus.APPROVED, null, "SUCCESS"));
        // Paid, then a refund was started: the payment itself succeeded.
        state.put("REFUND", new WalletOutcome(OutcomeStatus.APPROVED, null, "REFUND"));
        // Not paid yet: the consumer may still confirm; the engine reverses when its window closes.
        state.put("NOTPAY", new WalletOutcome(OutcomeStatus.IN_PROGRESS, null, "NOTPAY"));
        state.put("USERPAYING", new WalletOutcome(OutcomeStatus.IN_PROGRESS, null, "USERPAYING"));
        // Closed or revoked (by us, or by WeChat 45 s after an unconfirmed micropay): final, nothing taken.
        declined(state, "CLOSED", DeclineReason.CONSUMER_CANCELLED);
        declined(state, "REVOKED", DeclineReason.CONSUMER_CANCELLED);
        declined(state, "PAYERROR", DeclineReason.OTHER);
        TRADE_STATES = Collections.unmodifiableMap(state);
    }

    private WeChatOutcomes()
    {
    }

    /**
     * @param errCode a WeChat {@code err_code}, possibly null.
     * @return its meaning; {@code UNKNOWN} for a code not in the table.
     */
    public static WalletOutcome forErrCode(final String errCode)
    {
        final WalletOutcome outcome = null == errCode ? null : ERR_CODES.get(errCode);
        return null != outcome ? outcome : new WalletOutcome(OutcomeStatus.UNKNOWN, null, errCode);
    }

    /**
     * @param tradeState an orderquery {@code trade_state}, possibly null.
     * @return its meaning; {@code UNKNOWN} for a state not in the table.
     */
    public static WalletOutcome forTradeState(final String tradeState)
    {
        final WalletOutcome outcome = null == tradeState ? null : TRADE_STATES.get(tradeState);
        return null != outcome ? outcome : new WalletOutcome(OutcomeStatus.UNKNOWN, null, tradeState);
    }

    /**
     * A micropay answer. {@code return_code=FAIL} means WeChat did not process the request (bad signature,
     * missing parameter), so nothing was charged: declined as {@code REQUEST_REJECTED}, as the official
     * SDK's scan-pay flow ends without querying.
     *
     * @param response a verified answer.
     * @return its meaning.
     */
    public static WalletOutcome forMicropay(final WeChatResponse response)
    {
        if (!response.isReturnSuccess())
        {
            return new WalletOutcome(OutcomeStatus.DECLINED, DeclineReason.REQUEST_REJECTED, WeChatFields.FAIL);
        }
        if (response.isResultSuccess())
        {
            return new WalletOutcome(OutcomeStatus.APPROVED, null, WeChatFields.SUCCESS);
        }
        return forErrCode(response.errCode());
    }

    /**
     * An orderquery answer: the payment's state is {@code trade_state}; a failed query says nothing about
     * the payment, so it is {@code UNKNOWN} whatever its code.
     *
     * @param response a verified answer.
     * @return the payment's meaning.
     */
    public static WalletOutcome forQuery(final WeChatResponse response)
    {
        if (!response.isReturnSuccess())
        {
            return new WalletOutcome(OutcomeStatus.UNKNOWN, null, WeChatFields.FAIL);
        }
        if (!response.isResultSuccess())
        {
            return new WalletOutcome(OutcomeStatus.UNKNOWN, null, response.errCode());
        }
        return forTradeState(response.tradeState());
    }

    /**
     * A reverse answer, about the reversal: {@code APPROVED} when done, {@code UNKNOWN} when it must be sent
     * again ({@code recall=Y}, or an unprocessed request), {@code DECLINED} when WeChat refuses for good.
     *
     * @param response a verified answer.
     * @return the reversal's meaning.
     */
    public static WalletOutcome forReverse(final WeChatResponse response)
    {
        if (!response.isReturnSuccess())
        {
            return new WalletOutcome(OutcomeStatus.UNKNOWN, null, WeChatFields.FAIL);
        }
        if (response.isResultSuccess())
        {
            return new WalletOutcome(OutcomeStatus.APPROVED, null, WeChatFields.SUCCESS);
        }
        if (response.recall())
        {
            return new WalletOutcome(OutcomeStatus.UNKNOWN, null, response.errCode());
        }
        return forErrCode(response.errCode());
    }

    /**
     * A refund answer, about the refund: {@code APPROVED} when WeChat accepted it.
     *
     * @param response a verified answer.
     * @return the refund's meaning.
     */
    public static WalletOutcome forRefund(final WeChatResponse response)
    {
        return forMicropay(response);
    }

    /**
     * An answer that did not parse or verify: the connector cannot know what happened.
     *
     * @param failure why the answer was refused.
     * @return {@code UNKNOWN} with the refusal reason as the code.
     */
    public static WalletOutcome forUnusableAnswer(final WeChatMessageException failure)
    {
        return new WalletOutcome(OutcomeStatus.UNKNOWN, null, failure.reason().name());
    }

    private static void unknown(final Map<String, WalletOutcome> table, final String code)
    {
        table.put(code, new WalletOutcome(OutcomeStatus.UNKNOWN, null, code));
    }

    private static void declined(final Map<String, WalletOutcome> table, final String code, final DeclineReason reason)
    {
        table.put(code, new WalletOutcome(OutcomeStatus.DECLINED, reason, code));
    }
}
