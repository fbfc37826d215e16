package io.hutong.bench.core;

import io.hutong.core.pos.auth.LogonVerifier;
import io.hutong.core.pos.auth.NonceSource;
import io.hutong.core.pos.auth.SwitchSession;
import io.hutong.core.pos.auth.TerminalKey;
import io.hutong.core.pos.auth.TerminalKeys;
import io.hutong.core.pos.auth.TerminalSession;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosReason;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * What one logged-on POS terminal sends for {@code count} CPM payments: Pay frames numbered 1..count, each with
 * its own terminal txn id and its own WeChat consumer code, MAC'd with the session key, laid out back to back in one
 * buffer (fixed stride) so a benchmark reads them without encoding or allocating anything.
 * <p>
 * A session's frames are valid only in order and once (the switch refuses an old sequence as REPLAY), and their
 * MACs only under that session's keys. So that the same frames can be sent again, both logon nonces are fixed:
 * every {@link #logOn()} derives the same session keys (SessionKeys: HMAC-SM3 of the terminal key over both
 * nonces) and the switch expects sequence 1 again. The switch's replay cache would refuse the repeated terminal
 * nonce, so each {@link #logOn()} uses a verifier of its own; logons are not what is measured here. The txn ids and
 * codes repeat too: the caller sends a frame again only once the engine has forgotten its payment and its code.
 * <pre>
 *   frame i (i = 0..count-1): sequence i + 1, terminalTxnId "BT%010d", code "13" + (10^15 + i), 10.00 CNY
 *   buffer: | prefix | frame 0 | prefix | frame 1 | ...   stride = wire length of one frame
 * </pre>
 * Immutable after construction; {@link #logOn()} and {@link #newTerminal()} return new sessions, each confined to
 * its caller's thread.
 */
public final class PayFrames
{
    /** The terminal's id. */
    public static final String TERMINAL_ID = "BENCH-0001";
    /** The merchant in every Pay. */
    public static final String MERCHANT_ID = "M100200300";
    /** The amount of every Pay, fen. */
    public static final long AMOUNT = 1_000;
    /** The currency of every Pay: CNY. */
    public static final int CURRENCY = PosFrameDescriptor.CURRENCY_CNY;

    private static final long LOGON_TIME_MS = 1_800_000_000_000L;
    private static final EpochClock CLOCK = () -> LOGON_TIME_MS;
    private static final long REPLAY_WINDOW_MS = 60_000;
    private static final int NONCE_CAPACITY = 16;
    private static final String SOFTWARE = "hutong-bench 1";
    private static final NonceSource TERMINAL_NONCE = (buffer, offset) -> buffer.setMemory(offset, 16, (byte)0x5A);
    private static final NonceSource SWITCH_NONCE = (buffer, offset) -> buffer.setMemory(offset, 16, (byte)0xA5);
    private static final long FIRST_CODE = 1_000_000_000_000_000L;

    private final TerminalKey key;
    private final TerminalKeys keys;
    private final UnsafeBuffer logon = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]);
    private final int logonLength;
    private final UnsafeBuffer logonAck = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]);
    private final int logonAckLength;
    private final UnsafeBuffer frames;
    private final int stride;
    private final int count;

    /**
     * Log a terminal on and encode its Pay frames.
     *
     * @param count how many frames, at least 1.
     * @throws IllegalArgumentException for a count below 1.
     */
    public PayFrames(final int count)
    {
        if (count < 1)
        {
            throw new IllegalArgumentException("count=" + count + ": must be >= 1");
        }
        this.count = count;
        final byte[] secret = new byte[32];
        Arrays.fill(secret, (byte)0x42);
        key = TerminalKey.of(TERMINAL_ID, secret);
        keys = TerminalKeys.builder().add(key).build();

        final TerminalSession terminal = new TerminalSession(key, CLOCK, TERMINAL_NONCE);
        logonLength = terminal.encodeLogon(logon, 0, SOFTWARE);
        final SwitchSession switchSide = newSwitchSession();
        logonAckLength = switchSide.encodeLogonAck(logonAck, 0);
        expect(terminal.onFrame(logonAck, PosFrameDescriptor.LENGTH_FIELD_LENGTH,
            logonAckLength - PosFrameDescriptor.LENGTH_FIELD_LENGTH), "terminal accepts the LogonAck");

        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]);
        stride = encodePay(terminal, scratch, 0, 0);
        frames = new UnsafeBuffer(new byte[Math.multiplyExact(stride, count)]);
        frames.putBytes(0, scratch, 0, stride);
        for (int i = 1; i < count; i++)
        {
            if (encodePay(terminal, frames, i * stride, i) != stride)
            {
                throw new IllegalStateException("frame=" + i + ": length differs from frame 0's " + stride);
            }
        }
    }

    /**
     * A new switch-side session that has accepted this terminal's Logon and written its LogonAck (dropped: the
     * terminal's keys are the same every time). Allocates: a verifier, a session and their MAC key schedules.
     *
     * @return a logged-on switch session expecting frame 0 (sequence 1) next.
     */
    public SwitchSession logOn()
    {
        final SwitchSession session = newSwitchSession();
        session.encodeLogonAck(new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]), 0);
        return session;
    }

    /**
     * A new terminal-side session with the same keys as the one that MAC'd the frames, expecting the switch's
     * sequence 1 next: what checks the switch's answers after a {@link #logOn()}.
     *
     * @return a logged-on terminal session.
     */
    public TerminalSession newTerminal()
    {
        final TerminalSession terminal = new TerminalSession(key, CLOCK, TERMINAL_NONCE);
        terminal.encodeLogon(new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]), 0, SOFTWARE);
        expect(terminal.onFrame(logonAck, PosFrameDescriptor.LENGTH_FIELD_LENGTH,
            logonAckLength - PosFrameDescriptor.LENGTH_FIELD_LENGTH), "terminal accepts the LogonAck");
        return terminal;
    }

    /**
     * @return the buffer holding every frame.
     */
    public DirectBuffer buffer()
    {
        return frames;
    }

    /**
     * @param i the frame, 0..count-1.
     * @return where frame {@code i} starts in {@link #buffer()}, after its length prefix (as Netty hands it over).
     */
    public int offset(final int i)
    {
        return i * stride + PosFrameDescriptor.LENGTH_FIELD_LENGTH;
    }

    /**
     * @return the length of every frame, its length prefix excluded.
     */
    public int length()
    {
        return stride - PosFrameDescriptor.LENGTH_FIELD_LENGTH;
    }

    /**
     * @return how many frames.
     */
    public int count()
    {
        return count;
    }

    /**
     * @param i the frame.
     * @return its terminal txn id.
     */
    public static String terminalTxnId(final int i)
    {
        return String.format("BT%010d", i);
    }

    /**
     * @param i the frame.
     * @return its consumer code: 18 digits starting 13, a WeChat Pay code.
     */
    public static String code(final int i)
    {
        return "13" + (FIRST_CODE + i);
    }

    private SwitchSession newSwitchSession()
    {
        final LogonVerifier verifier = new LogonVerifier(keys, CLOCK, REPLAY_WINDOW_MS, NONCE_CAPACITY);
        final SwitchSession session =
            new SwitchSession(verifier, SWITCH_NONCE, SwitchSession.DEFAULT_HEARTBEAT_INTERVAL_SECONDS);
        expect(session.onFrame(logon, PosFrameDescriptor.LENGTH_FIELD_LENGTH,
            logonLength - PosFrameDescriptor.LENGTH_FIELD_LENGTH), "switch accepts the Logon");
        return session;
    }

    private static int encodePay(
        final TerminalSession terminal, final UnsafeBuffer buffer, final int offset, final int i)
    {
        terminal.pay(buffer, offset)
            .amount(AMOUNT)
            .currency(CURRENCY)
            .terminalTxnId(terminalTxnId(i))
            .merchantId(MERCHANT_ID)
            .code(code(i));
        return terminal.commit();
    }

    private static void expect(final PosReason reason, final String what)
    {
        if (PosReason.NONE != reason)
        {
            throw new IllegalStateException(what + ": reason=" + reason);
        }
    }
}
