package io.hutong.sim.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.hutong.core.journal.JournalFlow;
import io.hutong.core.journal.JournalReason;
import io.hutong.core.journal.JournalStatus;
import io.hutong.sim.ledger.OrderKind;
import io.hutong.sim.ledger.OrderState;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.hutong.core.journal.JournalStatus.APPROVED;
import static io.hutong.core.journal.JournalStatus.DECLINED;
import static io.hutong.core.journal.JournalStatus.REVERSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every reconciliation rule on hand-made journal payments and ledger orders (no servers): what is clean, and what
 * each finding kind is, counted once.
 */
class ReconciliationRulesTest
{
    private static final long AS_OF = 1_000_000L;
    private static final String MCH = "1900000109";
    private static final String INTEROP = "hutong-wechat";

    private final Map<String, WalletEndpoint> wallets = new LinkedHashMap<>();
    private final Map<String, List<LedgerOrder>> ledgers = new LinkedHashMap<>();
    private final List<SwitchPayment> payments = new ArrayList<>();

    ReconciliationRulesTest()
    {
        wallets.put("wechat", new WalletEndpoint("wechat", URI.create("http://127.0.0.1:1"), Set.of(MCH, INTEROP)));
        wallets.put("bestpay", new WalletEndpoint("bestpay", URI.create("http://127.0.0.1:2"), Set.of("hutong-bestpay")));
        ledgers.put("wechat", new ArrayList<>());
        ledgers.put("bestpay", new ArrayList<>());
    }

    @Test
    void shouldFindNothingWhenBothSidesAgree()
    {
        cpm(1, "HT011", 100, APPROVED, true);
        pay("wechat", MCH, "HT011", 100, OrderState.SUCCESS, 0);
        cpm(2, "HT012", 200, DECLINED, true);
        pay("wechat", MCH, "HT012", 200, OrderState.PAYERROR, 0);
        cpm(3, "HT013", 300, DECLINED, false);
        cpm(4, "HT014", 400, REVERSED, true);
        pay("wechat", MCH, "HT014", 0, OrderState.REVERSED, 0);
        cpm(5, "HT015", 500, DECLINED, true);
        cpm(6, "HT016", 600, APPROVED, true);
        pay("wechat", MCH, "HT016", 600, OrderState.REFUNDED, 250);
        refund(7, "HT016", 200, APPROVED);
        refund(8, "HT016", 50, APPROVED);
        refund(9, "HT016", 70, DECLINED);
        mpm(10, "HM0110", "BP-1", 900, APPROVED, true);
        credit("HM0110", 900);
        hold("BP-1", 900, OrderState.CAPTURED);
        mpm(11, "HM0111", "BP-2", 800, DECLINED, true);
        pay("wechat", INTEROP, "HM0111", 0, OrderState.REVERSED, 0);
        hold("BP-2", 800, OrderState.RELEASED);
        mpm(12, "HM0112", "BP-3", 700, DECLINED, false);
        pay("wechat", "someone-else", "X-1", 100, OrderState.SUCCESS, 0);
        pay("wechat", MCH, "LATE-REVERSE", 0, OrderState.REVERSED, 0);

        final ReconciliationReport report = compare(new Reconciler());

        assertThat(report.findings()).isEmpty();
        assertThat(report.isClean()).isTrue();
        assertThat(report.checked()).isEqualTo(12);
        assertThat(report.payments()).isEqualTo(12);
        assertThat(report.inDoubt()).isZero();
        assertThat(report.orders()).isEqualTo(10);
        assertThat(report.byWallet().get("wechat")).satisfies((w) ->
        {
            assertThat(w.payments()).isEqualTo(9);
            assertThat(w.orders()).isEqualTo(8);
            assertThat(w.otherMerchants()).isEqualTo(1);
            assertThat(w.unmatchedNoMoney()).isEqualTo(1);
        });
        assertThat(report.byWallet().get("bestpay").payments()).isEqualTo(3);
    }

