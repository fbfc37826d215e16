package io.hutong.connector.unionpay;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.PayCommand;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.RefundCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletCallback;
import io.hutong.connector.WalletResult;
import io.hutong.connector.WalletSchedule;
import io.hutong.connector.http.HttpClientConfig;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.spi.CryptoPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnionPayConnectorTest
{
    private static final WalletSchedule SCHEDULE = new WalletSchedule(2_000, 1_000, 5_000, 0, 1_000, 2_000);
    private static final String CODE = UnionPayTestKeys.AUTH_CODE;

    private final WalletHttpClient http = new WalletHttpClient(HttpClientConfig.defaults());
    private final CryptoPool pool = new CryptoPool(1, 16);
    private FakeGateway gateway;

    @AfterEach
    void close()
    {
        if (null != gateway)
        {
            gateway.close();
        }
        http.close();
        pool.close();
    }

    static UnionPayMerchant[] merchants()
    {
        return UnionPayTestKeys.merchants();
    }

    @ParameterizedTest
    @MethodSource("merchants")
    void shouldPostSignedXmlToTheGatewayAndApproveAVerifiedPayment(final UnionPayMerchant merchant) throws Exception
    {
        final UnionPayConnector connector = connector(merchant, null);
        gateway.script((request) -> FakeGateway.ok(request).resultOk().put(UnionPayFields.PAY_RESULT, "0")
            .put(UnionPayFields.TRANSACTION_ID, "T42").toXml(gateway.gatewayKeys()));

        final Result result = call((cb) -> connector.pay(7, pay("HT1", "10.1.2.3"), cb));

        assertThat(result.value.status()).as(result.value.toString()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(result.value.walletTxnId()).isEqualTo("T42");
        assertThat(result.value.walletCode()).isEqualTo("0");
        final UnionPayGatewayRequest received = gateway.received().get(0);
        assertThat(received.service()).isEqualTo(UnionPayService.MICROPAY);
        assertThat(received.signType()).isEqualTo(merchant.signType());
        assertThat(received.authCode()).isEqualTo(CODE);
        assertThat(received.mchCreateIp()).isEqualTo("10.1.2.3");
        assertThat(received.totalFee()).isEqualTo(1_234);
        assertThat(received.body()).isEqualTo("coffee");
        assertThat(gateway.contentTypes().get(0)).startsWith("text/xml");
        // RSA and SM2 are verified on the crypto pool; MD5 on the event loop.
        assertThat(result.thread).as(merchant.signType().name())
            .startsWith(UnionPaySignType.MD5 == merchant.signType() ? "hutong-wallet-http" : "hutong-crypto");
    }

    @ParameterizedTest
    @MethodSource("merchants")
    void shouldSendEachOperationAsItsServiceToTheOneGatewayUrl(final UnionPayMerchant merchant) throws Exception
    {
        final UnionPayConnector connector = connector(merchant, null);
        gateway.script((request) ->
        {
            final UnionPayResponse.Builder answer = FakeGateway.ok(request).resultOk();
            if (UnionPayService.QUERY == request.service())
            {
                answer.put(UnionPayFields.TRADE_STATE, "REVOKED");
            }
            return answer.toXml(gateway.gatewayKeys());
        });

        final WalletResult query = call((cb) -> connector.query(1, new QueryCommand("HT2"), cb)).value;
        final WalletResult reverse = call((cb) -> connector.reverse(2, new ReverseCommand("HT2", 500), cb)).value;
        final WalletResult refund = call((cb) -> connector.refund(3, new RefundCommand("HT2", "R1", 500, 200), cb)).value;

        assertThat(query.status()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(query.reason()).isEqualTo(DeclineReason.CONSUMER_CANCELLED);
        assertThat(reverse.status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(refund.status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(gateway.received()).extracting(UnionPayGatewayRequest::service)
            .containsExactly(UnionPayService.QUERY, UnionPayService.REVERSE, UnionPayService.REFUND);
        final UnionPayGatewayRequest refundRequest = gateway.received().get(2);
        assertThat(refundRequest.outRefundNo()).isEqualTo("R1");
        assertThat(refundRequest.totalFee()).isEqualTo(500);
        assertThat(refundRequest.refundFee()).isEqualTo(200);
    }

    @Test
    void shouldMapTheGatewaysBusinessAnswersThroughTheOutcomeTable() throws Exception
    {
        final UnionPayConnector connector = connector(UnionPayTestKeys.SM2_MERCHANT, null);
        gateway.script((request) -> FakeGateway.ok(request).resultFail("NOTENOUGH", "余额不足 6227000012345678901")
            .needQuery(false).toXml(gateway.gatewayKeys()));
        final WalletResult declined = call((cb) -> connector.pay(1, pay("HT3", "10.0.0.1"), cb)).value;

        gateway.script((request) -> FakeGateway.ok(request).resultFail("USERPAYING", "需要用户输入支付密码")
            .needQuery(true).toXml(gateway.gatewayKeys()));
        final WalletResult confirming = call((cb) -> connector.pay(2, pay("HT4", "10.0.0.1"), cb)).value;

        assertThat(declined.status()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(declined.reason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
        assertThat(declined.walletCode()).isEqualTo("NOTENOUGH");
        assertThat(declined.detail()).isEqualTo("余额不足 622700*********8901");
        assertThat(confirming.status()).isEqualTo(OutcomeStatus.IN_PROGRESS);
        assertThat(confirming.walletCode()).isEqualTo("USERPAYING");
    }

    @Test
    void shouldTreatAnUnprocessedAnswerAsUnknownAndKeepTheGatewaysReason() throws Exception
    {
        final UnionPayConnector connector = connector(UnionPayTestKeys.RSA_MERCHANT, null);
        gateway.script((request) -> UnionPayXml.writeUtf8(UnionPayResponse.Builder.statusFail("system busy")));

        final WalletResult result = call((cb) -> connector.pay(1, pay("HT5", "10.0.0.1"), cb)).value;

        assertThat(result.status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(result.requestSent()).isTrue();
        assertThat(result.walletCode()).isEqualTo("status=400");
        assertThat(result.detail()).isEqualTo("system busy");
    }

    @ParameterizedTest
    @MethodSource("merchants")
    void shouldTreatAnAnswerSignedWithAnotherKeyAsUnknown(final UnionPayMerchant merchant) throws Exception
    {
        final UnionPayConnector connector = connector(merchant, null);
        // The merchant's own keys are not the gateway's (for MD5: another shared key).
        final UnionPayKeys wrong = UnionPaySignType.MD5 == merchant.signType() ?
            UnionPayKeys.md5("another key") : merchant.keys();
        gateway.script((request) -> FakeGateway.ok(request).resultOk().toXml(wrong));

        final WalletResult result = call((cb) -> connector.pay(1, pay("HT6", "10.0.0.1"), cb)).value;

        assertThat(result.status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(result.walletCode()).isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void shouldTreatAVerifiedAnswerAboutAnotherOrderAsUnknown() throws Exception
    {
        final UnionPayConnector connector = connector(UnionPayTestKeys.MD5_MERCHANT, null);
        gateway.script((request) -> FakeGateway.ok(request).resultOk()
            .put(UnionPayFields.OUT_TRADE_NO, "SOMEONE_ELSE").toXml(gateway.gatewayKeys()));

        final WalletResult result = call((cb) -> connector.pay(1, pay("HT7", "10.0.0.1"), cb)).value;

        assertThat(result.status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(result.walletCode()).isEqualTo("MISMATCH");
    }

    @Test
    void shouldRefuseWithoutSendingWhatTheGatewaysFieldsCannotCarry() throws Exception
    {
        final UnionPayConnector connector = connector(UnionPayTestKeys.MD5_MERCHANT, null);

        final WalletResult dash = call((cb) -> connector.pay(1, pay("HT-8", "10.0.0.1"), cb)).value;
        final WalletResult ipv6 = call((cb) -> connector.pay(2, pay("HT8", "2001:db8::1"), cb)).value;
        final WalletResult huge = call((cb) -> connector.pay(3,
            new PayCommand("HT8", CODE, 3_000_000_000L, "coffee", "10.0.0.1"), cb)).value;
        final WalletResult longCode = call((cb) -> connector.pay(4,
            new PayCommand("HT8", "6".repeat(129), 100, "coffee", "10.0.0.1"), cb)).value;
        final WalletResult query = call((cb) -> connector.query(5, new QueryCommand("HT-8"), cb)).value;
        final WalletResult refund = call((cb) -> connector.refund(6, new RefundCommand("HT8", "R-1", 5, 5), cb)).value;

        for (final WalletResult result : new WalletResult[] {dash, ipv6, huge, longCode, query, refund})
        {
            assertThat(result.status()).as(result.toString()).isEqualTo(OutcomeStatus.UNKNOWN);
            assertThat(result.requestSent()).as(result.toString()).isFalse();
            assertThat(result.walletCode()).isEqualTo("INVALID_REQUEST");
        }
        assertThat(dash.detail()).contains("out_trade_no=HT-8");
        assertThat(ipv6.detail()).contains("clientIp");
        assertThat(longCode.detail()).contains("auth_code.length=129").doesNotContain("6666666666");
        assertThat(gateway.received()).isEmpty();
    }

    @Test
    void shouldSendIpv4TerminalsAsTheyAreAndOthersAsTheConfiguredAddress() throws Exception
    {
        final UnionPayConnector connector = connector(UnionPayTestKeys.MD5_MERCHANT, "192.0.2.10");

        call((cb) -> connector.pay(1, pay("HT9", "::ffff:10.9.8.7"), cb));
        call((cb) -> connector.pay(2, pay("HT10", "2001:db8::1"), cb));

        assertThat(gateway.received()).extracting(UnionPayGatewayRequest::mchCreateIp)
            .containsExactly("10.9.8.7", "192.0.2.10");
    }

    @Test
    void shouldCleanTheSubjectIntoABodyTheGatewayAccepts()
    {
        assertThat(UnionPayConnector.bodyOf("  coffee\tand\ncake ")).isEqualTo("coffee and cake");
        assertThat(UnionPayConnector.bodyOf(" \u0007 ")).isEqualTo(UnionPayConnector.DEFAULT_BODY);
        assertThat(UnionPayConnector.bodyOf("x".repeat(128))).hasSize(127);
        // A surrogate pair straddling the cut is dropped whole rather than split.
        assertThat(UnionPayConnector.bodyOf("x".repeat(126) + "\uD83D\uDE00" + "y")).isEqualTo("x".repeat(126));
        assertThat(UnionPayConnector.bodyOf("y".repeat(126) + " z")).isEqualTo("y".repeat(126));
    }

    @Test
    void shouldMaskLongDigitRunsInDetailsBeforeCuttingThem()
    {
        assertThat(UnionPayConnector.detail(null)).isNull();
        assertThat(UnionPayConnector.detail("code 6227000012345678901 refused"))
            .isEqualTo("code 622700*********8901 refused");
        final String cut = UnionPayConnector.detail("x".repeat(70) + "6227000012345678901");
        assertThat(cut).isEqualTo("x".repeat(70) + "622700****...");
    }

    private UnionPayConnector connector(final UnionPayMerchant merchant, final String fallbackIp) throws Exception
    {
        gateway = new FakeGateway(merchant);
        return new UnionPayConnector("unionpay", SCHEDULE, gateway.gatewayUrl(), merchant, fallbackIp, http, pool, null);
    }

    private static PayCommand pay(final String orderNo, final String clientIp)
    {
        return new PayCommand(orderNo, CODE, 1_234, "coffee", clientIp);
    }

    private static Result call(final Consumer<WalletCallback> call) throws Exception
    {
        final CompletableFuture<Result> future = new CompletableFuture<>();
        call.accept((correlationId, result) -> future.complete(new Result(result, Thread.currentThread().getName())));
        return future.get(10, TimeUnit.SECONDS);
    }

    /** A result and the thread that delivered it. */
    private record Result(WalletResult value, String thread)
    {
    }
}
