package io.hutong.core.pos.auth;

import java.util.Arrays;

import io.hutong.core.pos.codec.FrameMac;
import io.hutong.core.pos.codec.LogonAckDecoder;
import io.hutong.core.pos.codec.PayEncoder;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosText;
import io.hutong.core.pos.codec.RefundEncoder;
import io.hutong.core.pos.codec.TxnReferenceEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A terminal's end of one POS connection: what the POS load generator, tests and a vendor's reference client use.
 * {@link #encodeLogon} sends the Logon (fresh nonce, the terminal's clock, MACed with its long-term key); the
 * LogonAck is verified with the switch-to-terminal session key derived from both nonces, which proves the switch
 * holds the terminal key and answers this very logon. An Error instead of the LogonAck (unauthenticated, zero
 * MAC) is accepted as the switch's refusal and closes the session. After logon every frame goes through the
 * checks of {@link PosSession}.
 * <pre>
 *   n = session.encodeLogon(out, 0, "pos-sim 1.0");                  send; read a frame
 *   session.onFrame(frame, 0, length) == NONE and session.isLoggedOn()
 *   session.pay(out, 0).amount(100).currency(156)...code(scanned);  n = session.commit();  send
 *   session.onFrame(...) == NONE, frame().messageType() == RESULT: frame().result().status() ...
 * </pre>
 * Not thread-safe: one per connection, on one thread.
 */
public final class TerminalSession extends PosSession
{
    private static final String ACK_EXPECTED = "expected LogonAck or Error";
    private static final String LOGON_NOT_SENT = "frame received before Logon was sent";

    private final TerminalKey key;
    private final EpochClock clock;
    private final NonceSource nonces;
    private final FrameMac longTermMac = new FrameMac();
    private final UnsafeBuffer terminalNonce = new UnsafeBuffer(new byte[PosFrameDescriptor.NONCE_LENGTH]);
    private int heartbeatIntervalSeconds;
    private long switchTimeMs;

    /**
     * @param key    the terminal's id and long-term key.
     * @param clock  the terminal's clock, ms since the epoch.
     * @param nonces source of logon nonces.
     */
    public TerminalSession(final TerminalKey key, final EpochClock clock, final NonceSource nonces)
    {
        super(false);
        this.key = key;
        this.clock = clock;
        this.nonces = nonces;
        terminalIdField.putBytes(0, key.terminalIdField(), 0, PosFrameDescriptor.TERMINAL_ID_LENGTH);
        terminalIdBound = true;
    }

    /**
     * Write the Logon: sequence 0, fresh nonce, the clock's time, MACed with the long-term key.
     *
     * @param buffer          to write into.
     * @param offset          where the length prefix goes.
     * @param softwareVersion 1..32 printable ASCII.
     * @return bytes written, length prefix included.
     * @throws IllegalStateException when a Logon was already sent.
     */
    public int encodeLogon(final MutableDirectBuffer buffer, final int offset, final CharSequence softwareVersion)
    {
        if (state != State.AWAITING_LOGON)
        {
            throw new IllegalStateException("state=" + state + ": Logon already sent");
        }
        nonces.nextNonce(terminalNonce, 0);
        key.initMac(longTermMac);
        encoder.logon(buffer, offset)
            .nonce(terminalNonce, 0)
            .timestampMs(clock.time())
            .softwareVersion(softwareVersion);
        final int written = encoder.finish(terminalIdField, 0, 0, 0, longTermMac);
        state = State.AWAITING_LOGON_ACK;
        return written;
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
            return refuse(PosReason.UNEXPECTED_MESSAGE, LOGON_NOT_SENT);
        }
        if (state == State.AWAITING_LOGON_ACK)
        {
            // Parsed before the MAC check: the session keys that check it come from this very body.
            final PosReason body = decoder.decodeBody();
            if (body != PosReason.NONE)
            {
                return refuse(body, decoder.detail());
            }
            return onLogonAnswer();
        }
        return checkLoggedOnFrame();
    }

    private PosReason onLogonAnswer()
    {
        final PosMessageType type = decoder.messageType();
        if (type == PosMessageType.ERROR)
        {
            // The switch refused the Logon; its Error cannot be authenticated (no session keys yet) and is final.
            final PosReason refused = decoder.error().reason();
            markClosed(refused != null ? refused : PosReason.INTERNAL, "");
            longTermMac.clear();
            return PosReason.NONE;
        }
        if (type != PosMessageType.LOGON_ACK)
        {
            return refuse(PosReason.UNEXPECTED_MESSAGE, ACK_EXPECTED);
        }
        if (!PosText.fixedEquals(decoder.buffer(), decoder.terminalIdOffset(), terminalIdField, 0,
            PosFrameDescriptor.TERMINAL_ID_LENGTH))
        {
            return refuse(PosReason.TERMINAL_MISMATCH, "");
        }
        final LogonAckDecoder ack = decoder.logonAck();
        final byte[] terminalToSwitch = new byte[SessionKeys.KEY_LENGTH];
        final byte[] switchToTerminal = new byte[SessionKeys.KEY_LENGTH];
        try
        {
            SessionKeys.derive(longTermMac, terminalNonce, 0, decoder.buffer(), ack.switchNonceOffset(),
                terminalToSwitch, switchToTerminal);
            inboundMac.init(switchToTerminal, 0, switchToTerminal.length);
            if (!inboundMac.verify(
                decoder.buffer(), decoder.offset(), decoder.signedLength(), decoder.buffer(), decoder.macOffset()))
            {
                return refuse(PosReason.BAD_MAC, "");
            }
            outboundMac.init(terminalToSwitch, 0, terminalToSwitch.length);
        }
        finally
        {
            Arrays.fill(terminalToSwitch, (byte)0);
            Arrays.fill(switchToTerminal, (byte)0);
            longTermMac.clear();
        }
        heartbeatIntervalSeconds = ack.heartbeatIntervalSeconds();
        switchTimeMs = ack.switchTimeMs();
        sessionKeysReady = true;
        state = State.LOGGED_ON;
        nextInboundSequence = 1;
        nextOutboundSequence = 1;
        return PosReason.NONE;
    }

    /**
     * Begin a Pay; fill it, then {@link #commit()}.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public PayEncoder pay(final MutableDirectBuffer buffer, final int offset)
    {
        return encoder.pay(buffer, offset);
    }

    /**
     * Begin a Query; fill it, then {@link #commit()}.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public TxnReferenceEncoder query(final MutableDirectBuffer buffer, final int offset)
    {
        return encoder.query(buffer, offset);
    }

    /**
     * Begin a Reverse; fill it, then {@link #commit()}.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public TxnReferenceEncoder reverse(final MutableDirectBuffer buffer, final int offset)
    {
        return encoder.reverse(buffer, offset);
    }

    /**
     * Begin a Refund; fill it, then {@link #commit()}.
     *
     * @param buffer to write into.
     * @param offset where the length prefix goes.
     * @return the body encoder.
     */
    public RefundEncoder refund(final MutableDirectBuffer buffer, final int offset)
    {
        return encoder.refund(buffer, offset);
    }

    /**
     * @return the heartbeat interval the switch announced, seconds; 0 before logon.
     */
    public int heartbeatIntervalSeconds()
    {
        return heartbeatIntervalSeconds;
    }

    /**
     * @return the switch's clock at LogonAck, ms since the epoch; 0 before logon.
     */
    public long switchTimeMs()
    {
        return switchTimeMs;
    }
}
