package io.hutong.connector.jdpay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.PayCommand;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.RefundCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletResult;
import io.hutong.connector.http.HttpClientConfig;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.spi.ConnectorContext;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.CryptoPool;
import io.hutong.connector.spi.ResultCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static io.hutong.connector.jdpay.JdPayTestKeys.MERCHANT;
import static io.hutong.connector.jdpay.JdPayTestKeys.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JD Pay connector against a loopback gateway that decodes every request as JD would: what goes on the wire
 * for each command, and what each answer means.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JdPayConnectorTest
{
    static final ObjectMapper JSON = new ObjectMapper();
    /** 03:04:05 UTC is 11:04:05 in Beijing. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final String TOKEN = "181234567890123456";

    private final WalletHttpClient http = new WalletHttpClient(HttpClientConfig.defaults());
    private final CryptoPool pool = new CryptoPool(2, 16);
    private final ResultCollector results = new ResultCollector();
    private JdPayStubGateway gateway;
    private WalletConnector connector;

    @BeforeEach
    void start() throws Exception
    {
        gateway = new JdPayStubGateway();
        connector = connector(settings(gateway.baseUrl()));
    }

    @AfterEach
    void stop()
    {
        connector.close();
        gateway.close();
        http.close();
        pool.close();
    }

    /**
     * The connector's settings as the simulator writes them, with the fixed test keys.
     */
    static ObjectNode settings(final String baseUrl)
    {
        return JSON.createObjectNode()
            .put(JdPayConnectorProvider.BASE_URL, baseUrl)
            .put(JdPayConnectorProvider.MERCHANT, MERCHANT)
            .put(JdPayConnectorProvider.MERCHANT_PRIVATE_KEY, JdPayTestKeys.MERCHANT_PRIVATE)
            .put(JdPayConnectorProvider.JD_PUBLIC_KEY, JdPayTestKeys.JD_PUBLIC)
            .put(JdPayConnectorProvider.DES_KEY, JdPayTestKeys.DES_KEY);
    }

    private WalletConnector connector(final ObjectNode settings)
    {
        return new JdPayConnectorProvider().create(new ConnectorContext("jdpay",
            new ConnectorSettings("wallets.jdpay", settings), http, pool, CLOCK));
    }

    @Test
    void shouldSendTheScannedTokenAsFkmPayAndReadAnApproval()
    {
        gateway.script(answer((r) -> JdPayResponse.Builder.success(MERCHANT)
            .put(JdPayFields.TRADE_NUM, r.tradeNum()).put(JdPayFields.AMOUNT, 1_250)
            .put(JdPayFields.STATUS, JdPayResultCodes.PAY_SUCCESS)));

        connector.pay(1, new PayCommand("H0001", TOKEN, 1_250, "Coffee", "10.0.0.1"), results);

        final WalletResult result = results.next().result();
        assertThat(result.status()).as(result.toString()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(result.walletTxnId()).isEqualTo("H0001");
        assertThat(result.walletCode()).isEqualTo("000000/2");
        final JdPayStubGateway.Received received = gateway.received().get(0);
        assertThat(received.path()).isEqualTo("/service/fkmPay");
        assertThat(received.contentType()).isEqualTo(JdPayConnector.CONTENT_TYPE);
        assertThat(received.inbound().merchant()).isEqualTo(MERCHANT);
        assertThat(received.inbound().request()).isInstanceOfSatisfying(FkmPayRequest.class, (pay) ->
        {
            assertThat(pay.token()).isEqualTo(TOKEN);
            assertThat(pay.tradeNum()).isEqualTo("H0001");
            assertThat(pay.tradeName()).isEqualTo("Coffee");
            assertThat(pay.device()).isEqualTo(JdPayConnectorProvider.DEFAULT_DEVICE);
            assertThat(pay.tradeTime()).isEqualTo("20260102110405");
            assertThat(pay.amount()).isEqualTo(1_250);
        });
    }

    @Test
    void shouldNotSendWhatJdCannotTake()
    {
        connector.pay(1, new PayCommand("H0002", "2512345678901234", 100, "Coffee", "10.0.0.1"), results);
        connector.pay(2, new PayCommand("H0003", TOKEN, 10_000_000_000L, "Coffee", "10.0.0.1"), results);
        connector.pay(3, new PayCommand("H0004", TOKEN, 100, " Coffee", "10.0.0.1"), results);

        final WalletResult alipayCode = results.next().result();
        final WalletResult tooMuch = results.next().result();
        final WalletResult blank = results.next().result();
        assertThat(alipayCode.requestSent()).isFalse();
        assertThat(alipayCode.walletCode()).isEqualTo("INVALID_AUTH_CODE");
        assertThat(alipayCode.detail()).doesNotContain("2512345678901234");
        assertThat(tooMuch.requestSent()).isFalse();
        assertThat(tooMuch.walletCode()).isEqualTo("INVALID_REQUEST");
        assertThat(tooMuch.detail()).doesNotContain(TOKEN);
        assertThat(blank.requestSent()).isFalse();
        assertThat(gateway.received()).isEmpty();
    }

    @Test
    void shouldReadInProgressClosedAndFailedQueries()
    {
        gateway.script(answer((r) -> "Q1".equals(r.tradeNum()) ? status(r, JdPayResultCodes.PAY_PROCESSING) :
            "Q2".equals(r.tradeNum()) ? status(r, JdPayResultCodes.PAY_CLOSED) :
                JdPayResponse.Builder.of(MERCHANT, JdPayResultCodes.TRADE_NOT_EXIST, "no trade")));

        final List<WalletResult> answers = queries("Q1", "Q2", "Q3");

        assertThat(answers.get(0).status()).isEqualTo(OutcomeStatus.IN_PROGRESS);
        assertThat(answers.get(1).status()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(answers.get(1).reason()).isEqualTo(DeclineReason.CONSUMER_CANCELLED);
        assertThat(answers.get(2).status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(answers.get(2).walletCode()).isEqualTo(JdPayResultCodes.TRADE_NOT_EXIST);
        assertThat(gateway.received()).allSatisfy((r) ->
            assertThat(r.inbound().request()).isInstanceOfSatisfying(QueryRequest.class,
                (q) -> assertThat(q.tradeType()).isEqualTo(QueryRequest.TradeType.PAYMENT)));
    }

    @Test
    void shouldRevokeUnderOneTradeNumberDerivedFromTheOrder()
    {
        final int[] calls = new int[1];
        gateway.script(answer((r) -> JdPayResponse.Builder.success(MERCHANT)
            .put(JdPayFields.TRADE_NUM, r.tradeNum()).put(JdPayFields.O_TRADE_NUM, "H0005")
            .put(JdPayFields.AMOUNT, 900)
            .put(JdPayFields.STATUS, calls[0]++ == 0 ? JdPayResultCodes.REVERSAL_PROCESSING :
                JdPayResultCodes.REVERSAL_SUCCESS)));

        connector.reverse(1, new ReverseCommand("H0005", 900), results);
        final WalletResult first = results.next().result();
        connector.reverse(2, new ReverseCommand("H0005", 900), results);
        final WalletResult second = results.next().result();

        assertThat(first.status()).isEqualTo(OutcomeStatus.IN_PROGRESS);
        assertThat(second.status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(gateway.received()).hasSize(2).allSatisfy((r) ->
        {
            assertThat(r.path()).isEqualTo("/service/revoke");
            assertThat(r.inbound().request()).isInstanceOfSatisfying(RevokeRequest.class, (revoke) ->
            {
                assertThat(revoke.tradeNum()).isEqualTo(JdPayConnector.revokeTradeNum("H0005"))
                    .isEqualTo("RV05H0005" + "0".repeat(31));
                assertThat(revoke.oTradeNum()).isEqualTo("H0005");
                assertThat(revoke.amount()).isEqualTo(900);
            });
        });
    }

    @Test
    void shouldDeriveDistinctRevokeNumbersThatNoOrderNumberCanEqual()
    {
        final String[] orders = {"a", "a0", "a00", "a_0", "a-", "0a", "1", "10", "0".repeat(32), "Z".repeat(31) + "0"};
        final Set<String> revokes = new HashSet<>();
        for (final String order : orders)
        {
            final String revoke = JdPayConnector.revokeTradeNum(order);
            assertThat(revoke).hasSize(40).startsWith("RV").contains(order);
            revokes.add(revoke);
        }
        assertThat(revokes).hasSize(orders.length);
        assertThatThrownBy(() -> JdPayConnector.revokeTradeNum("x".repeat(33)))
            .hasMessage("orderNo.length=33: must be 1-32");
    }

    @Test
    void shouldRefundUnderTheRefundNumber()
    {
        gateway.script(answer((r) -> JdPayResponse.Builder.success(MERCHANT)
            .put(JdPayFields.TRADE_NUM, r.tradeNum()).put(JdPayFields.O_TRADE_NUM, "H0006")
            .put(JdPayFields.AMOUNT, 400).put(JdPayFields.STATUS, JdPayResultCodes.REVERSAL_SUCCESS)));

        connector.refund(1, new RefundCommand("H0006", "F0006", 1_000, 400), results);

        final WalletResult result = results.next().result();
        assertThat(result.status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(result.walletTxnId()).isEqualTo("F0006");
        assertThat(gateway.received().get(0).inbound().request()).isInstanceOfSatisfying(RefundRequest.class, (f) ->
        {
            assertThat(f.tradeNum()).isEqualTo("F0006");
            assertThat(f.oTradeNum()).isEqualTo("H0006");
            assertThat(f.amount()).isEqualTo(400);
        });
    }

    @Test
    void shouldTreatAnAnswerAboutAnotherTradeOrAmountAsUnknown()
    {
        gateway.script(answer((r) -> JdPayResponse.Builder.success(MERCHANT)
            .put(JdPayFields.TRADE_NUM, "H0007".equals(r.tradeNum()) ? "H9999" : r.tradeNum())
            .put(JdPayFields.AMOUNT, 101).put(JdPayFields.STATUS, JdPayResultCodes.PAY_SUCCESS)));

        connector.pay(1, new PayCommand("H0007", TOKEN, 100, "Coffee", "10.0.0.1"), results);
        final WalletResult otherTrade = results.next().result();
        connector.pay(2, new PayCommand("H0008", TOKEN, 100, "Coffee", "10.0.0.1"), results);
        final WalletResult otherAmount = results.next().result();

        assertThat(otherTrade.status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(otherTrade.walletCode()).isEqualTo(JdPayConnector.ANSWER_MISMATCH);
        assertThat(otherTrade.detail()).isEqualTo("tradeNum=H9999: expected H0007");
        assertThat(otherAmount.status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(otherAmount.detail()).isEqualTo("amount=101: expected 100");
    }

    @Test
    void shouldTreatAnAnswerSignedByAnotherKeyAsUnknown()
    {
        final JdPayKeys stranger = new JdPayKeys(MERCHANT, SERVER.desKey(), JdPayTestKeys.STRANGER.getPrivate(),
            SERVER.peerPublicKey());
        gateway.script((r) -> status(r.request(), JdPayResultCodes.PAY_SUCCESS).build(stranger));

        connector.pay(1, new PayCommand("H0009", TOKEN, 100, "Coffee", "10.0.0.1"), results);

        final WalletResult result = results.next().result();
        assertThat(result.status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(result.requestSent()).isTrue();
        assertThat(result.walletCode()).isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void shouldDeclineOnAnUnsignedRefusalButNeverApproveOnOne()
    {
        gateway.script((r) -> "H0010".equals(r.request().tradeNum()) ?
            JdPayResponse.Builder.refusal(MERCHANT, JdPayResultCodes.SIGN_ERROR, "sign") :
            JdPayEnvelope.writeAnswer(MERCHANT, JdPayResultCodes.SUCCESS, "ok", null));

        connector.pay(1, new PayCommand("H0010", TOKEN, 100, "Coffee", "10.0.0.1"), results);
        final WalletResult refused = results.next().result();
        connector.pay(2, new PayCommand("H0011", TOKEN, 100, "Coffee", "10.0.0.1"), results);
        final WalletResult unsignedSuccess = results.next().result();

        assertThat(refused.status()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(refused.reason()).isEqualTo(DeclineReason.REQUEST_REJECTED);
        assertThat(refused.walletTxnId()).isNull();
        assertThat(unsignedSuccess.status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(unsignedSuccess.walletCode()).isEqualTo("MISSING_SIGNATURE");
    }

    @Test
    void shouldMapConfiguredResultCodes()
    {
        connector.close();
        final ObjectNode settings = settings(gateway.baseUrl());
        settings.putObject(JdPayConnectorProvider.RESULT_CODES).put("E1001", "INSUFFICIENT_FUNDS")
            .put(JdPayResultCodes.TOKEN_INVALID, "UNKNOWN");
        connector = connector(settings);
        gateway.script(answer((r) -> JdPayResponse.Builder.of(MERCHANT,
            "H0012".equals(r.tradeNum()) ? "E1001" : JdPayResultCodes.TOKEN_INVALID, "refused")));

        connector.pay(1, new PayCommand("H0012", TOKEN, 100, "Coffee", "10.0.0.1"), results);
        final WalletResult added = results.next().result();
        connector.pay(2, new PayCommand("H0013", TOKEN, 100, "Coffee", "10.0.0.1"), results);
        final WalletResult replaced = results.next().result();

        assertThat(added.status()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(added.reason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
        assertThat(added.walletCode()).isEqualTo("E1001");
        assertThat(added.walletTxnId()).as("no trade exists").isNull();
        assertThat(replaced.status()).isEqualTo(OutcomeStatus.UNKNOWN);
    }

    private List<WalletResult> queries(final String... tradeNums)
    {
        final List<WalletResult> answers = new ArrayList<>();
        for (final String tradeNum : tradeNums)
        {
            connector.query(1, new QueryCommand(tradeNum), results);
            answers.add(results.next().result());
        }
        return answers;
    }

    private static JdPayResponse.Builder status(final JdPayRequest request, final String status)
    {
        return JdPayResponse.Builder.success(MERCHANT).put(JdPayFields.TRADE_NUM, request.tradeNum())
            .put(JdPayFields.TRADE_TYPE, QueryRequest.TradeType.PAYMENT.wire()).put(JdPayFields.STATUS, status);
    }

    /**
     * A script that signs and seals the builder's answer with JD's test key.
     */
    private static Function<JdPayRequestCodec.Inbound, byte[]> answer(
        final Function<JdPayRequest, JdPayResponse.Builder> builder)
    {
        return (inbound) -> builder.apply(inbound.request()).build(SERVER);
    }
}
