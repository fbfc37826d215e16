package io.hutong.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.jdpay.FkmPayRequest;
import io.hutong.connector.jdpay.JdPayEnvelope;
import io.hutong.connector.jdpay.JdPayKeys;
import io.hutong.connector.jdpay.JdPayOperation;
import io.hutong.connector.jdpay.JdPayOutcomes;
import io.hutong.connector.jdpay.JdPayRequest;
import io.hutong.connector.jdpay.JdPayRequestCodec;
import io.hutong.connector.jdpay.JdPayResponse;
import io.hutong.connector.jdpay.JdPayResultCodes;
import io.hutong.connector.jdpay.JdPaySign;
import io.hutong.connector.jdpay.QueryRequest;
import io.hutong.connector.jdpay.RefundRequest;
import io.hutong.connector.jdpay.RevokeRequest;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated JD Pay wallet as the project's JD Pay message layer reads it: requests sealed with the merchant's
 * keys from the credentials file, answers verified with JD's public key, every decline in the codes that
 * {@link JdPayOutcomes} maps. The wallets' clock is a test clock, so codes can expire.
 */
@Timeout(60)
class JdPayApiTest
{
    static
    {
        LeakGuard.install();
    }

    @TempDir
    static Path data;

    private static final CachedEpochClock CLOCK = new CachedEpochClock();
    private static final AtomicLong TRADES = new AtomicLong();
    private static final String TRADE_TIME = "20260102110405";
    private static TestWallets wallets;
    private static JdPayKeys client;

    @BeforeAll
    static void start() throws Exception
    {
        CLOCK.update(System.currentTimeMillis());
        wallets = TestWallets.start(data, CLOCK, "", "jdpay");
        client = clientKeys(wallets.credentials().get("jdpay"));
    }

    @AfterAll
    static void stop() throws Exception
    {
        wallets.close();
        LeakGuard.assertNoLeaks();
    }

    @Test
    void shouldWriteTheConnectorsSettingsAndIssueJdCodes() throws Exception
    {
        final JsonNode jdpay = wallets.credentials().get("jdpay");
        final List<String> names = new ArrayList<>();
        jdpay.fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactly("baseUrl", "merchant", "merchantPrivateKey", "jdPublicKey", "desKey",
            "interop", "codes", "consumers", "merchants");
        assertThat(((RSAKey)JdPaySign.privateKey(jdpay.get("merchantPrivateKey").asText())).getModulus().bitLength())
            .isEqualTo(2048);
        assertThat(((RSAKey)JdPaySign.publicKey(jdpay.get("jdPublicKey").asText())).getModulus().bitLength())
            .isEqualTo(2048);
        assertThat(code("c000001")).hasSize(18).startsWith("18").containsOnlyDigits();
    }

    @Test
    void shouldAnswerAPaidTokenSignedAndEncrypted() throws Exception
    {
        final String tradeNum = newTrade();
        final HttpResponse<byte[]> http = post(pay(tradeNum, code("c000001"), 1_250), client);
        final JdPayResponse answer = JdPayResponse.parse(JdPayOperation.FKM_PAY, http.body(), client);

        assertThat(http.headers().firstValue("Content-Type")).hasValue("application/xml;charset=UTF-8");
        assertThat(answer.isSigned()).isTrue();
        assertThat(answer.tradeNum()).isEqualTo(tradeNum);
        assertThat(answer.amount()).isEqualTo(1_250);
        assertThat(answer.status()).isEqualTo(JdPayResultCodes.PAY_SUCCESS);
        assertThat(answer.tradeTime()).matches("[0-9]{14}");
        final JdPayResponse query = call(QueryRequest.payment(tradeNum));
        assertThat(query.status()).isEqualTo(JdPayResultCodes.PAY_SUCCESS);
        assertThat(query.payList()).singleElement()
            .satisfies((pay) -> assertThat(pay.text("amount")).isEqualTo("1250"));
    }

