package io.hutong.connector.alipay;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOutcome;

import java.util.HashMap;
import java.util.Map;

/**
 * The one table from Alipay answers to {@link OutcomeStatus} and {@link DeclineReason}. Codes per the Alipay
 * open-platform reference: 10000 success, 10003 waiting for the user (query), 20000 service unknown (query),
 * 20001 / 40001 / 40002 gateway rejections (missing permission, missing or invalid arguments or signature),
 * 40004 business failure with an {@code ACQ.*} {@code sub_code}.
 * <p>
 * Decisions worth knowing:
 * <ul>
 *   <li>{@code ACQ.SYSTEM_ERROR} and the 20000 family are {@link OutcomeStatus#UNKNOWN}, never a decline:
 *       the trade may have gone through, so the engine queries and then cancels.</li>
 *   <li>{@code ACQ.TRADE_HAS_SUCCESS} on pay means this order number is already paid. Alipay's advice is to
 *       check whether it is this buyer's payment; a resend of our own order after a timeout is exactly that,
 *       so it is {@link OutcomeStatus#UNKNOWN} (the query settles it, and must compare the amount), not a
 *       decline that would lose a real debit.</li>
 *   <li>{@code ACQ.TRADE_HAS_CLOSE} (order number closed, nothing paid) and {@code ACQ.CONTEXT_INCONSISTENT}
 *       (same order number, different content) are {@link DeclineReason#DUPLICATE_ORDER}: only a new
 *       {@code out_trade_no} can succeed.</li>
 *   <li>A query's 10000 is decided by {@code trade_status}; any other query answer says nothing about the
 *       payment and is {@link OutcomeStatus#UNKNOWN}.</li>
 *   <li>Cancel with {@code retry_flag=Y} is {@link OutcomeStatus#IN_PROGRESS}: call cancel again.</li>
 *   <li>An answer that did not parse or verify ({@link AlipayResponse.Failure}) is {@link OutcomeStatus#UNKNOWN}.</li>
 * </ul>
 * Each outcome keeps Alipay's deciding code ({@code sub_code}, else {@code trade_status} or {@code code}) for the
 * journal. Stateless and thread-safe.
 */
public final class AlipayOutcomes
{
    private static final Map<String, DeclineReason> SUB_CODES = new HashMap<>();

    static
    {
        SUB_CODES.put("ACQ.BUYER_BALANCE_NOT_ENOUGH", DeclineReason.INSUFFICIENT_FUNDS);
        SUB_CODES.put("ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH", DeclineReason.INSUFFICIENT_FUNDS);
        SUB_CODES.put("ACQ.PAYMENT_AUTH_CODE_INVALID", DeclineReason.CODE_INVALID_OR_EXPIRED);
        SUB_CODES.put("ACQ.TRADE_HAS_CLOSE", DeclineReason.DUPLICATE_ORDER);
        SUB_CODES.put("ACQ.CONTEXT_INCONSISTENT", DeclineReason.DUPLICATE_ORDER);
        SUB_CODES.put("ACQ.BEYOND_PAY_RESTRICTION", DeclineReason.LIMIT_EXCEEDED);
        SUB_CODES.put("ACQ.BEYOND_PER_RECEIPT_RESTRICTION", DeclineReason.LIMIT_EXCEEDED);
        SUB_CODES.put("ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR", DeclineReason.LIMIT_EXCEEDED);
        SUB_CODES.put("ACQ.BUYER_PAYMENT_AMOUNT_MONTH_LIMIT_ERROR", DeclineReason.LIMIT_EXCEEDED);
        SUB_CODES.put("ACQ.ERROR_BUYER_CERTIFY_LEVEL_LIMIT", DeclineReason.LIMIT_EXCEEDED);
        SUB_CODES.put("ACQ.INVALID_PARAMETER", DeclineReason.REQUEST_REJECTED);
        SUB_CODES.put("ACQ.TOTAL_FEE_EXCEED", DeclineReason.REQUEST_REJECTED);
        SUB_CODES.put("ACQ.BUYER_ENABLE_STATUS_FORBID", DeclineReason.ACCOUNT_RESTRICTED);
        SUB_CODES.put("ACQ.PAYMENT_REQUEST_HAS_RISK", DeclineReason.RISK_REFUSED);
        SUB_CODES.put("ACQ.ACCESS_FORBIDDEN", DeclineReason.MERCHANT_NOT_ENROLLED);
        SUB_CODES.put("ACQ.SELLER_BEEN_BLOCKED", DeclineReason.MERCHANT_NOT_ENROLLED);
    }

    private AlipayOutcomes()
    {
    }

    /**
     * Classify a verified answer by its method.
     *
     * @param response the answer.
     * @return the outcome; {@link OutcomeStatus#UNKNOWN} for a method outside barcode payments.
     */
    public static WalletOutcome of(final AlipayResponse response)
    {
        final String code = response.code();
        final String subCode = response.subCode();
        switch (response.method())
        {
            case AlipayRequest.Pay.METHOD:
                return forPay(code, subCode);
            case AlipayRequest.Query.METHOD:
                return forQuery(code, subCode, response.tradeStatus());
            case AlipayRequest.Cancel.METHOD:
                return forCancel(code, subCode, response.retryFlag());
            case AlipayRequest.Refund.METHOD:
                return forRefund(code, subCode);
            default:
                return WalletOutcome.unknown(code);
        }
    }

