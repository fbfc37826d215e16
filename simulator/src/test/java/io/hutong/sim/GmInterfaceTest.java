package io.hutong.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.KeyPairs;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;
import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import io.hutong.connector.gm.GmFieldCipher;
import io.hutong.connector.gm.GmMessageException;
import io.hutong.connector.gm.GmOperation;
import io.hutong.connector.gm.GmOutcomes;
import io.hutong.connector.gm.GmRequest;
import io.hutong.connector.gm.GmRequestCodec;
import io.hutong.connector.gm.GmResponse;
import io.hutong.connector.gm.GmWire;
import org.agrona.concurrent.CachedEpochClock;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The GM interface end to end with the connector's own message layer as the client: {@link GmRequestCodec} encodes
 * and signs with the switch key from the credentials file, {@link GmResponse#decode} verifies the wallet's answer
 * and {@link GmOutcomes} reads it. Bestpay serves all six operations; WeChat serves credit and release.
 */
@Timeout(60)
class GmInterfaceTest
{
    static
    {
        LeakGuard.install();
    }

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final CachedEpochClock CLOCK = new CachedEpochClock();
    private static final AtomicLong IDS = new AtomicLong();

    @TempDir
    static Path data;

    private static TestWallets wallets;

    @BeforeAll
    static void start()
    {
        CLOCK.update(System.currentTimeMillis());
        wallets = TestWallets.start(data, CLOCK, "", "wechat", "bestpay");
    }

    @AfterAll
    static void stop() throws Exception
    {
        wallets.close();
        LeakGuard.assertNoLeaks();
    }

    @AfterEach
    void clearFaults() throws Exception
    {
        wallets.control("DELETE", "bestpay", "/sim/faults", null);
    }

    @Test
    void shouldPayQueryRefundAndReverse() throws Exception
    {
        final Client bestpay = client("bestpay");
        final String orderNo = id("P");
        final String code = wallets.code("bestpay", "c000001");

        final GmResponse pay = bestpay.call(GmOperation.PAY, GmRequest.pay(orderNo, code, 1_234, "Coffee"));
        final GmResponse resend = bestpay.call(GmOperation.PAY, GmRequest.pay(orderNo, code, 1_234, "Coffee"));
        final GmResponse query = bestpay.call(GmOperation.QUERY, GmRequest.byOrder(orderNo));
        final GmResponse refund = bestpay.call(GmOperation.REFUND, GmRequest.refund(orderNo, id("R"), 234));
        final GmResponse tooMuch = bestpay.call(GmOperation.REFUND, GmRequest.refund(orderNo, id("R"), 1_001));

        assertThat(GmOutcomes.of(GmOperation.PAY, pay)).extracting(io.hutong.connector.WalletOutcome::status).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(pay.tradeNo()).startsWith("BP");
        assertThat(resend.tradeNo()).as("a resend is answered, never paid twice").isEqualTo(pay.tradeNo());
        assertThat(query.tradeState()).isEqualTo("SUCCESS");
        assertThat(GmOutcomes.of(GmOperation.REFUND, refund)).extracting(io.hutong.connector.WalletOutcome::status).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(refund.tradeState()).isEqualTo("REFUNDED");
        assertThat(tooMuch.errCode()).isEqualTo("REFUND_AMOUNT_EXCEEDED");

        final String other = id("P");
        bestpay.call(GmOperation.PAY, GmRequest.pay(other, wallets.code("bestpay", "c000001"), 500, "Tea"));
        final GmResponse reverse = bestpay.call(GmOperation.REVERSE, GmRequest.byOrder(other));
        assertThat(GmOutcomes.of(GmOperation.REVERSE, reverse)).extracting(io.hutong.connector.WalletOutcome::status).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(GmOutcomes.of(GmOperation.QUERY, bestpay.call(GmOperation.QUERY, GmRequest.byOrder(other))))
            .isEqualTo(io.hutong.connector.WalletOutcome.declined(DeclineReason.CONSUMER_CANCELLED, "REVERSED"));
        assertThat(wallets.control("GET", "bestpay", "/sim/accounts/c000001", null).get("balance").asLong())
            .isEqualTo(100_000_000L - 1_000);
    }

    @Test
    void shouldDeclinePaymentsWithTheDocumentedErrorCodes() throws Exception
    {
        final Client bestpay = client("bestpay");
        final String used = wallets.code("bestpay", "c000002");
        bestpay.call(GmOperation.PAY, GmRequest.pay(id("P"), used, 10, "x"));

        assertDeclined(bestpay.call(GmOperation.PAY, GmRequest.pay(id("P"), used, 10, "x")), "AUTH_CODE_USED",
            DeclineReason.CODE_ALREADY_USED);
        assertDeclined(bestpay.call(GmOperation.PAY, GmRequest.pay(id("P"), "510000000000000000", 10, "x")),
            "AUTH_CODE_INVALID", DeclineReason.CODE_INVALID_OR_EXPIRED);
        final String reversed = id("P");
        bestpay.call(GmOperation.REVERSE, GmRequest.byOrder(reversed));
        assertDeclined(bestpay.call(GmOperation.PAY, GmRequest.pay(reversed, wallets.code("bestpay", null), 10, "x")),
            "ORDER_CLOSED", DeclineReason.DUPLICATE_ORDER);
        final String stale = wallets.code("bestpay", "c000002");
        CLOCK.advance(61_000);
        assertDeclined(bestpay.call(GmOperation.PAY, GmRequest.pay(id("P"), stale, 10, "x")), "AUTH_CODE_EXPIRED",
            DeclineReason.CODE_INVALID_OR_EXPIRED);
        final GmResponse unknown = bestpay.call(GmOperation.QUERY, GmRequest.byOrder("NEVER"));
        assertThat(unknown.errCode()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(GmOutcomes.of(GmOperation.QUERY, unknown)).extracting(io.hutong.connector.WalletOutcome::status).isEqualTo(OutcomeStatus.UNKNOWN);
    }

    @Test
    void shouldAskForAnotherReverseWhileTheConsumerConfirms() throws Exception
    {
        final Client bestpay = client("bestpay");
        wallets.control("POST", "bestpay", "/sim/faults", "{\"userPayingRate\":1,\"userPayingMs\":20000}");
        final String orderNo = id("P");

        final GmResponse pay =
            bestpay.call(GmOperation.PAY, GmRequest.pay(orderNo, wallets.code("bestpay", "c000003"), 99, "x"));
        final GmResponse first = bestpay.call(GmOperation.REVERSE, GmRequest.byOrder(orderNo));
        final GmResponse second = bestpay.call(GmOperation.REVERSE, GmRequest.byOrder(orderNo));

        assertThat(GmOutcomes.of(GmOperation.PAY, pay)).extracting(io.hutong.connector.WalletOutcome::status).isEqualTo(OutcomeStatus.IN_PROGRESS);
        assertThat(first.code()).isEqualTo(GmResponse.Code.USERPAYING);
        assertThat(GmOutcomes.of(GmOperation.REVERSE, first)).extracting(io.hutong.connector.WalletOutcome::status).isEqualTo(OutcomeStatus.IN_PROGRESS);
        assertThat(GmOutcomes.of(GmOperation.REVERSE, second)).extracting(io.hutong.connector.WalletOutcome::status).isEqualTo(OutcomeStatus.APPROVED);
        assertThat(second.tradeState()).isEqualTo("REVERSED");
    }

    @Test
    void shouldCreditPayeesAndReleaseHoldsOnEveryWallet() throws Exception
    {
        for (final String wallet : new String[]{ "wechat", "bestpay" })
        {
            final Client client = client(wallet);
            final String orderNo = id("C");
            final GmResponse credit =
                client.call(GmOperation.CREDIT, GmRequest.credit(orderNo, wallet + "-m0001", 800, "Lunch"));
            final GmResponse again =
                client.call(GmOperation.CREDIT, GmRequest.credit(orderNo, wallet + "-m0001", 800, "Lunch"));
            final GmResponse noPayee =
                client.call(GmOperation.CREDIT, GmRequest.credit(id("C"), "nobody", 800, "Lunch"));

            assertThat(GmOutcomes.of(GmOperation.CREDIT, credit)).extracting(io.hutong.connector.WalletOutcome::status).isEqualTo(OutcomeStatus.APPROVED);
            assertThat(again.tradeNo()).isEqualTo(credit.tradeNo());
            assertDeclined(noPayee, "PAYEE_ACCOUNT_INVALID", DeclineReason.MERCHANT_NOT_ENROLLED);

            final String hold = id("H");
            wallets.control("POST", wallet, "/sim/holds",
                "{\"account\":\"c000009\",\"orderNo\":\"" + hold + "\",\"amount\":300}");
            assertThat(available(wallet)).isEqualTo(100_000_000L - 300);
            final GmResponse release = client.call(GmOperation.RELEASE, GmRequest.release(hold, 300));
            assertThat(GmOutcomes.of(GmOperation.RELEASE, release)).extracting(io.hutong.connector.WalletOutcome::status).isEqualTo(OutcomeStatus.APPROVED);
            assertThat(release.tradeState()).isEqualTo("CLOSED");
            assertThat(available(wallet)).isEqualTo(100_000_000L);

            final String early = id("H");
            assertThat(client.call(GmOperation.RELEASE, GmRequest.release(early, 300)).code())
                .isEqualTo(GmResponse.Code.SUCCESS);
            assertThat(wallets.control("POST", wallet, "/sim/holds",
                "{\"account\":\"c000009\",\"orderNo\":\"" + early + "\",\"amount\":300}").get("error").asText())
                .as("a hold after its release is refused").isEqualTo("HOLD_RELEASED");
        }
    }

    @Test
    void shouldRefuseForgedExpiredAndUnenrolledRequests() throws Exception
    {
        final Client bestpay = client("bestpay");
        final Client forger = bestpay.withSigner(new CodeSigner(SignatureAlgorithm.SM2_SM3, bestpay.switchKeyId,
            KeyPairs.generate(SignatureAlgorithm.SM2_SM3).getPrivate()));
        final Client stranger = bestpay.withMerchant("someone-else");

        assertThat(forger.call(GmOperation.QUERY, GmRequest.byOrder("X")).errCode()).isEqualTo("SIGN_INVALID");
        assertThat(stranger.call(GmOperation.QUERY, GmRequest.byOrder("X")).errCode())
            .isEqualTo("MERCHANT_NOT_ENROLLED");
        assertThat(stranger.call(GmOperation.PAY, GmRequest.pay("X", "510000000000000000", 1, "x")).errCode())
            .isEqualTo("MERCHANT_NOT_ENROLLED");
        assertThat(bestpay.call(GmOperation.QUERY, GmRequest.byOrder("X"), CLOCK.time() - 301_000).errCode())
            .isEqualTo("REQUEST_EXPIRED");
        assertThat(wallets.post(wallets.url("wechat", "/gm/v1/pay"), new byte[]{ '{', '}' }).statusCode())
            .isEqualTo(404);
    }

    @Test
    void shouldSignWithAWrongKeyOrAnswerSystemErrorWhenAsked() throws Exception
    {
        final Client bestpay = client("bestpay");
        wallets.control("POST", "bestpay", "/sim/faults", "{\"badSignatureRate\":1}");
        assertThatThrownBy(() -> bestpay.call(GmOperation.QUERY, GmRequest.byOrder("X")))
            .isInstanceOfSatisfying(GmMessageException.class,
                (ex) -> assertThat(ex.reason()).isEqualTo(GmMessageException.Reason.BAD_SIGNATURE));

        wallets.control("POST", "bestpay", "/sim/faults", "{\"errorRate\":1,\"appliedRate\":0}");
        final GmResponse error = bestpay.call(GmOperation.QUERY, GmRequest.byOrder("X"));
        assertThat(error.code()).isEqualTo(GmResponse.Code.SYSTEM_ERROR);
        assertThat(GmOutcomes.of(GmOperation.QUERY, error)).extracting(io.hutong.connector.WalletOutcome::status).isEqualTo(OutcomeStatus.UNKNOWN);
    }

    private static long available(final String wallet) throws Exception
    {
        return wallets.control("GET", wallet, "/sim/accounts/c000009", null).get("available").asLong();
    }

    private static void assertDeclined(final GmResponse response, final String errCode, final DeclineReason reason)
    {
        assertThat(response.code()).isEqualTo(GmResponse.Code.FAIL);
        assertThat(response.errCode()).isEqualTo(errCode);
        assertThat(GmOutcomes.declineReason(errCode)).isEqualTo(reason);
    }

    private static String id(final String prefix)
    {
        return prefix + "-" + IDS.incrementAndGet();
    }

    private static Client client(final String wallet) throws Exception
    {
        final JsonNode entry = wallets.credentials().get(wallet);
        final JsonNode interop = entry.get("interop");
        final KeyFactory keys = KeyFactory.getInstance("EC", BC);
        final CodeSigner signer = new CodeSigner(SignatureAlgorithm.SM2_SM3, interop.get("switchKeyId").asText(),
            keys.generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(interop.get("switchPrivateKey").asText()))));
        final TrustedKeys walletKeys = TrustedKeys.of(new CodeVerifier(SignatureAlgorithm.SM2_SM3,
            interop.get("walletKeyId").asText(), keys.generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(interop.get("walletPublicKey").asText())))));
        return new Client(entry.get("baseUrl").asText(), interop.get("merchantId").asText(),
            interop.get("switchKeyId").asText(), signer, walletKeys,
            new GmFieldCipher(HexFormat.of().parseHex(interop.get("sm4Key").asText())));
    }

    /**
     * The switch's side of one wallet's GM enrolment, as the credentials file gives it.
     */
    private record Client(
        String baseUrl, String merchantId, String switchKeyId, CodeSigner signer, TrustedKeys walletKeys,
        GmFieldCipher cipher)
    {
        GmResponse call(final GmOperation operation, final GmRequest.Biz biz) throws Exception
        {
            return call(operation, biz, CLOCK.time());
        }

        GmResponse call(final GmOperation operation, final GmRequest.Biz biz, final long timeMs) throws Exception
        {
            final String requestId = id("REQ");
            final GmRequestCodec.Encoded encoded = GmRequestCodec.encode(new GmRequest(operation, merchantId,
                requestId, Instant.ofEpochMilli(timeMs), switchKeyId, biz), signer, cipher);
            final HttpResponse<byte[]> response = wallets.post(baseUrl + encoded.path(), encoded.body(),
                GmWire.SIGNATURE_HEADER, encoded.signatureHeader(), "Content-Type", GmWire.CONTENT_TYPE);
            assertThat(response.statusCode()).isEqualTo(200);
            return GmResponse.decode(response.body(),
                response.headers().firstValue(GmWire.SIGNATURE_HEADER).orElse(null), walletKeys, requestId);
        }

        Client withSigner(final CodeSigner other)
        {
            return new Client(baseUrl, merchantId, switchKeyId, other, walletKeys, cipher);
        }

        Client withMerchant(final String other)
        {
            return new Client(baseUrl, other, switchKeyId, signer, walletKeys, cipher);
        }
    }
}
