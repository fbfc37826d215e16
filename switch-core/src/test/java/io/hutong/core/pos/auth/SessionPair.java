package io.hutong.core.pos.auth;

import io.hutong.core.pos.codec.PosExample;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import org.agrona.concurrent.CachedEpochClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A switch session and a terminal session wired back to back in memory, with the worked example's key and a
 * clock the test controls. Frames travel through {@link #toSwitch} and {@link #toTerminal}.
 */
final class SessionPair
{
    static final String SOFTWARE = "test 1";

    final CachedEpochClock clock = new CachedEpochClock();
    final TerminalKey key = TerminalKey.of(PosExample.TERMINAL_ID, PosExample.key());
    final LogonVerifier verifier;
    final SwitchSession switchSide;
    final TerminalSession terminal;
    final UnsafeBuffer wire = new UnsafeBuffer(new byte[PosFrameDescriptor.MAX_WIRE_LENGTH]);
    private long nonceCounter;

    SessionPair()
    {
        this(null);
    }

    SessionPair(final LogonVerifier sharedVerifier)
    {
        clock.update(PosExample.LOGON_TIME_MS);
        verifier = sharedVerifier != null ? sharedVerifier :
            new LogonVerifier(TerminalKeys.builder().add(key).build(), clock, 60_000, 1024);
        switchSide = new SwitchSession(verifier, this::nextNonce, 30);
        terminal = new TerminalSession(key, clock, this::nextNonce);
    }

    private void nextNonce(final org.agrona.MutableDirectBuffer buffer, final int offset)
    {
        // Distinct per pair instance and call: counter plus identity, never all zero.
        buffer.putLong(offset, ++nonceCounter);
        buffer.putLong(offset + 8, System.identityHashCode(this) | 1L);
    }

    /** Log the terminal on; both sides end LOGGED_ON. */
    SessionPair logOn()
    {
        final int logon = terminal.encodeLogon(wire, 0, SOFTWARE);
        check(toSwitch(logon) == PosReason.NONE, "switch accepts logon");
        final int ack = switchSide.encodeLogonAck(wire, 0);
        check(toTerminal(ack) == PosReason.NONE, "terminal accepts ack");
        return this;
    }

    PosReason toSwitch(final int wireLength)
    {
        return switchSide.onFrame(wire, 2, wireLength - 2);
    }

    PosReason toTerminal(final int wireLength)
    {
        return terminal.onFrame(wire, 2, wireLength - 2);
    }

    /** Encode a Pay from the terminal; returns its wire length. */
    int pay(final String txnId)
    {
        terminal.pay(wire, 0).amount(PosExample.AMOUNT).currency(156).terminalTxnId(txnId)
            .merchantId(PosExample.MERCHANT_ID).code(PosExample.CODE);
        return terminal.commit();
    }

    /** Encode an approved Result from the switch; returns its wire length. */
    int result(final String txnId, final long refSequence)
    {
        switchSide.result(wire, 0).switchTxnId(7).amount(PosExample.AMOUNT).refSequence(refSequence)
            .refTemplateId(PosMessageType.PAY.code()).status(PosStatus.APPROVED).reason(PosReason.NONE)
            .terminalTxnId(txnId).walletId("wechat").walletTxnId("W1");
        return switchSide.commit();
    }

    byte[] copy(final int wireLength)
    {
        final byte[] bytes = new byte[wireLength];
        wire.getBytes(0, bytes);
        return bytes;
    }

    void put(final byte[] bytes)
    {
        wire.putBytes(0, bytes);
    }

    private static void check(final boolean condition, final String what)
    {
        if (!condition)
        {
            throw new IllegalStateException(what);
        }
    }
}
