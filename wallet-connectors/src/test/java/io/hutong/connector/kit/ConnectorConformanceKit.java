package io.hutong.connector.kit;

import io.hutong.connector.CreditCommand;
import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.PayCommand;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.RefundCommand;
import io.hutong.connector.ReleaseCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletConnector;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletResult;
import io.hutong.connector.http.HttpClientConfig;
import io.hutong.connector.http.WalletHttpClient;
import io.hutong.connector.spi.ConnectorSettings;
import io.hutong.connector.spi.CryptoPool;
import io.hutong.connector.spi.WalletConnectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.hutong.connector.kit.BlockingCallback.call;
import static io.hutong.connector.kit.KitRequests.forge;
import static io.hutong.connector.kit.KitRequests.orderNo;
import static io.hutong.connector.kit.KitRequests.pay;
import static io.hutong.connector.kit.KitSettings.pointedAt;
import static io.hutong.connector.kit.KitSettings.withRequestTimeout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector conformance kit: the contract every wallet connector, ours or a third party's, must pass
 * against a live endpoint (the simulated wallet, or a wallet operator's sandbox that serves the control API of
 * docs/simulated-wallets.md). Extend it, say which wallet and settings to use, and run it with JUnit 5:
 * <pre>
 *  class MyWalletConformanceTest extends ConnectorConformanceKit {
 *      protected String walletId() { return "mywallet"; }
 *      protected URI controlUrl() { return URI.create("http://127.0.0.1:18081"); }
 *      protected ConnectorSettings settings() { ... the connector's settings ... }
 *      protected ConnectorSettings settingsWithWrongKey() { ... the same, signing with a key the wallet refuses ... }
 *  }
 * </pre>
 * Every scenario talks to the endpoint over real HTTP through the connector found by
 * {@link java.util.ServiceLoader}; each uses its own fresh consumer account and order numbers, so scenarios
 * are independent. Published in the {@code hutong-wallet-connectors} test jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class ConnectorConformanceKit
{
    /** Balance of each scenario's fresh account, in fen. */
    protected static final long BALANCE = 1_000_000;

    private WalletHttpClient http;
    private CryptoPool cryptoPool;
    private WalletConnector connector;
    private SimControl control;

    /**
     * @return the participant id under test, e.g. {@code wechat}.
     */
    protected abstract String walletId();

    /**
     * @return the base URL serving the {@code /sim} control API for this wallet.
     */
    protected abstract URI controlUrl();

    /**
     * @return the connector's settings pointing at the endpoint.
     */
    protected abstract ConnectorSettings settings();

    /**
     * @return the same settings, but signing requests with a key the wallet does not accept.
     */
    protected abstract ConnectorSettings settingsWithWrongKey();

    /**
     * @return a merchant enrolled at the wallet that MPM credits may pay.
     */
    protected abstract String payeeMerchant();

    /**
     * The decline reasons a wallet's own codes can express for a scenario; override where a wallet has no
     * exact code (its mapping table must still land in this set).
     *
     * @param scenario one of {@code insufficientFunds}, {@code limitExceeded}, {@code restricted},
     *                 {@code codeUsed}, {@code codeUnknown}.
     * @return the acceptable reasons.
     */
    protected Set<DeclineReason> acceptableReasons(final String scenario)
    {
        switch (scenario)
        {
            case "insufficientFunds":
                return EnumSet.of(DeclineReason.INSUFFICIENT_FUNDS);
            case "limitExceeded":
                return EnumSet.of(DeclineReason.LIMIT_EXCEEDED);
            case "restricted":
                return EnumSet.of(DeclineReason.ACCOUNT_RESTRICTED);
            case "codeUsed":
                return EnumSet.of(DeclineReason.CODE_ALREADY_USED, DeclineReason.CODE_INVALID_OR_EXPIRED);
            default:
                return EnumSet.of(DeclineReason.CODE_INVALID_OR_EXPIRED);
        }
    }

    @BeforeAll
    void startKit()
    {
        http = new WalletHttpClient(HttpClientConfig.defaults());
        cryptoPool = new CryptoPool(2, 256);
        control = new SimControl(controlUrl());
        connector = connector(settings());
    }

    @AfterEach
    void clearFaults()
    {
        control.clearFaults();
    }

    @AfterAll
    void stopKit()
    {
        connector.close();
        cryptoPool.close();
        http.close();
    }

    @Test
    void shouldApproveAPaymentWithAFreshCode()
    {
        final String account = control.freshAccount(BALANCE, BALANCE, false);
        final String orderNo = orderNo();

        final WalletResult result = call(connector, (c, cb) -> c.pay(1, pay(orderNo, control.code(account), 1_234), cb));

        assertThat(result.status()).as(result.toString()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(result.walletTxnId()).isNotBlank();
        assertThat(control.balance(account)).isEqualTo(BALANCE - 1_234);
        assertThat(control.order(orderNo, "PAY")).hasValueSatisfying((o) ->
        {
            assertThat(o.state()).isEqualTo("SUCCESS");
            assertThat(o.amount()).isEqualTo(1_234);
        });
        assertThat(query(orderNo).status()).isEqualTo(OutcomeStatus.APPROVED);
    }

    @Test
    void shouldDeclineInsufficientFunds()
    {
        assertDeclined(control.freshAccount(100, BALANCE, false), 1_000, "insufficientFunds");
    }

    @Test
    void shouldDeclineOverTheAccountsLimit()
    {
        assertDeclined(control.freshAccount(BALANCE, 500, false), 1_000, "limitExceeded");
    }

    @Test
    void shouldDeclineARestrictedAccount()
    {
        assertDeclined(control.freshAccount(BALANCE, BALANCE, true), 1_000, "restricted");
    }

    @Test
    void shouldDeclineACodeUsedBefore()
    {
        final String account = control.freshAccount(BALANCE, BALANCE, false);
        final String code = control.code(account);
        assertThat(call(connector, (c, cb) -> c.pay(1, pay(orderNo(), code, 100), cb)).status())
            .isEqualTo(OutcomeStatus.APPROVED);

        final String second = orderNo();
        final WalletResult result = call(connector, (c, cb) -> c.pay(2, pay(second, code, 100), cb));

        assertThat(result.status()).as(result.toString()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(result.reason()).isIn(acceptableReasons("codeUsed"));
        assertThat(control.balance(account)).isEqualTo(BALANCE - 100);
    }

    @Test
    void shouldDeclineACodeTheWalletNeverIssued()
    {
        final String account = control.freshAccount(BALANCE, BALANCE, false);
        final String real = control.code(account);
        final String forged = forge(real);

        final WalletResult result = call(connector, (c, cb) -> c.pay(1, pay(orderNo(), forged, 100), cb));

        assertThat(result.status()).as(result.toString()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(result.reason()).isIn(acceptableReasons("codeUnknown"));
        assertThat(control.balance(account)).isEqualTo(BALANCE);
    }

    @Test
    void shouldReportInProgressThenApproveOnQuery() throws Exception
    {
        final String account = control.freshAccount(BALANCE, BALANCE, false);
        control.faults("{\"userPayingRate\":1.0,\"userPayingMs\":400,\"userCancelRate\":0.0,\"operations\":[\"pay\"]}");
        final String orderNo = orderNo();

        final WalletResult pay = call(connector, (c, cb) -> c.pay(1, pay(orderNo, control.code(account), 500), cb));

        assertThat(pay.status()).as(pay.toString()).isIn(OutcomeStatus.IN_PROGRESS, OutcomeStatus.UNKNOWN);
        assertThat(queryUntilFinal(orderNo).status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(control.balance(account)).isEqualTo(BALANCE - 500);
    }

    @Test
    void shouldRecoverATimedOutPaymentByQueryThenReverse() throws Exception
    {
        final String account = control.freshAccount(BALANCE, BALANCE, false);
        final WalletConnector impatient = connector(withRequestTimeout(settings(), 500));
        try
        {
            control.faults("{\"hangRate\":1.0,\"appliedRate\":1.0,\"operations\":[\"pay\"]}");
            final String orderNo = orderNo();

            final WalletResult pay = call(impatient, (c, cb) -> c.pay(1, pay(orderNo, control.code(account), 700), cb));
            control.clearFaults();

            assertThat(pay.status()).as(pay.toString()).isEqualTo(OutcomeStatus.UNKNOWN);
            assertThat(pay.requestSent()).isTrue();
            assertThat(queryUntilFinal(orderNo).status()).as("the wallet applied it").isEqualTo(OutcomeStatus.APPROVED);
            assertThat(reverseUntilFinal(orderNo, 700).status()).isEqualTo(OutcomeStatus.APPROVED);
            assertThat(control.balance(account)).isEqualTo(BALANCE);
            assertThat(queryUntilFinal(orderNo).status()).isEqualTo(OutcomeStatus.DECLINED);
        }
        finally
        {
            impatient.close();
        }
    }

    @Test
    void shouldReverseAnApprovedPaymentIdempotently() throws Exception
    {
        final String account = control.freshAccount(BALANCE, BALANCE, false);
        final String orderNo = orderNo();
        assertThat(call(connector, (c, cb) -> c.pay(1, pay(orderNo, control.code(account), 900), cb)).status())
            .isEqualTo(OutcomeStatus.APPROVED);

        assertThat(reverseUntilFinal(orderNo, 900).status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(reverseUntilFinal(orderNo, 900).status()).isEqualTo(OutcomeStatus.APPROVED);

        assertThat(control.balance(account)).isEqualTo(BALANCE);
        assertThat(control.order(orderNo, "PAY")).hasValueSatisfying((o) -> assertThat(o.state()).isEqualTo("REVERSED"));
    }

    @Test
    void shouldReverseAnOrderTheWalletNeverSawSoALatePayCannotLand() throws Exception
    {
        final String account = control.freshAccount(BALANCE, BALANCE, false);
        final String orderNo = orderNo();

        assertThat(reverseUntilFinal(orderNo, 300).status()).isEqualTo(OutcomeStatus.APPROVED);
        final WalletResult late = call(connector, (c, cb) -> c.pay(1, pay(orderNo, control.code(account), 300), cb));

        assertThat(late.status()).as(late.toString()).isNotEqualTo(OutcomeStatus.APPROVED);
        assertThat(control.balance(account)).isEqualTo(BALANCE);
    }

    @Test
    void shouldRefundOnceAndRefuseMoreThanWasPaid()
    {
        final String account = control.freshAccount(BALANCE, BALANCE, false);
        final String orderNo = orderNo();
        assertThat(call(connector, (c, cb) -> c.pay(1, pay(orderNo, control.code(account), 1_000), cb)).status())
            .isEqualTo(OutcomeStatus.APPROVED);
        final RefundCommand refund = new RefundCommand(orderNo, orderNo(), 1_000, 400);

        final WalletResult first = call(connector, (c, cb) -> c.refund(1, refund, cb));
        final WalletResult resend = call(connector, (c, cb) -> c.refund(2, refund, cb));
        final WalletResult tooMuch = call(connector,
            (c, cb) -> c.refund(3, new RefundCommand(orderNo, orderNo(), 1_000, 700), cb));

        assertThat(first.status()).as(first.toString()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(resend.status()).as(resend.toString()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(control.balance(account)).isEqualTo(BALANCE - 600);
        assertThat(control.order(orderNo, "PAY")).hasValueSatisfying((o) -> assertThat(o.refunded()).isEqualTo(400));
    }

    @Test
    void shouldNeverDebitTwiceForAResentPay() throws Exception
    {
        final String account = control.freshAccount(BALANCE, BALANCE, false);
        final String orderNo = orderNo();
        final PayCommand pay = pay(orderNo, control.code(account), 800);

        final WalletResult first = call(connector, (c, cb) -> c.pay(1, pay, cb));
        final WalletResult resend = call(connector, (c, cb) -> c.pay(2, pay, cb));

        assertThat(first.status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(resend.status()).as(resend.toString()).isIn(OutcomeStatus.APPROVED, OutcomeStatus.UNKNOWN);
        assertThat(queryUntilFinal(orderNo).status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(control.balance(account)).isEqualTo(BALANCE - 800);
        assertThat(control.orders(orderNo)).hasSize(1);
    }

    @Test
    void shouldTreatAnAnswerWithABadSignatureAsUnknown()
    {
        final String account = control.freshAccount(BALANCE, BALANCE, false);
        control.faults("{\"badSignatureRate\":1.0}");

        final WalletResult result = call(connector, (c, cb) -> c.pay(1, pay(orderNo(), control.code(account), 100), cb));

        assertThat(result.status()).as(result.toString()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(result.requestSent()).isTrue();
    }

    @Test
    void shouldBeRefusedWithoutChargeWhenSigningWithAWrongKey()
    {
        final String account = control.freshAccount(BALANCE, BALANCE, false);
        final WalletConnector forger = connector(settingsWithWrongKey());
        try
        {
            final String orderNo = orderNo();
            final WalletResult result = call(forger, (c, cb) -> c.pay(1, pay(orderNo, control.code(account), 100), cb));

            assertThat(result.status()).as(result.toString()).isIn(OutcomeStatus.DECLINED, OutcomeStatus.UNKNOWN);
            if (OutcomeStatus.DECLINED == result.status())
            {
                assertThat(result.reason()).isEqualTo(DeclineReason.REQUEST_REJECTED);
            }
            assertThat(control.balance(account)).isEqualTo(BALANCE);
            assertThat(control.order(orderNo, "PAY")).isEmpty();
        }
        finally
        {
            forger.close();
        }
    }

    @Test
    void shouldTreatMalformedAnswersServerErrorsAndResetsAsUnknownThenLearnTheTruthByQuery() throws Exception
    {
        final String account = control.freshAccount(BALANCE, BALANCE, false);
        long debited = 0;
        for (final String fault : new String[] {"malformedRate", "http500Rate", "resetRate"})
        {
            control.faults("{\"" + fault + "\":1.0,\"operations\":[\"pay\"]}");
            final String orderNo = orderNo();
            final WalletResult result = call(connector, (c, cb) -> c.pay(1, pay(orderNo, control.code(account), 100), cb));
            control.clearFaults();

            assertThat(result.status()).as(fault + ": " + result).isEqualTo(OutcomeStatus.UNKNOWN);
            assertThat(result.requestSent()).as(fault).isTrue();
            // Whatever the wallet did behind the broken answer, a query must say it.
            final boolean applied = control.order(orderNo, "PAY").map((o) -> "SUCCESS".equals(o.state())).orElse(false);
            if (applied)
            {
                debited += 100;
                final WalletResult query = queryUntilFinal(orderNo);
                assertThat(query.status()).as(fault + ": " + query).isEqualTo(OutcomeStatus.APPROVED);
            }
            else
            {
                // An order the wallet never saw stays unknown to its query (the switch then reverses it).
                final WalletResult query = query(orderNo);
                assertThat(query.status()).as(fault + ": " + query).isNotEqualTo(OutcomeStatus.APPROVED);
            }
        }
        assertThat(control.balance(account)).isEqualTo(BALANCE - debited);
    }

    @Test
    void shouldReportAnUnreachableWalletAsNotSent() throws Exception
    {
        final int port;
        try (ServerSocket socket = new ServerSocket(0))
        {
            port = socket.getLocalPort();
        }
        final WalletConnector nowhere = connector(pointedAt(settings(), "http://127.0.0.1:" + port));
        try
        {
            final WalletResult result = call(nowhere, (c, cb) -> c.query(1, new QueryCommand(orderNo()), cb));

            assertThat(result.status()).isEqualTo(OutcomeStatus.UNKNOWN);
            assertThat(result.requestSent()).isFalse();
        }
        finally
        {
            nowhere.close();
        }
    }

    @Test
    void shouldCreditAPayeeMerchantOnceAndReleaseAPayersHold()
    {
        final String orderNo = orderNo();
        final CreditCommand credit = new CreditCommand(orderNo, payeeMerchant(), 2_500, "MPM payment");

        final WalletResult first = call(connector, (c, cb) -> c.credit(1, credit, cb));
        final WalletResult resend = call(connector, (c, cb) -> c.credit(2, credit, cb));

        assertThat(first.status()).as(first.toString()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(resend.status()).as(resend.toString()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(control.orders(orderNo)).hasSize(1);

        final String account = control.freshAccount(BALANCE, BALANCE, false);
        final String held = orderNo();
        control.hold(account, held, 3_000);
        assertThat(control.balance(account)).isEqualTo(BALANCE - 3_000);
        final ReleaseCommand release = new ReleaseCommand(held, 3_000);

        assertThat(call(connector, (c, cb) -> c.release(3, release, cb)).status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(call(connector, (c, cb) -> c.release(4, release, cb)).status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(control.balance(account)).isEqualTo(BALANCE);
    }

    @Test
    void shouldQueryAndReverseACreditSoOneLeftInDoubtCanBeUndone()
    {
        final String orderNo = orderNo();
        final CreditCommand credit = new CreditCommand(orderNo, payeeMerchant(), 1_800, "MPM payment");
        assertThat(call(connector, (c, cb) -> c.credit(1, credit, cb)).status()).isEqualTo(OutcomeStatus.APPROVED);

        final WalletResult queried =
            call(connector, (c, cb) -> c.query(2, new QueryCommand(orderNo, WalletOperation.CREDIT), cb));
        assertThat(queried.status()).as(queried.toString()).isEqualTo(OutcomeStatus.APPROVED);

        final ReverseCommand reverse = new ReverseCommand(orderNo, 1_800, WalletOperation.CREDIT);
        final WalletResult reversed = call(connector, (c, cb) -> c.reverse(3, reverse, cb));
        final WalletResult again = call(connector, (c, cb) -> c.reverse(4, reverse, cb));
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(again.status()).as(again.toString()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(control.order(orderNo, "CREDIT")).hasValueSatisfying((o) ->
            assertThat(o.state()).isEqualTo("REVERSED"));
        final WalletResult after =
            call(connector, (c, cb) -> c.query(5, new QueryCommand(orderNo, WalletOperation.CREDIT), cb));
        assertThat(after.status()).as(after.toString()).isEqualTo(OutcomeStatus.DECLINED);

        final WalletResult late = call(connector, (c, cb) -> c.credit(6, credit, cb));
        assertThat(late.status()).as(late.toString()).isEqualTo(OutcomeStatus.DECLINED);
    }

    /**
     * @param settings settings to build from.
     * @return a connector built through the service loader, as the switch builds it.
     */
    protected final WalletConnector connector(final ConnectorSettings settings)
    {
        return WalletConnectors.create(Map.of(walletId(), settings), http, cryptoPool, Clock.systemUTC()).get(walletId());
    }

    private void assertDeclined(final String account, final long amount, final String scenario)
    {
        final String orderNo = orderNo();

        final WalletResult result = call(connector, (c, cb) -> c.pay(1, pay(orderNo, control.code(account), amount), cb));

        assertThat(result.status()).as(result.toString()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(result.reason()).as(result.toString()).isIn(acceptableReasons(scenario));
        assertThat(result.walletCode()).isNotBlank();
        assertThat(result.operation()).isEqualTo(WalletOperation.PAY);
        final long balance = control.balance(account);
        assertThat(balance).isEqualTo("insufficientFunds".equals(scenario) ? 100 : BALANCE);
    }

    private WalletResult query(final String orderNo)
    {
        return call(connector, (c, cb) -> c.query(1, new QueryCommand(orderNo), cb));
    }

    private WalletResult queryUntilFinal(final String orderNo) throws InterruptedException
    {
        WalletResult result = query(orderNo);
        for (int i = 0; i < 50 && !result.isFinal(); i++)
        {
            Thread.sleep(200);
            result = query(orderNo);
        }
        return result;
    }

    private WalletResult reverseUntilFinal(final String orderNo, final long amount) throws InterruptedException
    {
        WalletResult result = call(connector, (c, cb) -> c.reverse(1, new ReverseCommand(orderNo, amount), cb));
        for (int i = 0; i < 50 && !result.isFinal(); i++)
        {
            Thread.sleep(200);
            result = call(connector, (c, cb) -> c.reverse(1, new ReverseCommand(orderNo, amount), cb));
        }
        return result;
    }
}
