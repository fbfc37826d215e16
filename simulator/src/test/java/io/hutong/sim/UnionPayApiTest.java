package io.hutong.sim;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.unionpay.MicropayRequest;
import io.hutong.connector.unionpay.QueryRequest;
import io.hutong.connector.unionpay.RefundRequest;
import io.hutong.connector.unionpay.ReverseRequest;
import io.hutong.connector.unionpay.UnionPayConnectorProvider;
import io.hutong.connector.unionpay.UnionPayFields;
import io.hutong.connector.unionpay.UnionPayMerchant;
import io.hutong.connector.unionpay.UnionPayOutcomes;
import io.hutong.connector.unionpay.UnionPayResponse;
import io.hutong.connector.unionpay.UnionPaySignType;
import io.hutong.connector.unionpay.UnionPayXml;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated UnionPay gateway on the wire, in its default sign type (SM3WITHSM2), read with the message layer
 * the connector uses: every decline is the gateway's own {@code err_code} and {@link UnionPayOutcomes} maps it to
 * the reason a real gateway's would. The wallets' clock is a test clock, so codes can expire and a consumer's
 * confirmation can land.
 */
@Timeout(60)
class UnionPayApiTest
{
    static
    {
        LeakGuard.install();
    }

    @TempDir
    static Path data;

    private static final CachedEpochClock CLOCK = new CachedEpochClock();
    private static final AtomicLong ORDERS = new AtomicLong();
    private static TestWallets wallets;
    private static UnionPayMerchant merchant;
    private static String gatewayPath;

    @BeforeAll
    static void start() throws Exception
    {
        CLOCK.update(System.currentTimeMillis());
        wallets = TestWallets.start(data, CLOCK, "", "unionpay");
        final ConnectorSettings settings = new ConnectorSettings("wallets.unionpay", wallets.credentials().get("unionpay"));
        merchant = UnionPayConnectorProvider.merchant(settings);
        gatewayPath = settings.text("gatewayUrl").substring(settings.text("baseUrl").length());
    }

    @AfterEach
    void clearFaults() throws Exception
    {
        wallets.send("DELETE", wallets.url("unionpay", "/sim/faults"), null);
    }

    @AfterAll
    static void stop() throws Exception
    {
        wallets.close();
        LeakGuard.assertNoLeaks();
    }

    @Test
    void shouldWriteTheConnectorsSettingsIntoTheCredentialsFile() throws Exception
    {
        final var unionpay = wallets.credentials().get("unionpay");

        assertThat(unionpay.get("gatewayUrl").asText()).isEqualTo(unionpay.get("baseUrl").asText() + "/pay/gateway");
        assertThat(unionpay.get("mchId").asText()).matches("QRA29[0-9]{10}");
        assertThat(unionpay.get("signType").asText()).isEqualTo("SM3WITHSM2");
        assertThat(unionpay.has("sm2MerchantPrivateKey")).isTrue();
        assertThat(unionpay.has("sm2GatewayPublicKey")).isTrue();
        assertThat(unionpay.has("md5Key") || unionpay.has("rsaMerchantPrivateKey")).isFalse();
        assertThat(merchant.signType()).isEqualTo(UnionPaySignType.SM3WITHSM2);
        assertThat(gatewayPath).isEqualTo("/pay/gateway");
    }

    @Test
    void shouldPayASignedVerifiedMicropayAndAnswerItsQuery() throws Exception
    {
        final String orderNo = newOrder();
        final UnionPayResponse paid = pay(orderNo, wallets.code("unionpay", "c000001"), 100);

        assertThat(paid.isResultOk()).isTrue();
        assertThat(paid.payResult()).isEqualTo("0");
        assertThat(paid.get(UnionPayFields.SIGN_TYPE)).isEqualTo("SM3WITHSM2");
        assertThat(paid.transactionId()).isNotBlank();
        assertThat(paid.totalFee()).isEqualTo(100);
        assertThat(paid.get(UnionPayFields.TIME_END)).matches("[0-9]{14}");
        assertThat(UnionPayOutcomes.forMicropay(paid).status()).isEqualTo(OutcomeStatus.APPROVED);

        final UnionPayResponse query = query(orderNo);
        assertThat(query.tradeState()).isEqualTo("SUCCESS");
        assertThat(query.transactionId()).isEqualTo(paid.transactionId());
        assertThat(query(newOrder()).errCode()).isEqualTo("ORDERNOTEXIST");
    }

    @Test
    void shouldAcceptAnEmvConsumerCodeWhosePanIsTheNumericCode() throws Exception
    {
        final String emv = wallets.control("POST", "unionpay", "/sim/codes",
            "{\"account\":\"c000002\",\"format\":\"emv\"}").get("code").asText();
        final String orderNo = newOrder();

        assertThat(emv).startsWith("hQVDUFYwMW");
        assertThat(pay(orderNo, emv, 200).isResultOk()).isTrue();
        // The code inside is now used, whichever form carries it.
        assertDeclined(pay(newOrder(), emv, 200), "AUTH_CODE_INVALID", DeclineReason.CODE_INVALID_OR_EXPIRED);
        assertDeclined(pay(newOrder(), "bm90IGEgY29kZQ==", 200), "AUTH_CODE_ERROR",
            DeclineReason.CODE_INVALID_OR_EXPIRED);
    }

