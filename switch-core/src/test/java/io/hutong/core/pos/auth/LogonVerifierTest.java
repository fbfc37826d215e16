package io.hutong.core.pos.auth;

import io.hutong.core.pos.codec.FrameMac;
import io.hutong.core.pos.codec.PosExample;
import io.hutong.core.pos.codec.PosFrameDecoder;
import io.hutong.core.pos.codec.PosFrameEncoder;
import io.hutong.core.pos.codec.PosReason;
import org.agrona.concurrent.CachedEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogonVerifierTest
{
    private static final long NOW = PosExample.LOGON_TIME_MS;
    private static final long WINDOW = 60_000;

    private final CachedEpochClock clock = new CachedEpochClock();
    private final TerminalKey key = TerminalKey.of(PosExample.TERMINAL_ID, PosExample.key());
    private final TerminalKey otherKey = TerminalKey.of(PosExample.TERMINAL_ID, new byte[16]);
    private final TerminalKeys keys = TerminalKeys.builder().add(key).build();
    private final LogonVerifier verifier = new LogonVerifier(keys, clock, WINDOW, 64);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final PosFrameDecoder frame = new PosFrameDecoder();
    private final FrameMac mac = new FrameMac();

    LogonVerifierTest()
    {
        clock.update(NOW);
    }

    @Test
    void shouldAcceptFreshLogonAndLeaveTheMacKeyedWithTheTerminalKey()
    {
        assertThat(verify(logon(PosExample.TERMINAL_ID, key, 1, NOW))).isEqualTo(PosReason.NONE);
        assertThat(mac.isInitialised()).isTrue();
        assertThat(mac.verify(frame.buffer(), frame.offset(), frame.signedLength(), frame.buffer(), frame.macOffset()))
            .isTrue();
        assertThat(verifier.nonceCache().size()).isEqualTo(1);
    }

    @Test
    void shouldRefuseUnknownTerminal()
    {
        assertThat(verify(logon("STRANGER", key, 1, NOW))).isEqualTo(PosReason.UNKNOWN_TERMINAL);
    }

    @Test
    void shouldRefuseLogonMacedWithAnotherKey()
    {
        assertThat(verify(logon(PosExample.TERMINAL_ID, otherKey, 1, NOW))).isEqualTo(PosReason.BAD_MAC);
        assertThat(verifier.nonceCache().size()).as("unauthenticated logons never reach the cache").isZero();
    }

    @Test
    void shouldRefuseTamperedLogon()
    {
        final int length = logon(PosExample.TERMINAL_ID, key, 1, NOW);
        buffer.putByte(2 + 28 + 16, (byte)(buffer.getByte(2 + 28 + 16) ^ 1));
        assertThat(verify(length)).isEqualTo(PosReason.BAD_MAC);
    }

    @Test
    void shouldAcceptTimestampsAtTheEdgesOfTheWindow()
    {
        assertThat(verify(logon(PosExample.TERMINAL_ID, key, 1, NOW - WINDOW))).isEqualTo(PosReason.NONE);
        assertThat(verify(logon(PosExample.TERMINAL_ID, key, 2, NOW + WINDOW))).isEqualTo(PosReason.NONE);
    }

    @Test
    void shouldRefuseStaleAndFutureTimestamps()
    {
        assertThat(verify(logon(PosExample.TERMINAL_ID, key, 1, NOW - WINDOW - 1))).isEqualTo(PosReason.TIMESTAMP_STALE);
        assertThat(verify(logon(PosExample.TERMINAL_ID, key, 2, NOW + WINDOW + 1))).isEqualTo(PosReason.TIMESTAMP_FUTURE);
        assertThat(verify(logon(PosExample.TERMINAL_ID, key, 3, Long.MIN_VALUE))).isEqualTo(PosReason.TIMESTAMP_STALE);
        assertThat(verify(logon(PosExample.TERMINAL_ID, key, 4, Long.MAX_VALUE))).isEqualTo(PosReason.TIMESTAMP_FUTURE);
        assertThat(verify(logon(PosExample.TERMINAL_ID, key, 5, 0))).isEqualTo(PosReason.TIMESTAMP_STALE);
        assertThat(verifier.nonceCache().size()).isZero();
    }

    @Test
    void shouldRefuseReplayedLogonWithinTheWindowAndAsStaleAfterIt()
    {
        final int length = logon(PosExample.TERMINAL_ID, key, 1, NOW);
        final byte[] recorded = new byte[length];
        buffer.getBytes(0, recorded);
        assertThat(verify(length)).isEqualTo(PosReason.NONE);

        clock.update(NOW + WINDOW);
        buffer.putBytes(0, recorded);
        assertThat(verify(length)).isEqualTo(PosReason.REPLAY);

        clock.update(NOW + WINDOW + 1);
        buffer.putBytes(0, recorded);
        assertThat(verify(length)).isEqualTo(PosReason.TIMESTAMP_STALE);
    }

    @Test
    void shouldRefuseReplayOfALogonStampedAheadOfTheClock()
    {
        // Stamped a whole window ahead: acceptable until NOW + 2 * WINDOW, and remembered at least that long.
        final int length = logon(PosExample.TERMINAL_ID, key, 1, NOW + WINDOW);
        final byte[] recorded = new byte[length];
        buffer.getBytes(0, recorded);
        assertThat(verify(length)).isEqualTo(PosReason.NONE);

        for (final long later : new long[]{ NOW + WINDOW, NOW + 2 * WINDOW - 1, NOW + 2 * WINDOW })
        {
            clock.update(later);
            buffer.putBytes(0, recorded);
            assertThat(verify(length)).as("at now + %d ms", later - NOW).isEqualTo(PosReason.REPLAY);
        }
    }

    @Test
    void shouldAnswerBusyWhenTheNonceCacheIsFull()
    {
        final LogonVerifier small = new LogonVerifier(keys, clock, WINDOW, 2);
        for (int i = 1; i <= 2; i++)
        {
            frame.wrap(buffer, 2, logon(PosExample.TERMINAL_ID, key, i, NOW) - 2).decode();
            assertThat(small.verify(frame, small.findKey(frame), mac)).isEqualTo(PosReason.NONE);
        }
        frame.wrap(buffer, 2, logon(PosExample.TERMINAL_ID, key, 3, NOW) - 2).decode();
        assertThat(small.verify(frame, small.findKey(frame), mac)).isEqualTo(PosReason.BUSY);
    }

    @Test
    void shouldRefuseMisuse()
    {
        final PosFrameEncoder encoder = new PosFrameEncoder();
        encoder.heartbeat(buffer, 0).timestampMs(1);
        final int length = encoder.finish(PosExample.TERMINAL_ID, 1, 0, null);
        frame.wrap(buffer, 2, length - 2).decode();
        assertThatThrownBy(() -> verifier.verify(frame, key, mac)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogonVerifier(keys, clock, 0, 1)).hasMessageContaining("replayWindowMs=0");
    }

    private PosReason verify(final int wireLength)
    {
        assertThat(frame.wrap(buffer, 2, wireLength - 2).decode()).isEqualTo(PosReason.NONE);
        return verifier.verify(frame, verifier.findKey(frame), mac);
    }

    private int logon(final String terminalId, final TerminalKey macKey, final long nonce, final long timestampMs)
    {
        final UnsafeBuffer nonceBytes = new UnsafeBuffer(new byte[16]);
        nonceBytes.putLong(0, nonce);
        final PosFrameEncoder encoder = new PosFrameEncoder();
        encoder.logon(buffer, 0).nonce(nonceBytes, 0).timestampMs(timestampMs).softwareVersion("test 1");
        return encoder.finish(terminalId, 0, 0, macKey.initMac(new FrameMac()));
    }
}
