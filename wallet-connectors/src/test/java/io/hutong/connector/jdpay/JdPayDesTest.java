package io.hutong.connector.jdpay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdPayDesTest
{
    private static final SecretKey KEY = JdPayDes.key(JdPayTestKeys.DES_KEY);

    /**
     * "hello, 京东" (13 UTF-8 bytes) framed as 0000000d || text || 7 zero bytes, encrypted with
     * {@code openssl enc -des-ede3 -nopad -K cb70cee3355a566c993ecef0befbedf10f30f2c24c327eb0} (the test DES
     * key in hex), then {@code xxd -p | base64 -w0}.
     */
    private static final String HELLO_ENCRYPT = "OTJkNzY4OTlhZDVmZGU2MTcwODYyNDIxZmFhZmM5YWEwMjI2M2UwMDVmZTZhYTAx";

    @Test
    void shouldEncryptLikeOpensslDesEde3EcbWithJdFrame() throws Exception
    {
        assertThat(JdPayDes.encrypt("hello, 京东", KEY)).isEqualTo(HELLO_ENCRYPT);
        assertThat(JdPayDes.decrypt(HELLO_ENCRYPT, KEY)).isEqualTo("hello, 京东");
    }

    @Test
    void shouldRoundTripAcrossBlockBoundaries() throws Exception
    {
        final StringBuilder text = new StringBuilder();
        for (int length = 1; length <= 40; length++)
        {
            text.append((char)('a' + length % 26));
            final String encrypt = JdPayDes.encrypt(text.toString(), KEY);
            final int hexChars = Base64.getDecoder().decode(encrypt).length;
            assertThat(hexChars % 16).isZero();
            assertThat(hexChars / 2).isEqualTo((length + 4 + 7) / 8 * 8);
            assertThat(JdPayDes.decrypt(encrypt, KEY)).isEqualTo(text.toString());
        }
    }

    @Test
    void shouldAcceptUppercaseHexAndWrappedBase64() throws Exception
    {
        final String upper = Base64.getEncoder().encodeToString(
            new String(Base64.getDecoder().decode(HELLO_ENCRYPT), StandardCharsets.US_ASCII)
                .toUpperCase().getBytes(StandardCharsets.US_ASCII));
        final String wrapped = HELLO_ENCRYPT.substring(0, 30) + "\r\n " + HELLO_ENCRYPT.substring(30);

        assertThat(JdPayDes.decrypt(upper, KEY)).isEqualTo("hello, 京东");
        assertThat(JdPayDes.decrypt(wrapped, KEY)).isEqualTo("hello, 京东");
    }

    @Test
    void shouldRefuseMalformedLayersTyped()
    {
        assertBad("not base64 at all!", JdPayMessageException.Reason.BAD_CIPHERTEXT);
        assertBad("", JdPayMessageException.Reason.BAD_CIPHERTEXT);
        assertBad(null, JdPayMessageException.Reason.BAD_CIPHERTEXT);
        assertBad(b64("0123456789abcde"), JdPayMessageException.Reason.BAD_CIPHERTEXT);
        assertBad(b64("0123456789abcdeg"), JdPayMessageException.Reason.BAD_CIPHERTEXT);
        assertBad(b64("0123456789abcdef01"), JdPayMessageException.Reason.BAD_CIPHERTEXT);
    }

    @Test
    void shouldRefuseWrongKey()
    {
        final SecretKey other = JdPayDes.key(Base64.getEncoder().encodeToString(
            "0123456789abcdefghijklmn".getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> JdPayDes.decrypt(HELLO_ENCRYPT, other))
            .isInstanceOfSatisfying(JdPayMessageException.class,
                ex -> assertThat(ex.reason()).isEqualTo(JdPayMessageException.Reason.BAD_CIPHERTEXT));
    }

    @Test
    void shouldRefuseInconsistentFramesTyped() throws Exception
    {
        // length says 3 bytes but two blocks follow
        assertBad(frame(new byte[] {0, 0, 0, 3, 'a', 'b', 'c', 0, 0, 0, 0, 0, 0, 0, 0, 0}),
            JdPayMessageException.Reason.BAD_CIPHERTEXT);
        // padding not zero
        assertBad(frame(new byte[] {0, 0, 0, 3, 'a', 'b', 'c', 1}), JdPayMessageException.Reason.BAD_CIPHERTEXT);
        // zero length
        assertBad(frame(new byte[] {0, 0, 0, 0, 0, 0, 0, 0}), JdPayMessageException.Reason.BAD_CIPHERTEXT);
        // not UTF-8
        assertBad(frame(new byte[] {0, 0, 0, 2, (byte)0xC3, 0x28, 0, 0}), JdPayMessageException.Reason.BAD_CIPHERTEXT);
        // claims more than the blocks hold (what a wrong key usually decrypts to)
        assertBad(frame(new byte[] {(byte)0xFF, 0, 0, 1, 'a', 'b', 'c', 'd'}),
            JdPayMessageException.Reason.BAD_CIPHERTEXT);
        // a consistent frame over JD's 16 KiB limit
        final byte[] big = new byte[4 + JdPayDes.MAX_PLAINTEXT_BYTES + 4];
        final int length = JdPayDes.MAX_PLAINTEXT_BYTES + 1;
        big[1] = (byte)(length >>> 16);
        big[2] = (byte)(length >>> 8);
        big[3] = (byte)length;
        Arrays.fill(big, 4, 4 + length, (byte)'x');
        assertBad(frame(big), JdPayMessageException.Reason.TOO_LARGE);
    }

    @Test
    void shouldRefuseOversizedOrEmptyPlaintext()
    {
        assertThatThrownBy(() -> JdPayDes.encrypt("x".repeat(JdPayDes.MAX_PLAINTEXT_BYTES + 1), KEY))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdPayDes.encrypt("", KEY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseMalformedOrDegenerateKeysWithoutShowingThem()
    {
        final String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
        final byte[] degenerate = "01234567".repeat(2).concat("abcdefgh").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> JdPayDes.key(sixteen)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdPayDes.key(Base64.getEncoder().encodeToString(degenerate)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdPayDes.key("**not base64**")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageNotContaining("not base64**");
        assertThatThrownBy(() -> JdPayDes.key(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String frame(final byte[] plain) throws Exception
    {
        final Cipher cipher = Cipher.getInstance("DESede/ECB/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, KEY);
        final StringBuilder hex = new StringBuilder();
        for (final byte b : cipher.doFinal(plain))
        {
            hex.append(String.format("%02x", b));
        }
        return b64(hex.toString());
    }

    private static String b64(final String text)
    {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void assertBad(final String encrypt, final JdPayMessageException.Reason reason)
    {
        assertThatThrownBy(() -> JdPayDes.decrypt(encrypt, KEY))
            .isInstanceOfSatisfying(JdPayMessageException.class, ex -> assertThat(ex.reason()).isEqualTo(reason));
    }
}