    @Test
    void shouldDeclineInvalidUsedAndExpiredTokens() throws Exception
    {
        final String used = code("c000002");
        call(pay(newTrade(), used, 10));
        assertDeclined(call(pay(newTrade(), used, 10)), JdPayResultCodes.TOKEN_USED, DeclineReason.CODE_ALREADY_USED);
        assertDeclined(call(pay(newTrade(), "189999990000000000", 10)), JdPayResultCodes.TOKEN_INVALID,
            DeclineReason.CODE_INVALID_OR_EXPIRED);
        final String stale = code("c000002");
        CLOCK.advance(61_000);

        assertDeclined(call(pay(newTrade(), stale, 10)), JdPayResultCodes.TOKEN_EXPIRED,
            DeclineReason.CODE_INVALID_OR_EXPIRED);
    }

    @Test
    void shouldDeclineUnfundedFrozenAndOverLimitPayments() throws Exception
    {
        wallets.control("POST", "jdpay", "/sim/accounts", "{\"account\":\"poor\",\"balance\":50}");
        wallets.control("POST", "jdpay", "/sim/accounts", "{\"account\":\"ice\",\"frozen\":true}");
        wallets.control("POST", "jdpay", "/sim/accounts", "{\"account\":\"capped\",\"perPaymentLimit\":20}");

        assertDeclined(call(pay(newTrade(), code("poor"), 51)), JdPayResultCodes.BALANCE_NOT_ENOUGH,
            DeclineReason.INSUFFICIENT_FUNDS);
        assertDeclined(call(pay(newTrade(), code("ice"), 1)), JdPayResultCodes.ACCOUNT_FROZEN,
            DeclineReason.ACCOUNT_RESTRICTED);
        assertDeclined(call(pay(newTrade(), code("capped"), 21)), JdPayResultCodes.EXCEED_LIMIT,
            DeclineReason.LIMIT_EXCEEDED);
    }