    @Test
    void shouldCountADebitForAPaymentTheSwitchDidNotApproveAsLostOnce()
    {
        cpm(1, "HT011", 100, DECLINED, true);
        pay("wechat", MCH, "HT011", 100, OrderState.SUCCESS, 0);
        cpm(2, "HT012", 100, REVERSED, true);
        pay("wechat", MCH, "HT012", 100, OrderState.REFUNDED, 40);
        mpm(3, "HM013", "BP-1", 900, DECLINED, true);
        hold("BP-1", 900, OrderState.CAPTURED);

        final ReconciliationReport report = compare(new Reconciler());

        assertThat(report.lost()).isEqualTo(3);
        assertThat(report.mismatched() + report.duplicates() + report.orphans()).isZero();
        assertThat(report.findings()).extracting(Finding::switchTxnId).containsExactly(1L, 2L, 3L);
        assertThat(report.findings().get(2)).satisfies((f) ->
        {
            assertThat(f.wallet()).isEqualTo("bestpay");
            assertThat(f.orderNo()).isEqualTo("BP-1");
            assertThat(f.ledger()).isEqualTo("HOLD CAPTURED 900 fen account=c000001");
        });
        assertThat(report.byWallet().get("bestpay").lost()).isEqualTo(1);
    }

    @Test
    void shouldCountASecondDebitForOnePaymentOrOneCodeAsADuplicate()
    {
        cpm(1, "HT011", 100, APPROVED, true);
        pay("wechat", MCH, "HT011", 100, OrderState.SUCCESS, 0);
        pay("wechat", INTEROP, "HT011", 100, OrderState.SUCCESS, 0);
        payments.add(new SwitchPayment(2, JournalFlow.CPM, "wechat", "alipay", "HT012", "t2", 300, APPROVED,
            JournalReason.NONE, true, true, 77, 88));
        pay("wechat", MCH, "HT012", 300, OrderState.SUCCESS, 0);
        payments.add(new SwitchPayment(3, JournalFlow.CPM, "wechat", "alipay", "HT013", "t3", 300, APPROVED,
            JournalReason.NONE, true, true, 77, 88));
        pay("wechat", MCH, "HT013", 300, OrderState.SUCCESS, 0);
        mpm(4, "HM014", "BP-1", 500, APPROVED, true);
        mpm(5, "HM015", "BP-1", 500, APPROVED, true);
        credit("HM014", 500);
        credit("HM015", 500);
        hold("BP-1", 500, OrderState.CAPTURED);

        final ReconciliationReport report = compare(new Reconciler());

        assertThat(report.duplicates()).isEqualTo(3);
        assertThat(report.lost() + report.mismatched() + report.orphans()).isZero();
        assertThat(report.findings()).extracting(Finding::switchTxnId).containsExactly(1L, 3L, 5L);
        assertThat(report.findings().get(0).merchantId()).isEqualTo(INTEROP);
        assertThat(report.findings().get(1).rule()).contains("switch payment 2");
        assertThat(report.findings().get(2).rule()).contains("switch payment 4");
    }

    @Test
    void shouldCountMoneyWithoutADecisionAsAnOrphan()
    {
        cpm(1, "HT011", 100, DECLINED, true);
        pay("wechat", MCH, "HT011", 100, OrderState.USERPAYING, 0);
        mpm(2, "HM012", "BP-1", 500, DECLINED, true);
        hold("BP-1", 500, OrderState.HELD);
        mpm(3, "HM013", "BP-2", 600, APPROVED, true);
        credit("HM013", 600);
        hold("BP-2", 600, OrderState.HELD);
        pay("wechat", MCH, "NOT-THE-SWITCH", 100, OrderState.SUCCESS, 0);
        hold("BP-NO-PAYMENT", 100, OrderState.HELD);
        ledgers.get("wechat").add(new LedgerOrder("wechat", MCH, "AFTER-READ", OrderKind.PAY, "c000001", 100,
            OrderState.SUCCESS, "4200", 0, AS_OF + 1));

        final ReconciliationReport report = compare(new Reconciler());

        assertThat(report.orphans()).isEqualTo(5);
        assertThat(report.lost() + report.mismatched() + report.duplicates()).isZero();
        assertThat(report.inDoubt()).as("an order newer than the journal read").isEqualTo(1);
        assertThat(report.findings()).extracting(Finding::orderNo)
            .containsExactly("HT011", "BP-1", "BP-2", "NOT-THE-SWITCH", "BP-NO-PAYMENT");
        assertThat(report.findings().get(3).switchTxnId()).isZero();
        assertThat(report.findings().get(3).journal()).isEqualTo("no payment");

        final ReconciliationReport strict = compare(new Reconciler().strict(true));
        assertThat(strict.orphans()).isEqualTo(6);
        assertThat(strict.inDoubt()).isZero();
    }

