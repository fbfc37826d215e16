package io.hutong.sim;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.alipay.AlipayOutcomes;
import io.hutong.connector.alipay.AlipayRequest;
import io.hutong.connector.alipay.AlipayResponse;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated Alipay gateway's business answers as the project's Alipay connector reads them: every decline is
 * Alipay's own {@code ACQ.*} sub_code, and {@link AlipayOutcomes} maps it to the reason a real gateway's would.
 * The wallets' clock is a test clock, so codes expire and trades finish.
 */
@Timeout(60)
class AlipayApiTest
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
    private static AlipayTestClient client;

    @BeforeAll
    static void start() throws Exception
    {
        CLOCK.update(System.currentTimeMillis());
        wallets = TestWallets.start(data, CLOCK, "", "alipay");
        client = new AlipayTestClient(wallets);
    }

    @AfterAll
    static void stop() throws Exception
    {
        wallets.close();
        LeakGuard.assertNoLeaks();
    }

    @Test
    void shouldAnswerWithTheGatewaysOwnSignatureOverTheExactInnerText() throws Exception
    {
        final byte[] body = client.send(pay(newOrder(), code("c000001"), 1_234)).body();
        final String text = new String(body, StandardCharsets.UTF_8);
        final AlipayResponse answer =
            AlipayResponse.parse(AlipayRequest.Pay.METHOD, body, client.gatewayKey).response();

        assertThat(text).startsWith("{\"alipay_trade_pay_response\":{\"code\":\"10000\"").contains(",\"sign\":\"");
        assertThat(answer.code()).isEqualTo("10000");
        assertThat(answer.tradeNo()).hasSize(28).startsWith("2026");
        assertThat(answer.field("total_amount")).isEqualTo("12.34");
        assertThat(answer.field("gmt_payment")).matches("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");
        assertThat(AlipayOutcomes.of(answer).status()).isEqualTo(OutcomeStatus.APPROVED);
        // Signed with the gateway's key pair, never the app's: the app's public key must not verify it.
        final RSAPrivateCrtKey appKey = (RSAPrivateCrtKey)client.appKey;
        final PublicKey appPublic = KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(appKey.getModulus(), appKey.getPublicExponent()));
        assertThat(AlipayResponse.parse(AlipayRequest.Pay.METHOD, body, appPublic).failure())
            .isEqualTo(AlipayResponse.Failure.BAD_SIGNATURE);
    }

    @Test
    void shouldDeclineWithAlipaysSubCodes() throws Exception
    {
        wallets.control("POST", "alipay", "/sim/accounts", "{\"account\":\"poor\",\"balance\":50}");
        wallets.control("POST", "alipay", "/sim/accounts", "{\"account\":\"ice\",\"frozen\":true}");
        wallets.control("POST", "alipay", "/sim/accounts", "{\"account\":\"capped\",\"perPaymentLimit\":20}");
        wallets.control("POST", "alipay", "/sim/accounts", "{\"account\":\"daily\",\"dailyLimit\":1000}");

        assertDeclined(payNew(code("poor"), 51), "ACQ.BUYER_BALANCE_NOT_ENOUGH", DeclineReason.INSUFFICIENT_FUNDS);
        assertDeclined(payNew(code("ice"), 1), "ACQ.BUYER_ENABLE_STATUS_FORBID", DeclineReason.ACCOUNT_RESTRICTED);
        assertDeclined(payNew(code("capped"), 21), "ACQ.BEYOND_PER_RECEIPT_RESTRICTION", DeclineReason.LIMIT_EXCEEDED);
        assertThat(payNew(code("daily"), 600).code()).isEqualTo("10000");
        assertDeclined(payNew(code("daily"), 600), "ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR",
            DeclineReason.LIMIT_EXCEEDED);
    }

    @Test
    void shouldDeclineInvalidExpiredAndSpentCodesAlikeAndConsumeACodeEvenWhenThePaymentFails() throws Exception
    {
        wallets.control("POST", "alipay", "/sim/accounts", "{\"account\":\"broke\",\"balance\":0}");
        final String code = code("broke");
        assertDeclined(payNew(code, 100), "ACQ.BUYER_BALANCE_NOT_ENOUGH", DeclineReason.INSUFFICIENT_FUNDS);
        wallets.control("POST", "alipay", "/sim/accounts", "{\"account\":\"broke\",\"balance\":10000}");

        assertDeclined(payNew(code, 100), "ACQ.PAYMENT_AUTH_CODE_INVALID", DeclineReason.CODE_INVALID_OR_EXPIRED);
        assertDeclined(payNew("259999990000000000", 100), "ACQ.PAYMENT_AUTH_CODE_INVALID",
            DeclineReason.CODE_INVALID_OR_EXPIRED);
        final String stale = code("broke");
        CLOCK.advance(61_000);
        assertDeclined(payNew(stale, 100), "ACQ.PAYMENT_AUTH_CODE_INVALID", DeclineReason.CODE_INVALID_OR_EXPIRED);
        assertThat(wallets.control("GET", "alipay", "/sim/accounts/broke", null).get("balance").asLong())
            .isEqualTo(10_000);
    }

    @Test
    void shouldAnswerResendsFromTheLedgerAndRefuseChangedOrders() throws Exception
    {
        final String paidNo = newOrder();
        final String code = code("c000002");
        final AlipayResponse first = client.call(pay(paidNo, code, 300));
        final AlipayResponse resend = client.call(pay(paidNo, code, 300));

        assertThat(resend.code()).isEqualTo("10000");
        assertThat(resend.tradeNo()).isEqualTo(first.tradeNo());
        assertDeclined(client.call(pay(paidNo, code("c000002"), 300)), "ACQ.TRADE_HAS_SUCCESS", null);
        assertThat(AlipayOutcomes.of(client.call(pay(paidNo, code("c000002"), 300))).status())
            .as("a paid order number may be this very payment: the query decides").isEqualTo(OutcomeStatus.UNKNOWN);

        final String cancelledNo = newOrder();
        assertThat(client.call(new AlipayRequest.Cancel(cancelledNo)).code()).isEqualTo("10000");
        assertDeclined(client.call(pay(cancelledNo, code("c000002"), 300)), "ACQ.TRADE_HAS_CLOSE",
            DeclineReason.DUPLICATE_ORDER);

        wallets.control("POST", "alipay", "/sim/accounts", "{\"account\":\"thin\",\"balance\":10}");
        final String declinedNo = newOrder();
        final String thinCode = code("thin");
        assertDeclined(client.call(pay(declinedNo, thinCode, 300)), "ACQ.BUYER_BALANCE_NOT_ENOUGH", null);
        assertDeclined(client.call(pay(declinedNo, thinCode, 300)), "ACQ.BUYER_BALANCE_NOT_ENOUGH", null);
        assertDeclined(client.call(pay(declinedNo, code("thin"), 300)), "ACQ.CONTEXT_INCONSISTENT",
            DeclineReason.DUPLICATE_ORDER);
    }

    @Test
    void shouldRefundWithinThePaidAmountIdempotentlyByRequestNumber() throws Exception
    {
        final String orderNo = newOrder();
        assertThat(client.call(pay(orderNo, code("c000003"), 1_000)).code()).isEqualTo("10000");

        final AlipayResponse first = client.call(new AlipayRequest.Refund(orderNo, 400, "R1"));
        final AlipayResponse resend = client.call(new AlipayRequest.Refund(orderNo, 400, "R1"));
        assertThat(first.field("fund_change")).isEqualTo("Y");
        assertThat(first.field("refund_fee")).isEqualTo("4.00");
        assertThat(resend.field("fund_change")).isEqualTo("N");
        assertThat(AlipayOutcomes.of(resend).status()).isEqualTo(OutcomeStatus.APPROVED);

        assertDeclined(client.call(new AlipayRequest.Refund(orderNo, 700, "R2")), "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL",
            null);
        assertDeclined(client.call(new AlipayRequest.Refund(orderNo, 500, "R1")), "ACQ.DISCORDANT_REPEAT_REQUEST",
            null);
        assertDeclined(client.call(new AlipayRequest.Refund(newOrder(), 100, "R3")), "ACQ.TRADE_NOT_EXIST", null);
        assertThat(query(orderNo).tradeStatus()).isEqualTo("TRADE_SUCCESS");

        assertThat(client.call(new AlipayRequest.Refund(orderNo, 600, "R4")).field("refund_fee")).isEqualTo("10.00");
        assertThat(query(orderNo).tradeStatus()).as("refunded in full").isEqualTo("TRADE_CLOSED");
        assertDeclined(client.call(new AlipayRequest.Cancel(orderNo)), "ACQ.TRADE_STATUS_ERROR", null);
    }

    @Test
    void shouldQueryByTradeNumberOrOrderNumberAndNotFindOthers() throws Exception
    {
        final String orderNo = newOrder();
        final AlipayResponse pay = client.call(pay(orderNo, code("c000004"), 99));
        final String biz = "{\"trade_no\":\"" + pay.tradeNo() + "\"}";
        final byte[] byTradeNo = client.sendRaw(
            client.parameters(AlipayRequest.Query.METHOD, biz), client.appKey, false).body();

        assertThat(AlipayResponse.parse(AlipayRequest.Query.METHOD, byTradeNo, client.gatewayKey).response()
            .outTradeNo()).isEqualTo(orderNo);
        final AlipayResponse unknown = query(newOrder());
        assertDeclined(unknown, "ACQ.TRADE_NOT_EXIST", null);
        assertThat(AlipayOutcomes.of(unknown).status()).isEqualTo(OutcomeStatus.UNKNOWN);
    }

    @Test
    void shouldFinishAPaidTradeWhenTheRefundWindowEnds() throws Exception
    {
        final String orderNo = newOrder();
        assertThat(client.call(pay(orderNo, code("c000005"), 500)).code()).isEqualTo("10000");
        CLOCK.advance(366L * 24 * 60 * 60 * 1000);

        assertThat(query(orderNo).tradeStatus()).isEqualTo("TRADE_FINISHED");
        assertThat(AlipayOutcomes.of(query(orderNo)).status()).isEqualTo(OutcomeStatus.APPROVED);
        assertDeclined(client.call(new AlipayRequest.Refund(orderNo, 100, "F1")), "ACQ.TRADE_HAS_FINISHED", null);
        assertDeclined(client.call(new AlipayRequest.Cancel(orderNo)), "ACQ.TRADE_HAS_FINISHED", null);
        assertThat(query(orderNo).tradeStatus()).isEqualTo("TRADE_FINISHED");
    }

    private static AlipayResponse query(final String orderNo) throws Exception
    {
        return client.call(new AlipayRequest.Query(orderNo));
    }

    private static AlipayResponse payNew(final String code, final long fen) throws Exception
    {
        return client.call(pay(newOrder(), code, fen));
    }

    private static AlipayRequest.Pay pay(final String orderNo, final String code, final long fen)
    {
        return new AlipayRequest.Pay(orderNo, code, fen, "Hutong test");
    }

    private static void assertDeclined(final AlipayResponse answer, final String subCode, final DeclineReason reason)
    {
        assertThat(answer.code()).as(answer.signedContent()).isEqualTo("40004");
        assertThat(answer.subCode()).isEqualTo(subCode);
        assertThat(answer.subMsg()).isNotBlank();
        if (null != reason)
        {
            final WalletOutcome outcome = AlipayOutcomes.of(answer);
            assertThat(outcome.status()).isEqualTo(OutcomeStatus.DECLINED);
            assertThat(outcome.reason()).isEqualTo(reason);
            assertThat(outcome.walletCode()).isEqualTo(subCode);
        }
    }

    private static String code(final String account) throws Exception
    {
        return wallets.code("alipay", account);
    }

    private static String newOrder()
    {
        return "A" + ORDERS.incrementAndGet() + "_" + Long.toHexString(System.nanoTime());
    }
}
