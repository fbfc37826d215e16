package io.hutong.connector.gm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.hutong.codec.sign.CodeSigner;
import io.hutong.codec.sign.CodeVerifier;
import io.hutong.codec.sign.SignatureAlgorithm;
import io.hutong.codec.sign.TrustedKeys;

class GmRequestCodecTest
{
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Function<String, GmFieldCipher> CIPHERS =
        (merchantId) -> "M1".equals(merchantId) || "M100200300".equals(merchantId) ?
            new GmFieldCipher(GmTestKeys.SM4_KEY) : null;

    private static GmRequest request(final GmOperation operation, final GmRequest.Biz biz)
    {
        return new GmRequest(operation, "M1", "R-" + operation.wireName(), NOW, GmTestKeys.SWITCH_KEY_ID, biz);
    }

    private static List<GmRequest> everyOperation()
    {
        return List.of(
            request(GmOperation.PAY, GmRequest.pay("T1", "510123456789012345", 1234, "Coffee")),
            request(GmOperation.QUERY, GmRequest.byOrder("T1")),
            request(GmOperation.REVERSE, GmRequest.byOrder("T1")),
            request(GmOperation.REFUND, GmRequest.refund("T1", "F1", 34)),
            request(GmOperation.CREDIT, GmRequest.credit("T2", "6222-0001", 5000, "Lunch")),
            request(GmOperation.RELEASE, GmRequest.release("T2", 5000)));
    }

    private static GmRequest decode(final GmOperation operation, final byte[] body, final String header)
        throws GmMessageException
    {
        return GmRequestCodec.decode(operation, body, header, GmTestKeys.switchKeys(), CIPHERS);
    }

    private static GmRequestCodec.Encoded encode(final GmRequest request)
    {
        return GmRequestCodec.encode(request, GmTestKeys.switchSigner(), new GmFieldCipher(GmTestKeys.SM4_KEY));
    }

    private static void assertRefused(
        final GmOperation operation, final byte[] body, final String header, final GmMessageException.Reason reason)
    {
        assertThatThrownBy(() -> decode(operation, body, header))
            .isInstanceOfSatisfying(GmMessageException.class, (ex) -> assertThat(ex.reason()).isEqualTo(reason));
    }

    /** Signs arbitrary text with the trusted switch key, so parsing (not the signature) is what is tested. */
    private static void assertSignedBodyRefused(final String json, final GmMessageException.Reason reason)
    {
        final byte[] body = json.getBytes(StandardCharsets.UTF_8);
        assertRefused(GmOperation.PAY, body, GmSignature.sign(GmTestKeys.switchSigner(), body), reason);
    }

    @Test
    void shouldRoundTripEveryOperation() throws GmMessageException
    {
        for (final GmRequest request : everyOperation())
        {
            final GmRequestCodec.Encoded encoded = encode(request);

            assertThat(encoded.path()).isEqualTo("/gm/v1/" + request.operation().wireName());
            assertThat(decode(request.operation(), encoded.body(), encoded.signatureHeader())).isEqualTo(request);
        }
    }

    @Test
    void shouldNeverSendSensitiveFieldsInClear()
    {
        for (final GmRequest request : everyOperation())
        {
            final String body = new String(encode(request).body(), StandardCharsets.UTF_8);

            assertThat(body).doesNotContain("510123456789012345").doesNotContain("6222-0001");
        }
    }

    @Test
    void shouldRefuseAnyTamperedByte()
    {
        for (final GmRequest request : everyOperation())
        {
            final GmRequestCodec.Encoded encoded = encode(request);
            for (int i = 0; i < encoded.body().length; i++)
            {
                final byte[] tampered = encoded.body().clone();
                tampered[i] ^= 0x01;
                assertRefused(
                    request.operation(), tampered, encoded.signatureHeader(), GmMessageException.Reason.BAD_SIGNATURE);
            }
        }
    }

