package io.hutong.connector.alipay;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlipayOutcomesTest
{
    @ParameterizedTest(name = "pay {0} {1} -> {2} {3}")
    @CsvSource(nullValues = "-", value = {
        "10000, -, APPROVED, -",
        "10003, -, IN_PROGRESS, -",
        "20000, -, UNKNOWN, -",
        "20000, isp.unknow-error, UNKNOWN, -",
        "40004, ACQ.SYSTEM_ERROR, UNKNOWN, -",
        "40004, ACQ.TRADE_HAS_SUCCESS, UNKNOWN, -",
        "40004, ACQ.BUYER_BALANCE_NOT_ENOUGH, DECLINED, INSUFFICIENT_FUNDS",
        "40004, ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH, DECLINED, INSUFFICIENT_FUNDS",
        "40004, ACQ.PAYMENT_AUTH_CODE_INVALID, DECLINED, CODE_INVALID_OR_EXPIRED",
        "40004, ACQ.TRADE_HAS_CLOSE, DECLINED, DUPLICATE_ORDER",
        "40004, ACQ.CONTEXT_INCONSISTENT, DECLINED, DUPLICATE_ORDER",
        "40004, ACQ.EXCEED_MAX_PAYMENT_AMOUNT, DECLINED, LIMIT_EXCEEDED",
        "40004, ACQ.BEYOND_PAY_RESTRICTION, DECLINED, LIMIT_EXCEEDED",
        "40004, ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR, DECLINED, LIMIT_EXCEEDED",
        "40004, ACQ.INVALID_PARAMETER, DECLINED, REQUEST_REJECTED",
        "40004, isv.invalid-app-id, DECLINED, REQUEST_REJECTED",
        "40004, ACQ.BUYER_ENABLE_STATUS_FORBID, DECLINED, ACCOUNT_RESTRICTED",
        "40004, ACQ.RISK_CONTROL_REFUSED, DECLINED, RISK_REFUSED",
        "40004, ACQ.PAYMENT_REQUEST_HAS_RISK, DECLINED, RISK_REFUSED",
        "40004, ACQ.ACCESS_FORBIDDEN, DECLINED, MERCHANT_NOT_ENROLLED",
        "40004, ACQ.PAYMENT_FAIL, DECLINED, OTHER",
        "40004, -, DECLINED, OTHER",
        "40001, isv.missing-method, DECLINED, REQUEST_REJECTED",
        "40002, isv.invalid-signature, DECLINED, REQUEST_REJECTED",
        "20001, isv.insufficient-isv-permissions, DECLINED, REQUEST_REJECTED",
        "99999, -, UNKNOWN, -",
        "-, -, UNKNOWN, -",
    })
    void shouldMapPayAnswers(final String code, final String subCode, final OutcomeStatus status, final DeclineReason reason)
    {
        final WalletOutcome outcome = AlipayOutcomes.forPay(code, subCode);

        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "query {0} {1} {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "10000, -, TRADE_SUCCESS, APPROVED",
        "10000, -, TRADE_FINISHED, APPROVED",
        "10000, -, WAIT_BUYER_PAY, IN_PROGRESS",
        "10000, -, TRADE_CLOSED, DECLINED",
        "10000, -, -, UNKNOWN",
        "40004, ACQ.TRADE_NOT_EXIST, -, UNKNOWN",
        "40004, ACQ.SYSTEM_ERROR, -, UNKNOWN",
        "20000, -, -, UNKNOWN",
    })
    void shouldMapQueryAnswersByTradeStatus(final String code, final String subCode, final String tradeStatus,
        final OutcomeStatus status)
    {
        assertThat(AlipayOutcomes.forQuery(code, subCode, tradeStatus).status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "cancel {0} {1} retry={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "10000, -, N, APPROVED",
        "10000, -, -, APPROVED",
        "10000, -, Y, IN_PROGRESS",
        "40004, ACQ.SYSTEM_ERROR, Y, IN_PROGRESS",
        "40004, ACQ.SYSTEM_ERROR, N, UNKNOWN",
        "20000, -, -, UNKNOWN",
        "40004, ACQ.REASON_TRADE_STATUS_INVALID, N, DECLINED",
    })
    void shouldMapCancelAnswersWithRetryFlag(final String code, final String subCode, final String retryFlag,
        final OutcomeStatus status)
    {
        assertThat(AlipayOutcomes.forCancel(code, subCode, retryFlag).status()).isEqualTo(status);
    }

    @Test
    void shouldMapRefundAnswers()
    {
        assertThat(AlipayOutcomes.forRefund("10000", null)).isEqualTo(WalletOutcome.approved("10000"));
        assertThat(AlipayOutcomes.forRefund("20000", null)).isEqualTo(WalletOutcome.unknown("20000"));
        assertThat(AlipayOutcomes.forRefund("40004", "ACQ.SYSTEM_ERROR"))
            .isEqualTo(WalletOutcome.unknown("ACQ.SYSTEM_ERROR"));
        assertThat(AlipayOutcomes.forRefund("40004", "ACQ.TRADE_NOT_EXIST").reason()).isEqualTo(DeclineReason.OTHER);
    }

    @Test
    void shouldKeepTheDecidingCodeForTheJournal()
    {
        assertThat(AlipayOutcomes.forPay("40004", "ACQ.BUYER_BALANCE_NOT_ENOUGH").walletCode())
            .isEqualTo("ACQ.BUYER_BALANCE_NOT_ENOUGH");
        assertThat(AlipayOutcomes.forQuery("10000", null, "TRADE_CLOSED").walletCode()).isEqualTo("TRADE_CLOSED");
        assertThat(AlipayOutcomes.forPay("10003", null).walletCode()).isEqualTo("10003");
    }

    @Test
    void shouldClassifyParsedAnswersByMethod()
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", "10000");
        fields.put("msg", "Success");
        fields.put("trade_status", "WAIT_BUYER_PAY");
        for (final String method : new String[] {"alipay.trade.pay", "alipay.trade.query"})
        {
            final byte[] body = AlipayResponse.writeSigned(method, fields, TestKeys.GATEWAY.getPrivate());
            final AlipayResponse response = AlipayResponse.parse(method, body, TestKeys.GATEWAY.getPublic()).response();
            assertThat(AlipayOutcomes.of(response).status()).as(method).isEqualTo(
                "alipay.trade.pay".equals(method) ? OutcomeStatus.APPROVED : OutcomeStatus.IN_PROGRESS);
        }
        final byte[] other = AlipayResponse.writeSigned("alipay.trade.close", fields, TestKeys.GATEWAY.getPrivate());
        assertThat(new String(other, StandardCharsets.UTF_8)).startsWith("{\"alipay_trade_close_response\":");
        assertThat(AlipayOutcomes.of(AlipayResponse.parse("alipay.trade.close", other, TestKeys.GATEWAY.getPublic())
            .response()).status()).isEqualTo(OutcomeStatus.UNKNOWN);
    }
}