    @Test
    void shouldCountFinalStatesThatDifferAsMismatched()
    {
        cpm(1, "HT011", 100, APPROVED, true);
        pay("wechat", MCH, "HT011", 100, OrderState.REVERSED, 0);
        cpm(2, "HT012", 100, APPROVED, true);
        cpm(3, "HT013", 100, APPROVED, true);
        pay("wechat", MCH, "HT013", 999, OrderState.SUCCESS, 0);
        cpm(4, "HT014", 100, APPROVED, true);
        pay("wechat", MCH, "HT014", 100, OrderState.REFUNDED, 60);
        refund(5, "HT014", 50, APPROVED);
        cpm(6, "HT016", 100, DECLINED, false);
        pay("wechat", MCH, "HT016", 100, OrderState.PAYERROR, 0);
        mpm(7, "HM017", "BP-1", 500, APPROVED, true);
        hold("BP-1", 500, OrderState.CAPTURED);
        mpm(8, "HM018", "BP-2", 500, DECLINED, true);
        credit("HM018", 500);
        hold("BP-2", 500, OrderState.RELEASED);
        mpm(9, "HM019", "BP-3", 500, APPROVED, true);
        credit("HM019", 500);
        hold("BP-3", 500, OrderState.RELEASED);
        refund(10, "HT-NOT-IN-JOURNAL", 10, APPROVED);

        final ReconciliationReport report = compare(new Reconciler());

        assertThat(report.mismatched()).isEqualTo(9);
        assertThat(report.lost() + report.orphans() + report.duplicates()).isZero();
        assertThat(report.findings()).extracting(Finding::switchTxnId)
            .containsExactly(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L);
        assertThat(report.findings().get(1).ledger()).isEqualTo("no order");
        assertThat(report.findings().get(3).rule()).contains("refunded total").contains("50 fen");
        assertThat(report.findings().get(5).wallet()).as("the payee was never credited").isEqualTo("wechat");
        assertThat(report.findings().get(7)).satisfies((f) ->
        {
            assertThat(f.wallet()).isEqualTo("bestpay");
            assertThat(f.orderNo()).isEqualTo("BP-3");
        });
    }