    @Test
    void shouldRefuseAnyTamperedSignatureByte()
    {
        final GmRequestCodec.Encoded encoded = encode(everyOperation().get(0));
        final String header = encoded.signatureHeader();
        final int at = header.indexOf(",sig=") + 5;
        final byte[] signature = Base64.getDecoder().decode(header.substring(at));
        for (int i = 0; i < signature.length; i++)
        {
            final byte[] tampered = signature.clone();
            tampered[i] ^= 0x01;
            final String tamperedHeader = header.substring(0, at) + Base64.getEncoder().encodeToString(tampered);
            assertRefused(GmOperation.PAY, encoded.body(), tamperedHeader, GmMessageException.Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void shouldRefuseNonCanonicalSignatureEncoding()
    {
        final GmRequestCodec.Encoded encoded = encode(everyOperation().get(0));
        final String header = encoded.signatureHeader();
        // The last data character of an 88-character encoding of 64 bytes carries 4 pad bits: set one.
        final int last = header.length() - 3;
        final String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        final char padded = alphabet.charAt(alphabet.indexOf(header.charAt(last)) ^ 1);
        final String spelled = header.substring(0, last) + padded + header.substring(last + 1);

        assertThat(Base64.getDecoder().decode(spelled.substring(spelled.indexOf(",sig=") + 5)))
            .isEqualTo(Base64.getDecoder().decode(header.substring(header.indexOf(",sig=") + 5)));
        assertRefused(GmOperation.PAY, encoded.body(), spelled, GmMessageException.Reason.MISSING_SIGNATURE);
    }

    @Test
    void shouldRefuseMissingOrMalformedHeader()
    {
        final byte[] body = encode(everyOperation().get(0)).body();

        assertRefused(GmOperation.PAY, body, null, GmMessageException.Reason.MISSING_SIGNATURE);
        assertRefused(GmOperation.PAY, body, "sig=AAAA", GmMessageException.Reason.MISSING_SIGNATURE);
        assertRefused(
            GmOperation.PAY, body, "keyId=hutong-sw-01,sig=***", GmMessageException.Reason.MISSING_SIGNATURE);
    }

    @Test
    void shouldRefuseUntrustedKey()
    {
        final GmRequest request = everyOperation().get(0);
        final GmRequest walletSigned = new GmRequest(
            request.operation(), request.merchantId(), request.requestId(), NOW, GmTestKeys.WALLET_KEY_ID,
            request.biz());
        final GmRequestCodec.Encoded encoded = GmRequestCodec.encode(
            walletSigned, GmTestKeys.walletSigner(), new GmFieldCipher(GmTestKeys.SM4_KEY));

        assertRefused(
            GmOperation.PAY, encoded.body(), encoded.signatureHeader(), GmMessageException.Reason.UNKNOWN_KEY);
    }

    @Test
    void shouldRefuseBodyKeyIdOtherThanSigningKey()
    {
        final GmRequest request = everyOperation().get(0);
        final byte[] body = GmRequestCodec.body(request, "AAAA", null);
        final CodeSigner other = new CodeSigner(SignatureAlgorithm.SM2_SM3, "other-01", GmTestKeys.WALLET.getPrivate());
        final TrustedKeys both = TrustedKeys.of(
            new CodeVerifier(SignatureAlgorithm.SM2_SM3, GmTestKeys.SWITCH_KEY_ID, GmTestKeys.SWITCH.getPublic()),
            new CodeVerifier(SignatureAlgorithm.SM2_SM3, "other-01", GmTestKeys.WALLET.getPublic()));

        assertThatThrownBy(() -> GmRequestCodec.decode(
            GmOperation.PAY, body, GmSignature.sign(other, body), both, CIPHERS))
            .isInstanceOfSatisfying(
                GmMessageException.class,
                (ex) -> assertThat(ex.reason()).isEqualTo(GmMessageException.Reason.UNKNOWN_KEY));
    }

    @Test
    void shouldRefuseOperationOtherThanPath()
    {
        final GmRequestCodec.Encoded encoded = encode(everyOperation().get(1));

        assertRefused(
            GmOperation.REVERSE, encoded.body(), encoded.signatureHeader(), GmMessageException.Reason.BAD_FIELD);
    }

    @Test
    void shouldRefuseOversizeAndEmptyBodies()
    {
        assertRefused(GmOperation.PAY, new byte[0], "keyId=a,sig=AA==", GmMessageException.Reason.TOO_LARGE);
        assertRefused(
            GmOperation.PAY,
            new byte[GmWire.MAX_BODY_BYTES + 1],
            "keyId=a,sig=AA==",
            GmMessageException.Reason.TOO_LARGE);
    }

    @Test
    void shouldRefuseMalformedJson()
    {
        assertSignedBodyRefused("{\"version\":\"1.0\"", GmMessageException.Reason.MALFORMED);
        assertSignedBodyRefused("[1,2]", GmMessageException.Reason.MALFORMED);
        assertSignedBodyRefused("{\"version\":\"1.0\"} {}", GmMessageException.Reason.MALFORMED);
        assertSignedBodyRefused("{\"version\":\"1.0\",\"version\":\"1.0\"}", GmMessageException.Reason.MALFORMED);
        assertSignedBodyRefused("{\"version\":1.0}", GmMessageException.Reason.MALFORMED);
    }

    @Test
    void shouldRefuseMissingFields()
    {
        final String full = GmWorkedExampleTest.BODY;
        for (final String field : List.of(
            "\"version\":\"1.0\",", "\"operation\":\"pay\",", "\"merchant_id\":\"M100200300\",",
            "\"request_id\":\"R20260102030405000001\",", "\"timestamp\":\"2026-01-02T03:04:05Z\",",
            "\"out_trade_no\":\"T20260102000001\",", ",\"amount\":1234", ",\"currency\":156",
            ",\"subject\":\"Coffee\""))
        {
            assertThat(full).contains(field);
            final String json = full.replace(field, "");
            assertSignedBodyRefused(json.replace("{,", "{"), GmMessageException.Reason.MISSING_FIELD);
        }
        assertSignedBodyRefused(
            full.replace(",\"key_id\":\"hutong-sw-01\"", ""), GmMessageException.Reason.MISSING_FIELD);
        assertSignedBodyRefused(
            full.substring(0, full.indexOf(",\"biz\"")) + "}", GmMessageException.Reason.MISSING_FIELD);
    }

    @Test
    void shouldRefuseFieldsOutsideTheirDomain()
    {
        final String full = GmWorkedExampleTest.BODY;
        assertSignedBodyRefused(full.replace("\"1.0\"", "\"2.0\""), GmMessageException.Reason.BAD_FIELD);
        assertSignedBodyRefused(full.replace(":1234,", ":0,"), GmMessageException.Reason.BAD_FIELD);
        assertSignedBodyRefused(full.replace(":1234,", ":12.34,"), GmMessageException.Reason.MALFORMED);
        assertSignedBodyRefused(full.replace(":156,", ":840,"), GmMessageException.Reason.BAD_FIELD);
        assertSignedBodyRefused(full.replace("03:04:05Z", "03:04:05.5Z"), GmMessageException.Reason.BAD_FIELD);
        assertSignedBodyRefused(full.replace("03:04:05Z", "yesterday"), GmMessageException.Reason.BAD_FIELD);
        assertSignedBodyRefused(full.replace("M100200300", "M 1"), GmMessageException.Reason.BAD_FIELD);
        assertSignedBodyRefused(full.replace("\"M100200300\"", "\"unknown\""), GmMessageException.Reason.BAD_FIELD);
    }

    @Test
    void shouldRefuseUndecryptableAuthCode()
    {
        final GmRequest request = everyOperation().get(0);
        final GmRequestCodec.Encoded wrongKey = GmRequestCodec.encode(
            request, GmTestKeys.switchSigner(), new GmFieldCipher(new byte[16]));
        final byte[] garbage = GmRequestCodec.body(request, "AAAA", null);

        assertRefused(GmOperation.PAY, wrongKey.body(), wrongKey.signatureHeader(),
            GmMessageException.Reason.DECRYPT_FAILED);
        assertRefused(GmOperation.PAY, garbage, GmSignature.sign(GmTestKeys.switchSigner(), garbage),
            GmMessageException.Reason.BAD_CIPHERTEXT);
    }

    @Test
    void shouldRefuseInvalidRequestsOnEncode()
    {
        final GmRequest noAuthCode = request(GmOperation.PAY, GmRequest.pay("T1", null, 1, "x"));
        final GmRequest letters = request(GmOperation.PAY, GmRequest.pay("T1", "ABCDEFGHIJKL", 1, "x"));
        final GmRequest noRefundNo = request(GmOperation.REFUND, GmRequest.refund("T1", null, 1));

        for (final GmRequest bad : List.of(noAuthCode, letters, noRefundNo))
        {
            assertThatThrownBy(() -> encode(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldJudgeFreshnessWithinFiveMinutes()
    {
        final GmRequest request = everyOperation().get(1);

        assertThat(GmRequestCodec.isFresh(request, NOW.plusSeconds(300))).isTrue();
        assertThat(GmRequestCodec.isFresh(request, NOW.minusSeconds(300))).isTrue();
        assertThat(GmRequestCodec.isFresh(request, NOW.plusSeconds(301))).isFalse();
    }
}
