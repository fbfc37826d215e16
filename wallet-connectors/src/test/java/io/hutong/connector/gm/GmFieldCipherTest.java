package io.hutong.connector.gm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class GmFieldCipherTest
{
    private static final String REQUEST_ID = "R1";
    private final GmFieldCipher cipher = new GmFieldCipher(GmTestKeys.SM4_KEY);

    @Test
    void shouldRoundTrip() throws GmMessageException
    {
        final String encoded = cipher.encrypt(REQUEST_ID, "510123456789012345");

        assertThat(cipher.decrypt(REQUEST_ID, encoded)).isEqualTo("510123456789012345");
        assertThat(Base64.getDecoder().decode(encoded)).hasSize(12 + 18 + 16);
    }

    @Test
    void shouldRoundTripUtf8AndEmpty() throws GmMessageException
    {
        assertThat(cipher.decrypt(REQUEST_ID, cipher.encrypt(REQUEST_ID, "账户-6222"))).isEqualTo("账户-6222");
        assertThat(cipher.decrypt(REQUEST_ID, cipher.encrypt(REQUEST_ID, ""))).isEmpty();
    }

    @Test
    void shouldDrawFreshIvEveryTime()
    {
        assertThat(cipher.encrypt(REQUEST_ID, "x")).isNotEqualTo(cipher.encrypt(REQUEST_ID, "x"));
    }

    @Test
    void shouldFailTypedWithWrongKey()
    {
        final byte[] otherKey = HexFormat.of().parseHex("0123456789abcdeffedcba9876543211");
        final String encoded = cipher.encrypt(REQUEST_ID, "510123456789012345");

        assertDecryptFails(new GmFieldCipher(otherKey), REQUEST_ID, encoded, GmMessageException.Reason.DECRYPT_FAILED);
    }

    @Test
    void shouldFailTypedWithWrongAad()
    {
        final String encoded = cipher.encrypt(REQUEST_ID, "510123456789012345");

        assertDecryptFails(cipher, "R2", encoded, GmMessageException.Reason.DECRYPT_FAILED);
    }

    @Test
    void shouldFailTypedWithAnyFlippedByte()
    {
        final byte[] data = Base64.getDecoder().decode(cipher.encrypt(REQUEST_ID, "510123456789012345"));
        // Every byte: IV (0-11), ciphertext (12-29) and tag (30-45).
        for (int i = 0; i < data.length; i++)
        {
            final byte[] tampered = data.clone();
            tampered[i] ^= 0x01;
            assertDecryptFails(
                cipher, REQUEST_ID, Base64.getEncoder().encodeToString(tampered),
                GmMessageException.Reason.DECRYPT_FAILED);
        }
    }

    @Test
    void shouldFailTypedWithTruncatedTag()
    {
        final byte[] data = Base64.getDecoder().decode(cipher.encrypt(REQUEST_ID, "510123456789012345"));
        final byte[] truncated = java.util.Arrays.copyOf(data, data.length - 1);

        assertDecryptFails(
            cipher, REQUEST_ID, Base64.getEncoder().encodeToString(truncated),
            GmMessageException.Reason.DECRYPT_FAILED);
    }

    @Test
    void shouldRejectMalformedCiphertext()
    {
        assertDecryptFails(cipher, REQUEST_ID, "not base64!", GmMessageException.Reason.BAD_CIPHERTEXT);
        assertDecryptFails(
            cipher, REQUEST_ID, Base64.getEncoder().encodeToString(new byte[27]),
            GmMessageException.Reason.BAD_CIPHERTEXT);
    }

    @Test
    void shouldRejectWrongKeyLength()
    {
        assertThatThrownBy(() -> new GmFieldCipher(new byte[15])).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("key.length=15");
    }

    private static void assertDecryptFails(
        final GmFieldCipher cipher,
        final String requestId,
        final String encoded,
        final GmMessageException.Reason reason)
    {
        assertThatThrownBy(() -> cipher.decrypt(requestId, encoded))
            .isInstanceOfSatisfying(GmMessageException.class, (ex) -> assertThat(ex.reason()).isEqualTo(reason));
    }
}