    @Test
    void shouldWaitForThePasswordThenRevokeInTwoSteps() throws Exception
    {
        wallets.control("POST", "jdpay", "/sim/faults", "{\"userPayingRate\":1,\"userPayingMs\":5000}");
        final String waiting = newTrade();
        final JdPayResponse paying = call(pay(waiting, code("c000003"), 70));
        wallets.control("DELETE", "jdpay", "/sim/faults", null);

        assertThat(JdPayOutcomes.DEFAULT.forPay(paying).status()).isEqualTo(OutcomeStatus.IN_PROGRESS);
        assertThat(call(QueryRequest.payment(waiting)).status()).isEqualTo(JdPayResultCodes.PAY_PROCESSING);
        final RevokeRequest revoke = new RevokeRequest("RV-" + waiting, waiting, 70, TRADE_TIME, null);
        final JdPayResponse confirming = call(revoke);
        assertThat(confirming.status()).isEqualTo(JdPayResultCodes.REVERSAL_PROCESSING);
        assertThat(JdPayOutcomes.DEFAULT.forRevoke(confirming).status()).isEqualTo(OutcomeStatus.IN_PROGRESS);
        assertThat(call(new QueryRequest(revoke.tradeNum(), waiting, QueryRequest.TradeType.REFUND)).status())
            .isEqualTo(JdPayResultCodes.REVERSAL_PROCESSING);
        assertThat(JdPayOutcomes.DEFAULT.forRevoke(call(revoke)).status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(call(new QueryRequest(revoke.tradeNum(), waiting, QueryRequest.TradeType.REFUND)).status())
            .isEqualTo(JdPayResultCodes.REVERSAL_SUCCESS);
        assertThat(call(QueryRequest.payment(waiting)).status()).isEqualTo(JdPayResultCodes.PAY_CLOSED);

        final String confirmed = newTrade();
        wallets.control("POST", "jdpay", "/sim/faults", "{\"userPayingRate\":1,\"userPayingMs\":5000}");
        call(pay(confirmed, code("c000003"), 80));
        wallets.control("DELETE", "jdpay", "/sim/faults", null);
        CLOCK.advance(5_000);
        assertThat(call(QueryRequest.payment(confirmed)).status()).isEqualTo(JdPayResultCodes.PAY_SUCCESS);
        assertThat(call(QueryRequest.payment("NEVER")).resultCode()).isEqualTo(JdPayResultCodes.TRADE_NOT_EXIST);
    }

    @Test
    void shouldRefundIdempotentlyWithinThePaidAmount() throws Exception
    {
        final String paid = newTrade();
        call(pay(paid, code("c000004"), 1_000));
        final RefundRequest refund = new RefundRequest("RF-" + paid, paid, 400, TRADE_TIME, null, null);

        final JdPayResponse first = call(refund);
        final JdPayResponse resend = call(refund);
        final JdPayResponse changed = call(new RefundRequest(refund.tradeNum(), paid, 300, TRADE_TIME, null, null));
        final JdPayResponse tooMuch = call(new RefundRequest("RF2-" + paid, paid, 601, TRADE_TIME, null, null));

        assertThat(JdPayOutcomes.DEFAULT.forRefund(first).status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(resend.status()).isEqualTo(JdPayResultCodes.REVERSAL_SUCCESS);
        assertThat(resend.tradeTime()).isEqualTo(first.tradeTime());
        assertThat(changed.resultCode()).isEqualTo(JdPayResultCodes.TRADE_NUM_REPEAT);
        assertThat(tooMuch.resultCode()).isEqualTo(JdPayResultCodes.REFUND_AMOUNT_EXCEED);
        assertThat(JdPayOutcomes.DEFAULT.forRefund(tooMuch).status()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(wallets.control("GET", "jdpay", "/sim/accounts/c000004", null).get("balance").asLong())
            .isEqualTo(100_000_000L - 600);
        final JdPayResponse query = call(new QueryRequest(refund.tradeNum(), paid, QueryRequest.TradeType.REFUND));
        assertThat(query.status()).isEqualTo(JdPayResultCodes.REVERSAL_SUCCESS);
        assertThat(query.oTradeNum()).isEqualTo(paid);
        assertThat(call(new QueryRequest(refund.tradeNum(), "OTHER", QueryRequest.TradeType.REFUND)).resultCode())
            .isEqualTo(JdPayResultCodes.TRADE_NOT_EXIST);
        assertThat(call(new RevokeRequest("RV-" + paid, paid, 1_000, TRADE_TIME, null)).resultCode())
            .as("a refunded payment cannot be revoked").isEqualTo(JdPayResultCodes.REVOKE_NOT_ALLOWED);
        assertThat(call(pay(refund.tradeNum(), code("c000004"), 5)).resultCode())
            .as("one trade-number space").isEqualTo(JdPayResultCodes.TRADE_NUM_REPEAT);
    }

    @Test
    void shouldRefuseRefundsOfUnpaidTradesAndRevokesOfAnotherAmount() throws Exception
    {
        final String declined = newTrade();
        call(pay(declined, "189999990000000000", 10));
        final String paid = newTrade();
        call(pay(paid, code("c000005"), 500));

        assertThat(call(new RefundRequest("RF-" + declined, declined, 10, TRADE_TIME, null, null)).resultCode())
            .isEqualTo(JdPayResultCodes.REFUND_NOT_ALLOWED);
        assertThat(call(new RevokeRequest("RV-" + paid, paid, 499, TRADE_TIME, null)).resultCode())
            .isEqualTo(JdPayResultCodes.PARAM_ERROR);
        assertThat(call(QueryRequest.payment(paid)).status()).isEqualTo(JdPayResultCodes.PAY_SUCCESS);
    }

    @Test
    void shouldRefuseUnverifiableRequestsUnsignedAndUntouched() throws Exception
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        final JdPayKeys forger = new JdPayKeys(client.merchant(), client.desKey(),
            generator.generateKeyPair().getPrivate(), client.peerPublicKey());
        final JdPayKeys stranger = new JdPayKeys("990000001", client.desKey(), client.ownPrivateKey(),
            client.peerPublicKey());
        final String tradeNum = newTrade();

        assertRefused(post(pay(tradeNum, code("c000006"), 10), forger).body(), JdPayResultCodes.SIGN_ERROR);
        assertRefused(post(pay(tradeNum, code("c000006"), 10), stranger).body(), JdPayResultCodes.MERCHANT_INVALID);
        assertRefused(wallets.post(wallets.url("jdpay", "/service/fkmPay"),
            "<jdpay><unclosed>".getBytes(StandardCharsets.UTF_8)).body(), JdPayResultCodes.PARAM_ERROR);
        assertThat(call(QueryRequest.payment(tradeNum)).resultCode()).isEqualTo(JdPayResultCodes.TRADE_NOT_EXIST);
    }

    @Test
    void shouldAnswerTheSystemErrorFaultUnsignedWithoutTouchingTheLedger() throws Exception
    {
        wallets.control("POST", "jdpay", "/sim/faults", "{\"errorRate\":1,\"appliedRate\":0}");
        final String tradeNum = newTrade();
        final JdPayResponse answer = call(pay(tradeNum, code("c000007"), 10));
        wallets.control("DELETE", "jdpay", "/sim/faults", null);

        assertThat(answer.isSigned()).isFalse();
        assertThat(answer.resultCode()).isEqualTo(JdPayResultCodes.SYSTEM_ERROR);
        assertThat(JdPayOutcomes.DEFAULT.forPay(answer).status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(call(QueryRequest.payment(tradeNum)).resultCode()).isEqualTo(JdPayResultCodes.TRADE_NOT_EXIST);
    }

    @Test
    void shouldKeepTheEnrolmentAcrossRestarts(@TempDir final Path other) throws Exception
    {
        final JsonNode first;
        try (TestWallets once = TestWallets.start(other, CLOCK, "", "jdpay"))
        {
            first = once.credentials().get("jdpay");
        }
        try (TestWallets again = TestWallets.start(other, CLOCK, "", "jdpay"))
        {
            final JsonNode second = again.credentials().get("jdpay");
            for (final String name : new String[] {"merchant", "merchantPrivateKey", "jdPublicKey", "desKey"})
            {
                assertThat(second.get(name)).as(name).isEqualTo(first.get(name));
            }
        }
    }

    private static void assertDeclined(final JdPayResponse answer, final String code, final DeclineReason reason)
    {
        assertThat(answer.isSigned()).isTrue();
        assertThat(answer.resultCode()).isEqualTo(code);
        final WalletOutcome outcome = JdPayOutcomes.DEFAULT.forPay(answer);
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(outcome.reason()).isEqualTo(reason);
    }

    private static void assertRefused(final byte[] body, final String code) throws Exception
    {
        final JdPayEnvelope envelope = JdPayEnvelope.read(body);
        assertThat(envelope.encrypt()).isNull();
        assertThat(envelope.resultCode()).isEqualTo(code);
    }

    private static JdPayKeys clientKeys(final JsonNode jdpay)
    {
        return JdPayKeys.of(jdpay.get("merchant").asText(), jdpay.get("desKey").asText(),
            jdpay.get("merchantPrivateKey").asText(), jdpay.get("jdPublicKey").asText());
    }

    private static FkmPayRequest pay(final String tradeNum, final String token, final long amount)
    {
        return new FkmPayRequest(token, "pos-1", tradeNum, "test", null, TRADE_TIME, amount, null, null);
    }

    private static HttpResponse<byte[]> post(final JdPayRequest request, final JdPayKeys keys) throws Exception
    {
        return wallets.post(wallets.url("jdpay", request.operation().path()),
            JdPayRequestCodec.encode(request, keys), "Content-Type", "application/xml;charset=UTF-8");
    }

    private static JdPayResponse call(final JdPayRequest request) throws Exception
    {
        return JdPayResponse.parse(request.operation(), post(request, client).body(), client);
    }

    private static String newTrade()
    {
        return "JA" + TRADES.incrementAndGet();
    }

    private static String code(final String account) throws Exception
    {
        return wallets.code("jdpay", account);
    }
}
