package io.hutong.bench.core;

import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalStatus;
import io.hutong.core.journal.JournalSyncMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each op must append the real payment's WALLET_RESULT record, chained to the records before it, in either sync
 * mode.
 */
class JournalAppendBenchmarkTest
{
    @ParameterizedTest
    @EnumSource(JournalSyncMode.class)
    void shouldAppendTheWalletResultHopOfTheEnginesPayment(final JournalSyncMode mode)
    {
        final JournalAppendBenchmark benchmark = new JournalAppendBenchmark();
        benchmark.syncMode = mode;
        benchmark.setup();
        try
        {
            final long first = benchmark.appendHop();
            final long second = benchmark.appendHop();

            final List<JournalLines.Line> lines = JournalLines.read(benchmark.scratch().directory());
            assertThat(lines).hasSize(7 + 2);
            assertThat(lines.get(0).hop()).isEqualTo(JournalHop.RECEIVED);
            assertThat(lines.get(6).hop()).isEqualTo(JournalHop.REPLIED);
            assertThat(lines.subList(7, 9)).extracting(JournalLines.Line::index).containsExactly(first, second);
            for (final JournalLines.Line line : lines.subList(7, 9))
            {
                assertThat(line.hop()).isEqualTo(JournalHop.WALLET_RESULT);
                assertThat(line.switchTxnId()).isEqualTo(benchmark.payment().switchTxnId());
                assertThat(line.status()).isEqualTo(JournalStatus.WALLET_APPROVED);
                assertThat(line.terminalTxnId()).isEqualTo(PayFrames.terminalTxnId(0));
                assertThat(line.walletId()).isEqualTo(InProcessSwitch.ISSUER);
                assertThat(line.counterparty()).isEqualTo(InProcessSwitch.ACQUIRER);
                assertThat(line.maskedCode()).isEqualTo("131000********0000");
                assertThat(line.walletOrderNo()).isNotEmpty();
                assertThat(line.walletTxnId()).isEqualTo(ApprovingConnector.WALLET_TXN_ID);
            }
        }
        finally
        {
            benchmark.tearDown();
        }
    }
}
