package io.hutong.connector.wechat;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOutcome;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.hutong.connector.wechat.WeChatRequestsTest.MD5_MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

class WeChatOutcomesTest
{
    private static final WalletOutcome IN_PROGRESS = new WalletOutcome(OutcomeStatus.IN_PROGRESS, null, null);
    private static final WalletOutcome UNKNOWN = new WalletOutcome(OutcomeStatus.UNKNOWN, null, null);
    private static final WalletOutcome APPROVED = new WalletOutcome(OutcomeStatus.APPROVED, null, null);

    private static WalletOutcome declined(final DeclineReason reason)
    {
        return new WalletOutcome(OutcomeStatus.DECLINED, reason, null);
    }

    @Test
    void shouldMapEveryErrCode()
    {
        final Map<String, WalletOutcome> expected = new LinkedHashMap<>();
        expected.put("SYSTEMERROR", UNKNOWN);
        expected.put("BANKERROR", UNKNOWN);
        expected.put("ORDERPAID", UNKNOWN);
        expected.put("ORDERNOTEXIST", UNKNOWN);
        expected.put("BIZERR_NEED_RETRY", UNKNOWN);
        expected.put("USERPAYING", IN_PROGRESS);
        expected.put("NOTENOUGH", declined(DeclineReason.INSUFFICIENT_FUNDS));
        expected.put("AUTHCODEEXPIRE", declined(DeclineReason.CODE_INVALID_OR_EXPIRED));
        expected.put("AUTH_CODE_INVALID", declined(DeclineReason.CODE_INVALID_OR_EXPIRED));
        expected.put("AUTH_CODE_ERROR", declined(DeclineReason.CODE_INVALID_OR_EXPIRED));
        expected.put("NOTSUPORTCARD", declined(DeclineReason.OTHER));
        expected.put("BUYER_MISMATCH", declined(DeclineReason.DUPLICATE_ORDER));
        expected.put("ORDERREVERSED", declined(DeclineReason.DUPLICATE_ORDER));
        expected.put("ORDERCLOSED", declined(DeclineReason.DUPLICATE_ORDER));
        expected.put("OUT_TRADE_NO_USED", declined(DeclineReason.DUPLICATE_ORDER));
        expected.put("PARAM_ERROR", declined(DeclineReason.REQUEST_REJECTED));
        expected.put("SIGNERROR", declined(DeclineReason.REQUEST_REJECTED));
        expected.put("XML_FORMAT_ERROR", declined(DeclineReason.REQUEST_REJECTED));
        expected.put("REQUIRE_POST_METHOD", declined(DeclineReason.REQUEST_REJECTED));
        expected.put("LACK_PARAMS", declined(DeclineReason.REQUEST_REJECTED));
        expected.put("NOT_UTF8", declined(DeclineReason.REQUEST_REJECTED));
        expected.put("POST_DATA_EMPTY", declined(DeclineReason.REQUEST_REJECTED));
        expected.put("INVALID_REQUEST", declined(DeclineReason.REQUEST_REJECTED));
        expected.put("INVALID_TRANSACTIONID", declined(DeclineReason.REQUEST_REJECTED));
        expected.put("NOAUTH", declined(DeclineReason.MERCHANT_NOT_ENROLLED));
        expected.put("MCHID_NOT_EXIST", declined(DeclineReason.MERCHANT_NOT_ENROLLED));
        expected.put("APPID_NOT_EXIST", declined(DeclineReason.MERCHANT_NOT_ENROLLED));
        expected.put("APPID_MCHID_NOT_MATCH", declined(DeclineReason.MERCHANT_NOT_ENROLLED));
        expected.put("TRADE_ERROR", declined(DeclineReason.RISK_REFUSED));
        expected.put("USER_ACCOUNT_ABNORMAL", declined(DeclineReason.ACCOUNT_RESTRICTED));
        expected.put("FREQUENCY_LIMITED", declined(DeclineReason.WALLET_UNAVAILABLE));
        expected.put("INVALID_REQ_TOO_MUCH", declined(DeclineReason.WALLET_UNAVAILABLE));
        expected.put("REVERSE_EXPIRE", declined(DeclineReason.OTHER));
        expected.put("TRADE_OVERDUE", declined(DeclineReason.OTHER));
        expected.put("ERROR", declined(DeclineReason.OTHER));

        assertSoftly(softly -> expected.forEach((code, outcome) ->
        {
            final WalletOutcome actual = WeChatOutcomes.forErrCode(code);
            softly.assertThat(actual.status()).as(code).isEqualTo(outcome.status());
            softly.assertThat(actual.reason()).as(code).isEqualTo(outcome.reason());
            softly.assertThat(actual.walletCode()).as(code).isEqualTo(code);
        }));
    }

