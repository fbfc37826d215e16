package io.hutong.connector.gm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class GmResponseTest
{
    private static final GmResponse PAID = new GmResponse(
        "R1", GmTestKeys.WALLET_KEY_ID, GmResponse.Code.SUCCESS, null, null, "BP20260102000001", "SUCCESS");

    private static void assertRefused(
        final byte[] body, final String header, final String requestId, final GmMessageException.Reason reason)
    {
        assertThatThrownBy(() -> GmResponse.decode(body, header, GmTestKeys.walletKeys(), requestId))
            .isInstanceOfSatisfying(GmMessageException.class, (ex) -> assertThat(ex.reason()).isEqualTo(reason));
    }

    private static void assertSignedBodyRefused(final String json, final GmMessageException.Reason reason)
    {
        final byte[] body = json.getBytes(StandardCharsets.UTF_8);
        assertRefused(body, GmSignature.sign(GmTestKeys.walletSigner(), body), "R1", reason);
    }

    @Test
    void shouldRoundTrip() throws GmMessageException
    {
        final GmResponse failed = new GmResponse(
            "R2", GmTestKeys.WALLET_KEY_ID, GmResponse.Code.FAIL, "AUTH_CODE_USED", "付款码已使用", null, null);
        for (final GmResponse response : new GmResponse[] {PAID, failed})
        {
            final GmResponse.Encoded encoded = response.encode(GmTestKeys.walletSigner());

            assertThat(GmResponse.decode(
                encoded.body(), encoded.signatureHeader(), GmTestKeys.walletKeys(), response.requestId()))
                .isEqualTo(response);
        }
    }

    @Test
    void shouldWriteDocumentedOrder()
    {
        assertThat(new String(PAID.encode(GmTestKeys.walletSigner()).body(), StandardCharsets.UTF_8)).isEqualTo(
            "{\"version\":\"1.0\",\"request_id\":\"R1\",\"key_id\":\"bestpay-01\",\"code\":\"SUCCESS\"," +
            "\"trade_no\":\"BP20260102000001\",\"trade_state\":\"SUCCESS\"}");
    }

    @Test
    void shouldRefuseAnyTamperedByte()
    {
        final GmResponse.Encoded encoded = PAID.encode(GmTestKeys.walletSigner());
        for (int i = 0; i < encoded.body().length; i++)
        {
            final byte[] tampered = encoded.body().clone();
            tampered[i] ^= 0x01;
            assertRefused(tampered, encoded.signatureHeader(), "R1", GmMessageException.Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void shouldRefuseAnswerToAnotherRequest()
    {
        final GmResponse.Encoded encoded = PAID.encode(GmTestKeys.walletSigner());

        assertRefused(encoded.body(), encoded.signatureHeader(), "R9", GmMessageException.Reason.BAD_FIELD);
    }

    @Test
    void shouldRefuseAnswerSignedBySwitchKey()
    {
        final GmResponse forged = new GmResponse(
            "R1", GmTestKeys.SWITCH_KEY_ID, GmResponse.Code.SUCCESS, null, null, "X", "SUCCESS");
        final GmResponse.Encoded encoded = forged.encode(GmTestKeys.switchSigner());

        assertRefused(encoded.body(), encoded.signatureHeader(), "R1", GmMessageException.Reason.UNKNOWN_KEY);
    }

    @Test
    void shouldRefuseMalformedAndIncompleteAnswers()
    {
        assertSignedBodyRefused("not json", GmMessageException.Reason.MALFORMED);
        assertSignedBodyRefused(
            "{\"version\":\"1.0\",\"request_id\":\"R1\",\"key_id\":\"bestpay-01\"}",
            GmMessageException.Reason.MISSING_FIELD);
        assertSignedBodyRefused(
            "{\"version\":\"1.0\",\"request_id\":\"R1\",\"key_id\":\"bestpay-01\",\"code\":\"FAIL\"}",
            GmMessageException.Reason.MISSING_FIELD);
        assertSignedBodyRefused(
            "{\"version\":\"1.0\",\"request_id\":\"R1\",\"key_id\":\"bestpay-01\",\"code\":\"MAYBE\"}",
            GmMessageException.Reason.BAD_FIELD);
        assertSignedBodyRefused(
            "{\"request_id\":\"R1\",\"key_id\":\"bestpay-01\",\"code\":\"SUCCESS\"}",
            GmMessageException.Reason.MISSING_FIELD);
    }

    @Test
    void shouldRefuseFailWithoutErrCodeOnEncode()
    {
        final GmResponse bad = new GmResponse("R1", GmTestKeys.WALLET_KEY_ID, GmResponse.Code.FAIL, null, null, null,
            null);

        assertThatThrownBy(() -> bad.encode(GmTestKeys.walletSigner())).isInstanceOf(IllegalArgumentException.class);
    }
}
