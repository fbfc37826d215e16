package io.hutong.connector.gm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;

class GmOutcomesTest
{
    /** The err_code list of docs/wallet-interface-gm.md section 7, in its order. */
    private static final String[] DOCUMENTED = {
        "INVALID_REQUEST", "SIGN_INVALID", "DECRYPT_FAILED", "REQUEST_EXPIRED", "MERCHANT_NOT_ENROLLED",
        "PAYEE_ACCOUNT_INVALID", "AUTH_CODE_INVALID", "AUTH_CODE_EXPIRED", "AUTH_CODE_USED", "INSUFFICIENT_BALANCE",
        "LIMIT_EXCEEDED", "ACCOUNT_RESTRICTED", "RISK_REFUSED", "USER_CANCELLED", "ORDER_CONFLICT", "ORDER_CLOSED",
        "ORDER_NOT_FOUND", "REFUND_AMOUNT_EXCEEDED", "WALLET_UNAVAILABLE"};

    @Test
    void shouldListExactlyTheDocumentedErrCodes()
    {
        assertThat(GmOutcomes.ERR_CODES.keySet()).containsExactly(DOCUMENTED);
    }

    @Test
    void shouldCoverEveryDeclineReason()
    {
        final Set<DeclineReason> reached = EnumSet.noneOf(DeclineReason.class);
        reached.addAll(GmOutcomes.ERR_CODES.values());

        assertThat(reached).containsExactlyInAnyOrder(DeclineReason.values());
    }

    @Test
    void shouldAnswerEveryCombination()
    {
        for (final GmOperation operation : GmOperation.values())
        {
            for (final GmResponse.Code code : GmResponse.Code.values())
            {
                for (final String errCode : DOCUMENTED)
                {
                    final GmOutcomes.Outcome outcome = GmOutcomes.of(operation, code, errCode, "SUCCESS");
                    assertThat(outcome).isNotNull();
                    assertThat(outcome.reason() != null).isEqualTo(outcome.status() == OutcomeStatus.DECLINED);
                }
            }
        }
    }

    @Test
    void shouldMapCodesPerOperation()
    {
        assertThat(GmOutcomes.of(GmOperation.PAY, GmResponse.Code.SUCCESS, null, null)).isEqualTo(GmOutcomes.APPROVED);
        assertThat(GmOutcomes.of(GmOperation.PAY, GmResponse.Code.USERPAYING, null, null))
            .isEqualTo(GmOutcomes.IN_PROGRESS);
        assertThat(GmOutcomes.of(GmOperation.PAY, GmResponse.Code.SYSTEM_ERROR, "INSUFFICIENT_BALANCE", null))
            .isEqualTo(GmOutcomes.UNKNOWN);
        assertThat(GmOutcomes.of(GmOperation.PAY, GmResponse.Code.FAIL, "AUTH_CODE_USED", null))
            .isEqualTo(new GmOutcomes.Outcome(OutcomeStatus.DECLINED, DeclineReason.CODE_ALREADY_USED));
        assertThat(GmOutcomes.of(GmOperation.PAY, GmResponse.Code.FAIL, "SOMETHING_NEW", null))
            .isEqualTo(new GmOutcomes.Outcome(OutcomeStatus.DECLINED, DeclineReason.OTHER));
        assertThat(GmOutcomes.of(GmOperation.PAY, null, null, null)).isEqualTo(GmOutcomes.UNKNOWN);
        assertThat(GmOutcomes.of(GmOperation.REVERSE, GmResponse.Code.USERPAYING, null, null))
            .isEqualTo(GmOutcomes.IN_PROGRESS);
        assertThat(GmOutcomes.of(GmOperation.RELEASE, GmResponse.Code.SUCCESS, null, null))
            .isEqualTo(GmOutcomes.APPROVED);
        assertThat(GmOutcomes.of(GmOperation.CREDIT, GmResponse.Code.FAIL, "PAYEE_ACCOUNT_INVALID", null))
            .isEqualTo(new GmOutcomes.Outcome(OutcomeStatus.DECLINED, DeclineReason.MERCHANT_NOT_ENROLLED));
    }

    @Test
    void shouldDecideQueryByTradeState()
    {
        assertThat(query("SUCCESS")).isEqualTo(GmOutcomes.APPROVED);
        assertThat(query("REFUNDED")).isEqualTo(GmOutcomes.APPROVED);
        assertThat(query("USERPAYING")).isEqualTo(GmOutcomes.IN_PROGRESS);
        assertThat(query("NOTPAY")).isEqualTo(GmOutcomes.IN_PROGRESS);
        assertThat(query("CLOSED").reason()).isEqualTo(DeclineReason.CONSUMER_CANCELLED);
        assertThat(query("REVERSED").reason()).isEqualTo(DeclineReason.CONSUMER_CANCELLED);
        assertThat(query("PAYERROR").reason()).isEqualTo(DeclineReason.OTHER);
        assertThat(query("WHATEVER")).isEqualTo(GmOutcomes.UNKNOWN);
        assertThat(query(null)).isEqualTo(GmOutcomes.UNKNOWN);
    }

    @Test
    void shouldTreatQueryOrderNotFoundAsUnknown()
    {
        assertThat(GmOutcomes.of(GmOperation.QUERY, GmResponse.Code.FAIL, "ORDER_NOT_FOUND", null))
            .isEqualTo(GmOutcomes.UNKNOWN);
        assertThat(GmOutcomes.of(GmOperation.REFUND, GmResponse.Code.FAIL, "ORDER_NOT_FOUND", null).status())
            .isEqualTo(OutcomeStatus.DECLINED);
    }

    @Test
    void shouldMapEveryMessageRefusalToADocumentedErrCode()
    {
        for (final GmMessageException.Reason reason : GmMessageException.Reason.values())
        {
            assertThat(GmOutcomes.ERR_CODES).containsKey(reason.errCode());
        }
    }

    private static GmOutcomes.Outcome query(final String tradeState)
    {
        return GmOutcomes.of(GmOperation.QUERY, GmResponse.Code.SUCCESS, null, tradeState);
    }
}
