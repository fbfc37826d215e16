package io.hutong.codec.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Crc16Test
{
    @Test
    void shouldGiveTheCatalogueCheckValue()
    {
        // CRC-16/CCITT-FALSE ("CRC-16/IBM-3740") check value over "123456789".
        final byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16.compute(new UnsafeBuffer(check), 0, check.length)).isEqualTo(0x29B1);
        assertThat(Crc16.compute(check, 0, check.length)).isEqualTo(0x29B1);
    }

    @Property(tries = 500)
    void shouldMatchBitwiseDefinitionAtAnyOffsetAndLength(
        @ForAll @Size(max = 64) final byte[] bytes, @ForAll @IntRange(max = 3) final int offset)
    {
        final byte[] padded = new byte[bytes.length + offset + 3];
        System.arraycopy(bytes, 0, padded, offset, bytes.length);
        assertThat(Crc16.compute(new UnsafeBuffer(padded), offset, bytes.length)).isEqualTo(bitwise(bytes));
    }

    private static int bitwise(final byte[] bytes)
    {
        int crc = 0xFFFF;
        for (final byte b : bytes)
        {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return crc;
    }
}
