package io.hutong.connector.jdpay;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOutcome;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.hutong.connector.jdpay.JdPayTestKeys.CLIENT;
import static io.hutong.connector.jdpay.JdPayTestKeys.MERCHANT;
import static io.hutong.connector.jdpay.JdPayTestKeys.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdPayOutcomesTest
{
    private static final JdPayOutcomes TABLE = JdPayOutcomes.DEFAULT;

    @Test
    void shouldDecidePayByStatus() throws Exception
    {
        assertThat(TABLE.forPay(answer(JdPayOperation.FKM_PAY, "2"))).isEqualTo(WalletOutcome.approved("000000/2"));
        assertThat(TABLE.forPay(answer(JdPayOperation.FKM_PAY, "1"))).isEqualTo(WalletOutcome.inProgress("000000/1"));
        assertThat(TABLE.forPay(answer(JdPayOperation.FKM_PAY, "0"))).isEqualTo(WalletOutcome.inProgress("000000/0"));
        assertThat(TABLE.forPay(answer(JdPayOperation.FKM_PAY, "3")))
            .isEqualTo(WalletOutcome.declined(DeclineReason.OTHER, "000000/3"));
        assertThat(TABLE.forPay(answer(JdPayOperation.FKM_PAY, "4")))
            .isEqualTo(WalletOutcome.declined(DeclineReason.CONSUMER_CANCELLED, "000000/4"));
        assertThat(TABLE.forPay(answer(JdPayOperation.FKM_PAY, "9"))).isEqualTo(WalletOutcome.unknown("000000/9"));
        assertThat(TABLE.forPay(answer(JdPayOperation.FKM_PAY, null))).isEqualTo(WalletOutcome.unknown("000000/-"));
    }

    @Test
    void shouldDeclinePayOnlyWhenNothingCanHaveBeenTaken() throws Exception
    {
        assertPay(JdPayResultCodes.BALANCE_NOT_ENOUGH, WalletOutcome.declined(DeclineReason.INSUFFICIENT_FUNDS,
            "BALANCE_NOT_ENOUGH"));
        assertPay(JdPayResultCodes.TOKEN_EXPIRED, WalletOutcome.declined(DeclineReason.CODE_INVALID_OR_EXPIRED,
            "TOKEN_EXPIRED"));
        assertPay(JdPayResultCodes.TOKEN_INVALID, WalletOutcome.declined(DeclineReason.CODE_INVALID_OR_EXPIRED,
            "TOKEN_INVALID"));
        assertPay(JdPayResultCodes.TOKEN_USED, WalletOutcome.declined(DeclineReason.CODE_ALREADY_USED, "TOKEN_USED"));
        assertPay(JdPayResultCodes.EXCEED_LIMIT, WalletOutcome.declined(DeclineReason.LIMIT_EXCEEDED, "EXCEED_LIMIT"));
        assertPay(JdPayResultCodes.ACCOUNT_FROZEN, WalletOutcome.declined(DeclineReason.ACCOUNT_RESTRICTED,
            "ACCOUNT_FROZEN"));
        assertPay(JdPayResultCodes.RISK_REJECT, WalletOutcome.declined(DeclineReason.RISK_REFUSED, "RISK_REJECT"));
        assertPay(JdPayResultCodes.USER_CANCEL, WalletOutcome.declined(DeclineReason.CONSUMER_CANCELLED,
            "USER_CANCEL"));
        assertPay(JdPayResultCodes.MERCHANT_INVALID,
            WalletOutcome.declined(DeclineReason.MERCHANT_NOT_ENROLLED, "MERCHANT_INVALID"));
        assertPay(JdPayResultCodes.SIGN_ERROR, WalletOutcome.declined(DeclineReason.REQUEST_REJECTED, "SIGN_ERROR"));
        assertPay(JdPayResultCodes.TRADE_NUM_REPEAT, WalletOutcome.declined(DeclineReason.DUPLICATE_ORDER,
            "TRADE_NUM_REPEAT"));
        assertPay(JdPayResultCodes.SYSTEM_BUSY, WalletOutcome.declined(DeclineReason.WALLET_UNAVAILABLE,
            "SYSTEM_BUSY"));
        // Could hide a payment: query, never decline.
        assertPay(JdPayResultCodes.SYSTEM_ERROR, WalletOutcome.unknown("SYSTEM_ERROR"));
        assertPay(JdPayResultCodes.TRADE_PAID, WalletOutcome.unknown("TRADE_PAID"));
        assertPay(JdPayResultCodes.TRADE_NOT_EXIST, WalletOutcome.unknown("TRADE_NOT_EXIST"));
        assertPay("EXPSB0001", WalletOutcome.unknown("EXPSB0001"));
    }

    @Test
    void shouldDecideQueryByTheStatusOfTheTradeTypeAsked() throws Exception
    {
        final JdPayResponse paid = answer(JdPayOperation.QUERY, "2");
        final JdPayResponse refundDone = answer(JdPayOperation.QUERY, "1");

        assertThat(TABLE.forQuery(paid, QueryRequest.TradeType.PAYMENT)).isEqualTo(WalletOutcome.approved("000000/2"));
        assertThat(TABLE.forQuery(refundDone, QueryRequest.TradeType.PAYMENT))
            .isEqualTo(WalletOutcome.inProgress("000000/1"));
        assertThat(TABLE.forQuery(refundDone, QueryRequest.TradeType.REFUND))
            .isEqualTo(WalletOutcome.approved("000000/1"));
        assertThat(TABLE.forQuery(paid, QueryRequest.TradeType.REFUND))
            .isEqualTo(WalletOutcome.declined(DeclineReason.OTHER, "000000/2"));
        assertThat(TABLE.forQuery(answer(JdPayOperation.QUERY, "4"), QueryRequest.TradeType.PAYMENT).reason())
            .isEqualTo(DeclineReason.CONSUMER_CANCELLED);
        // A failed query says nothing about the payment.
        for (final String code : TABLE.codes().keySet())
        {
            assertThat(TABLE.forQuery(refusal(code), QueryRequest.TradeType.PAYMENT))
                .isEqualTo(WalletOutcome.unknown(code));
        }
    }

    @Test
    void shouldTreatQueryAnswerForTheOtherTradeTypeAsUnknown() throws Exception
    {
        final JdPayResponse refundAnswer = JdPayResponse.parse(JdPayOperation.QUERY,
            JdPayResponse.Builder.success(MERCHANT)
            .put(JdPayFields.TRADE_TYPE, "1").put(JdPayFields.STATUS, "1").build(SERVER), CLIENT);

        assertThat(TABLE.forQuery(refundAnswer, QueryRequest.TradeType.PAYMENT).status())
            .isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(TABLE.forQuery(refundAnswer, QueryRequest.TradeType.REFUND))
            .isEqualTo(WalletOutcome.approved("000000/1"));
    }

    @Test
    void shouldTellRevokeDoneRetryOrRefused() throws Exception
    {
        assertThat(TABLE.forRevoke(answer(JdPayOperation.REVOKE, "1"))).isEqualTo(WalletOutcome.approved("000000/1"));
        assertThat(TABLE.forRevoke(answer(JdPayOperation.REVOKE, "0"))).isEqualTo(WalletOutcome.inProgress("000000/0"));
        assertThat(TABLE.forRevoke(answer(JdPayOperation.REVOKE, "2")))
            .isEqualTo(WalletOutcome.declined(DeclineReason.OTHER, "000000/2"));
        assertThat(TABLE.forRevoke(refusal(JdPayResultCodes.TRADE_CLOSED)))
            .isEqualTo(WalletOutcome.approved("TRADE_CLOSED"));
        assertThat(TABLE.forRevoke(refusal(JdPayResultCodes.SYSTEM_BUSY)))
            .isEqualTo(WalletOutcome.unknown("SYSTEM_BUSY"));
        assertThat(TABLE.forRevoke(refusal(JdPayResultCodes.TRADE_NOT_EXIST)))
            .isEqualTo(WalletOutcome.unknown("TRADE_NOT_EXIST"));
        assertThat(TABLE.forRevoke(refusal(JdPayResultCodes.SYSTEM_ERROR)))
            .isEqualTo(WalletOutcome.unknown("SYSTEM_ERROR"));
        assertThat(TABLE.forRevoke(refusal(JdPayResultCodes.REVOKE_NOT_ALLOWED)))
            .isEqualTo(WalletOutcome.declined(DeclineReason.OTHER, "REVOKE_NOT_ALLOWED"));
    }

    @Test
    void shouldClassifyRefunds() throws Exception
    {
        assertThat(TABLE.forRefund(answer(JdPayOperation.REFUND, "1"))).isEqualTo(WalletOutcome.approved("000000/1"));
        assertThat(TABLE.forRefund(answer(JdPayOperation.REFUND, "0"))).isEqualTo(WalletOutcome.inProgress("000000/0"));
        assertThat(TABLE.forRefund(answer(JdPayOperation.REFUND, "2")))
            .isEqualTo(WalletOutcome.declined(DeclineReason.OTHER,
            "000000/2"));
        assertThat(TABLE.forRefund(refusal(JdPayResultCodes.REFUND_AMOUNT_EXCEED)))
            .isEqualTo(WalletOutcome.declined(DeclineReason.REQUEST_REJECTED, "REFUND_AMOUNT_EXCEED"));
        assertThat(TABLE.forRefund(refusal(JdPayResultCodes.SYSTEM_ERROR)))
            .isEqualTo(WalletOutcome.unknown("SYSTEM_ERROR"));
    }

    @Test
    void shouldTreatUnusableAnswersAsUnknown()
    {
        final WalletOutcome outcome = JdPayOutcomes.forUnusableAnswer(
            new JdPayMessageException(JdPayMessageException.Reason.BAD_SIGNATURE, "test"));

        assertThat(outcome).isEqualTo(WalletOutcome.unknown("BAD_SIGNATURE"));
    }

    @Test
    void shouldTakeOperatorOverridesButNeverForSuccess() throws Exception
    {
        final JdPayOutcomes table = TABLE.withOverrides(Map.of(
            "EXPSB0001", WalletOutcome.declined(DeclineReason.INSUFFICIENT_FUNDS, "EXPSB0001"),
            JdPayResultCodes.SYSTEM_BUSY, WalletOutcome.unknown(JdPayResultCodes.SYSTEM_BUSY)));

        assertThat(table.forPay(refusal("EXPSB0001")).reason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
        assertThat(table.forPay(refusal(JdPayResultCodes.SYSTEM_BUSY)).status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(TABLE.forPay(refusal("EXPSB0001")).status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThatThrownBy(() -> TABLE.withOverrides(Map.of(JdPayResultCodes.SUCCESS, WalletOutcome.approved("x"))))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.codes().put("x", WalletOutcome.unknown("x")))
            .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldNeverDeclineForAnUnlistedCode()
    {
        for (final WalletOutcome outcome : TABLE.codes().values())
        {
            assertThat(outcome.walletCode()).isNotNull();
        }
        assertThat(TABLE.forCode(null)).isEqualTo(WalletOutcome.unknown(null));
        assertThat(TABLE.forCode("999999").status()).isEqualTo(OutcomeStatus.UNKNOWN);
    }

    private static void assertPay(final String code, final WalletOutcome expected) throws Exception
    {
        assertThat(TABLE.forPay(refusal(code))).isEqualTo(expected);
    }

    private static JdPayResponse answer(final JdPayOperation operation, final String status) throws Exception
    {
        return JdPayResponse.parse(operation, JdPayResponse.Builder.success(MERCHANT).put(JdPayFields.TRADE_NUM, "T1")
            .put(JdPayFields.STATUS, status).build(SERVER), CLIENT);
    }

    private static JdPayResponse refusal(final String code) throws Exception
    {
        return JdPayResponse.parse(JdPayOperation.FKM_PAY, JdPayResponse.Builder.refusal(MERCHANT, code, "x"), CLIENT);
    }
}
