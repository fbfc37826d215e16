package io.hutong.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.wxpay.sdk.WXPay;
import com.github.wxpay.sdk.WXPayConfig;
import com.github.wxpay.sdk.WXPayConstants;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official WeChat Pay Java SDK ({@code com.github.wxpay:wxpay-sdk:0.0.3}, the version on Maven Central) against
 * the simulated WeChat wallet: the SDK signs, writes and posts the XML, and verifies the answers' signatures itself.
 * <p>
 * That SDK version hard-codes {@code https://api.mch.weixin.qq.com} in each API method and offers no domain setting
 * (later versions on GitHub have one, but are not published), while its two transport methods are public and take
 * the URL. So {@link SimulatorWXPay} overrides only those two to swap the host for the simulator's base URL; every
 * API method, the signing and the answer checks run unchanged. The SDK does not insist on https: it opens whatever
 * URL it is given, so plain http on loopback serves. Its {@code requestWithCert} (reverse, refund) still loads the
 * merchant certificate as PKCS#12 with the mch_id as password; the test gives it an empty key store, since no TLS
 * client certificate is presented over http.
 */
@Timeout(60)
class WeChatSdkTest
{
    static
    {
        LeakGuard.install();
    }

    @TempDir
    static Path data;

    private static TestWallets wallets;
    private static JsonNode credentials;

    @BeforeAll
    static void start() throws Exception
    {
        wallets = TestWallets.start(data, SystemEpochClock.INSTANCE, "", "wechat");
        credentials = wallets.credentials().get("wechat");
    }

    @AfterAll
    static void stop() throws Exception
    {
        wallets.close();
        LeakGuard.assertNoLeaks();
    }

    @Test
    void shouldCompleteMicropayOrderQueryAndReverseWithTheOfficialSdk() throws Exception
    {
        final WXPay sdk = sdk(WXPayConstants.SignType.HMACSHA256);
        final String code = wallets.code("wechat", "c000001");

        final Map<String, String> pay = sdk.microPay(order("SDK-1", "1234", code));
        assertThat(pay).containsEntry("return_code", "SUCCESS").containsEntry("result_code", "SUCCESS")
            .containsEntry("total_fee", "1234").containsEntry("out_trade_no", "SDK-1");
        assertThat(pay.get("transaction_id")).hasSize(28);

        final Map<String, String> query = sdk.orderQuery(map("out_trade_no", "SDK-1"));
        assertThat(query).containsEntry("result_code", "SUCCESS").containsEntry("trade_state", "SUCCESS")
            .containsEntry("transaction_id", pay.get("transaction_id"));

        final Map<String, String> reverse = sdk.reverse(map("out_trade_no", "SDK-1"));
        assertThat(reverse).containsEntry("result_code", "SUCCESS").containsEntry("recall", "N");

        final Map<String, String> after = sdk.orderQuery(map("transaction_id", pay.get("transaction_id")));
        assertThat(after).containsEntry("trade_state", "REVOKED");
        assertThat(wallets.control("GET", "wechat", "/sim/accounts/c000001", null).get("balance").asLong())
            .isEqualTo(100_000_000L);
    }

    @Test
    void shouldAnswerMd5SignedRequestsWithMd5SignedAnswers() throws Exception
    {
        final WXPay sdk = sdk(WXPayConstants.SignType.MD5);

        final Map<String, String> pay = sdk.microPay(order("SDK-MD5", "10", wallets.code("wechat", "c000002")));

        assertThat(pay).containsEntry("result_code", "SUCCESS");
        assertThat(sdk.orderQuery(map("out_trade_no", "SDK-MD5"))).containsEntry("trade_state", "SUCCESS");
    }

    @Test
    void shouldDeclineASpentCodeAndRefundThroughTheSdk() throws Exception
    {
        final WXPay sdk = sdk(WXPayConstants.SignType.HMACSHA256);
        final String code = wallets.code("wechat", "c000003");
        assertThat(sdk.microPay(order("SDK-R", "500", code))).containsEntry("result_code", "SUCCESS");

        final Map<String, String> spent = sdk.microPay(order("SDK-R2", "500", code));
        assertThat(spent).containsEntry("return_code", "SUCCESS").containsEntry("result_code", "FAIL")
            .containsEntry("err_code", "AUTH_CODE_INVALID");

        final Map<String, String> refund = new HashMap<>();
        refund.put("out_trade_no", "SDK-R");
        refund.put("out_refund_no", "SDK-R-1");
        refund.put("total_fee", "500");
        refund.put("refund_fee", "200");
        assertThat(sdk.refund(refund)).containsEntry("result_code", "SUCCESS").containsEntry("refund_fee", "200");
        assertThat(sdk.orderQuery(map("out_trade_no", "SDK-R"))).containsEntry("trade_state", "REFUND");
    }

    @Test
    void shouldTellTheSdkToReverseAgainWhileTheConsumerIsConfirming() throws Exception
    {
        final WXPay sdk = sdk(WXPayConstants.SignType.HMACSHA256);
        wallets.control("POST", "wechat", "/sim/faults", "{\"userPayingRate\":1,\"userPayingMs\":30000}");
        try
        {
            final Map<String, String> pay = sdk.microPay(order("SDK-U", "300", wallets.code("wechat", "c000004")));
            assertThat(pay).containsEntry("result_code", "FAIL").containsEntry("err_code", "USERPAYING");
            assertThat(sdk.orderQuery(map("out_trade_no", "SDK-U"))).containsEntry("trade_state", "USERPAYING");

            assertThat(sdk.reverse(map("out_trade_no", "SDK-U"))).containsEntry("recall", "Y");
            assertThat(sdk.reverse(map("out_trade_no", "SDK-U"))).containsEntry("result_code", "SUCCESS")
                .containsEntry("recall", "N");
            assertThat(sdk.orderQuery(map("out_trade_no", "SDK-U"))).containsEntry("trade_state", "REVOKED");
        }
        finally
        {
            wallets.control("DELETE", "wechat", "/sim/faults", null);
        }
    }

    /**
     * A mutable map: the SDK adds appid, mch_id, nonce_str, sign_type and sign to the map it is given.
     */
    private static Map<String, String> map(final String key, final String value)
    {
        final Map<String, String> data = new HashMap<>();
        data.put(key, value);
        return data;
    }

    private static Map<String, String> order(final String outTradeNo, final String fee, final String authCode)
    {
        final Map<String, String> data = new HashMap<>();
        data.put("body", "Hutong SDK test");
        data.put("out_trade_no", outTradeNo);
        data.put("total_fee", fee);
        data.put("spbill_create_ip", "127.0.0.1");
        data.put("auth_code", authCode);
        return data;
    }

    private static WXPay sdk(final WXPayConstants.SignType signType) throws Exception
    {
        return new SimulatorWXPay(new Config(credentials), signType, credentials.get("baseUrl").asText());
    }

    /**
     * The SDK with its fixed host swapped for the simulator's base URL; nothing else changed.
     */
    private static final class SimulatorWXPay extends WXPay
    {
        private static final String WECHAT_HOST = "https://api.mch.weixin.qq.com";
        private final String baseUrl;

        SimulatorWXPay(final WXPayConfig config, final WXPayConstants.SignType signType, final String baseUrl)
            throws Exception
        {
            super(config, signType, false);
            this.baseUrl = baseUrl;
        }

        @Override
        public String requestWithoutCert(
            final String url, final Map<String, String> data, final int connectTimeoutMs, final int readTimeoutMs)
            throws Exception
        {
            return super.requestWithoutCert(url.replace(WECHAT_HOST, baseUrl), data, connectTimeoutMs, readTimeoutMs);
        }

        @Override
        public String requestWithCert(
            final String url, final Map<String, String> data, final int connectTimeoutMs, final int readTimeoutMs)
            throws Exception
        {
            return super.requestWithCert(url.replace(WECHAT_HOST, baseUrl), data, connectTimeoutMs, readTimeoutMs);
        }
    }

    /**
     * The merchant's SDK configuration, from the simulator's credentials file.
     */
    private static final class Config implements WXPayConfig
    {
        private final JsonNode credentials;
        private final byte[] certificate;

        Config(final JsonNode credentials) throws Exception
        {
            this.credentials = credentials;
            final KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, credentials.get("mchId").asText().toCharArray());
            this.certificate = out.toByteArray();
        }

        @Override
        public String getAppID()
        {
            return credentials.get("appId").asText();
        }

        @Override
        public String getMchID()
        {
            return credentials.get("mchId").asText();
        }

        @Override
        public String getKey()
        {
            return credentials.get("apiKey").asText();
        }

        @Override
        public InputStream getCertStream()
        {
            return new ByteArrayInputStream(certificate);
        }

        @Override
        public int getHttpConnectTimeoutMs()
        {
            return 2_000;
        }

        @Override
        public int getHttpReadTimeoutMs()
        {
            return 5_000;
        }
    }
}
