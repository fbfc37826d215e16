package io.hutong.bench.core;

import io.hutong.core.journal.JournalSyncMode;
import io.hutong.core.pos.auth.TerminalSession;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import io.hutong.core.pos.codec.ResultDecoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ring of frames may come round again only once the engine has forgotten its payments and codes; then every
 * payment is a fresh one, approved, never a duplicate or a reused code.
 */
class InProcessSwitchTest
{
    @Test
    void shouldSizeTheRingPastRetainedPaymentsAndTheCodeWindow()
    {
        assertThat(InProcessSwitch.framesPerLap(65_536, 1)).isEqualTo(131_072);
        assertThat(InProcessSwitch.framesPerLap(1_000_000, 1)).isEqualTo(1 << 20);
        assertThat(InProcessSwitch.framesPerLap(1_024, 1_000)).isEqualTo(2_048);
    }

    @Test
    void shouldApproveFreshPaymentsWhenTheFramesComeRoundAgain()
    {
        final int lap = InProcessSwitch.framesPerLap(1_024, 1_000);
        try (ScratchJournal journal = ScratchJournal.open(JournalSyncMode.NONE))
        {
            final InProcessSwitch path = new InProcessSwitch(journal.journal(), 1_024, 1_000, new PayFrames(lap));
            TerminalSession terminal = null;
            long previous = 0;
            for (int i = 0; i < 2 * lap + 3; i++)
            {
                if (i % lap == 0)
                {
                    // The switch logs the terminal on again for each lap: its sequence starts at 1 again.
                    terminal = path.frames().newTerminal();
                }
                final long switchTxnId = path.pay();

                final ResultDecoder result = Replies.accept(terminal, path.frontEnd());
                assertThat(result.status()).as("payment %d", i).isEqualTo(PosStatus.APPROVED);
                assertThat(result.reason()).as("payment %d", i).isEqualTo(PosReason.NONE);
                assertThat(result.switchTxnId()).isEqualTo(switchTxnId).isGreaterThan(previous);
                previous = switchTxnId;
                assertThat(result.terminalTxnId()).isEqualTo(PayFrames.terminalTxnId(i % lap));
            }
            assertThat(path.connector().pays()).isEqualTo(2L * lap + 3);
        }
    }

    @Test
    void shouldRefuseToSendFramesAgainTooSoon()
    {
        try (ScratchJournal journal = ScratchJournal.open(JournalSyncMode.NONE))
        {
            final InProcessSwitch path = new InProcessSwitch(journal.journal(), 1_024, 1, new PayFrames(2));
            path.pay();
            path.pay();

            assertThatThrownBy(path::pay)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("frames=2: must be >= 131072 to be sent again (retainPayments=1024 stepMs=1)");
            assertThat(path.connector().pays()).isEqualTo(2);
        }
    }
}
