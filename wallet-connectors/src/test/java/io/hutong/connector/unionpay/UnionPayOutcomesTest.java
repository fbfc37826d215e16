package io.hutong.connector.unionpay;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOutcome;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.hutong.connector.unionpay.UnionPayTestKeys.MCH_ID;
import static io.hutong.connector.unionpay.UnionPayTestKeys.MD5_KEYS;
import static io.hutong.connector.unionpay.UnionPayTestKeys.MD5_MERCHANT;
import static io.hutong.connector.unionpay.UnionPayTestKeys.OUT_TRADE_NO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

class UnionPayOutcomesTest
{
    private static UnionPayResponse.Builder ok()
    {
        return UnionPayResponse.Builder.ok(MCH_ID, "n");
    }

    private static UnionPayResponse answer(final UnionPayResponse.Builder builder) throws UnionPayMessageException
    {
        return UnionPayResponse.parse(builder.toXml(MD5_KEYS), MD5_MERCHANT, OUT_TRADE_NO);
    }

    private static UnionPayResponse refused() throws UnionPayMessageException
    {
        return UnionPayResponse.parse(
            UnionPayXml.writeUtf8(UnionPayResponse.Builder.statusFail("busy")), MD5_MERCHANT, OUT_TRADE_NO);
    }

    private static WalletOutcome declined(final DeclineReason reason, final String code)
    {
        return WalletOutcome.declined(reason, code);
    }

    @Test
    void shouldMapEveryErrCode()
    {
        final Map<String, WalletOutcome> expected = new LinkedHashMap<>();
        for (final String code : new String[] {"SYSTEMERROR", "BANKERROR", "ORDERPAID", "ORDERNOTEXIST",
            "BIZERR_NEED_RETRY", "SOMETHING_NEW", null})
        {
            expected.put(code, WalletOutcome.unknown(code));
        }
        expected.put("USERPAYING", WalletOutcome.inProgress("USERPAYING"));
        expected.put("10003", WalletOutcome.inProgress("10003"));
        expected.put("NOTENOUGH", declined(DeclineReason.INSUFFICIENT_FUNDS, "NOTENOUGH"));
        expected.put("AUTHCODEEXPIRE", declined(DeclineReason.CODE_INVALID_OR_EXPIRED, "AUTHCODEEXPIRE"));
        expected.put("AUTH_CODE_INVALID", declined(DeclineReason.CODE_INVALID_OR_EXPIRED, "AUTH_CODE_INVALID"));
        expected.put("AUTH_CODE_ERROR", declined(DeclineReason.CODE_INVALID_OR_EXPIRED, "AUTH_CODE_ERROR"));
        expected.put("NOTSUPORTCARD", declined(DeclineReason.OTHER, "NOTSUPORTCARD"));
        expected.put("BUYER_MISMATCH", declined(DeclineReason.DUPLICATE_ORDER, "BUYER_MISMATCH"));
        expected.put("ORDERREVERSED", declined(DeclineReason.DUPLICATE_ORDER, "ORDERREVERSED"));
        expected.put("ORDERCLOSED", declined(DeclineReason.DUPLICATE_ORDER, "ORDERCLOSED"));
        expected.put("OUT_TRADE_NO_USED", declined(DeclineReason.DUPLICATE_ORDER, "OUT_TRADE_NO_USED"));
        expected.put("PARAM_ERROR", declined(DeclineReason.REQUEST_REJECTED, "PARAM_ERROR"));
        expected.put("SIGNERROR", declined(DeclineReason.REQUEST_REJECTED, "SIGNERROR"));
        expected.put("LACK_PARAMS", declined(DeclineReason.REQUEST_REJECTED, "LACK_PARAMS"));
        expected.put("INVALID_REQUEST", declined(DeclineReason.REQUEST_REJECTED, "INVALID_REQUEST"));
        expected.put("NOAUTH", declined(DeclineReason.MERCHANT_NOT_ENROLLED, "NOAUTH"));
        expected.put("MCHID_NOT_EXIST", declined(DeclineReason.MERCHANT_NOT_ENROLLED, "MCHID_NOT_EXIST"));
        expected.put("TRADE_ERROR", declined(DeclineReason.RISK_REFUSED, "TRADE_ERROR"));
        expected.put("USER_ACCOUNT_ABNORMAL", declined(DeclineReason.ACCOUNT_RESTRICTED, "USER_ACCOUNT_ABNORMAL"));
        expected.put("FREQUENCY_LIMITED", declined(DeclineReason.WALLET_UNAVAILABLE, "FREQUENCY_LIMITED"));
        expected.put("REVERSE_EXPIRE", declined(DeclineReason.OTHER, "REVERSE_EXPIRE"));
        expected.put("TRADE_OVERDUE", declined(DeclineReason.OTHER, "TRADE_OVERDUE"));

        assertSoftly(softly -> expected.forEach((code, outcome) ->
            softly.assertThat(UnionPayOutcomes.forErrCode(code)).as(code).isEqualTo(outcome)));
    }

