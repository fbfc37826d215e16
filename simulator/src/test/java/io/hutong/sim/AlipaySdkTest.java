package io.hutong.sim;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradeCancelModel;
import com.alipay.api.domain.AlipayTradePayModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.internal.util.AlipayLogger;
import com.alipay.api.request.AlipayTradeCancelRequest;
import com.alipay.api.request.AlipayTradePayRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeCancelResponse;
import com.alipay.api.response.AlipayTradePayResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official Alipay Java SDK ({@code com.alipay.sdk:alipay-sdk-java}) against the simulated Alipay gateway, set
 * up only from the credentials file: {@code DefaultAlipayClient(gatewayUrl, appId, appPrivateKey, "json", "UTF-8",
 * alipayPublicKey, "RSA2")}. The SDK signs and sends the requests (system parameters in the query string,
 * {@code biz_content} in the form body) and verifies every answer's signature with {@code alipayPublicKey} itself,
 * refusing answers whose signature does not verify and a gateway key equal to the app's. It opens plain http URLs
 * as they are, so no TLS is needed on loopback.
 */
@Timeout(60)
class AlipaySdkTest
{
    static
    {
        LeakGuard.install();
        // The SDK logs every failed business answer; the assertions say what matters.
        AlipayLogger.setNeedEnableLogger(false);
    }

    @TempDir
    static Path data;

    private static TestWallets wallets;
    private static JsonNode credentials;
    private static AlipayClient sdk;

    @BeforeAll
    static void start() throws Exception
    {
        wallets = TestWallets.start(data, SystemEpochClock.INSTANCE, "", "alipay");
        credentials = wallets.credentials().get("alipay");
        sdk = client("UTF-8");
    }

    @AfterAll
    static void stop() throws Exception
    {
        wallets.close();
        LeakGuard.assertNoLeaks();
    }

    @Test
    void shouldCompletePayQueryAndCancelWithTheOfficialSdk() throws Exception
    {
        final AlipayTradePayResponse pay = sdk.execute(pay("SDK_1", wallets.code("alipay", "c000001"), "12.34"));
        assertThat(pay.isSuccess()).as(pay.getBody()).isTrue();
        assertThat(pay.getCode()).isEqualTo("10000");
        assertThat(pay.getTradeNo()).hasSize(28);
        assertThat(pay.getOutTradeNo()).isEqualTo("SDK_1");
        assertThat(pay.getTotalAmount()).isEqualTo("12.34");
        assertThat(pay.getGmtPayment()).isNotNull();
        assertThat(pay.getBuyerUserId()).matches("2088[0-9]{12}");
        assertThat(pay.getFundBillList()).singleElement()
            .satisfies((bill) -> assertThat(bill.getAmount()).isEqualTo("12.34"));

        final AlipayTradeQueryResponse query = sdk.execute(query("SDK_1"));
        assertThat(query.getTradeStatus()).isEqualTo("TRADE_SUCCESS");
        assertThat(query.getTradeNo()).isEqualTo(pay.getTradeNo());
        assertThat(query.getSendPayDate()).isNotNull();

        final AlipayTradeCancelResponse cancel = sdk.execute(cancel("SDK_1"));
        assertThat(cancel.getCode()).as(cancel.getBody()).isEqualTo("10000");
        assertThat(cancel.getRetryFlag()).isEqualTo("N");
        assertThat(cancel.getAction()).isEqualTo("refund");

        assertThat(sdk.execute(query("SDK_1")).getTradeStatus()).isEqualTo("TRADE_CLOSED");
        assertThat(wallets.control("GET", "alipay", "/sim/accounts/c000001", null).get("balance").asLong())
            .isEqualTo(100_000_000L);
    }

    @Test
    void shouldDeclineASpentCodeAndRefundThroughTheSdk() throws Exception
    {
        final String code = wallets.code("alipay", "c000002");
        assertThat(sdk.execute(pay("SDK_R", code, "5.00")).getCode()).isEqualTo("10000");

        final AlipayTradePayResponse spent = sdk.execute(pay("SDK_R2", code, "5.00"));
        assertThat(spent.isSuccess()).isFalse();
        assertThat(spent.getCode()).isEqualTo("40004");
        assertThat(spent.getSubCode()).isEqualTo("ACQ.PAYMENT_AUTH_CODE_INVALID");

        final AlipayTradeRefundModel model = new AlipayTradeRefundModel();
        model.setOutTradeNo("SDK_R");
        model.setRefundAmount("2.00");
        model.setOutRequestNo("SDK_R_1");
        final AlipayTradeRefundRequest refund = new AlipayTradeRefundRequest();
        refund.setBizModel(model);
        final AlipayTradeRefundResponse first = sdk.execute(refund);
        final AlipayTradeRefundResponse resend = sdk.execute(refund);

        assertThat(first.getFundChange()).as(first.getBody()).isEqualTo("Y");
        assertThat(first.getRefundFee()).isEqualTo("2.00");
        assertThat(resend.getFundChange()).isEqualTo("N");
        assertThat(sdk.execute(query("SDK_R")).getTradeStatus()).isEqualTo("TRADE_SUCCESS");
    }

