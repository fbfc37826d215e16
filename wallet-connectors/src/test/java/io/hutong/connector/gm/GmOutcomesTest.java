package io.hutong.connector.gm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOutcome;

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
                    final WalletOutcome outcome = GmOutcomes.of(operation, code, errCode, "SUCCESS");
                    assertThat(outcome).isNotNull();
                    assertThat(outcome.reason() != null).isEqualTo(outcome.status() == OutcomeStatus.DECLINED);
                }
            }
        }
    }

    @Test
    void shouldMapCodesPerOperation()
    {
        assertThat(GmOutcomes.of(GmOperation.PAY, GmResponse.Code.SUCCESS, null, null)).usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.approved(null));
        assertThat(GmOutcomes.of(GmOperation.PAY, GmResponse.Code.USERPAYING, null, null))
            .usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.inProgress(null));
        assertThat(GmOutcomes.of(GmOperation.PAY, GmResponse.Code.SYSTEM_ERROR, "INSUFFICIENT_BALANCE", null))
            .usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.unknown(null));
        assertThat(GmOutcomes.of(GmOperation.PAY, GmResponse.Code.FAIL, "AUTH_CODE_USED", null))
            .usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.declined(DeclineReason.CODE_ALREADY_USED, null));
        assertThat(GmOutcomes.of(GmOperation.PAY, GmResponse.Code.FAIL, "SOMETHING_NEW", null))
            .usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.declined(DeclineReason.OTHER, null));
        assertThat(GmOutcomes.of(GmOperation.PAY, null, null, null)).usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.unknown(null));
        assertThat(GmOutcomes.of(GmOperation.REVERSE, GmResponse.Code.USERPAYING, null, null))
            .usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.inProgress(null));
        assertThat(GmOutcomes.of(GmOperation.RELEASE, GmResponse.Code.SUCCESS, null, null))
            .usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.approved(null));
        assertThat(GmOutcomes.of(GmOperation.CREDIT, GmResponse.Code.FAIL, "PAYEE_ACCOUNT_INVALID", null))
            .usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.declined(DeclineReason.MERCHANT_NOT_ENROLLED, null));
    }

    @Test
    void shouldDecideQueryByTradeState()
    {
        assertThat(query("SUCCESS")).usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.approved(null));
        assertThat(query("REFUNDED")).usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.approved(null));
        assertThat(query("USERPAYING")).usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.inProgress(null));
        assertThat(query("NOTPAY")).usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.inProgress(null));
        assertThat(query("CLOSED").reason()).isEqualTo(DeclineReason.CONSUMER_CANCELLED);
        assertThat(query("REVERSED").reason()).isEqualTo(DeclineReason.CONSUMER_CANCELLED);
        assertThat(query("PAYERROR").reason()).isEqualTo(DeclineReason.OTHER);
        assertThat(query("WHATEVER")).usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.unknown(null));
        assertThat(query(null)).usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.unknown(null));
    }

    @Test
    void shouldTreatQueryOrderNotFoundAsUnknown()
    {
        assertThat(GmOutcomes.of(GmOperation.QUERY, GmResponse.Code.FAIL, "ORDER_NOT_FOUND", null))
            .usingRecursiveComparison().ignoringFields("walletCode").isEqualTo(WalletOutcome.unknown(null));
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

    private static WalletOutcome query(final String tradeState)
    {
        return GmOutcomes.of(GmOperation.QUERY, GmResponse.Code.SUCCESS, null, tradeState);
    }
}
