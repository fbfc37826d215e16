package io.hutong.core.pos.auth;

import io.hutong.core.pos.codec.FrameMac;
import io.hutong.core.pos.codec.PosExample;
import io.hutong.core.pos.codec.PosFrameDecoder;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosFrameEncoder;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PosSessionTest
{
    private final SessionPair pair = new SessionPair();
    private final PosFrameDecoder peek = new PosFrameDecoder();

    @Test
    void shouldLogOnAndExchangePayResultAndHeartbeats()
    {
        final int logon = pair.terminal.encodeLogon(pair.wire, 0, SessionPair.SOFTWARE);
        assertThat(pair.terminal.state()).isEqualTo(PosSession.State.AWAITING_LOGON_ACK);
        assertThat(pair.toSwitch(logon)).isEqualTo(PosReason.NONE);
        assertThat(pair.switchSide.frame().messageType()).isEqualTo(PosMessageType.LOGON);
        assertThat(pair.switchSide.frame().logon().softwareVersion()).isEqualTo(SessionPair.SOFTWARE);
        assertThat(pair.switchSide.terminalId()).isEqualTo(PosExample.TERMINAL_ID);
        assertThat(pair.toTerminal(pair.switchSide.encodeLogonAck(pair.wire, 0))).isEqualTo(PosReason.NONE);
        assertThat(pair.terminal.isLoggedOn()).isTrue();
        assertThat(pair.terminal.heartbeatIntervalSeconds()).isEqualTo(30);
        assertThat(pair.terminal.switchTimeMs()).isEqualTo(PosExample.LOGON_TIME_MS);

        for (int i = 1; i <= 3; i++)
        {
            assertThat(pair.toSwitch(pair.pay("T" + i))).isEqualTo(PosReason.NONE);
            assertThat(pair.switchSide.frame().pay().terminalTxnId()).isEqualTo("T" + i);
            assertThat(pair.switchSide.frame().sequence()).isEqualTo(2L * i - 1);
            assertThat(pair.toTerminal(pair.result("T" + i, 2L * i - 1))).isEqualTo(PosReason.NONE);
            assertThat(pair.terminal.frame().result().status()).isEqualTo(PosStatus.APPROVED);

            pair.terminal.heartbeat(pair.wire, 0).timestampMs(i);
            assertThat(pair.toSwitch(pair.terminal.commit())).isEqualTo(PosReason.NONE);
            pair.switchSide.heartbeat(pair.wire, 0).timestampMs(i);
            assertThat(pair.toTerminal(pair.switchSide.commit())).isEqualTo(PosReason.NONE);
        }
        assertThat(pair.switchSide.nextInboundSequence()).isEqualTo(7);
        assertThat(pair.terminal.nextInboundSequence()).isEqualTo(7);
        assertThat(pair.switchSide.closeReason()).isEqualTo(PosReason.NONE);
    }

    @Test
    void shouldRefuseFramesBeforeLogonWithAnUnauthenticatedError()
    {
        final PosFrameEncoder encoder = new PosFrameEncoder();
        encoder.query(pair.wire, 0).terminalTxnId("T1");
        final int query = encoder.finish(PosExample.TERMINAL_ID, 1, 0, pair.key.initMac(new FrameMac()));

        assertThat(pair.toSwitch(query)).isEqualTo(PosReason.NOT_LOGGED_ON);
        assertThat(pair.switchSide.state()).isEqualTo(PosSession.State.CLOSED);
        final int error = pair.switchSide.encodeError(pair.wire, 0, PosReason.NOT_LOGGED_ON);
        assertThat(peek.wrap(pair.wire, 2, error - 2).decode()).isEqualTo(PosReason.NONE);
        assertThat(peek.messageType()).isEqualTo(PosMessageType.ERROR);
        assertThat(peek.sequence()).isZero();
        assertThat(peek.terminalId()).as("echoes the frame's terminal id").isEqualTo(PosExample.TERMINAL_ID);
        assertThat(peek.error().reason()).isEqualTo(PosReason.NOT_LOGGED_ON);
        assertThat(peek.error().refTemplateId()).isEqualTo(PosMessageType.QUERY.code());
        assertThat(peek.error().refSequence()).isEqualTo(1);
        assertThat(peek.error().text()).isEqualTo("the first frame must be a Logon");
        assertThat(macIsZero(peek)).isTrue();
        assertThat(pair.toSwitch(query)).as("refusals are sticky").isEqualTo(PosReason.NOT_LOGGED_ON);
    }

    @Test
    void shouldTellTheTerminalWhyItsLogonWasRefused()
    {
        pair.clock.update(PosExample.LOGON_TIME_MS - 61_000);
        final int logon = pair.terminal.encodeLogon(pair.wire, 0, SessionPair.SOFTWARE);
        pair.clock.update(PosExample.LOGON_TIME_MS);

        assertThat(pair.toSwitch(logon)).isEqualTo(PosReason.TIMESTAMP_STALE);
        final int error = pair.switchSide.encodeError(pair.wire, 0, PosReason.TIMESTAMP_STALE);
        assertThat(pair.toTerminal(error)).isEqualTo(PosReason.NONE);
        assertThat(pair.terminal.frame().messageType()).isEqualTo(PosMessageType.ERROR);
        assertThat(pair.terminal.state()).isEqualTo(PosSession.State.CLOSED);
        assertThat(pair.terminal.closeReason()).isEqualTo(PosReason.TIMESTAMP_STALE);
    }

    @Test
    void shouldRefuseUnknownTerminalAndGarbageBeforeLogon()
    {
        final TerminalSession stranger = new TerminalSession(TerminalKey.of("STRANGER", new byte[16]), pair.clock,
            (b, o) -> b.putLong(o, 42));
        final int logon = stranger.encodeLogon(pair.wire, 0, "x");
        assertThat(pair.toSwitch(logon)).isEqualTo(PosReason.UNKNOWN_TERMINAL);

        final SessionPair fresh = new SessionPair();
        fresh.wire.setMemory(0, 100, (byte)0x41);
        assertThat(fresh.switchSide.onFrame(fresh.wire, 0, 100)).isEqualTo(PosReason.UNSUPPORTED_VERSION);
        final int error = fresh.switchSide.encodeError(fresh.wire, 0, PosReason.UNSUPPORTED_VERSION);
        assertThat(peek.wrap(fresh.wire, 2, error - 2).decode()).isEqualTo(PosReason.NONE);
        assertThat(peek.terminalId()).isEqualTo("AAAAAAAAAAAAAAAA");
        assertThat(peek.error().text()).isEqualTo("version is not 1");

        final SessionPair tiny = new SessionPair();
        assertThat(tiny.switchSide.onFrame(tiny.wire, 0, 3)).isEqualTo(PosReason.MALFORMED);
        final int tinyError = tiny.switchSide.encodeError(tiny.wire, 0, PosReason.MALFORMED);
        assertThat(peek.wrap(tiny.wire, 2, tinyError - 2).decode()).isEqualTo(PosReason.NONE);
        assertThat(peek.terminalIdLength()).isZero();
        assertThat(peek.error().refSequence()).isZero();
        assertThat(peek.error().refTemplateId()).isZero();
    }

    @Test
    void shouldRefuseASecondLogon()
    {
        pair.logOn();
        final TerminalSession again = new TerminalSession(pair.key, pair.clock, (b, o) -> b.putLong(o, 77));
        assertThat(pair.toSwitch(again.encodeLogon(pair.wire, 0, "x"))).isEqualTo(PosReason.UNEXPECTED_MESSAGE);
    }

    @Test
    void shouldRefuseMessagesFromTheWrongSide()
    {
        pair.logOn();
        final PosFrameEncoder encoder = new PosFrameEncoder();
        encoder.result(pair.wire, 0).refSequence(1).refTemplateId(10).status(PosStatus.APPROVED).terminalTxnId("T");
        assertThat(pair.toSwitch(encoder.finish(PosExample.TERMINAL_ID, 1, 0, null)))
            .isEqualTo(PosReason.UNEXPECTED_MESSAGE);
        pair.terminal.encoder().result(pair.wire, 0);
        assertThatThrownBy(pair.terminal::commit).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("messageType=RESULT");
    }

    @Test
    void shouldRefuseSequenceGapsAndRepeats()
    {
        pair.logOn();
        final int first = pair.pay("T1");
        final byte[] recorded = pair.copy(first);
        assertThat(pair.toSwitch(first)).isEqualTo(PosReason.NONE);

        pair.put(recorded);
        assertThat(pair.toSwitch(first)).isEqualTo(PosReason.REPLAY);
        final int error = pair.switchSide.encodeError(pair.wire, 0, PosReason.REPLAY);
        assertThat(pair.toTerminal(error)).isEqualTo(PosReason.NONE);
        assertThat(pair.terminal.frame().error().reason()).isEqualTo(PosReason.REPLAY);
        assertThat(pair.terminal.frame().error().refSequence()).isEqualTo(1);
        assertThat(pair.terminal.frame().sequence()).as("authenticated Error carries a sequence").isEqualTo(1);
        assertThat(pair.terminal.state()).isEqualTo(PosSession.State.CLOSED);

        final SessionPair gap = new SessionPair().logOn();
        gap.pay("T1");
        assertThat(gap.toSwitch(gap.pay("T2"))).isEqualTo(PosReason.SEQUENCE_GAP);
    }

    @Test
    void shouldRefuseTamperedFramesAfterLogon()
    {
        pair.logOn();
        final int pay = pair.pay("T1");
        // Amount 1234 becomes 1234 + 2^40: still a valid amount, so only the MAC can tell.
        pair.wire.putByte(2 + 28 + 5, (byte)(pair.wire.getByte(2 + 28 + 5) ^ 1));
        assertThat(pair.toSwitch(pay)).isEqualTo(PosReason.BAD_MAC);
        assertThat(pair.switchSide.nextInboundSequence()).as("nothing unauthenticated moves the sequence")
            .isEqualTo(1);
    }

    @Test
    void shouldRefuseFramesMacedWithTheLongTermKeyAfterLogon()
    {
        pair.logOn();
        final PosFrameEncoder encoder = new PosFrameEncoder();
        encoder.query(pair.wire, 0).terminalTxnId("T1");
        final int query = encoder.finish(PosExample.TERMINAL_ID, 1, 0, pair.key.initMac(new FrameMac()));
        assertThat(pair.toSwitch(query)).isEqualTo(PosReason.BAD_MAC);
    }

    @Test
    void shouldRefuseAFrameRecordedOnAnotherConnection()
    {
        final SessionPair first = new SessionPair().logOn();
        final byte[] recorded = first.copy(first.pay("T1"));

        final SessionPair second = new SessionPair(first.verifier).logOn();
        second.put(recorded);
        assertThat(second.toSwitch(recorded.length)).as("session keys differ per logon").isEqualTo(PosReason.BAD_MAC);
    }

    @Test
    void shouldRefuseTheSwitchsOwnFramesReflectedBack()
    {
        pair.logOn();
        pair.switchSide.heartbeat(pair.wire, 0).timestampMs(1);
        final int heartbeat = pair.switchSide.commit();
        assertThat(pair.toSwitch(heartbeat)).as("each direction has its own key").isEqualTo(PosReason.BAD_MAC);
    }

    @Test
    void shouldRefuseAnotherTerminalIdAfterLogon()
    {
        pair.logOn();
        final int pay = pair.pay("T1");
        pair.wire.putByte(2 + PosFrameDescriptor.TERMINAL_ID_OFFSET, (byte)'X');
        assertThat(pair.toSwitch(pay)).isEqualTo(PosReason.TERMINAL_MISMATCH);
    }

    @Test
    void shouldRefuseReplayedLogonOnANewConnection()
    {
        final int logon = pair.terminal.encodeLogon(pair.wire, 0, SessionPair.SOFTWARE);
        final byte[] recorded = pair.copy(logon);
        assertThat(pair.toSwitch(logon)).isEqualTo(PosReason.NONE);

        final SwitchSession other = new SwitchSession(pair.verifier, NonceSource.secureRandom(), 30);
        pair.put(recorded);
        assertThat(other.onFrame(pair.wire, 2, logon - 2)).isEqualTo(PosReason.REPLAY);
    }

    @Test
    void shouldLetTheTerminalRefuseAForgedLogonAck()
    {
        final int logon = pair.terminal.encodeLogon(pair.wire, 0, SessionPair.SOFTWARE);
        assertThat(pair.toSwitch(logon)).isEqualTo(PosReason.NONE);
        final int ack = pair.switchSide.encodeLogonAck(pair.wire, 0);
        pair.wire.putByte(2 + 28 + 20, (byte)(pair.wire.getByte(2 + 28 + 20) ^ 1));
        assertThat(pair.toTerminal(ack)).isEqualTo(PosReason.BAD_MAC);
        assertThat(pair.terminal.state()).isEqualTo(PosSession.State.CLOSED);
    }

    @Test
    void shouldRefuseFramesBeforeAndInsteadOfTheLogonAckOnTheTerminal()
    {
        final PosFrameEncoder encoder = new PosFrameEncoder();
        final org.agrona.concurrent.UnsafeBuffer heartbeat = new org.agrona.concurrent.UnsafeBuffer(new byte[128]);
        encoder.heartbeat(heartbeat, 0).timestampMs(1);
        final int length = encoder.finish(PosExample.TERMINAL_ID, 1, 0, null);

        final TerminalSession idle = new TerminalSession(pair.key, pair.clock, (b, o) -> b.putLong(o, 5));
        assertThat(idle.onFrame(heartbeat, 2, length - 2)).isEqualTo(PosReason.UNEXPECTED_MESSAGE);
        assertThat(idle.onFrame(heartbeat, 2, length - 2)).as("sticky").isEqualTo(PosReason.UNEXPECTED_MESSAGE);

        final TerminalSession waiting = new TerminalSession(pair.key, pair.clock, (b, o) -> b.putLong(o, 6));
        waiting.encodeLogon(pair.wire, 0, "x");
        assertThat(waiting.onFrame(heartbeat, 2, length - 2)).isEqualTo(PosReason.UNEXPECTED_MESSAGE);
        assertThat(waiting.state()).isEqualTo(PosSession.State.CLOSED);
    }

    @Test
    void shouldRefuseLogonAckForAnotherTerminal()
    {
        final int logon = pair.terminal.encodeLogon(pair.wire, 0, SessionPair.SOFTWARE);
        assertThat(pair.toSwitch(logon)).isEqualTo(PosReason.NONE);
        final int ack = pair.switchSide.encodeLogonAck(pair.wire, 0);
        pair.wire.putByte(2 + PosFrameDescriptor.TERMINAL_ID_OFFSET, (byte)'X');
        assertThat(pair.toTerminal(ack)).isEqualTo(PosReason.TERMINAL_MISMATCH);
    }

    @Test
    void shouldSendStreamErrorsAfterLogonWithSessionMac()
    {
        pair.logOn();
        final int error = pair.switchSide.encodeStreamError(pair.wire, 0, PosReason.SHUTTING_DOWN);
        assertThat(pair.toTerminal(error)).isEqualTo(PosReason.NONE);
        assertThat(pair.terminal.frame().error().reason()).isEqualTo(PosReason.SHUTTING_DOWN);
        assertThat(pair.terminal.frame().error().refSequence()).isZero();
        assertThat(pair.terminal.frame().error().refTemplateId()).isZero();
        assertThat(pair.terminal.frame().error().text()).isEqualTo("switch shutting down");
        assertThat(pair.switchSide.state()).isEqualTo(PosSession.State.CLOSED);
        assertThat(pair.terminal.closeReason()).isEqualTo(PosReason.SHUTTING_DOWN);
    }

    @Test
    void shouldForgetTheKeysOnClose()
    {
        pair.logOn();
        final int pay = pair.pay("T1");
        pair.switchSide.close();

        assertThat(pair.switchSide.state()).isEqualTo(PosSession.State.CLOSED);
        assertThat(pair.switchSide.closeReason()).isEqualTo(PosReason.NONE);
        assertThat(pair.toSwitch(pay)).as("closed: the frame is not even looked at")
            .isEqualTo(PosReason.UNEXPECTED_MESSAGE);
        assertThat(pair.switchSide.nextInboundSequence()).isEqualTo(1);
        pair.switchSide.heartbeat(pair.wire, 0);
        assertThatThrownBy(pair.switchSide::commit).hasMessageContaining("state=CLOSED");
        final int error = pair.switchSide.encodeStreamError(pair.wire, 0, PosReason.SHUTTING_DOWN);
        assertThat(peek.wrap(pair.wire, 2, error - 2).decode()).isEqualTo(PosReason.NONE);
        assertThat(macIsZero(peek)).as("no key left to MAC with").isTrue();
    }

    @Test
    void shouldRefuseMisuseOfTheSessionApi()
    {
        assertThatThrownBy(() -> pair.switchSide.encodeLogonAck(pair.wire, 0)).isInstanceOf(IllegalStateException.class);
        pair.switchSide.heartbeat(pair.wire, 0);
        assertThatThrownBy(pair.switchSide::commit).hasMessageContaining("not logged on");
        assertThatThrownBy(() -> pair.switchSide.encodeError(pair.wire, 0, PosReason.NONE))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SwitchSession(pair.verifier, NonceSource.secureRandom(), 0))
            .hasMessageContaining("heartbeatIntervalSeconds=0");

        final int logon = pair.terminal.encodeLogon(pair.wire, 0, SessionPair.SOFTWARE);
        assertThatThrownBy(() -> pair.terminal.encodeLogon(pair.wire, 0, "x")).isInstanceOf(IllegalStateException.class);
        assertThat(pair.toSwitch(logon)).isEqualTo(PosReason.NONE);
        pair.switchSide.result(pair.wire, 0);
        assertThatThrownBy(pair.switchSide::commit).hasMessage("LogonAck not sent yet");
    }

    private static boolean macIsZero(final PosFrameDecoder frame)
    {
        for (int i = 0; i < PosFrameDescriptor.MAC_LENGTH; i++)
        {
            if (frame.buffer().getByte(frame.macOffset() + i) != 0)
            {
                return false;
            }
        }
        return true;
    }
}
