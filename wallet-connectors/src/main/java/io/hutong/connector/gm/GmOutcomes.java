package io.hutong.connector.gm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOutcome;

/**
 * The one table from national-cryptography wallet answers to {@link OutcomeStatus} and {@link DeclineReason}
 * (docs/wallet-interface-gm.md sections 6 and 7).
 * <p>
 * Rules:
 * <ul>
 *   <li>{@code SUCCESS}: approved, except for query, which is decided by {@code trade_state}
 *       ({@code SUCCESS}/{@code REFUNDED} approved, {@code USERPAYING}/{@code NOTPAY} in progress,
 *       {@code CLOSED}/{@code REVERSED} declined as cancelled, {@code PAYERROR} declined, anything else
 *       unknown).</li>
 *   <li>{@code USERPAYING}: in progress for every operation (query later, or call reverse/release again).</li>
 *   <li>{@code SYSTEM_ERROR}: unknown, never a decline: the operation may have happened.</li>
 *   <li>{@code FAIL}: declined by {@code err_code} through {@link #ERR_CODES}; an undocumented code is
 *       {@link DeclineReason#OTHER} because {@code FAIL} promises nothing was done. One exception:
 *       {@code ORDER_NOT_FOUND} answering a query is unknown, since the pay may still be in flight.</li>
 *   <li>An answer that did not verify or parse ({@link GmMessageException}) is unknown: callers map it.</li>
 * </ul>
 * Each outcome keeps the deciding code ({@code err_code}, {@code trade_state} or {@code code}) for the journal.
 * Stateless and thread-safe.
 */
public final class GmOutcomes
{
    /** Every documented {@code err_code}, in documentation order, with its decline reason. */
    public static final Map<String, DeclineReason> ERR_CODES;

    static
    {
        final Map<String, DeclineReason> codes = new LinkedHashMap<>();
        codes.put("INVALID_REQUEST", DeclineReason.REQUEST_REJECTED);
        codes.put("SIGN_INVALID", DeclineReason.REQUEST_REJECTED);
        codes.put("DECRYPT_FAILED", DeclineReason.REQUEST_REJECTED);
        codes.put("REQUEST_EXPIRED", DeclineReason.REQUEST_REJECTED);
        codes.put("MERCHANT_NOT_ENROLLED", DeclineReason.MERCHANT_NOT_ENROLLED);
        codes.put("PAYEE_ACCOUNT_INVALID", DeclineReason.MERCHANT_NOT_ENROLLED);
        codes.put("AUTH_CODE_INVALID", DeclineReason.CODE_INVALID_OR_EXPIRED);
        codes.put("AUTH_CODE_EXPIRED", DeclineReason.CODE_INVALID_OR_EXPIRED);
        codes.put("AUTH_CODE_USED", DeclineReason.CODE_ALREADY_USED);
        codes.put("INSUFFICIENT_BALANCE", DeclineReason.INSUFFICIENT_FUNDS);
        codes.put("LIMIT_EXCEEDED", DeclineReason.LIMIT_EXCEEDED);
        codes.put("ACCOUNT_RESTRICTED", DeclineReason.ACCOUNT_RESTRICTED);
        codes.put("RISK_REFUSED", DeclineReason.RISK_REFUSED);
        codes.put("USER_CANCELLED", DeclineReason.CONSUMER_CANCELLED);
        codes.put("ORDER_CONFLICT", DeclineReason.DUPLICATE_ORDER);
        codes.put("ORDER_CLOSED", DeclineReason.DUPLICATE_ORDER);
        codes.put("ORDER_NOT_FOUND", DeclineReason.OTHER);
        codes.put("REFUND_AMOUNT_EXCEEDED", DeclineReason.REQUEST_REJECTED);
        codes.put("WALLET_UNAVAILABLE", DeclineReason.WALLET_UNAVAILABLE);
        ERR_CODES = Collections.unmodifiableMap(codes);
    }

    private GmOutcomes()
    {
    }

    /**
     * Classify a verified answer.
     *
     * @param operation the operation the answer is for.
     * @param response  the answer.
     * @return the outcome.
     */
    public static WalletOutcome of(final GmOperation operation, final GmResponse response)
    {
        return of(operation, response.code(), response.errCode(), response.tradeState());
    }

    /**
     * Classify answer fields.
     *
     * @param operation  the operation the answer is for.
     * @param code       the answer's code, or {@code null}.
     * @param errCode    the answer's err_code, or {@code null}.
     * @param tradeState the answer's trade_state, or {@code null}.
     * @return the outcome.
     */
    public static WalletOutcome of(
        final GmOperation operation, final GmResponse.Code code, final String errCode, final String tradeState)
    {
        if (null == code)
        {
            return WalletOutcome.unknown(errCode);
        }
        switch (code)
        {
            case SUCCESS:
                return GmOperation.QUERY == operation ?
                    forTradeState(tradeState) : WalletOutcome.approved(null != tradeState ? tradeState : code.name());
            case USERPAYING:
                return WalletOutcome.inProgress(code.name());
            case FAIL:
                if (GmOperation.QUERY == operation && "ORDER_NOT_FOUND".equals(errCode))
                {
                    return WalletOutcome.unknown(errCode);
                }
                return WalletOutcome.declined(declineReason(errCode), errCode);
            default:
                return WalletOutcome.unknown(null != errCode ? errCode : code.name());
        }
    }

    /**
     * The outcome a query's {@code trade_state} stands for.
     *
     * @param tradeState the state, or {@code null}.
     * @return the outcome; {@link #UNKNOWN} for an absent or undocumented state.
     */
    public static WalletOutcome forTradeState(final String tradeState)
    {
        if (null == tradeState)
        {
            return WalletOutcome.unknown(null);
        }
        switch (tradeState)
        {
            case "SUCCESS":
            case "REFUNDED":
                // Refunded later is still a payment that happened; the refund is its own operation.
                return WalletOutcome.approved(tradeState);
            case "USERPAYING":
            case "NOTPAY":
                return WalletOutcome.inProgress(tradeState);
            case "CLOSED":
            case "REVERSED":
                return WalletOutcome.declined(DeclineReason.CONSUMER_CANCELLED, tradeState);
            case "PAYERROR":
                return WalletOutcome.declined(DeclineReason.OTHER, tradeState);
            default:
                return WalletOutcome.unknown(tradeState);
        }
    }

    /**
     * The decline reason of an {@code err_code}.
     *
     * @param errCode the code, or {@code null}.
     * @return the reason; {@link DeclineReason#OTHER} when undocumented.
     */
    public static DeclineReason declineReason(final String errCode)
    {
        final DeclineReason known = null == errCode ? null : ERR_CODES.get(errCode);
        return null == known ? DeclineReason.OTHER : known;
    }
}
