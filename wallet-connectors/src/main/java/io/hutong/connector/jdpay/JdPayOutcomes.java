package io.hutong.connector.jdpay;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.WalletOutcome;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one table from JD Pay answers to {@link WalletOutcome}, per operation (docs/wallet-jdpay.md section 7).
 * <p>
 * The rule behind every row: a decline is claimed only when JD says no money was or will be taken under this
 * trade number. Anything that could hide a payment (a system error, "already paid", "no such trade yet", a
 * status or code this table does not know, an unusable answer) is {@code UNKNOWN}, which the engine resolves by
 * querying and, when its window closes, revoking.
 * <ul>
 *   <li>{@code 000000}: decided by the trade {@code status}. Payment trades (fkmPay, query type 0): {@code 2}
 *       approved, {@code 0}/{@code 1} in progress (the consumer is confirming), {@code 3} declined,
 *       {@code 4} declined as cancelled (closed or revoked). Refund and revoke trades: {@code 1} approved,
 *       {@code 0} in progress (ask or send again), {@code 2} declined (refused).</li>
 *   <li>Any other code: the failure table ({@link #codes()}), Hutong's provisional codes unless overridden, with
 *       these exceptions: every failed query is {@code UNKNOWN} (it says nothing about the payment); a revoke
 *       refused as {@code SYSTEM_BUSY} or {@code TRADE_NOT_EXIST} is {@code UNKNOWN} (send it again, the payment
 *       may be in flight); a revoke answered {@code TRADE_CLOSED} is approved (nothing was or will be taken).</li>
 * </ul>
 * The wallet code of an outcome is {@code result/code}, or {@code 000000/<status>} when the status decided.
 * Immutable and thread-safe; lookups allocate only for codes and statuses outside the tables.
 */
public final class JdPayOutcomes
{
    private static final Map<String, WalletOutcome> PAYMENT_STATUS = paymentStatus();
    private static final Map<String, WalletOutcome> REVERSAL_STATUS = reversalStatus();

    /** The table with Hutong's provisional failure codes only. */
    public static final JdPayOutcomes DEFAULT = new JdPayOutcomes(defaults());

    private final Map<String, WalletOutcome> codes;

    private JdPayOutcomes(final Map<String, WalletOutcome> codes)
    {
        this.codes = Collections.unmodifiableMap(codes);
    }

    /**
     * A table with more failure codes, e.g. JD's real ones from configuration. An override replaces a default
     * row; {@code 000000} cannot be overridden (success is decided by the status).
     *
     * @param overrides result code to outcome; the outcome's wallet code should be the key.
     * @return the extended table.
     * @throws IllegalArgumentException if an override names {@code 000000}.
     */
    public JdPayOutcomes withOverrides(final Map<String, WalletOutcome> overrides)
    {
        if (overrides.containsKey(JdPayResultCodes.SUCCESS))
        {
            throw new IllegalArgumentException("code=" + JdPayResultCodes.SUCCESS + ": success cannot be overridden");
        }
        final Map<String, WalletOutcome> merged = new LinkedHashMap<>(codes);
        merged.putAll(overrides);
        return new JdPayOutcomes(merged);
    }

    /**
     * @return the failure table: result code to outcome, read-only, in documentation order.
     */
    public Map<String, WalletOutcome> codes()
    {
        return codes;
    }

    /**
     * @param resultCode a failure {@code result/code}, possibly null.
     * @return its row; {@code UNKNOWN} for a code not in the table.
     */
    public WalletOutcome forCode(final String resultCode)
    {
        final WalletOutcome outcome = null == resultCode ? null : codes.get(resultCode);
        return null != outcome ? outcome : WalletOutcome.unknown(resultCode);
    }

    /**
     * An fkmPay answer.
     *
     * @param response a verified answer.
     * @return the payment's meaning.
     */
    public WalletOutcome forPay(final JdPayResponse response)
    {
        return response.isSuccess() ? forPaymentStatus(response.status()) : forCode(response.resultCode());
    }

    /**
     * A query answer: a processed query is decided by the status of the kind of trade asked about; a failed
     * query is {@code UNKNOWN} whatever its code.
     *
     * @param response a verified answer.
     * @param asked    the {@code tradeType} the query asked for.
     * @return the queried trade's meaning.
     */
    public WalletOutcome forQuery(final JdPayResponse response, final QueryRequest.TradeType asked)
    {
        if (!response.isSuccess())
        {
            return WalletOutcome.unknown(response.resultCode());
        }
        final String type = response.tradeType();
        if (null != type && !asked.wire().equals(type))
        {
            return WalletOutcome.unknown(JdPayResultCodes.SUCCESS + "/tradeType=" + type);
        }
        return QueryRequest.TradeType.PAYMENT == asked ?
            forPaymentStatus(response.status()) : forReversalStatus(response.status());
    }

    /**
     * A revoke answer, about the revoke: approved when done, in progress or unknown when it must be sent again,
     * declined when JD refuses for good.
     *
     * @param response a verified answer.
     * @return the revoke's meaning.
     */
    public WalletOutcome forRevoke(final JdPayResponse response)
    {
        if (response.isSuccess())
        {
            return forReversalStatus(response.status());
        }
        final String code = response.resultCode();
        if (JdPayResultCodes.TRADE_CLOSED.equals(code))
        {
            return WalletOutcome.approved(code);
        }
        if (JdPayResultCodes.SYSTEM_BUSY.equals(code) || JdPayResultCodes.TRADE_NOT_EXIST.equals(code))
        {
            return WalletOutcome.unknown(code);
        }
        return forCode(code);
    }

    /**
     * A refund answer, about the refund.
     *
     * @param response a verified answer.
     * @return the refund's meaning.
     */
    public WalletOutcome forRefund(final JdPayResponse response)
    {
        return response.isSuccess() ? forReversalStatus(response.status()) : forCode(response.resultCode());
    }

    /**
     * An answer that did not parse, decrypt or verify: the connector cannot know what happened.
     *
     * @param failure why the answer was refused.
     * @return {@code UNKNOWN} with the refusal reason as the code.
     */
    public static WalletOutcome forUnusableAnswer(final JdPayMessageException failure)
    {
        return WalletOutcome.unknown(failure.reason().name());
    }

    /**
     * @param status a payment trade's {@code status}, possibly null.
     * @return its meaning.
     */
    public static WalletOutcome forPaymentStatus(final String status)
    {
        final WalletOutcome outcome = null == status ? null : PAYMENT_STATUS.get(status);
        return null != outcome ? outcome : WalletOutcome.unknown(statusCode(status));
    }

    /**
     * @param status a refund or revoke trade's {@code status}, possibly null.
     * @return its meaning.
     */
    public static WalletOutcome forReversalStatus(final String status)
    {
        final WalletOutcome outcome = null == status ? null : REVERSAL_STATUS.get(status);
        return null != outcome ? outcome : WalletOutcome.unknown(statusCode(status));
    }

    private static String statusCode(final String status)
    {
        return JdPayResultCodes.SUCCESS + "/" + (null == status ? "-" : status);
    }

    private static Map<String, WalletOutcome> paymentStatus()
    {
        final Map<String, WalletOutcome> table = new LinkedHashMap<>();
        table.put(JdPayResultCodes.PAY_CREATED, WalletOutcome.inProgress(statusCode(JdPayResultCodes.PAY_CREATED)));
        table.put(JdPayResultCodes.PAY_PROCESSING,
            WalletOutcome.inProgress(statusCode(JdPayResultCodes.PAY_PROCESSING)));
        table.put(JdPayResultCodes.PAY_SUCCESS, WalletOutcome.approved(statusCode(JdPayResultCodes.PAY_SUCCESS)));
        table.put(JdPayResultCodes.PAY_FAILED,
            WalletOutcome.declined(DeclineReason.OTHER, statusCode(JdPayResultCodes.PAY_FAILED)));
        // Closed unpaid (timeout, cancel) or revoked: final, nothing taken.
        table.put(JdPayResultCodes.PAY_CLOSED,
            WalletOutcome.declined(DeclineReason.CONSUMER_CANCELLED, statusCode(JdPayResultCodes.PAY_CLOSED)));
        return Collections.unmodifiableMap(table);
    }

    private static Map<String, WalletOutcome> reversalStatus()
    {
        final Map<String, WalletOutcome> table = new LinkedHashMap<>();
        table.put(JdPayResultCodes.REVERSAL_PROCESSING,
            WalletOutcome.inProgress(statusCode(JdPayResultCodes.REVERSAL_PROCESSING)));
        table.put(JdPayResultCodes.REVERSAL_SUCCESS,
            WalletOutcome.approved(statusCode(JdPayResultCodes.REVERSAL_SUCCESS)));
        table.put(JdPayResultCodes.REVERSAL_FAILED,
            WalletOutcome.declined(DeclineReason.OTHER, statusCode(JdPayResultCodes.REVERSAL_FAILED)));
        return Collections.unmodifiableMap(table);
    }

    private static Map<String, WalletOutcome> defaults()
    {
        final Map<String, WalletOutcome> table = new LinkedHashMap<>();
        // The wallet could not tell, or the order number's money may be ours: query.
        unknown(table, JdPayResultCodes.SYSTEM_ERROR);
        unknown(table, JdPayResultCodes.TRADE_PAID);
        unknown(table, JdPayResultCodes.TRADE_NOT_EXIST);
        // Refused before processing: a switch or configuration fault, nothing was charged.
        declined(table, JdPayResultCodes.SYSTEM_BUSY, DeclineReason.WALLET_UNAVAILABLE);
        declined(table, JdPayResultCodes.PARAM_ERROR, DeclineReason.REQUEST_REJECTED);
        declined(table, JdPayResultCodes.SIGN_ERROR, DeclineReason.REQUEST_REJECTED);
        declined(table, JdPayResultCodes.DECRYPT_ERROR, DeclineReason.REQUEST_REJECTED);
        declined(table, JdPayResultCodes.MERCHANT_INVALID, DeclineReason.MERCHANT_NOT_ENROLLED);
        // The consumer's side said no.
        declined(table, JdPayResultCodes.TOKEN_INVALID, DeclineReason.CODE_INVALID_OR_EXPIRED);
        declined(table, JdPayResultCodes.TOKEN_EXPIRED, DeclineReason.CODE_INVALID_OR_EXPIRED);
        declined(table, JdPayResultCodes.TOKEN_USED, DeclineReason.CODE_ALREADY_USED);
        declined(table, JdPayResultCodes.BALANCE_NOT_ENOUGH, DeclineReason.INSUFFICIENT_FUNDS);
        declined(table, JdPayResultCodes.EXCEED_LIMIT, DeclineReason.LIMIT_EXCEEDED);
        declined(table, JdPayResultCodes.ACCOUNT_FROZEN, DeclineReason.ACCOUNT_RESTRICTED);
        declined(table, JdPayResultCodes.RISK_REJECT, DeclineReason.RISK_REFUSED);
        declined(table, JdPayResultCodes.USER_CANCEL, DeclineReason.CONSUMER_CANCELLED);
        // The trade number is dead or belongs to another payment: only a new tradeNum can succeed.
        declined(table, JdPayResultCodes.TRADE_NUM_REPEAT, DeclineReason.DUPLICATE_ORDER);
        declined(table, JdPayResultCodes.TRADE_CLOSED, DeclineReason.DUPLICATE_ORDER);
        // Reversals refused for good.
        declined(table, JdPayResultCodes.REVOKE_NOT_ALLOWED, DeclineReason.OTHER);
        declined(table, JdPayResultCodes.REFUND_AMOUNT_EXCEED, DeclineReason.REQUEST_REJECTED);
        declined(table, JdPayResultCodes.REFUND_NOT_ALLOWED, DeclineReason.OTHER);
        return table;
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
