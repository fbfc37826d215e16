package io.hutong.connector.unionpay;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOutcome;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The one table from the gateway's codes to {@link WalletOutcome}: {@code err_code} of every operation,
 * {@code trade_state} of queries, and the per-operation rules around them ({@code status}, {@code result_code},
 * {@code need_query}, {@code pay_result}, {@code recall}). Sources and the reasoning per row are in
 * docs/wallet-unionpay.md section 6.
 *
 * <p>The rule behind every row: a decline is claimed only when the gateway says no money was or will be taken
 * under this order number. Anything that could hide a payment (an unprocessed or unverified answer, a system
 * error, {@code need_query=Y} or absent, a code this table does not know) is {@code UNKNOWN}, which the engine
 * resolves by querying and, when its window closes, reversing. The gateway relays its upstream wallet's
 * {@code err_code} (WeChat-style names), so the table holds those names.
 *
 * <p>{@code walletCode} is the code that decided: the {@code err_code} or {@code trade_state}; {@code 0} for a
 * success; {@code status=<v>}, {@code result_code=<v>}, {@code pay_result=<v>} or {@code need_query=Y} when no
 * error code was given. Immutable and thread-safe.
 */
public final class UnionPayOutcomes
{
    private static final Map<String, WalletOutcome> ERR_CODES;
    private static final Map<String, WalletOutcome> TRADE_STATES;

    static
    {
        final Map<String, WalletOutcome> err = new HashMap<>();
        // The wallet could not tell, or the order may still be paid: query.
        unknown(err, "SYSTEMERROR");
        unknown(err, "BANKERROR");
        unknown(err, "ORDERPAID");
        unknown(err, "ORDERNOTEXIST");
        unknown(err, "BIZERR_NEED_RETRY");
        err.put("USERPAYING", WalletOutcome.inProgress("USERPAYING"));
        // Alipay's "waiting for the buyer" relayed as err_code by the gateway for Alipay codes.
        err.put("10003", WalletOutcome.inProgress("10003"));

        declined(err, "NOTENOUGH", DeclineReason.INSUFFICIENT_FUNDS);
        declined(err, "AUTHCODEEXPIRE", DeclineReason.CODE_INVALID_OR_EXPIRED);
        declined(err, "AUTH_CODE_INVALID", DeclineReason.CODE_INVALID_OR_EXPIRED);
        declined(err, "AUTH_CODE_ERROR", DeclineReason.CODE_INVALID_OR_EXPIRED);
        declined(err, "NOTSUPORTCARD", DeclineReason.OTHER);
        declined(err, "BUYER_MISMATCH", DeclineReason.DUPLICATE_ORDER);
        declined(err, "ORDERREVERSED", DeclineReason.DUPLICATE_ORDER);
        declined(err, "ORDERCLOSED", DeclineReason.DUPLICATE_ORDER);
        declined(err, "OUT_TRADE_NO_USED", DeclineReason.DUPLICATE_ORDER);
        declined(err, "PARAM_ERROR", DeclineReason.REQUEST_REJECTED);
        declined(err, "SIGNERROR", DeclineReason.REQUEST_REJECTED);
        declined(err, "LACK_PARAMS", DeclineReason.REQUEST_REJECTED);
        declined(err, "INVALID_REQUEST", DeclineReason.REQUEST_REJECTED);
        declined(err, "NOAUTH", DeclineReason.MERCHANT_NOT_ENROLLED);
        declined(err, "MCHID_NOT_EXIST", DeclineReason.MERCHANT_NOT_ENROLLED);
        declined(err, "TRADE_ERROR", DeclineReason.RISK_REFUSED);
        declined(err, "USER_ACCOUNT_ABNORMAL", DeclineReason.ACCOUNT_RESTRICTED);
        declined(err, "FREQUENCY_LIMITED", DeclineReason.WALLET_UNAVAILABLE);
        // Reverse and refund windows passed.
        declined(err, "REVERSE_EXPIRE", DeclineReason.OTHER);
        declined(err, "TRADE_OVERDUE", DeclineReason.OTHER);
        ERR_CODES = Collections.unmodifiableMap(err);

        final Map<String, WalletOutcome> state = new HashMap<>();
        state.put("SUCCESS", WalletOutcome.approved("SUCCESS"));
        // Paid, then a refund was started: the payment itself succeeded.
        state.put("REFUND", WalletOutcome.approved("REFUND"));
        // Not paid yet: the consumer may still confirm; the engine reverses when its window closes.
        state.put("NOTPAY", WalletOutcome.inProgress("NOTPAY"));
        state.put("USERPAYING", WalletOutcome.inProgress("USERPAYING"));
        // Final states in which nothing was taken (REVOKED: reversed, by us or by the wallet's own timeout).
        declined(state, "CLOSED", DeclineReason.CONSUMER_CANCELLED);
        declined(state, "REVOKED", DeclineReason.CONSUMER_CANCELLED);
        declined(state, "PAYERROR", DeclineReason.OTHER);
        TRADE_STATES = Collections.unmodifiableMap(state);
    }

    private UnionPayOutcomes()
    {
    }

    /**
     * @param errCode an {@code err_code}, possibly null.
     * @return its meaning; {@code UNKNOWN} for a code not in the table.
     */
    public static WalletOutcome forErrCode(final String errCode)
    {
        final WalletOutcome outcome = null == errCode ? null : ERR_CODES.get(errCode);
        return null != outcome ? outcome : WalletOutcome.unknown(errCode);
    }