    @Test
    void shouldMapEveryTradeState()
    {
        final Map<String, WalletOutcome> expected = new LinkedHashMap<>();
        expected.put("SUCCESS", WalletOutcome.approved("SUCCESS"));
        expected.put("REFUND", WalletOutcome.approved("REFUND"));
        expected.put("NOTPAY", WalletOutcome.inProgress("NOTPAY"));
        expected.put("USERPAYING", WalletOutcome.inProgress("USERPAYING"));
        expected.put("CLOSED", declined(DeclineReason.CONSUMER_CANCELLED, "CLOSED"));
        expected.put("REVOKED", declined(DeclineReason.CONSUMER_CANCELLED, "REVOKED"));
        expected.put("PAYERROR", declined(DeclineReason.OTHER, "PAYERROR"));
        expected.put("NEW_STATE", WalletOutcome.unknown("NEW_STATE"));
        expected.put(null, WalletOutcome.unknown(null));

        assertSoftly(softly -> expected.forEach((state, outcome) ->
            softly.assertThat(UnionPayOutcomes.forTradeState(state)).as(state).isEqualTo(outcome)));
    }

    @Test
    void shouldApproveMicropayOnlyWhenStatusResultAndPayResultAreZero() throws Exception
    {
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultOk().put("pay_result", "0"))))
            .isEqualTo(WalletOutcome.approved("0"));
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultOk()))).as("no pay_result")
            .isEqualTo(WalletOutcome.approved("0"));
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultOk().put("pay_result", "0").needQuery(false))))
            .isEqualTo(WalletOutcome.approved("0"));
        // Paid but "query first" (the consumer is entering a PIN): not approved yet.
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultOk().put("pay_result", "0").needQuery(true))))
            .isEqualTo(WalletOutcome.inProgress("need_query=Y"));
        assertThat(UnionPayOutcomes.forMicropay(refused())).isEqualTo(WalletOutcome.unknown("status=400"));
    }

    @Test
    void shouldTreatMicropayFailureByNeedQuery() throws Exception
    {
        // need_query=N: a definite failure; the row gives the reason, an unknown code is OTHER.
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultFail("NOTENOUGH", "x").needQuery(false))))
            .isEqualTo(declined(DeclineReason.INSUFFICIENT_FUNDS, "NOTENOUGH"));
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultFail("BRAND_NEW", "x").needQuery(false))))
            .isEqualTo(declined(DeclineReason.OTHER, "BRAND_NEW"));
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultFail(null, null).needQuery(false))))
            .isEqualTo(declined(DeclineReason.OTHER, "result_code=1"));
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultOk().put("pay_result", "2").needQuery(false))))
            .isEqualTo(declined(DeclineReason.OTHER, "pay_result=2"));
        // ...but a row that could hide a payment stays so even with need_query=N.
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultFail("SYSTEMERROR", "x").needQuery(false))))
            .isEqualTo(WalletOutcome.unknown("SYSTEMERROR"));
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultFail("USERPAYING", "x").needQuery(false))))
            .isEqualTo(WalletOutcome.inProgress("USERPAYING"));

        // need_query=Y or absent: query, whatever the code says.
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultFail("NOTENOUGH", "x").needQuery(true))))
            .isEqualTo(WalletOutcome.unknown("NOTENOUGH"));
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultFail("AUTH_CODE_INVALID", "x"))))
            .isEqualTo(WalletOutcome.unknown("AUTH_CODE_INVALID"));
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultFail("USERPAYING", "x").needQuery(true))))
            .isEqualTo(WalletOutcome.inProgress("USERPAYING"));
        assertThat(UnionPayOutcomes.forMicropay(answer(ok().resultOk().put("pay_result", "1"))))
            .isEqualTo(WalletOutcome.unknown("pay_result=1"));
    }

    @Test
    void shouldReadQueryStateOnlyFromSuccessfulQueries() throws Exception
    {
        assertThat(UnionPayOutcomes.forQuery(answer(ok().resultOk().put("trade_state", "SUCCESS"))))
            .isEqualTo(WalletOutcome.approved("SUCCESS"));
        assertThat(UnionPayOutcomes.forQuery(answer(ok().resultOk().put("trade_state", "REVOKED"))))
            .isEqualTo(declined(DeclineReason.CONSUMER_CANCELLED, "REVOKED"));
        assertThat(UnionPayOutcomes.forQuery(answer(ok().resultOk())))
            .isEqualTo(WalletOutcome.unknown(null));
        // A failed query says nothing about the payment, even with a code that declines elsewhere.
        assertThat(UnionPayOutcomes.forQuery(answer(ok().resultFail("NOTENOUGH", "x"))))
            .isEqualTo(WalletOutcome.unknown("NOTENOUGH"));
        assertThat(UnionPayOutcomes.forQuery(answer(ok().resultFail("ORDERNOTEXIST", "x"))).status())
            .isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(UnionPayOutcomes.forQuery(refused())).isEqualTo(WalletOutcome.unknown("status=400"));
    }

    @Test
    void shouldMapReverseAnswers() throws Exception
    {
        assertThat(UnionPayOutcomes.forReverse(answer(ok().resultOk()))).isEqualTo(WalletOutcome.approved("0"));
        assertThat(UnionPayOutcomes.forReverse(refused())).isEqualTo(WalletOutcome.unknown("status=400"));
        assertThat(UnionPayOutcomes.forReverse(answer(ok().resultFail("SYSTEMERROR", "x"))))
            .isEqualTo(WalletOutcome.unknown("SYSTEMERROR"));
        assertThat(UnionPayOutcomes.forReverse(answer(ok().resultFail("REVERSE_EXPIRE", "x").put("recall", "Y"))))
            .as("recall=Y wins").isEqualTo(WalletOutcome.unknown("REVERSE_EXPIRE"));
        assertThat(UnionPayOutcomes.forReverse(answer(ok().resultFail("USERPAYING", "x"))))
            .isEqualTo(WalletOutcome.inProgress("USERPAYING"));
        assertThat(UnionPayOutcomes.forReverse(answer(ok().resultFail("REVERSE_EXPIRE", "x"))))
            .isEqualTo(declined(DeclineReason.OTHER, "REVERSE_EXPIRE"));
        assertThat(UnionPayOutcomes.forReverse(answer(ok().resultFail("BRAND_NEW", "x"))))
            .as("unknown code: send again").isEqualTo(WalletOutcome.unknown("BRAND_NEW"));
    }

    @Test
    void shouldMapRefundAnswers() throws Exception
    {
        assertThat(UnionPayOutcomes.forRefund(answer(ok().resultOk().put("refund_id", "R1"))))
            .isEqualTo(WalletOutcome.approved("0"));
        assertThat(UnionPayOutcomes.forRefund(answer(ok().resultFail("TRADE_OVERDUE", "x"))))
            .isEqualTo(declined(DeclineReason.OTHER, "TRADE_OVERDUE"));
        assertThat(UnionPayOutcomes.forRefund(answer(ok().resultFail("SYSTEMERROR", "x"))))
            .isEqualTo(WalletOutcome.unknown("SYSTEMERROR"));
        assertThat(UnionPayOutcomes.forRefund(refused())).isEqualTo(WalletOutcome.unknown("status=400"));
    }

    @Test
    void shouldTreatUnusableAnswersAsUnknown()
    {
        assertThat(UnionPayOutcomes.forUnusableAnswer(new UnionPayMessageException(
            UnionPayMessageException.Reason.BAD_SIGNATURE, "sign_type=MD5")))
            .isEqualTo(WalletOutcome.unknown("BAD_SIGNATURE"));
    }
}
