package io.hutong.bench.core;

import io.hutong.core.pos.auth.SwitchSession;
import io.hutong.core.pos.codec.PayDecoder;
import io.hutong.core.pos.codec.PosReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frames must pass the switch's checks in order after every logon, and each must carry its own txn id and code.
 */
class PayFramesTest
{
    private final PayFrames frames = new PayFrames(3);

    @Test
    void shouldBeAcceptedInOrderAfterEveryLogon()
    {
        for (int lap = 0; lap < 2; lap++)
        {
            final SwitchSession session = frames.logOn();
            for (int i = 0; i < frames.count(); i++)
            {
                assertThat(session.onFrame(frames.buffer(), frames.offset(i), frames.length()))
                    .as("lap %d frame %d", lap, i).isEqualTo(PosReason.NONE);
                final PayDecoder pay = session.frame().pay();
                assertThat(pay.terminalTxnId()).isEqualTo(PayFrames.terminalTxnId(i));
                assertThat(pay.code()).isEqualTo(PayFrames.code(i));
                assertThat(pay.amount()).isEqualTo(PayFrames.AMOUNT);
                assertThat(pay.merchantId()).isEqualTo(PayFrames.MERCHANT_ID);
            }
        }
    }

    @Test
    void shouldBeRefusedAsAReplayWithinOneSession()
    {
        final SwitchSession session = frames.logOn();
        assertThat(session.onFrame(frames.buffer(), frames.offset(0), frames.length())).isEqualTo(PosReason.NONE);

        assertThat(session.onFrame(frames.buffer(), frames.offset(0), frames.length())).isEqualTo(PosReason.REPLAY);
    }

    @Test
    void shouldGiveEveryFrameItsOwnEighteenDigitWeChatCode()
    {
        assertThat(PayFrames.code(0)).isEqualTo("131000000000000000");
        assertThat(PayFrames.code(131_071)).hasSize(18).startsWith("13").isNotEqualTo(PayFrames.code(131_070));
        assertThat(PayFrames.terminalTxnId(7)).isEqualTo("BT0000000007");
    }
}