    /**
     * @param tradeState a query's {@code trade_state}, possibly null.
     * @return its meaning; {@code UNKNOWN} for a state not in the table.
     */
    public static WalletOutcome forTradeState(final String tradeState)
    {
        final WalletOutcome outcome = null == tradeState ? null : TRADE_STATES.get(tradeState);
        return null != outcome ? outcome : WalletOutcome.unknown(tradeState);
    }

    /**
     * A micropay answer, following the gateway's documented rules: {@code status} and {@code result_code} both
     * 0 (and {@code pay_result} 0 when given) is a payment; otherwise {@code need_query=N} is a definite failure
     * and anything else (Y, or absent) must be queried.
     *
     * <pre>
     *  status != 0                                   UNKNOWN      (unsigned, not processed for sure: query)
     *  result 0, pay_result 0 or absent, need_query != Y   APPROVED
     *  result 0, need_query = Y                      IN_PROGRESS  (consumer confirming, e.g. entering a PIN)
     *  need_query = N                                the err_code row if it has one, else DECLINED(OTHER)
     *  need_query = Y or absent                      IN_PROGRESS for USERPAYING-like rows, else UNKNOWN
     * </pre>
     *
     * @param response a verified answer.
     * @return its meaning.
     */
    public static WalletOutcome forMicropay(final UnionPayResponse response)
    {
        if (!response.isStatusOk())
        {
            return WalletOutcome.unknown("status=" + response.status());
        }
        final String needQuery = response.needQuery();
        final String payResult = response.payResult();
        final boolean paid = response.isResultOk() && (null == payResult || UnionPayFields.OK.equals(payResult));
        if (paid && !UnionPayFields.YES.equals(needQuery))
        {
            return WalletOutcome.approved(UnionPayFields.OK);
        }
        final String code = decidingCode(response);
        if (paid)
        {
            return WalletOutcome.inProgress(code);
        }
        final WalletOutcome row = null == response.errCode() ? null : ERR_CODES.get(response.errCode());
        if (UnionPayFields.NO.equals(needQuery))
        {
            return null != row ? row : WalletOutcome.declined(DeclineReason.OTHER, code);
        }
        if (null != row && OutcomeStatus.IN_PROGRESS == row.status())
        {
            return row;
        }
        return WalletOutcome.unknown(code);
    }

    /**
     * A query answer: the payment's state is {@code trade_state}; a failed query says nothing about the payment,
     * so it is {@code UNKNOWN} whatever its code.
     *
     * @param response a verified answer.
     * @return the payment's meaning.
     */
    public static WalletOutcome forQuery(final UnionPayResponse response)
    {
        if (!response.isStatusOk())
        {
            return WalletOutcome.unknown("status=" + response.status());
        }
        if (!response.isResultOk())
        {
            return WalletOutcome.unknown(decidingCode(response));
        }
        return forTradeState(response.tradeState());
    }

    /**
     * A reverse answer, about the reversal: {@code APPROVED} when done; {@code IN_PROGRESS} while the consumer is
     * still confirming (reverse again later); {@code UNKNOWN} when it must be sent again (unprocessed,
     * {@code recall=Y}, a system error or an unknown code); {@code DECLINED} when the gateway refuses for good.
     *
     * @param response a verified answer.
     * @return the reversal's meaning.
     */
    public static WalletOutcome forReverse(final UnionPayResponse response)
    {
        if (!response.isStatusOk())
        {
            return WalletOutcome.unknown("status=" + response.status());
        }
        if (response.isResultOk())
        {
            return WalletOutcome.approved(UnionPayFields.OK);
        }
        final String code = decidingCode(response);
        if (response.recall())
        {
            return WalletOutcome.unknown(code);
        }
        final WalletOutcome row = null == response.errCode() ? null : ERR_CODES.get(response.errCode());
        return null != row ? row : WalletOutcome.unknown(code);
    }

    /**
     * A refund answer, about the refund: {@code APPROVED} when the gateway accepted it; {@code DECLINED} for a
     * table row that refuses; {@code UNKNOWN} otherwise (send again with the same {@code out_refund_no}).
     *
     * @param response a verified answer.
     * @return the refund's meaning.
     */
    public static WalletOutcome forRefund(final UnionPayResponse response)
    {
        return forReverse(response);
    }

    /**
     * An answer that did not parse or verify: the connector cannot know what happened.
     *
     * @param failure why the answer was refused.
     * @return {@code UNKNOWN} with the refusal reason as the code.
     */
    public static WalletOutcome forUnusableAnswer(final UnionPayMessageException failure)
    {
        return WalletOutcome.unknown(failure.reason().name());
    }

    private static String decidingCode(final UnionPayResponse response)
    {
        final String errCode = response.errCode();
        if (null != errCode && !errCode.isEmpty())
        {
            return errCode;
        }
        if (!UnionPayFields.OK.equals(response.resultCode()))
        {
            return "result_code=" + response.resultCode();
        }
        if (null != response.payResult() && !UnionPayFields.OK.equals(response.payResult()))
        {
            return "pay_result=" + response.payResult();
        }
        return "need_query=" + response.needQuery();
    }

    private static void unknown(final Map<String, WalletOutcome> table, final String code)
    {
        table.put(code, WalletOutcome.unknown(code));
    }

    private static void declined(final Map<String, WalletOutcome> table, final String code, final DeclineReason reason)
    {
        table.put(code, WalletOutcome.declined(reason, code));
    }
}
