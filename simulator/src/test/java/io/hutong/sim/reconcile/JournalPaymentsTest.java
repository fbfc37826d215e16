package io.hutong.sim.reconcile;

import io.hutong.core.journal.JournalFlow;
import io.hutong.core.journal.JournalHop;
import io.hutong.core.journal.JournalReason;
import io.hutong.core.journal.JournalStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Folding a journal into payments: the last FINAL wins, a wallet call is seen from any *_SENT hop of the payment's
 * leg, and a payment is settled only when the switch has nothing outstanding for it.
 */
class JournalPaymentsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldFoldEveryFlowIntoOnePaymentWithItsLastFinalStatus()
    {
        final Path journal = dir.resolve("journal");
        try (JournalFixture fixture = new JournalFixture(journal))
        {
            fixture.audit("started");
            fixture.cpm(1, "wechat", "HT011", 100).routed()
                .call(JournalHop.WALLET_SENT, JournalHop.WALLET_RESULT, JournalStatus.WALLET_APPROVED)
                .decided(JournalStatus.APPROVED, JournalReason.NONE);
            fixture.cpm(2, "wechat", "HT012", 200).routed().decided(JournalStatus.DECLINED, JournalReason.CODE_REUSED);
            fixture.cpm(3, "wechat", "HT013", 300).routed()
                .call(JournalHop.WALLET_SENT, JournalHop.WALLET_RESULT, JournalStatus.WALLET_APPROVED)
                .decided(JournalStatus.APPROVED, JournalReason.NONE)
                .hop(JournalHop.REVERSE_SENT, JournalStatus.PENDING, JournalReason.NONE);
            fixture.cpm(4, "wechat", "HT014", 400).routed()
                .call(JournalHop.WALLET_SENT, JournalHop.WALLET_RESULT, JournalStatus.WALLET_UNKNOWN)
                .hop(JournalHop.REPLIED, JournalStatus.PENDING, JournalReason.NONE)
                .call(JournalHop.REVERSE_SENT, JournalHop.REVERSE_RESULT, JournalStatus.WALLET_APPROVED)
                .decided(JournalStatus.REVERSED, JournalReason.TIMEOUT);
            fixture.mpm(5, "bestpay", "wechat", "HM015", "BP-1", 500).routed()
                .call(JournalHop.CREDIT_SENT, JournalHop.CREDIT_RESULT, JournalStatus.WALLET_DECLINED)
                .hop(JournalHop.FINAL, JournalStatus.DECLINED, JournalReason.MERCHANT_NOT_ENROLLED)
                .hop(JournalHop.RELEASE_SENT, JournalStatus.PENDING, JournalReason.NONE)
                .hop(JournalHop.REPLIED, JournalStatus.DECLINED, JournalReason.MERCHANT_NOT_ENROLLED);
            fixture.mpm(6, "bestpay", "wechat", "HM016", "BP-2", 600).routed()
                .hop(JournalHop.FINAL, JournalStatus.DECLINED, JournalReason.MERCHANT_NOT_ENROLLED)
                .call(JournalHop.RELEASE_SENT, JournalHop.RELEASE_RESULT, JournalStatus.WALLET_APPROVED);
        }

        final List<SwitchPayment> payments = JournalPayments.read(journal);

        assertThat(payments).extracting(SwitchPayment::switchTxnId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(payments.get(0)).isEqualTo(new SwitchPayment(1, JournalFlow.CPM, "wechat", "alipay", "HT011",
            "pos-1", 100, JournalStatus.APPROVED, JournalReason.NONE, true, true, 1, ~1L));
        assertThat(payments.get(1)).satisfies((p) ->
        {
            assertThat(p.walletCalled()).isFalse();
            assertThat(p.settled()).isTrue();
            assertThat(p.reason()).isEqualTo(JournalReason.CODE_REUSED);
        });
        assertThat(payments.get(2).settled()).as("a void's reversal is outstanding").isFalse();
        assertThat(payments.get(2).status()).isEqualTo(JournalStatus.APPROVED);
        assertThat(payments.get(3)).satisfies((p) ->
        {
            assertThat(p.status()).isEqualTo(JournalStatus.REVERSED);
            assertThat(p.settled()).isTrue();
        });
        assertThat(payments.get(4)).satisfies((p) ->
        {
            assertThat(p.flow()).isEqualTo(JournalFlow.MPM);
            assertThat(p.reference()).isEqualTo("BP-1");
            assertThat(p.counterparty()).isEqualTo("wechat");
            assertThat(p.settled()).as("the hold's release is outstanding").isFalse();
        });
        assertThat(payments.get(5)).satisfies((p) ->
        {
            assertThat(p.settled()).isTrue();
            assertThat(p.walletCalled()).as("only the payer was told to release").isFalse();
        });
    }

    @Test
    void shouldRefuseAMissingJournal()
    {
        assertThatThrownBy(() -> JournalPayments.read(dir.resolve("nothing-here")))
            .isInstanceOf(ReconcileInputException.class)
            .hasMessage("journal=" + dir.resolve("nothing-here") + ": no such directory");
    }

    @Test
    void shouldReadAnEmptyJournalDirectoryAsNoPayments() throws Exception
    {
        final Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThat(JournalPayments.read(empty)).isEmpty();
    }
}