    @Test
    void shouldTellTheSdkToCancelAgainWhileTheBuyerIsConfirming() throws Exception
    {
        wallets.control("POST", "alipay", "/sim/faults", "{\"userPayingRate\":1,\"userPayingMs\":30000}");
        try
        {
            final AlipayTradePayResponse pay = sdk.execute(pay("SDK_U", wallets.code("alipay", "c000003"), "3.00"));
            assertThat(pay.getCode()).as(pay.getBody()).isEqualTo("10003");
            assertThat(sdk.execute(query("SDK_U")).getTradeStatus()).isEqualTo("WAIT_BUYER_PAY");

            final AlipayTradeCancelResponse busy = sdk.execute(cancel("SDK_U"));
            assertThat(busy.getRetryFlag()).as(busy.getBody()).isEqualTo("Y");
            assertThat(busy.getSubCode()).isEqualTo("ACQ.SYSTEM_ERROR");
            final AlipayTradeCancelResponse again = sdk.execute(cancel("SDK_U"));
            assertThat(again.getCode()).as(again.getBody()).isEqualTo("10000");
            assertThat(again.getRetryFlag()).isEqualTo("N");
            assertThat(again.getAction()).isEqualTo("close");
            assertThat(sdk.execute(query("SDK_U")).getTradeStatus()).isEqualTo("TRADE_CLOSED");
        }
        finally
        {
            wallets.control("DELETE", "alipay", "/sim/faults", null);
        }
    }

    @Test
    void shouldMakeTheSdkRefuseAnAnswerSignedWithAnotherKey() throws Exception
    {
        wallets.control("POST", "alipay", "/sim/faults", "{\"badSignatureRate\":1}");
        try
        {
            final AlipayTradePayRequest pay = pay("SDK_B", wallets.code("alipay", "c000004"), "1.00");
            assertThatThrownBy(() -> sdk.execute(pay)).isInstanceOf(AlipayApiException.class)
                .hasMessageContaining("sign check fail");
        }
        finally
        {
            wallets.control("DELETE", "alipay", "/sim/faults", null);
        }
        // The payment went through behind the refused answer: the query says so.
        assertThat(sdk.execute(query("SDK_B")).getTradeStatus()).isEqualTo("TRADE_SUCCESS");
    }

    @Test
    void shouldRefuseACharsetItCannotReadWithAnUnsignedGatewayError() throws Exception
    {
        final AlipayTradePayRequest request = pay("SDK_G", wallets.code("alipay", "c000005"), "1.00");

        final AlipayTradePayResponse pay = client("GBK").execute(request);

        assertThat(pay.getCode()).as(pay.getBody()).isEqualTo("40002");
        assertThat(pay.getSubCode()).isEqualTo("isv.invalid-charset");
        assertThat(wallets.control("GET", "alipay", "/sim/accounts/c000005", null).get("balance").asLong())
            .isEqualTo(100_000_000L);
    }

    private static AlipayClient client(final String charset)
    {
        return new DefaultAlipayClient(credentials.get("gatewayUrl").asText(), credentials.get("appId").asText(),
            credentials.get("appPrivateKey").asText(), "json", charset, credentials.get("alipayPublicKey").asText(),
            credentials.get("signType").asText());
    }

    private static AlipayTradePayRequest pay(final String outTradeNo, final String authCode, final String amount)
    {
        final AlipayTradePayModel model = new AlipayTradePayModel();
        model.setOutTradeNo(outTradeNo);
        model.setScene("bar_code");
        model.setAuthCode(authCode);
        model.setSubject("Hutong SDK test");
        model.setTotalAmount(amount);
        model.setProductCode("FACE_TO_FACE_PAYMENT");
        final AlipayTradePayRequest request = new AlipayTradePayRequest();
        request.setBizModel(model);
        return request;
    }

    private static AlipayTradeQueryRequest query(final String outTradeNo)
    {
        final AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(outTradeNo);
        final AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        return request;
    }

    private static AlipayTradeCancelRequest cancel(final String outTradeNo)
    {
        final AlipayTradeCancelModel model = new AlipayTradeCancelModel();
        model.setOutTradeNo(outTradeNo);
        final AlipayTradeCancelRequest request = new AlipayTradeCancelRequest();
        request.setBizModel(model);
        return request;
    }
}
