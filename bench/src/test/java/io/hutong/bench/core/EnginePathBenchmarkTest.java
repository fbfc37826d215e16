package io.hutong.bench.core;

import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalStatus;
import io.hutong.core.pos.auth.TerminalSession;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import io.hutong.core.pos.codec.ResultDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each op of the benchmark must be a whole payment: an APPROVED Result frame the terminal accepts, for the frame's
 * own txn id, one wallet call, and all seven hops in the journal, chained.
 */
class EnginePathBenchmarkTest
{
    private final EnginePathBenchmark benchmark = new EnginePathBenchmark();

    @BeforeEach
    void setUp()
    {
        benchmark.retainPayments = 65_536;
        benchmark.setup();
    }

    @AfterEach
    void tearDown()
    {
        benchmark.tearDown();
    }

    @Test
    void shouldAnswerEachPayApprovedForItsOwnTxnId()
    {
        final TerminalSession terminal = benchmark.path().frames().newTerminal();

        for (int i = 0; i < 3; i++)
        {
            final long switchTxnId = benchmark.pay();

            final ResultDecoder result = Replies.accept(terminal, benchmark.path().frontEnd());
            assertThat(result.status()).isEqualTo(PosStatus.APPROVED);
            assertThat(result.reason()).isEqualTo(PosReason.NONE);
            assertThat(result.switchTxnId()).isEqualTo(switchTxnId);
            assertThat(result.terminalTxnId()).isEqualTo(PayFrames.terminalTxnId(i));
            assertThat(result.refSequence()).isEqualTo(i + 1);
            assertThat(result.refTemplateId()).isEqualTo(PosMessageType.PAY.code());
            assertThat(result.amount()).isEqualTo(PayFrames.AMOUNT);
            assertThat(result.walletId()).isEqualTo(InProcessSwitch.ISSUER);
            assertThat(result.walletTxnId()).isEqualTo(ApprovingConnector.WALLET_TXN_ID);
        }
        assertThat(benchmark.path().connector().pays()).isEqualTo(3);
        assertThat(benchmark.path().connector().lastPay().authCode()).isEqualTo(PayFrames.code(2));
    }

    @Test
    void shouldJournalEverySevenHopsOfEachPayment()
    {
        final long first = benchmark.pay();
        final long second = benchmark.pay();

        final List<JournalLines.Line> lines = JournalLines.read(benchmark.journal().directory());
        assertThat(lines).extracting(JournalLines.Line::switchTxnId)
            .containsExactly(first, first, first, first, first, first, first,
                second, second, second, second, second, second, second);
        assertThat(lines).extracting(JournalLines.Line::hop).containsExactly(
            JournalHop.RECEIVED, JournalHop.DECODED, JournalHop.ROUTED, JournalHop.WALLET_SENT,
            JournalHop.WALLET_RESULT, JournalHop.FINAL, JournalHop.REPLIED,
            JournalHop.RECEIVED, JournalHop.DECODED, JournalHop.ROUTED, JournalHop.WALLET_SENT,
            JournalHop.WALLET_RESULT, JournalHop.FINAL, JournalHop.REPLIED);
        final JournalLines.Line result = lines.get(11);
        assertThat(result.status()).isEqualTo(JournalStatus.WALLET_APPROVED);
        assertThat(result.terminalTxnId()).isEqualTo(PayFrames.terminalTxnId(1));
        assertThat(result.walletId()).isEqualTo(InProcessSwitch.ISSUER);
        assertThat(result.counterparty()).isEqualTo(InProcessSwitch.ACQUIRER);
        assertThat(result.maskedCode()).isEqualTo("131000********0001");
        assertThat(result.walletTxnId()).isEqualTo(ApprovingConnector.WALLET_TXN_ID);
        assertThat(lines.get(12).status()).isEqualTo(JournalStatus.APPROVED);
    }
}