    /**
     * alipay.trade.pay: 10000 approved, 10003 in progress, 20000 unknown, failures by {@code sub_code}.
     *
     * @param code    the answer's code.
     * @param subCode the answer's sub_code, or null.
     * @return the outcome.
     */
    public static WalletOutcome forPay(final String code, final String subCode)
    {
        if ("10000".equals(code))
        {
            return WalletOutcome.approved(code);
        }
        if ("10003".equals(code))
        {
            return WalletOutcome.inProgress(code);
        }
        if ("ACQ.TRADE_HAS_SUCCESS".equals(subCode))
        {
            return WalletOutcome.unknown(subCode);
        }
        return failure(code, subCode);
    }

    /**
     * alipay.trade.query: 10000 decided by {@code trade_status}, anything else unknown.
     *
     * @param code        the answer's code.
     * @param subCode     the answer's sub_code, or null.
     * @param tradeStatus the answer's trade_status, or null.
     * @return the outcome.
     */
    public static WalletOutcome forQuery(final String code, final String subCode, final String tradeStatus)
    {
        if (!"10000".equals(code) || tradeStatus == null)
        {
            return WalletOutcome.unknown(null != subCode ? subCode : code);
        }
        switch (tradeStatus)
        {
            case "TRADE_SUCCESS":
            case "TRADE_FINISHED":
                return WalletOutcome.approved(tradeStatus);
            case "WAIT_BUYER_PAY":
                return WalletOutcome.inProgress(tradeStatus);
            case "TRADE_CLOSED":
                // Unpaid and closed (timeout or cancel), or fully refunded: either way not a standing debit.
                return WalletOutcome.declined(DeclineReason.CONSUMER_CANCELLED, tradeStatus);
            default:
                return WalletOutcome.unknown(tradeStatus);
        }
    }

    /**
     * alipay.trade.cancel: {@code retry_flag=Y} in progress (call again), 10000 approved (closed or refunded).
     *
     * @param code      the answer's code.
     * @param subCode   the answer's sub_code, or null.
     * @param retryFlag the answer's retry_flag, or null.
     * @return the outcome.
     */
    public static WalletOutcome forCancel(final String code, final String subCode, final String retryFlag)
    {
        if ("Y".equals(retryFlag))
        {
            return WalletOutcome.inProgress(null != subCode ? subCode : code);
        }
        if ("10000".equals(code))
        {
            return WalletOutcome.approved(code);
        }
        return failure(code, subCode);
    }

    /**
     * alipay.trade.refund: 10000 approved (also for a resend of an already done refund), failures by
     * {@code sub_code}.
     *
     * @param code    the answer's code.
     * @param subCode the answer's sub_code, or null.
     * @return the outcome.
     */
    public static WalletOutcome forRefund(final String code, final String subCode)
    {
        if ("10000".equals(code))
        {
            return WalletOutcome.approved(code);
        }
        return failure(code, subCode);
    }

    /**
     * The decline reason for a 40004 {@code sub_code}.
     *
     * @param subCode the sub_code, or null.
     * @return the reason; {@link DeclineReason#OTHER} when unknown.
     */
    public static DeclineReason declineReason(final String subCode)
    {
        if (subCode == null)
        {
            return DeclineReason.OTHER;
        }
        final DeclineReason known = SUB_CODES.get(subCode);
        if (known != null)
        {
            return known;
        }
        if (subCode.startsWith("isv.") || subCode.startsWith("aop."))
        {
            return DeclineReason.REQUEST_REJECTED;
        }
        if (subCode.startsWith("ACQ.EXCEED_"))
        {
            return DeclineReason.LIMIT_EXCEEDED;
        }
        if (subCode.startsWith("ACQ.RISK"))
        {
            return DeclineReason.RISK_REFUSED;
        }
        return DeclineReason.OTHER;
    }

    private static WalletOutcome failure(final String code, final String subCode)
    {
        final String walletCode = null != subCode ? subCode : code;
        if (code == null)
        {
            return WalletOutcome.unknown(walletCode);
        }
        switch (code)
        {
            case "40004":
                return "ACQ.SYSTEM_ERROR".equals(subCode) ?
                    WalletOutcome.unknown(walletCode) : WalletOutcome.declined(declineReason(subCode), walletCode);
            case "20001":
            case "40001":
            case "40002":
                // Refused at the gateway before any business processing: a switch or configuration fault.
                return WalletOutcome.declined(DeclineReason.REQUEST_REJECTED, walletCode);
            default:
                // 20000 (service unknown) and anything unexpected: the trade may exist.
                return WalletOutcome.unknown(walletCode);
        }
    }
}
