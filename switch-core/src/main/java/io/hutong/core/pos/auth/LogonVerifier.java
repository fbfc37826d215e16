package io.hutong.core.pos.auth;

import io.hutong.core.pos.codec.FrameMac;
import io.hutong.core.pos.codec.LogonDecoder;
import io.hutong.core.pos.codec.PosFrameDecoder;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import org.agrona.concurrent.EpochClock;

/**
 * Decides whether a decoded Logon may open a session. Checks, in order, each failure a typed reason that is also
 * the Error frame's code:
 * <ol>
 *   <li>the terminal has a key: else UNKNOWN_TERMINAL;</li>
 *   <li>the MAC is HMAC-SM3 of header and body under that key: else BAD_MAC;</li>
 *   <li>the timestamp is within the replay window of the switch clock, {@code now - window <= ts <= now +
 *       window}: else TIMESTAMP_STALE or TIMESTAMP_FUTURE;</li>
 *   <li>the (terminal, nonce) pair was not admitted within the window: else REPLAY; the nonce cache is full:
 *       BUSY.</li>
 * </ol>
 * Nothing unauthenticated reaches the nonce cache, and the cache remembers each pair for at least twice the
 * window, the longest time a logon's timestamp stays acceptable (its timestamp may be up to one window ahead of
 * the clock at admission and stays valid until one window after itself).
 * <p>
 * Thread-safe: one verifier serves every connection (the nonce cache must be shared to catch a replay on another
 * connection). Refusals allocate nothing; an accepted logon allocates the MAC key schedule.
 */
public final class LogonVerifier
{
    /** Default replay window either side of the switch clock, ms. */
    public static final long DEFAULT_REPLAY_WINDOW_MS = 60_000;
    /** Default most logons admitted per nonce cache generation (twice the window). */
    public static final int DEFAULT_NONCE_CAPACITY = 16_384;

    private final TerminalKeys keys;
    private final EpochClock clock;
    private final long replayWindowMs;
    private final NonceCache nonces;

    /**
     * @param keys           the terminals' keys.
     * @param clock          the switch's clock, ms since the epoch.
     * @param replayWindowMs how far a logon timestamp may be from the clock, either way, ms (1..3,600,000).
     * @param nonceCapacity  most logons remembered per generation; beyond it logons are refused BUSY.
     * @throws IllegalArgumentException for a window or capacity out of range.
     */
    public LogonVerifier(
        final TerminalKeys keys, final EpochClock clock, final long replayWindowMs, final int nonceCapacity)
    {
        if (replayWindowMs < 1 || replayWindowMs > 3_600_000)
        {
            throw new IllegalArgumentException("replayWindowMs=" + replayWindowMs + ": must be 1..3600000");
        }
        this.keys = keys;
        this.clock = clock;
        this.replayWindowMs = replayWindowMs;
        this.nonces = new NonceCache(nonceCapacity, 2 * replayWindowMs);
    }

    /**
     * The key of the terminal a frame names. Allocation free.
     *
     * @param frame a frame whose header passed decoding.
     * @return the key, or null when the terminal is unknown.
     */
    public TerminalKey findKey(final PosFrameDecoder frame)
    {
        return keys.find(frame.buffer(), frame.terminalIdOffset());
    }

    /**
     * Verify a decoded Logon.
     *
     * @param logon a frame that decoded as {@link PosMessageType#LOGON}.
     * @param key   {@link #findKey}'s answer for it, null when unknown.
     * @param mac   the caller's MAC, keyed here with {@code key}; on NONE it stays keyed so the caller can derive
     *              the session keys with it.
     * @return {@link PosReason#NONE}, or why the logon is refused.
     * @throws IllegalArgumentException if the frame is not a decoded Logon (a caller bug).
     */
    public PosReason verify(final PosFrameDecoder logon, final TerminalKey key, final FrameMac mac)
    {
        if (logon.messageType() != PosMessageType.LOGON || !logon.isBodyDecoded())
        {
            throw new IllegalArgumentException("messageType=" + logon.messageType() + ": not a decoded Logon");
        }
        if (key == null)
        {
            return PosReason.UNKNOWN_TERMINAL;
        }
        key.initMac(mac);
        if (!mac.verify(logon.buffer(), logon.offset(), logon.signedLength(), logon.buffer(), logon.macOffset()))
        {
            return PosReason.BAD_MAC;
        }
        final long now = clock.time();
        final LogonDecoder body = logon.logon();
        final long timestamp = body.timestampMs();
        // Bounds computed from the clock, never from the frame's value, so no timestamp can overflow into the window.
        if (timestamp < now - replayWindowMs)
        {
            return PosReason.TIMESTAMP_STALE;
        }
        if (timestamp > now + replayWindowMs)
        {
            return PosReason.TIMESTAMP_FUTURE;
        }
        switch (nonces.admit(logon.buffer(), logon.terminalIdOffset(), logon.buffer(), body.nonceOffset(), now))
        {
            case ADMITTED:
                return PosReason.NONE;
            case REPLAYED:
                return PosReason.REPLAY;
            default:
                return PosReason.BUSY;
        }
    }

    /**
     * @return the replay window either side of the clock, ms.
     */
    public long replayWindowMs()
    {
        return replayWindowMs;
    }

    /**
     * @return the switch's clock.
     */
    public EpochClock clock()
    {
        return clock;
    }

    /**
     * @return the nonce cache (for metrics: its size).
     */
    public NonceCache nonceCache()
    {
        return nonces;
    }
}
