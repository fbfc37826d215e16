package io.hutong.core.engine;

import io.hutong.codec.card.MerchantCodeCard;
import io.hutong.connector.DeclineReason;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.WalletResult;
import io.hutong.core.journal.JournalReader;
import io.hutong.core.journal.JournalSyncMode;
import io.hutong.core.journal.JournalWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.hutong.core.engine.EngineHarness.WECHAT_CODE;
import static org.assertj.core.api.Assertions.assertThat;

class RecoveryTest
{
    @TempDir
    Path dir;

    private EngineHarness start()
    {
        return new EngineHarness(EngineConfig.defaults(), null,
            new ChronicleJournal(JournalWriter.open(dir, JournalSyncMode.NONE)));
    }

    private EngineHarness restart(final EngineHarness before)
    {
        before.engine.onClose();
        final EngineHarness after = start();
        try (JournalReader reader = JournalReader.open(dir))
        {
            after.engine.recover(reader);
        }
        return after;
    }

    @Test
    void shouldFinishAPaymentWhoseAnswerWasLostInACrashExactlyOnce()
    {
        final EngineHarness before = start();
        before.wallet("wechat").holdAnswers = true;
        before.pay("T1", "tx-1", WECHAT_CODE, 1_500);
        before.run();
        assertThat(before.wallet("wechat").count(WalletOperation.PAY)).isEqualTo(1);

        final EngineHarness after = restart(before);
        after.wallet("wechat").then(WalletOperation.QUERY, WalletOutcome.approved("SUCCESS"));
        after.advance(100);

        assertThat(after.wallet("wechat").count(WalletOperation.PAY)).as("never paid twice").isZero();
        assertThat(after.wallet("wechat").count(WalletOperation.QUERY)).isEqualTo(1);
        final long repeat = after.pay("T1", "tx-1", WECHAT_CODE, 1_500);
        after.run();
        assertThat(after.reply(repeat).status()).isEqualTo(FinalStatus.APPROVED);
        assertThat(after.engine.positions().owed(after.index("wechat"), after.index("alipay"))).isEqualTo(1_500);
    }

    @Test
    void shouldRebuildPositionsRefundsAndIdempotencyAndGiveTheSameStateTwice()
    {
        final EngineHarness before = start();
        before.pay("T1", "tx-1", WECHAT_CODE, 1_000);
        before.run();
        before.refund("T1", "tx-1", "rf-1", 300);
        before.pay("T1", "tx-2", "134567890123456780", 500);
        before.run();
        before.wallet("wechat").then(WalletOperation.PAY, WalletOutcome.declined(DeclineReason.INSUFFICIENT_FUNDS, "NOTENOUGH"));
        before.pay("T1", "tx-3", "134567890123456781", 700);
        before.run();

        final EngineHarness first = restart(before);
        final long firstOwed = first.engine.positions().owed(first.index("wechat"), first.index("alipay"));
        final int firstSize = first.engine.table().size();
        final EngineHarness second = restart(first);

        assertThat(firstOwed).isEqualTo(1_200);
        assertThat(second.engine.positions().owed(second.index("wechat"), second.index("alipay"))).isEqualTo(firstOwed);
        assertThat(second.engine.table().size()).isEqualTo(firstSize);
        final long tooMuch = second.refund("T1", "tx-1", "rf-2", 800);
        final long declinedAgain = second.pay("T1", "tx-3", "134567890123456781", 700);
        second.run();
        assertThat(second.reply(tooMuch).refusal()).as("300 of 1000 already refunded").isEqualTo(Reason.REFUND_EXCEEDS_ORIGINAL);
        assertThat(second.reply(declinedAgain).reason()).isEqualTo(Reason.INSUFFICIENT_FUNDS);
        assertThat(second.connectors.values()).allSatisfy((c) -> assertThat(c.calls).isEmpty());
    }

    @Test
    void shouldKeepReversingAndReleasingAcrossRestarts()
    {
        final EngineHarness before = start();
        final ScriptedConnector wechat = before.wallet("wechat");
        wechat.then(WalletResult.unknown(WalletOperation.PAY, "TIMEOUT", "lost"));
        for (int i = 0; i < 9; i++)
        {
            wechat.then(WalletResult.unknown(WalletOperation.QUERY, "TIMEOUT", "lost"));
        }
        wechat.then(WalletResult.unknown(WalletOperation.REVERSE, "TIMEOUT", "lost"));
        before.pay("T1", "tx-1", WECHAT_CODE, 100);
        final String card = new MerchantCodeCard("M1", "Cafe", "Beijing", "CN", "5812", "156", null, List.of("wechat"))
            .toPayload(before.registry).encode();
        wechat.then(WalletOperation.CREDIT, WalletOutcome.declined(DeclineReason.MERCHANT_NOT_ENROLLED, "X"));
        for (int i = 0; i < 20; i++)
        {
            before.wallet("alipay").then(WalletResult.unknown(WalletOperation.RELEASE, "TIMEOUT", "lost"));
        }
        before.mpmPay("alipay", "AP-1", card, 900);
        before.run();
        before.advance(46_000);
        assertThat(wechat.count(WalletOperation.REVERSE)).as("first reverse at 45 s, lost").isEqualTo(1);

        final EngineHarness after = restart(before);
        after.run();
        after.advance(100);

        assertThat(after.wallet("wechat").count(WalletOperation.REVERSE)).isEqualTo(1);
        assertThat(after.wallet("alipay").count(WalletOperation.RELEASE)).isEqualTo(1);
        assertThat(after.engine.table().size()).isGreaterThanOrEqualTo(2);
        after.engine.table().forEachInFlight((p) -> assertThat(p).as("nothing left unfinished").isNull());
    }
}
