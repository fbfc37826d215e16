package io.hutong.sim;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.wechat.MicropayRequest;
import io.hutong.connector.wechat.OrderQueryRequest;
import io.hutong.connector.wechat.RefundRequest;
import io.hutong.connector.wechat.ReverseRequest;
import io.hutong.connector.wechat.WeChatFields;
import io.hutong.connector.wechat.WeChatMerchant;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.wechat.WeChatOutcomes;
import io.hutong.connector.wechat.WeChatResponse;
import io.hutong.connector.wechat.WeChatSign;
import io.hutong.connector.wechat.WeChatSignType;
import io.hutong.connector.wechat.WeChatXml;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.AfterAll;
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
 * The simulated WeChat wallet's answers as the project's WeChat connector reads them: every decline is the
 * wallet's own {@code err_code}, and {@link WeChatOutcomes} maps it to the reason a real wallet's would. The
 * wallets' clock is a test clock, so codes can expire.
 */
@Timeout(60)
class WeChatApiTest
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
    private static WeChatMerchant merchant;

    @BeforeAll
    static void start() throws Exception
    {
        CLOCK.update(System.currentTimeMillis());
        wallets = TestWallets.start(data, CLOCK, "", "wechat");
        merchant = wallets.weChatMerchant(WeChatSignType.HMAC_SHA256);
    }

    @AfterAll
    static void stop() throws Exception
    {
        wallets.close();
        LeakGuard.assertNoLeaks();
    }

    @Test
    void shouldAnswerASignedXmlRootedSuccess() throws Exception
    {
        final byte[] body = post("/pay/micropay", micropay(newOrder(), code("c000001"), 100));
        final String text = new String(body, StandardCharsets.UTF_8);
        final WeChatResponse answer = WeChatResponse.parse(body, merchant);

        assertThat(text).startsWith("<xml>").endsWith("</xml>").contains("<total_fee>100</total_fee>");
        assertThat(answer.isResultSuccess()).isTrue();
        assertThat(answer.get("trade_type")).isEqualTo("MICROPAY");
        assertThat(answer.get("time_end")).matches("[0-9]{14}");
        assertThat(WeChatOutcomes.forMicropay(answer).status()).isEqualTo(OutcomeStatus.APPROVED);
    }

    @Test
    void shouldDeclineInvalidUsedAndExpiredCodesWithWeChatsErrorCodes() throws Exception
    {
        final String used = code("c000002");
        pay(newOrder(), used, 10);
        assertDeclined(pay(newOrder(), used, 10), "AUTH_CODE_INVALID", DeclineReason.CODE_INVALID_OR_EXPIRED);
        final String stale = code("c000002");
        CLOCK.advance(61_000);

        assertDeclined(pay(newOrder(), stale, 10), "AUTHCODEEXPIRE", DeclineReason.CODE_INVALID_OR_EXPIRED);
        assertDeclined(pay(newOrder(), "109999990000000000", 10), "AUTH_CODE_INVALID",
            DeclineReason.CODE_INVALID_OR_EXPIRED);
        assertDeclined(pay(newOrder(), "1099", 10), "AUTH_CODE_ERROR", DeclineReason.CODE_INVALID_OR_EXPIRED);
    }

    @Test
    void shouldDeclineUnfundedFrozenAndOverLimitPayments() throws Exception
    {
        wallets.control("POST", "wechat", "/sim/accounts", "{\"account\":\"poor\",\"balance\":50}");
        wallets.control("POST", "wechat", "/sim/accounts", "{\"account\":\"ice\",\"frozen\":true}");
        wallets.control("POST", "wechat", "/sim/accounts", "{\"account\":\"capped\",\"perPaymentLimit\":20}");

        assertDeclined(pay(newOrder(), code("poor"), 51), "NOTENOUGH", DeclineReason.INSUFFICIENT_FUNDS);
        assertDeclined(pay(newOrder(), code("ice"), 1), "USER_ACCOUNT_ABNORMAL", DeclineReason.ACCOUNT_RESTRICTED);
        final WeChatResponse capped = pay(newOrder(), code("capped"), 21);
        assertThat(capped.errCode()).isEqualTo("TRADE_ERROR");
        assertThat(WeChatOutcomes.forMicropay(capped).status()).isEqualTo(OutcomeStatus.DECLINED);
    }

    @Test
    void shouldAnswerResendsFromTheLedgerAndRefuseChangedOrders() throws Exception
    {
        final String orderNo = newOrder();
        final String code = code("c000003");
        final WeChatResponse first = pay(orderNo, code, 300);
        final WeChatResponse resend = pay(orderNo, code, 300);
        final WeChatResponse changed = pay(orderNo, code("c000003"), 300);

        assertThat(resend.isResultSuccess()).isTrue();
        assertThat(resend.transactionId()).isEqualTo(first.transactionId());
        assertThat(changed.errCode()).isEqualTo("ORDERPAID");
        assertThat(WeChatOutcomes.forMicropay(changed).status()).as("the money may be ours: query")
            .isEqualTo(OutcomeStatus.UNKNOWN);

        final String failed = newOrder();
        pay(failed, "109999990000000000", 300);
        assertDeclined(pay(failed, code("c000003"), 300), "OUT_TRADE_NO_USED", DeclineReason.DUPLICATE_ORDER);
        assertThat(wallets.control("GET", "wechat", "/sim/accounts/c000003", null).get("balance").asLong())
            .isEqualTo(100_000_000L - 300);
    }

    @Test
    void shouldReportTradeStatesAndReverseWithRecall() throws Exception
    {
        wallets.control("POST", "wechat", "/sim/faults", "{\"userPayingRate\":1,\"userPayingMs\":5000}");
        final String waiting = newOrder();
        final WeChatResponse paying = pay(waiting, code("c000004"), 70);
        wallets.control("DELETE", "wechat", "/sim/faults", null);

        assertThat(WeChatOutcomes.forMicropay(paying).status()).isEqualTo(OutcomeStatus.IN_PROGRESS);
        assertThat(query(waiting).tradeState()).isEqualTo("USERPAYING");
        final WeChatResponse recall = reverse(waiting);
        assertThat(recall.recall()).isTrue();
        assertThat(WeChatOutcomes.forReverse(recall).status()).isEqualTo(OutcomeStatus.UNKNOWN);
        assertThat(query(waiting).tradeState()).isEqualTo("CLOSED");
        assertThat(WeChatOutcomes.forReverse(reverse(waiting)).status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(query(waiting).tradeState()).isEqualTo("REVOKED");

        final String confirmed = newOrder();
        wallets.control("POST", "wechat", "/sim/faults", "{\"userPayingRate\":1,\"userPayingMs\":5000}");
        pay(confirmed, code("c000004"), 80);
        wallets.control("DELETE", "wechat", "/sim/faults", null);
        CLOCK.advance(5_000);
        assertThat(query(confirmed).tradeState()).isEqualTo("SUCCESS");
        assertThat(query("NEVER").errCode()).isEqualTo("ORDERNOTEXIST");
    }

    @Test
    void shouldRefundWithinThePaidAmount() throws Exception
    {
        final String orderNo = newOrder();
        pay(orderNo, code("c000005"), 1_000);

        final WeChatResponse refund = WeChatResponse.parse(post("/secapi/pay/refund", signed(
            new RefundRequest(orderNo, "RF-" + orderNo, 1_000, 400).signedParameters(merchant, "n1"))), merchant);
        final WeChatResponse tooMuch = WeChatResponse.parse(post("/secapi/pay/refund", signed(
            new RefundRequest(orderNo, "RF2-" + orderNo, 1_000, 601).signedParameters(merchant, "n2"))), merchant);
        final WeChatResponse wrongTotal = WeChatResponse.parse(post("/secapi/pay/refund", signed(
            new RefundRequest(orderNo, "RF3-" + orderNo, 999, 1).signedParameters(merchant, "n3"))), merchant);

        assertThat(WeChatOutcomes.forRefund(refund).status()).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(refund.get(WeChatFields.REFUND_ID)).isNotEmpty();
        assertThat(tooMuch.errCode()).isEqualTo("ERROR");
        assertThat(wrongTotal.errCode()).isEqualTo("PARAM_ERROR");
        assertThat(query(orderNo).tradeState()).isEqualTo("REFUND");
        assertThat(reverse(orderNo).errCode()).as("a refunded order cannot be reversed").isEqualTo("REVERSE_EXPIRE");
    }

    @Test
    void shouldCloseUnpaidOrdersOnly() throws Exception
    {
        final String paid = newOrder();
        pay(paid, code("c000006"), 10);
        final Map<String, String> close = header("n");
        close.put(WeChatFields.OUT_TRADE_NO, paid);

        final WeChatResponse refused = WeChatResponse.parse(post("/pay/closeorder", signed(close)), merchant);
        close.put(WeChatFields.OUT_TRADE_NO, "NO-SUCH-ORDER");
        final WeChatResponse missing = WeChatResponse.parse(post("/pay/closeorder", signed(close)), merchant);

        assertThat(refused.errCode()).isEqualTo("ORDERPAID");
        assertThat(missing.errCode()).isEqualTo("ORDERNOTEXIST");
    }

    @Test
    void shouldRefuseUnauthenticatedOrIncompleteRequests() throws Exception
    {
        final LinkedHashMap<String, String> good =
            new MicropayRequest("x", newOrder(), 10, "127.0.0.1", code("c000007")).signedParameters(merchant, "n");
        final LinkedHashMap<String, String> forged = new LinkedHashMap<>(good);
        forged.put(WeChatFields.TOTAL_FEE, "1");
        final LinkedHashMap<String, String> md5 = new LinkedHashMap<>(good);
        md5.put(WeChatFields.SIGN_TYPE, "MD5");
        md5.put(WeChatFields.SIGN, WeChatSign.sign(md5, WeChatSignType.MD5, merchant.apiKey()));
        final Map<String, String> incomplete = header("n2");

        assertThat(returnMsg(post("/pay/micropay", WeChatXml.writeUtf8(forged)))).isEqualTo("签名错误");
        assertThat(returnMsg(post("/pay/micropay", "<xml><unclosed>".getBytes(StandardCharsets.UTF_8))))
            .isEqualTo("XML格式错误");
        assertThat(WeChatOutcomes.forMicropay(WeChatResponse.parse(post("/pay/micropay", WeChatXml.writeUtf8(forged)),
            merchant)).reason()).isEqualTo(DeclineReason.REQUEST_REJECTED);
        final WeChatResponse md5Answer = WeChatResponse.parse(post("/pay/micropay", WeChatXml.writeUtf8(md5)),
            new WeChatMerchant(merchant.appId(), merchant.mchId(), merchant.apiKey(), WeChatSignType.MD5));
        assertThat(md5Answer.isResultSuccess()).as("answered in MD5 as asked").isTrue();
        assertThat(WeChatResponse.parse(post("/pay/micropay", signed(incomplete)), merchant).errCode())
            .isEqualTo("LACK_PARAMS");
        final Map<String, String> wrongApp = header("n3");
        wrongApp.put(WeChatFields.APPID, "wx0000000000000000");
        wrongApp.put(WeChatFields.OUT_TRADE_NO, "X");
        assertThat(WeChatResponse.parse(post("/pay/orderquery", signed(wrongApp)), merchant).errCode())
            .isEqualTo("APPID_MCHID_NOT_MATCH");
    }

    private static void assertDeclined(final WeChatResponse answer, final String errCode, final DeclineReason reason)
    {
        assertThat(answer.isReturnSuccess()).isTrue();
        assertThat(answer.resultCode()).isEqualTo(WeChatFields.FAIL);
        assertThat(answer.errCode()).isEqualTo(errCode);
        final WalletOutcome outcome = WeChatOutcomes.forMicropay(answer);
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.DECLINED);
        assertThat(outcome.reason()).isEqualTo(reason);
    }

    private static String newOrder()
    {
        return "WA" + ORDERS.incrementAndGet();
    }

    private static String code(final String account) throws Exception
    {
        return wallets.code("wechat", account);
    }

    private static byte[] micropay(final String orderNo, final String code, final long fee)
    {
        final LinkedHashMap<String, String> fields = header("m" + orderNo);
        fields.put(WeChatFields.BODY, "test");
        fields.put(WeChatFields.OUT_TRADE_NO, orderNo);
        fields.put(WeChatFields.TOTAL_FEE, Long.toString(fee));
        fields.put(WeChatFields.SPBILL_CREATE_IP, "127.0.0.1");
        fields.put(WeChatFields.AUTH_CODE, code);
        return signed(fields);
    }

    private static WeChatResponse pay(final String orderNo, final String code, final long fee) throws Exception
    {
        return WeChatResponse.parse(post("/pay/micropay", micropay(orderNo, code, fee)), merchant);
    }

    private static WeChatResponse query(final String orderNo) throws Exception
    {
        return WeChatResponse.parse(post("/pay/orderquery",
            signed(OrderQueryRequest.byOutTradeNo(orderNo).signedParameters(merchant, "q"))), merchant);
    }

    private static WeChatResponse reverse(final String orderNo) throws Exception
    {
        return WeChatResponse.parse(post("/secapi/pay/reverse",
            signed(new ReverseRequest(orderNo).signedParameters(merchant, "r"))), merchant);
    }

    private static LinkedHashMap<String, String> header(final String nonce)
    {
        final LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        fields.put(WeChatFields.APPID, merchant.appId());
        fields.put(WeChatFields.MCH_ID, merchant.mchId());
        fields.put(WeChatFields.NONCE_STR, nonce);
        fields.put(WeChatFields.SIGN_TYPE, WeChatSignType.HMAC_SHA256.wireName());
        return fields;
    }

    private static byte[] signed(final Map<String, String> fields)
    {
        final LinkedHashMap<String, String> copy = new LinkedHashMap<>(fields);
        copy.remove(WeChatFields.SIGN);
        copy.put(WeChatFields.SIGN, WeChatSign.sign(copy, WeChatSignType.HMAC_SHA256, merchant.apiKey()));
        return WeChatXml.writeUtf8(copy);
    }

    private static String returnMsg(final byte[] body) throws Exception
    {
        final Map<String, String> fields = WeChatXml.read(body);
        assertThat(fields.get(WeChatFields.RETURN_CODE)).isEqualTo(WeChatFields.FAIL);
        assertThat(fields).doesNotContainKey(WeChatFields.SIGN);
        return fields.get(WeChatFields.RETURN_MSG);
    }

    private static byte[] post(final String path, final byte[] body) throws Exception
    {
        // Clients send XML under any content type; the wallet must not care.
        return wallets.post(wallets.url("wechat", path), body, "Content-Type", "application/json").body();
    }
}
