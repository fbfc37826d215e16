package io.hutong.core.pos.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameMacTest
{
    /**
     * {@code printf abc | openssl mac -digest SM3 -macopt hexkey:00112233445566778899aabbccddeeff HMAC} (OpenSSL
     * 3.0.19), also Python {@code hmac.new(key, b"abc", "sm3")}.
     */
    private static final String ABC_MAC = "0933617a88d312f6f9fb4b5f200e31a64d655e92f7fa2a43f55dfeeb8ab6788d";
    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    @Test
    void shouldMatchOpenSslKnownAnswer()
    {
        final FrameMac mac = new FrameMac().init(KEY, 0, KEY.length);
        final UnsafeBuffer message = new UnsafeBuffer("abc".getBytes(StandardCharsets.US_ASCII));
        final byte[] result = new byte[32];

        mac.compute(message, 0, 3, result, 0);
        assertThat(HexFormat.of().formatHex(result)).isEqualTo(ABC_MAC);
        mac.compute(message, 0, 3, result, 0);
        assertThat(HexFormat.of().formatHex(result)).as("state restored after each MAC").isEqualTo(ABC_MAC);
        assertThat(mac.verify(message, 0, 3, new UnsafeBuffer(result), 0)).isTrue();
    }

    @Test
    void shouldGiveSameMacForOffHeapAndMultiChunkInput()
    {
        final byte[] bytes = new byte[1000];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }
        final UnsafeBuffer heap = new UnsafeBuffer(bytes);
        final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(1007));
        direct.putBytes(7, bytes);
        final FrameMac mac = new FrameMac().init(KEY, 0, KEY.length);
        final UnsafeBuffer a = new UnsafeBuffer(new byte[32]);
        final UnsafeBuffer b = new UnsafeBuffer(new byte[32]);

        mac.compute(heap, 0, 1000, a, 0);
        mac.compute(direct, 7, 1000, b, 0);
        assertThat(a.byteArray()).isEqualTo(b.byteArray());
    }

    @Test
    void shouldRefuseEveryChangedMacByte()
    {
        final FrameMac mac = new FrameMac().init(KEY, 0, KEY.length);
        final UnsafeBuffer message = new UnsafeBuffer("abc".getBytes(StandardCharsets.US_ASCII));
        final UnsafeBuffer expected = new UnsafeBuffer(HexFormat.of().parseHex(ABC_MAC));
        for (int i = 0; i < 32; i++)
        {
            expected.putByte(i, (byte)(expected.getByte(i) ^ 0x80));
            assertThat(mac.verify(message, 0, 3, expected, 0)).as("byte %d", i).isFalse();
            expected.putByte(i, (byte)(expected.getByte(i) ^ 0x80));
        }
        assertThat(mac.verify(message, 0, 3, expected, 0)).isTrue();
    }

    @Test
    void shouldRefuseUseBeforeInitAndAfterClear()
    {
        final FrameMac mac = new FrameMac();
        final UnsafeBuffer message = new UnsafeBuffer(new byte[4]);
        assertThat(mac.isInitialised()).isFalse();
        assertThatThrownBy(() -> mac.compute(message, 0, 4, new byte[32], 0)).isInstanceOf(IllegalStateException.class);

        mac.init(KEY, 0, KEY.length);
        assertThat(mac.isInitialised()).isTrue();
        mac.clear();
        assertThat(mac.isInitialised()).isFalse();
        assertThatThrownBy(() -> mac.verify(message, 0, 4, message, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> mac.init(KEY, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mac.init(KEY, 10, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