    @Test
    void shouldDeclineInvalidUsedAndExpiredCodesWithTheGatewaysErrorCodes() throws Exception
    {
        final String used = wallets.code("unionpay", "c000003");
        pay(newOrder(), used, 10);
        assertDeclined(pay(newOrder(), used, 10), "AUTH_CODE_INVALID", DeclineReason.CODE_INVALID_OR_EXPIRED);
        final String stale = wallets.code("unionpay", "c000003");
        CLOCK.advance(61_000);

        assertDeclined(pay(newOrder(), stale, 10), "AUTHCODEEXPIRE", DeclineReason.CODE_INVALID_OR_EXPIRED);
        assertDeclined(pay(newOrder(), "6299999900000000000", 10), "AUTH_CODE_INVALID",
            DeclineReason.CODE_INVALID_OR_EXPIRED);
    }

    @Test
    void shouldDeclineUnfundedFrozenAndOverLimitPayments() throws Exception
    {
        wallets.control("POST", "unionpay", "/sim/accounts", "{\"account\":\"poor\",\"balance\":50}");
        wallets.control("POST", "unionpay", "/sim/accounts", "{\"account\":\"ice\",\"frozen\":true}");
        wallets.control("POST", "unionpay", "/sim/accounts", "{\"account\":\"capped\",\"perPaymentLimit\":20}");

        assertDeclined(pay(newOrder(), wallets.code("unionpay", "poor"), 51), "NOTENOUGH",
            DeclineReason.INSUFFICIENT_FUNDS);
        assertDeclined(pay(newOrder(), wallets.code("unionpay", "ice"), 1), "USER_ACCOUNT_ABNORMAL",
            DeclineReason.ACCOUNT_RESTRICTED);
        assertDeclined(pay(newOrder(), wallets.code("unionpay", "capped"), 21), "TRADE_ERROR",
            DeclineReason.RISK_REFUSED);
    }

    @Test
    void shouldAskForAQueryWhileTheConsumerConfirmsAndLetAReverseCallAgain() throws Exception
    {
        faults("{\"userPayingRate\":1.0,\"userPayingMs\":5000,\"operations\":[\"pay\"]}");
        final String confirmed = newOrder();
        final String reversed = newOrder();

        final UnionPayResponse waiting = pay(confirmed, wallets.code("unionpay", "c000004"), 300);
        pay(reversed, wallets.code("unionpay", "c000004"), 300);

        assertThat(waiting.errCode()).isEqualTo("USERPAYING");
        assertThat(waiting.needQuery()).isEqualTo("Y");
        assertThat(UnionPayOutcomes.forMicropay(waiting).status()).isEqualTo(OutcomeStatus.IN_PROGRESS);
        assertThat(query(confirmed).tradeState()).isEqualTo("USERPAYING");
        final UnionPayResponse callAgain = reverse(reversed);
        assertThat(callAgain.errCode()).isEqualTo("USERPAYING");
        assertThat(UnionPayOutcomes.forReverse(callAgain).status()).isEqualTo(OutcomeStatus.IN_PROGRESS);
        assertThat(reverse(reversed).isResultOk()).isTrue();
        assertThat(query(reversed).tradeState()).isEqualTo("REVOKED");

        CLOCK.advance(5_000);
        assertThat(query(confirmed).tradeState()).isEqualTo("SUCCESS");
    }

