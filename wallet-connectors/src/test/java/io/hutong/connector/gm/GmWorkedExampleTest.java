package io.hutong.connector.gm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/wallet-interface-gm.md section 8, hard-coded here (nothing is read from the docs):
 * if the code changes its output, this test fails and the document must change with it.
 */
class GmWorkedExampleTest
{
    static final String REQUEST_ID = "R20260102030405000001";
    static final String IV_HEX = "000102030405060708090a0b";
    static final String AUTH_CODE = "510123456789012345";
    static final String AUTH_CODE_ENC = "AAECAwQFBgcICQoLYBAooIOCnSpSt7uS621UZrzMTkkWB5GBA56/0VnNDzZr1g==";
    static final String BODY = "{\"version\":\"1.0\",\"operation\":\"pay\",\"merchant_id\":\"M100200300\"," +
        "\"request_id\":\"R20260102030405000001\",\"timestamp\":\"2026-01-02T03:04:05Z\"," +
        "\"key_id\":\"hutong-sw-01\",\"biz\":{\"out_trade_no\":\"T20260102000001\"," +
        "\"auth_code\":\"AAECAwQFBgcICQoLYBAooIOCnSpSt7uS621UZrzMTkkWB5GBA56/0VnNDzZr1g==\"," +
        "\"amount\":1234,\"currency\":156,\"subject\":\"Coffee\"}}";
    static final String PUBLIC_KEY_HEX = "0409F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020" +
        "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
    static final String HEADER = "keyId=hutong-sw-01,sig=Pfnqvfau2UmFtxv16xZOEN8Q9tIlhOyOq/X/XIEssf9kuB9kjFKf5P" +
        "0SBuwQ6Gyja1ta+07srwSbOThuzUWRIw==";

    static GmRequest request()
    {
        return new GmRequest(
            GmOperation.PAY, "M100200300", REQUEST_ID, Instant.parse("2026-01-02T03:04:05Z"), "hutong-sw-01",
            GmRequest.pay("T20260102000001", AUTH_CODE, 1234, "Coffee"));
    }

    @Test
    void shouldEncryptAuthCodeAsDocumented()
    {
        final GmFieldCipher cipher = new GmFieldCipher(GmTestKeys.SM4_KEY, new SecureRandom());

        assertThat(cipher.encrypt(REQUEST_ID, AUTH_CODE, HexFormat.of().parseHex(IV_HEX))).isEqualTo(AUTH_CODE_ENC);
    }

    @Test
    void shouldWriteBodyAsDocumented()
    {
        final byte[] body = GmRequestCodec.body(request(), AUTH_CODE_ENC, null);

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(BODY);
        assertThat(body).hasSize(326);
    }

    @Test
    void shouldDeriveDocumentedPublicKey()
    {
        assertThat(GmTestKeys.publicKeyHex(GmTestKeys.SWITCH.getPublic())).isEqualTo(PUBLIC_KEY_HEX);
    }

    @Test
    void shouldVerifyDocumentedSignature() throws GmMessageException
    {
        final byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(GmSignature.verify(body, HEADER, GmTestKeys.switchKeys())).isEqualTo("hutong-sw-01");
    }

    @Test
    void shouldDecodeDocumentedRequest() throws GmMessageException
    {
        final GmRequest decoded = GmRequestCodec.decode(
            GmOperation.PAY, BODY.getBytes(StandardCharsets.UTF_8), HEADER, GmTestKeys.switchKeys(),
            (merchantId) -> new GmFieldCipher(GmTestKeys.SM4_KEY));

        assertThat(decoded).isEqualTo(request());
    }
}