    @Test
    void shouldHoldPaymentsInProgressAsInDoubtAndAsOrphansWhenFinal()
    {
        payments.add(new SwitchPayment(1, JournalFlow.CPM, "wechat", "alipay", "HT011", "t1", 100, null, null, true,
            false, 1, 1));
        pay("wechat", MCH, "HT011", 100, OrderState.SUCCESS, 0);
        payments.add(new SwitchPayment(2, JournalFlow.MPM, "bestpay", "wechat", "HM012", "BP-1", 100, DECLINED,
            JournalReason.OTHER, true, false, 0, 0));
        hold("BP-1", 100, OrderState.HELD);
        cpm(3, "HT013", 100, APPROVED, true);
        pay("wechat", MCH, "HT013", 100, OrderState.REFUNDED, 30);
        payments.add(new SwitchPayment(4, JournalFlow.REFUND, "wechat", "alipay", "HT013", "r4", 30, null, null,
            true, false, 0, 0));
        payments.add(new SwitchPayment(5, JournalFlow.CPM, "wechat", "alipay", "HT015", "t5", 100, APPROVED,
            JournalReason.NONE, true, false, 5, 5));
        pay("wechat", MCH, "HT015", 100, OrderState.REFUNDED, 20);
        refund(6, "HT015", 20, APPROVED);

        final ReconciliationReport report = compare(new Reconciler());

        assertThat(report.findings()).as("a refund in flight may or may not have reached the wallet; a refunded " +
            "payment being voided still owns its refunds").isEmpty();
        assertThat(report.inDoubt()).isEqualTo(4);
        assertThat(report.checked()).isEqualTo(2);
        assertThat(report.byWallet().get("bestpay").inDoubt()).isEqualTo(1);

        final ReconciliationReport strict = compare(new Reconciler().strict(true));
        assertThat(strict.orphans()).isEqualTo(4);
        assertThat(strict.findings()).extracting(Finding::rule).allMatch((r) -> r.contains("not finished"));
        assertThat(strict.findings().get(1)).as("an MPM payment's hold").satisfies((f) ->
        {
            assertThat(f.orderNo()).isEqualTo("BP-1");
            assertThat(f.wallet()).isEqualTo("bestpay");
            assertThat(f.ledger()).isEqualTo("HOLD HELD 100 fen account=c000001");
        });
    }

    @Test
    void shouldJudgeBothLegsOfAnOnUsMpmPaymentAtOneWallet()
    {
        payments.add(new SwitchPayment(1, JournalFlow.MPM, "bestpay", "bestpay", "HM011", "BP-1", 500, APPROVED,
            JournalReason.NONE, true, true, 0, 0));
        hold("BP-1", 500, OrderState.CAPTURED);

        final ReconciliationReport missingCredit = compare(new Reconciler());
        ledgers.get("bestpay").add(new LedgerOrder("bestpay", "hutong-bestpay", "HM011", OrderKind.CREDIT,
            "bestpay-m0001", 500, OrderState.SUCCESS, "BP01", 0, AS_OF - 1));
        final ReconciliationReport credited = compare(new Reconciler());

        assertThat(missingCredit.findings()).singleElement().satisfies((f) ->
        {
            assertThat(f.kind()).isEqualTo(FindingKind.MISMATCHED);
            assertThat(f.orderNo()).as("the credit's number, not the hold's").isEqualTo("HM011");
        });
        assertThat(credited.isClean()).isTrue();
    }

    @Test
    void shouldKeepOnlyTheFirstFindingsButCountAll()
    {
        for (int i = 1; i <= 5; i++)
        {
            cpm(i, "HT01" + i, 100, APPROVED, true);
        }

        final ReconciliationReport report = compare(new Reconciler().maxFindings(2));

        assertThat(report.mismatched()).isEqualTo(5);
        assertThat(report.findings()).hasSize(2);
        assertThat(report.findingsOmitted()).isEqualTo(3);
        assertThat(report.toJson().get("findingsOmitted").asLong()).isEqualTo(3);
    }

    @Test
    void shouldRefuseToJudgeAPaymentAtAWalletWhoseLedgerIsNotGiven()
    {
        payments.add(new SwitchPayment(1, JournalFlow.CPM, "jdpay", "alipay", "HT011", "t1", 100, APPROVED,
            JournalReason.NONE, true, true, 1, 1));

        assertThatThrownBy(() -> compare(new Reconciler()))
            .isInstanceOf(ReconcileInputException.class)
            .hasMessageStartingWith("wallet=jdpay: switch payment 1 reached it");
    }

    @Test
    void shouldNotNeedTheLedgerOfAWalletTheSwitchNeverCalled()
    {
        payments.add(new SwitchPayment(1, JournalFlow.CPM, "unionpay", "alipay", "HT011", "t1", 100, DECLINED,
            JournalReason.WALLET_UNAVAILABLE, false, true, 1, 1));

        assertThat(compare(new Reconciler()).isClean()).isTrue();
    }