    @Test
    void shouldRefundIdempotentlyByRefundNumberWithinThePaidAmount() throws Exception
    {
        final String orderNo = newOrder();
        pay(orderNo, wallets.code("unionpay", "c000005"), 1_000);

        final UnionPayResponse first = refund(orderNo, orderNo + "R1", 1_000, 600);
        final UnionPayResponse again = refund(orderNo, orderNo + "R1", 1_000, 600);
        final UnionPayResponse tooMuch = refund(orderNo, orderNo + "R2", 1_000, 500);
        final UnionPayResponse wrongTotal = refund(orderNo, orderNo + "R3", 999, 1);

        assertThat(first.isResultOk()).isTrue();
        assertThat(first.refundFee()).isEqualTo(600);
        assertThat(again.refundId()).isEqualTo(first.refundId());
        assertThat(tooMuch.errCode()).isEqualTo("INVALID_REQUEST");
        assertThat(UnionPayOutcomes.forRefund(tooMuch).status()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(wrongTotal.errCode()).isEqualTo("PARAM_ERROR");
        assertThat(query(orderNo).tradeState()).isEqualTo("REFUND");
        assertThat(reverse(orderNo).errCode()).isEqualTo("REVERSE_EXPIRE");
    }

    @Test
    void shouldRefuseUnprocessedWhatItCannotAuthenticateAndChargeNothing() throws Exception
    {
        final String orderNo = newOrder();
        final LinkedHashMap<String, String> signed = new MicropayRequest(orderNo, "test", 100, "127.0.0.1",
            wallets.code("unionpay", "c000006")).signedParameters(merchant, "n1");
        final Map<String, String> tampered = new LinkedHashMap<>(signed);
        tampered.put(UnionPayFields.TOTAL_FEE, "1");
        final Map<String, String> otherMerchant = new LinkedHashMap<>(signed);
        otherMerchant.put(UnionPayFields.MCH_ID, "QRA000");
        final Map<String, String> md5 = new LinkedHashMap<>(signed);
        md5.put(UnionPayFields.SIGN_TYPE, "MD5");

        assertRefused(UnionPayXml.writeUtf8(tampered), "reason=BAD_SIGNATURE");
        assertRefused(UnionPayXml.writeUtf8(otherMerchant), "reason=UNKNOWN_MERCHANT");
        assertRefused(UnionPayXml.writeUtf8(md5), "reason=SIGN_TYPE_MISMATCH");
        assertRefused("<xml><service>unified.trade.micropay".getBytes(StandardCharsets.UTF_8), "reason=MALFORMED");
        assertThat(query(orderNo).errCode()).isEqualTo("ORDERNOTEXIST");
    }

    @Test
    void shouldDrawFaultsForTheOperationTheServiceNames() throws Exception
    {
        faults("{\"errorRate\":1.0,\"operations\":[\"query\"]}");
        final String orderNo = newOrder();

        final UnionPayResponse paid = pay(orderNo, wallets.code("unionpay", "c000007"), 100);
        final UnionPayResponse query = query(orderNo);
        faults("{\"errorRate\":1.0,\"operations\":[\"pay\"]}");
        final UnionPayResponse busy = pay(newOrder(), wallets.code("unionpay", "c000007"), 100);

        assertThat(paid.isResultOk()).isTrue();
        assertThat(query.errCode()).isEqualTo("SYSTEMERROR");
        assertThat(UnionPayOutcomes.forQuery(query).status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(busy.errCode()).isEqualTo("SYSTEMERROR");
        assertThat(busy.needQuery()).isEqualTo("Y");
        assertThat(UnionPayOutcomes.forMicropay(busy).status()).isEqualTo(OutcomeStatus.UNKNOWN);
    }

    private static void assertDeclined(final UnionPayResponse answer, final String errCode, final DeclineReason reason)
    {
        assertThat(answer.isStatusOk()).as(answer.toString()).isTrue();
        assertThat(answer.errCode()).isEqualTo(errCode);
        assertThat(answer.needQuery()).isEqualTo("N");
        final WalletOutcome outcome = UnionPayOutcomes.forMicropay(answer);
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(outcome.reason()).isEqualTo(reason);
    }

    private static void assertRefused(final byte[] body, final String messageStart) throws Exception
    {
        final UnionPayResponse answer = UnionPayResponse.parse(post(body), merchant, null);
        assertThat(answer.status()).isEqualTo("400");
        assertThat(answer.message()).startsWith(messageStart);
        assertThat(answer.get(UnionPayFields.SIGN)).isNull();
    }

    private static UnionPayResponse pay(final String orderNo, final String code, final long amount) throws Exception
    {
        final byte[] request = UnionPayXml.writeUtf8(
            new MicropayRequest(orderNo, "test", amount, "127.0.0.1", code).signedParameters(merchant, nonce()));
        return UnionPayResponse.parse(post(request), merchant, orderNo);
    }

    private static UnionPayResponse query(final String orderNo) throws Exception
    {
        final byte[] request =
            UnionPayXml.writeUtf8(QueryRequest.byOutTradeNo(orderNo).signedParameters(merchant, nonce()));
        return UnionPayResponse.parse(post(request), merchant, orderNo);
    }

    private static UnionPayResponse reverse(final String orderNo) throws Exception
    {
        final byte[] request = UnionPayXml.writeUtf8(new ReverseRequest(orderNo).signedParameters(merchant, nonce()));
        return UnionPayResponse.parse(post(request), merchant, orderNo);
    }

    private static UnionPayResponse refund(
        final String orderNo, final String refundNo, final long total, final long amount) throws Exception
    {
        final byte[] request = UnionPayXml.writeUtf8(
            new RefundRequest(orderNo, refundNo, total, amount).signedParameters(merchant, nonce()));
        return UnionPayResponse.parse(post(request), merchant, orderNo);
    }

    private static byte[] post(final byte[] body) throws Exception
    {
        return wallets.post(wallets.url("unionpay", gatewayPath), body, "Content-Type", "text/xml").body();
    }

    private static void faults(final String plan) throws Exception
    {
        wallets.control("POST", "unionpay", "/sim/faults", plan);
    }

    private static String newOrder()
    {
        return "UP" + System.nanoTime() + "_" + ORDERS.incrementAndGet();
    }

    private static String nonce()
    {
        return "n" + ORDERS.incrementAndGet();
    }
}
