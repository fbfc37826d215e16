package io.hutong.core.pos.auth;

import io.hutong.core.pos.codec.PosReason;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.agrona.concurrent.UnsafeBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No bytes make a session throw, before or after logon, and nothing but the genuine next frame is accepted.
 */
class SessionProperties
{
    @Property(tries = 1000)
    void shouldRefuseArbitraryBytesBeforeLogonWithoutThrowing(@ForAll @Size(max = 2100) final byte[] bytes)
    {
        final SessionPair pair = new SessionPair();
        final PosReason reason = pair.switchSide.onFrame(new UnsafeBuffer(bytes), 0, bytes.length);

        assertThat(reason).isNotEqualTo(PosReason.NONE);
        final int error = pair.switchSide.encodeError(pair.wire, 0, reason);
        assertThat(error).isGreaterThan(60);
    }

    @Property(tries = 300)
    void shouldAcceptOnlyTheUntamperedFrameAfterLogon(
        @ForAll @IntRange(max = 400) final int position, @ForAll @IntRange(min = 1, max = 255) final int flip)
    {
        final SessionPair pair = new SessionPair().logOn();
        final int pay = pair.pay("T1");
        // Any byte of the frame (the prefix is the transport's, not the frame's).
        final int index = 2 + position % (pay - 2);
        pair.wire.putByte(index, (byte)(pair.wire.getByte(index) ^ flip));

        assertThat(pair.toSwitch(pay)).isNotEqualTo(PosReason.NONE);
        assertThat(pair.switchSide.nextInboundSequence()).isEqualTo(1);
    }
}