    @Test
    void shouldWriteTheReportAsTheDocumentedJson()
    {
        cpm(1, "HT011", 100, DECLINED, true);
        pay("wechat", MCH, "HT011", 100, OrderState.SUCCESS, 0);

        final JsonNode json = compare(new Reconciler()).toJson();

        assertThat(json.fieldNames()).toIterable().containsExactly("checked", "lost", "duplicates", "orphans",
            "mismatched", "inDoubt", "clean", "final", "payments", "orders", "asOf", "journal", "byWallet", "findings",
            "findingsOmitted");
        assertThat(json.get("lost").asLong()).isEqualTo(1);
        assertThat(json.get("clean").asBoolean()).isFalse();
        assertThat(json.get("journal").asText()).isEqualTo("/data/journal");
        assertThat(json.get("byWallet").get("wechat").fieldNames()).toIterable().containsExactly("payments", "checked",
            "inDoubt", "orders", "otherMerchants", "unmatchedNoMoney", "lost", "duplicates", "orphans", "mismatched");
        final JsonNode finding = json.get("findings").get(0);
        assertThat(finding.fieldNames()).toIterable().containsExactly("kind", "switchTxnId", "flow", "wallet",
            "merchantId", "orderNo", "journal", "ledger", "rule");
        assertThat(finding.get("kind").asText()).isEqualTo("lost");
        assertThat(finding.get("switchTxnId").asLong()).isEqualTo(1);
        assertThat(finding.get("merchantId").asText()).isEqualTo(MCH);
        assertThat(finding.get("journal").asText()).isEqualTo("CPM DECLINED OTHER 100 fen, wallet called");
        assertThat(finding.get("ledger").asText()).isEqualTo("PAY SUCCESS 100 fen account=c000001");
    }

    private ReconciliationReport compare(final Reconciler reconciler)
    {
        return reconciler.compare(Path.of("/data/journal"), AS_OF, payments, wallets, ledgers);
    }

    private void cpm(final long id, final String orderNo, final long amount, final JournalStatus status,
        final boolean called)
    {
        payments.add(new SwitchPayment(id, JournalFlow.CPM, "wechat", "alipay", orderNo, "t" + id, amount, status,
            APPROVED == status ? JournalReason.NONE : JournalReason.OTHER, called, true, id, id));
    }

    private void refund(final long id, final String orderNo, final long amount, final JournalStatus status)
    {
        payments.add(new SwitchPayment(id, JournalFlow.REFUND, "wechat", "alipay", orderNo, "r" + id, amount, status,
            JournalReason.NONE, true, true, 0, 0));
    }

    private void mpm(final long id, final String orderNo, final String payerRef, final long amount,
        final JournalStatus status, final boolean called)
    {
        payments.add(new SwitchPayment(id, JournalFlow.MPM, "bestpay", "wechat", orderNo, payerRef, amount, status,
            JournalReason.NONE, called, true, 0, 0));
    }

    private void pay(final String wallet, final String merchant, final String orderNo, final long amount,
        final OrderState state, final long refunded)
    {
        ledgers.get(wallet).add(new LedgerOrder(wallet, merchant, orderNo, OrderKind.PAY,
            0 == amount ? null : "c000001", amount, state, null, refunded, AS_OF - 1));
    }

    private void credit(final String orderNo, final long amount)
    {
        ledgers.get("wechat").add(new LedgerOrder("wechat", INTEROP, orderNo, OrderKind.CREDIT, "wechat-m0001",
            amount, OrderState.SUCCESS, "4200", 0, AS_OF - 1));
    }

    private void hold(final String orderNo, final long amount, final OrderState state)
    {
        ledgers.get("bestpay").add(new LedgerOrder("bestpay", null, orderNo, OrderKind.HOLD, "c000001", amount, state,
            null, 0, AS_OF - 1));
    }
}
