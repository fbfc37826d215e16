package io.hutong.sim.reconcile;

import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import io.hutong.core.pos.server.TestTerminal;
import io.hutong.sim.ledger.AccountUpdate;
import io.hutong.sim.ledger.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation of real traffic: simulated wallets and the switch in this process, payments from a POS terminal
 * and MPM payments over the HTTP API. Clean traffic reconciles without a finding; then one side is tampered with
 * (the wallet's ledger, or the payer wallet's app misbehaving) and exactly that finding appears.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReconcilerEndToEndTest
{
    @TempDir
    Path data;

    private SwitchStack stack;

    @BeforeEach
    void start() throws Exception
    {
        stack = new SwitchStack(data);
    }

    @AfterEach
    void stop()
    {
        stack.close();
    }

    @Test
    void shouldReconcileEveryKindOfPaymentWithoutAFinding() throws Exception
    {
        final String wechatCode = stack.code("wechat", stack.consumer("wechat", 0));
        stack.ledger("bestpay").upsertAccount(new AccountUpdate("poor", 100L, null, null, null));
        try (TestTerminal terminal = stack.terminal())
        {
            assertThat(SwitchStack.pay(terminal, "pos-1", wechatCode, 1_234).status()).isEqualTo(PosStatus.APPROVED);
            assertThat(SwitchStack.refund(terminal, "pos-1", "refund-1", 300).status()).isEqualTo(PosStatus.REFUNDED);
            assertThat(SwitchStack.pay(terminal, "pos-2", stack.code("bestpay", stack.consumer("bestpay", 0)), 500)
                .status()).isEqualTo(PosStatus.APPROVED);
            assertThat(SwitchStack.reverse(terminal, "pos-2").status())
                .isIn(PosStatus.REVERSED, PosStatus.IN_PROGRESS);
            assertThat(SwitchStack.pay(terminal, "pos-3", stack.code("bestpay", "poor"), 5_000).reason())
                .isEqualTo(PosReason.INSUFFICIENT_FUNDS);
            assertThat(SwitchStack.pay(terminal, "pos-4", wechatCode, 1_234).reason())
                .as("declined by the switch, the wallet never called").isEqualTo(PosReason.CODE_REUSED);
            assertThat(SwitchStack.pay(terminal, "pos-5", stack.code("cmpay", stack.consumer("cmpay", 1)), 42)
                .status()).isEqualTo(PosStatus.APPROVED);
        }
        assertThat(stack.mpm("bestpay", "BP-1", "wechat", merchant("wechat"), 2_500).get("status").asText())
            .isEqualTo("APPROVED");
        stack.capture("bestpay", "BP-1");
        assertThat(stack.mpm("bestpay", "BP-2", "wechat", "nobody", 700).get("status").asText())
            .isEqualTo("DECLINED");

        final ReconciliationReport report = stack.settledReport();

        assertThat(report.findings()).isEmpty();
        assertThat(report.isClean()).isTrue();
        assertThat(report.checked()).isEqualTo(8);
        assertThat(report.payments()).isEqualTo(8);
        assertThat(report.byWallet().get("wechat")).satisfies((w) ->
        {
            assertThat(w.payments()).as("pos-1, refund-1, pos-4").isEqualTo(3);
            assertThat(w.orders()).as("pos-1 paid and refunded, BP-1's credit").isEqualTo(2);
        });
        assertThat(report.byWallet().get("bestpay")).satisfies((w) ->
        {
            assertThat(w.payments()).as("pos-2, pos-3, BP-1, BP-2").isEqualTo(4);
            assertThat(w.orders()).as("reversed, declined, captured, released").isEqualTo(4);
        });
        assertThat(report.byWallet().get("cmpay").orders()).isEqualTo(1);
        assertThat(report.byWallet().get("wopay").orders()).isZero();
    }

    @Test
    void shouldCountAHoldThePayerCapturedForADeclinedPaymentAsLost() throws Exception
    {
        stack.hold("bestpay", "BP-EARLY", 900);
        // A payer wallet's app that captures before the switch answers: the switch declines (unknown merchant) and
        // its release of the hold is refused, so the consumer paid for nothing.
        stack.capture("bestpay", "BP-EARLY");
        assertThat(stack.requestMpm("bestpay", "BP-EARLY", "wechat", "nobody", 900).get("status").asText())
            .isEqualTo("DECLINED");

        final ReconciliationReport report = stack.settledReport();

        assertThat(report.lost()).isEqualTo(1);
        assertThat(report.duplicates() + report.orphans() + report.mismatched()).isZero();
        assertThat(report.findings()).singleElement().satisfies((f) ->
        {
            assertThat(f.kind()).isEqualTo(FindingKind.LOST);
            assertThat(f.wallet()).isEqualTo("bestpay");
            assertThat(f.orderNo()).isEqualTo("BP-EARLY");
            assertThat(f.journal()).startsWith("MPM DECLINED");
            assertThat(f.ledger()).startsWith("HOLD CAPTURED 900 fen");
        });
        assertThat(report.byWallet().get("bestpay").lost()).isEqualTo(1);
    }

    @Test
    void shouldCountASecondDebitForOnePaymentAsADuplicate() throws Exception
    {
        final String account = stack.consumer("wechat", 0);
        try (TestTerminal terminal = stack.terminal())
        {
            assertThat(SwitchStack.pay(terminal, "pos-1", stack.code("wechat", account), 800).status())
                .isEqualTo(PosStatus.APPROVED);
        }
        final String orderNo = stack.orderNoOf("pos-1");
        final String interop = stack.credential("wechat", "/interop/merchantId");
        // The same order number debited again under the switch's other merchant id at this wallet.
        assertThat(stack.ledger("wechat").pay(interop, orderNo, stack.code("wechat", account), 800,
            Ledger.NO_USER_PAYING, false).isOk()).isTrue();

        final ReconciliationReport report = stack.settledReport();

        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.lost() + report.orphans() + report.mismatched()).isZero();
        assertThat(report.findings()).singleElement().satisfies((f) ->
        {
            assertThat(f.orderNo()).isEqualTo(orderNo);
            assertThat(f.merchantId()).isEqualTo(interop);
            assertThat(f.flow()).isEqualTo("CPM");
        });
    }

    @Test
    void shouldCountMoneyNoPaymentAccountsForAsOrphans() throws Exception
    {
        final Ledger wechat = stack.ledger("wechat");
        assertThat(wechat.pay(stack.credential("wechat", "mchId"), "STRAY-1",
            stack.code("wechat", stack.consumer("wechat", 1)), 100, Ledger.NO_USER_PAYING, false).isOk()).isTrue();
        stack.hold("bestpay", "BP-NEVER-SENT", 300);
        // An order booked by one of the wallet's own merchants is not the switch's business: counted, not judged.
        assertThat(wechat.pay(merchant("wechat"), "NOT-OURS", stack.code("wechat", stack.consumer("wechat", 1)), 100,
            Ledger.NO_USER_PAYING, false).isOk()).isTrue();

        final ReconciliationReport report = stack.settledReport();

        assertThat(report.orphans()).isEqualTo(2);
        assertThat(report.lost() + report.duplicates() + report.mismatched()).isZero();
        assertThat(report.findings()).extracting(Finding::orderNo).containsExactly("STRAY-1", "BP-NEVER-SENT");
        assertThat(report.findings()).allSatisfy((f) -> assertThat(f.switchTxnId()).isZero());
        assertThat(report.byWallet().get("wechat").otherMerchants()).isEqualTo(1);
    }

    @Test
    void shouldCountAnApprovedPaymentTheWalletReversedOrRefundedAsMismatched() throws Exception
    {
        try (TestTerminal terminal = stack.terminal())
        {
            assertThat(SwitchStack.pay(terminal, "pos-1", stack.code("wechat", stack.consumer("wechat", 0)), 600)
                .status()).isEqualTo(PosStatus.APPROVED);
            assertThat(SwitchStack.pay(terminal, "pos-2", stack.code("wechat", stack.consumer("wechat", 1)), 700)
                .status()).isEqualTo(PosStatus.APPROVED);
        }
        final String mchId = stack.credential("wechat", "mchId");
        assertThat(stack.ledger("wechat").reverse(mchId, stack.orderNoOf("pos-1")).isOk()).isTrue();
        assertThat(stack.ledger("wechat").refund(mchId, stack.orderNoOf("pos-2"), "behind-the-switch", 100).isOk())
            .isTrue();

        final ReconciliationReport report = stack.settledReport();

        assertThat(report.mismatched()).isEqualTo(2);
        assertThat(report.lost() + report.duplicates() + report.orphans()).isZero();
        assertThat(report.findings()).extracting(Finding::ledger)
            .containsExactly("PAY REVERSED 600 fen account=c000001", "PAY REFUNDED 700 fen refunded=100 account=c000002");
    }

    private String merchant(final String wallet)
    {
        return stack.credential(wallet, "/merchants/0");
    }
}
