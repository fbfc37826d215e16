package io.hutong.core.pos.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import io.hutong.core.pos.codec.FrameMac;
import io.hutong.core.pos.codec.PosExample;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TerminalKeysTest
{
    @Test
    void shouldFindKeysByWireFieldAndById()
    {
        final TerminalKeys keys = TerminalKeys.builder()
            .add("B", new byte[16]).add("SHOP0001-LANE01", PosExample.key()).add("A", new byte[32])
            .addRandom("ABCDEFGHIJKLMNOP", 32, new SecureRandom()).build();
        final UnsafeBuffer field = new UnsafeBuffer(new byte[20]);
        field.putBytes(4, "SHOP0001-LANE01".getBytes(StandardCharsets.US_ASCII));

        assertThat(keys.size()).isEqualTo(4);
        assertThat(keys.find(field, 4).terminalId()).isEqualTo("SHOP0001-LANE01");
        assertThat(keys.find("A").keyLength()).isEqualTo(32);
        assertThat(keys.find("B").keyLength()).isEqualTo(16);
        assertThat(keys.find("ABCDEFGHIJKLMNOP").terminalIdField().getByte(15)).isEqualTo((byte)'P');
        assertThat(keys.find("C")).isNull();
        assertThat(keys.find("SHOP0001-LANE0")).isNull();
        assertThat(keys.find("bad id")).isNull();
        assertThat(keys.find(new UnsafeBuffer(new byte[16]), 0)).isNull();
        assertThat(TerminalKeys.builder().build().find("A")).isNull();
    }

    @Test
    void shouldKeyMacsWithTheTerminalKey()
    {
        final TerminalKey key = TerminalKey.of(PosExample.TERMINAL_ID, PosExample.key());
        final UnsafeBuffer message = new UnsafeBuffer(new byte[]{ 1, 2, 3 });
        final byte[] a = new byte[32];
        final byte[] b = new byte[32];
        key.initMac(new FrameMac()).compute(message, 0, 3, a, 0);
        new FrameMac().init(PosExample.key(), 0, 16).compute(message, 0, 3, b, 0);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void shouldCopyKeyAndNeverPrintIt()
    {
        final byte[] bytes = PosExample.key();
        final TerminalKey key = TerminalKey.of("T1", bytes);
        bytes[0] = 99;

        assertThat(key.copyKey()[0]).isZero();
        assertThat(key.toString()).isEqualTo("TerminalKey{terminalId=T1, key=<16 bytes>}");
        assertThat(TerminalKeys.builder().add(key).build().toString()).isEqualTo("TerminalKeys{size=1}");
    }

    @Test
    void shouldRefuseBadIdsKeysAndDuplicates()
    {
        assertThatThrownBy(() -> TerminalKey.of("", new byte[16])).hasMessageContaining("terminalId length=0");
        assertThatThrownBy(() -> TerminalKey.of("A".repeat(17), new byte[16]))
            .hasMessageContaining("terminalId length=17");
        assertThatThrownBy(() -> TerminalKey.of("A B", new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TerminalKey.of("A", new byte[24])).hasMessage(
            "terminalId=A: key length=24, must be 16 or 32 bytes");
        assertThatThrownBy(() -> TerminalKeys.builder().add("A", new byte[16]).add("A", new byte[32]))
            .hasMessage("terminalId=A: given twice");
        assertThatThrownBy(() -> TerminalKeys.builder().addRandom("A", 8, new SecureRandom()))
            .hasMessage("keyLength=8: must be 16 or 32");
    }
}
