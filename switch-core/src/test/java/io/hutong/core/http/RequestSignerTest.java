package io.hutong.core.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSignerTest
{
    private static final byte[] SECRET = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final byte[] BODY = "{\"amount\":100,\"code\":\"134567890123456789\"}".getBytes(StandardCharsets.UTF_8);

    /**
     * The worked example of docs/http-api.md, computed independently with OpenSSL 3:
     * printf 'POST\n/v1/payments\n1800000000\n%s' $(printf '%s' "$BODY" | openssl dgst -sha256 | cut -d' ' -f2) |
     * openssl dgst -sha256 -mac HMAC -macopt hexkey:0011...eeff -binary | base64
     */
    @Test
    void shouldMatchTheDocumentedExample()
    {
        assertThat(RequestSigner.sign(SECRET, "POST", "/v1/payments", 1_800_000_000L, BODY))
            .isEqualTo("UX/tY3uTOZdcp0FQp+csVFyim4Xe4E2ooQnZCW/VcQw=");
        assertThat(RequestSigner.authorization("acq-1", SECRET, "POST", "/v1/payments", 1_800_000_000L, BODY))
            .isEqualTo("HUTONG-HMAC-SHA256 client=acq-1,timestamp=1800000000,signature=UX/tY3uTOZdcp0FQp+csVFyim4Xe4E2ooQnZCW/VcQw=");
    }

    @Test
    void shouldChangeWithEveryPartSigned()
    {
        final String base = RequestSigner.sign(SECRET, "POST", "/v1/payments", 1_800_000_000L, BODY);

        assertThat(RequestSigner.sign(SECRET, "GET", "/v1/payments", 1_800_000_000L, BODY)).isNotEqualTo(base);
        assertThat(RequestSigner.sign(SECRET, "POST", "/v1/payments?x=1", 1_800_000_000L, BODY)).isNotEqualTo(base);
        assertThat(RequestSigner.sign(SECRET, "POST", "/v1/payments", 1_800_000_001L, BODY)).isNotEqualTo(base);
        assertThat(RequestSigner.sign(SECRET, "POST", "/v1/payments", 1_800_000_000L, new byte[0])).isNotEqualTo(base);
        assertThat(RequestSigner.matches(base, base)).isTrue();
        assertThat(RequestSigner.matches(base, base.substring(1))).isFalse();
    }
}