    @Test
    void shouldMapEveryTradeState()
    {
        final Map<String, WalletOutcome> expected = new LinkedHashMap<>();
        expected.put("SUCCESS", APPROVED);
        expected.put("REFUND", APPROVED);
        expected.put("NOTPAY", IN_PROGRESS);
        expected.put("USERPAYING", IN_PROGRESS);
        expected.put("CLOSED", declined(DeclineReason.CONSUMER_CANCELLED));
        expected.put("REVOKED", declined(DeclineReason.CONSUMER_CANCELLED));
        expected.put("PAYERROR", declined(DeclineReason.OTHER));

        assertSoftly(softly -> expected.forEach((state, outcome) ->
        {
            final WalletOutcome actual = WeChatOutcomes.forTradeState(state);
            softly.assertThat(actual.status()).as(state).isEqualTo(outcome.status());
            softly.assertThat(actual.reason()).as(state).isEqualTo(outcome.reason());
            softly.assertThat(actual.walletCode()).as(state).isEqualTo(state);
        }));
    }

    @Test
    void shouldTreatUnlistedCodesAsUnknown()
    {
        assertThat(WeChatOutcomes.forErrCode("SOMETHING_NEW").status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(WeChatOutcomes.forErrCode("SOMETHING_NEW").walletCode()).isEqualTo("SOMETHING_NEW");
        assertThat(WeChatOutcomes.forErrCode(null).status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(WeChatOutcomes.forTradeState("ACCEPT").status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(WeChatOutcomes.forTradeState(null).status()).isEqualTo(OutcomeStatus.UNKNOWN);
    }

    @Test
    void shouldMapMicropayAnswers() throws Exception
    {
        assertThat(WeChatOutcomes.forMicropay(answer(b -> b.resultSuccess())).status())
            .isEqualTo(OutcomeStatus.APPROVED);
        assertThat(WeChatOutcomes.forMicropay(answer(b -> b.resultFail("USERPAYING", "需要用户输入支付密码"))).status())
            .isEqualTo(OutcomeStatus.IN_PROGRESS);
        assertThat(WeChatOutcomes.forMicropay(answer(b -> b.resultFail("AUTH_CODE_INVALID", "x"))).reason())
            .isEqualTo(DeclineReason.CODE_INVALID_OR_EXPIRED);
        assertThat(WeChatOutcomes.forMicropay(returnFail()))
            .isEqualTo(new WalletOutcome(OutcomeStatus.DECLINED, DeclineReason.REQUEST_REJECTED, "FAIL"));
    }

    @Test
    void shouldNeverDeclineFromAFailedQuery() throws Exception
    {
        assertThat(WeChatOutcomes.forQuery(answer(b -> b.resultSuccess().put("trade_state", "SUCCESS"))).status())
            .isEqualTo(OutcomeStatus.APPROVED);
        assertThat(WeChatOutcomes.forQuery(answer(b -> b.resultSuccess().put("trade_state", "REVOKED"))).reason())
            .isEqualTo(DeclineReason.CONSUMER_CANCELLED);
        assertThat(WeChatOutcomes.forQuery(answer(b -> b.resultFail("SIGNERROR", "x"))).status())
            .isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(WeChatOutcomes.forQuery(returnFail()).status()).isEqualTo(OutcomeStatus.UNKNOWN);
    }

    @Test
    void shouldAskForAnotherReverseOnRecall() throws Exception
    {
        assertThat(WeChatOutcomes.forReverse(answer(b -> b.resultSuccess().put("recall", "N"))).status())
            .isEqualTo(OutcomeStatus.APPROVED);
        assertThat(WeChatOutcomes.forReverse(answer(b -> b.resultFail("USERPAYING", "x").put("recall", "Y"))).status())
            .isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(WeChatOutcomes.forReverse(answer(b -> b.resultFail("REVERSE_EXPIRE", "x").put("recall", "N")))
            .status()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(WeChatOutcomes.forReverse(returnFail()).status()).isEqualTo(OutcomeStatus.UNKNOWN);
    }

    @Test
    void shouldTreatUnusableAnswerAsUnknown()
    {
        final WalletOutcome outcome = WeChatOutcomes.forUnusableAnswer(
            new WeChatMessageException(WeChatMessageException.Reason.BAD_SIGNATURE, "signType=MD5"));

        assertThat(outcome).isEqualTo(new WalletOutcome(OutcomeStatus.UNKNOWN, null, "BAD_SIGNATURE"));
    }

    private interface Fill
    {
        WeChatResponse.Builder fill(WeChatResponse.Builder builder);
    }

    private static WeChatResponse answer(final Fill fill) throws WeChatMessageException
    {
        final byte[] xml = fill.fill(WeChatResponse.Builder.success(MD5_MERCHANT, "n"))
            .toXml(WeChatSignType.MD5, MD5_MERCHANT.apiKey());
        return WeChatResponse.parse(xml, MD5_MERCHANT);
    }

    private static WeChatResponse returnFail() throws WeChatMessageException
    {
        return WeChatResponse.parse(WeChatXml.writeUtf8(WeChatResponse.Builder.returnFail("签名错误")), MD5_MERCHANT);
    }
}
