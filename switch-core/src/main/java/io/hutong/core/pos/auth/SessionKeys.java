package io.hutong.core.pos.auth;

import java.nio.charset.StandardCharsets;

import io.hutong.core.pos.codec.FrameMac;
import io.hutong.core.pos.codec.PosFrameDescriptor;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Derivation of the two session keys from the terminal's long-term key K and both logon nonces, so that every
 * frame after logon is MACed with keys no other connection ever used: a frame recorded on one connection fails
 * its MAC on any other, and the two directions cannot be reflected into each other.
 * <pre>
 *   kT2S = HMAC-SM3(K, "HUTONG-POS-1-T2S" || terminalNonce || switchNonce)    terminal -&gt; switch frames
 *   kS2T = HMAC-SM3(K, "HUTONG-POS-1-S2T" || terminalNonce || switchNonce)    switch -&gt; terminal frames
 *          label: 16 ASCII bytes; nonces: 16 bytes each; keys: 32 bytes each
 * </pre>
 * Stateless; thread-safe. Allocates a 48-byte scratch per call: logons only.
 */
public final class SessionKeys
{
    /** Label of the terminal-to-switch key, 16 ASCII bytes. */
    public static final String TERMINAL_TO_SWITCH_LABEL = "HUTONG-POS-1-T2S";
    /** Label of the switch-to-terminal key, 16 ASCII bytes. */
    public static final String SWITCH_TO_TERMINAL_LABEL = "HUTONG-POS-1-S2T";
    /** Length of each session key. */
    public static final int KEY_LENGTH = FrameMac.LENGTH;

    private static final int LABEL_LENGTH = 16;
    private static final byte[] T2S = TERMINAL_TO_SWITCH_LABEL.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] S2T = SWITCH_TO_TERMINAL_LABEL.getBytes(StandardCharsets.US_ASCII);

    private SessionKeys()
    {
    }

    /**
     * Derive both session keys.
     *
     * @param terminalKeyMac      a MAC keyed with the terminal's long-term key.
     * @param terminalNonce       holding the Logon's nonce.
     * @param terminalNonceOffset first of its 16 bytes.
     * @param switchNonce         holding the LogonAck's nonce.
     * @param switchNonceOffset   first of its 16 bytes.
     * @param terminalToSwitch    receives kT2S, 32 bytes.
     * @param switchToTerminal    receives kS2T, 32 bytes.
     */
    public static void derive(
        final FrameMac terminalKeyMac,
        final DirectBuffer terminalNonce,
        final int terminalNonceOffset,
        final DirectBuffer switchNonce,
        final int switchNonceOffset,
        final byte[] terminalToSwitch,
        final byte[] switchToTerminal)
    {
        final int nonceLength = PosFrameDescriptor.NONCE_LENGTH;
        final UnsafeBuffer input = new UnsafeBuffer(new byte[LABEL_LENGTH + 2 * nonceLength]);
        input.putBytes(LABEL_LENGTH, terminalNonce, terminalNonceOffset, nonceLength);
        input.putBytes(LABEL_LENGTH + nonceLength, switchNonce, switchNonceOffset, nonceLength);

        input.putBytes(0, T2S);
        terminalKeyMac.compute(input, 0, input.capacity(), terminalToSwitch, 0);
        input.putBytes(0, S2T);
        terminalKeyMac.compute(input, 0, input.capacity(), switchToTerminal, 0);
    }
}
