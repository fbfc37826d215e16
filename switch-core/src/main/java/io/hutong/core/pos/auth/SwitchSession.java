package io.hutong.core.pos.auth;

import java.util.Arrays;

import io.hutong.core.pos.codec.LogonAckDescriptor;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.ResultEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The switch's end of one POS connection. The first frame must be a Logon ({@link LogonVerifier}; anything else
 * is NOT_LOGGED_ON); once it verifies, the session binds the terminal id, draws the switch nonce, derives the
 * session keys ({@link SessionKeys}) and expects sequence 1; the caller answers with {@link #encodeLogonAck}.
 * Every later frame goes through the checks of {@link PosSession}.
 * <pre>
 *   reason = session.onFrame(frame, 0, length)
 *   reason != NONE            n = session.encodeError(out, 0, reason); send n bytes; audit; close channel
 *   LOGON                     n = session.encodeLogonAck(out, 0); send; audit logon
 *   HEARTBEAT                 session.heartbeat(out, 0).timestampMs(now); n = session.commit(); send
 *   PAY QUERY REVERSE REFUND  hand to the engine; later: session.result(out, 0)...; n = session.commit()
 *   ERROR                     the terminal gave up: log, close channel
 * </pre>
 * Not thread-safe: confined to the connection's event loop; the verifier and nonce source are shared.
 */
public final class SwitchSession extends PosSession
{
    /** Default heartbeat interval announced in LogonAck, seconds. */
    public static final int DEFAULT_HEARTBEAT_INTERVAL_SECONDS = 30;

    private static final String LOGON_FIRST = "the first frame must be a Logon";

    private final LogonVerifier verifier;
    private final NonceSource nonces;
    private final int heartbeatIntervalSeconds;
    private final UnsafeBuffer switchNonce = new UnsafeBuffer(new byte[PosFrameDescriptor.NONCE_LENGTH]);
    private boolean logonAckDue;

    /**
     * @param verifier                 shared logon verifier.
     * @param nonces                   source of the switch's logon nonces.
     * @param heartbeatIntervalSeconds announced in LogonAck, 1..3600.
     * @throws IllegalArgumentException for an interval out of range.
     */
    public SwitchSession(final LogonVerifier verifier, final NonceSource nonces, final int heartbeatIntervalSeconds)
    {
        super(true);
        if (heartbeatIntervalSeconds < 1 || heartbeatIntervalSeconds > LogonAckDescriptor.MAX_HEARTBEAT_INTERVAL_SECONDS)
        {
            throw new IllegalArgumentException(
                "heartbeatIntervalSeconds=" + heartbeatIntervalSeconds + ": must be 1..3600");
        }
        this.verifier = verifier;
        this.nonces = nonces;
        this.heartbeatIntervalSeconds = heartbeatIntervalSeconds;
    }

    @Override
    public PosReason onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        if (state == State.CLOSED)
        {
            return refusalWhenClosed();
        }
        final PosReason header = decoder.wrap(buffer, offset, length).decodeHeader();
        if (header != PosReason.NONE)
        {
            return refuse(header, decoder.detail());
        }
        if (state == State.AWAITING_LOGON)
        {
            return onLogon();
        }
        return checkLoggedOnFrame();
    }

    private PosReason onLogon()
    {
        if (decoder.messageType() != PosMessageType.LOGON)
        {
            return refuse(PosReason.NOT_LOGGED_ON, LOGON_FIRST);
        }
        // A Logon's body is parsed before its MAC is checked: the verifier needs the nonce and timestamp, and
        // which key to use depends on nothing in the body.
        final PosReason body = decoder.decodeBody();
        if (body != PosReason.NONE)
        {
            return refuse(body, decoder.detail());
        }
        final TerminalKey key = verifier.findKey(decoder);
        final PosReason verified = verifier.verify(decoder, key, inboundMac);
        if (verified != PosReason.NONE)
        {
            return refuse(verified, "");
        }

        terminalIdField.putBytes(0, decoder.buffer(), decoder.terminalIdOffset(), PosFrameDescriptor.TERMINAL_ID_LENGTH);
        terminalIdBound = true;
        nonces.nextNonce(switchNonce, 0);
        final byte[] terminalToSwitch = new byte[SessionKeys.KEY_LENGTH];
        final byte[] switchToTerminal = new byte[SessionKeys.KEY_LENGTH];
        try
        {
            // inboundMac is keyed with the terminal's long-term key by the verifier; derive, then re-key it.
            SessionKeys.derive(inboundMac, decoder.buffer(), decoder.logon().nonceOffset(), switchNonce, 0,
                terminalToSwitch, switchToTerminal);
            inboundMac.init(terminalToSwitch, 0, terminalToSwitch.length);
            outboundMac.init(switchToTerminal, 0, switchToTerminal.length);
        }
        finally
        {
            Arrays.fill(terminalToSwitch, (byte)0);
            Arrays.fill(switchToTerminal, (byte)0);
        }
        sessionKeysReady = true;
        state = State.LOGGED_ON;
        nextInboundSequence = 1;
        nextOutboundSequence = 1;
        logonAckDue = true;
        return PosReason.NONE;
    }

    /**
     * Write the LogonAck owed after an accepted Logon: switch nonce, switch time, heartbeat interval; sequence 0,
     * MACed with the switch-to-terminal session key. Must precede every other frame to the terminal.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return bytes written, length prefix included.
     * @throws IllegalStateException when no accepted Logon awaits its answer.
     */
    public int encodeLogonAck(final MutableDirectBuffer buffer, final int offset)
    {
        if (!logonAckDue || state != State.LOGGED_ON)
        {
            throw new IllegalStateException("state=" + state() + ": no accepted Logon awaits a LogonAck");
        }
        encoder.logonAck(buffer, offset)
            .switchNonce(switchNonce, 0)
            .switchTimeMs(verifier.clock().time())
            .heartbeatIntervalSeconds(heartbeatIntervalSeconds);
        logonAckDue = false;
        return encoder.finish(terminalIdField, 0, 0, 0, outboundMac);
    }

    /**
     * Begin a Result; fill it, then {@link #commit()}.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public ResultEncoder result(final MutableDirectBuffer buffer, final int offset)
    {
        return encoder.result(buffer, offset);
    }

    /**
     * @return the heartbeat interval announced to the terminal, seconds.
     */
    public int heartbeatIntervalSeconds()
    {
        return heartbeatIntervalSeconds;
    }

    @Override
    void checkCanSend()
    {
        super.checkCanSend();
        if (logonAckDue)
        {
            throw new IllegalStateException("LogonAck not sent yet");
        }
    }
}
