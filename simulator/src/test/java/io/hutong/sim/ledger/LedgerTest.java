package io.hutong.sim.ledger;

import io.hutong.sim.codes.CodeFormat;
import io.hutong.sim.codes.OfflineCodes;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerTest
{
    private static final long T0 = 1_767_000_000_000L;
    private static final String MCH = "1900000001";
    private static final long BALANCE = 10_000;

    private final CachedEpochClock clock = new CachedEpochClock();
    private final Ledger ledger;
    private int counter;

    LedgerTest()
    {
        clock.update(T0);
        ledger = new Ledger(new LedgerSettings("wechat", "4200", 45_000, new CodeFormat("10", 18),
            "a-secret-of-at-least-16-bytes".getBytes(StandardCharsets.US_ASCII), BALANCE, 5_000, 0), clock);
        ledger.addMerchant(MCH);
        ledger.addMerchant("payee-1");
        ledger.upsertAccount(new AccountUpdate("alice", null, null, null, null));
        ledger.upsertAccount(new AccountUpdate("bob", null, null, null, null));
    }

    @Test
    void shouldDebitOnceAndAnswerAResendFromTheLedger()
    {
        final String code = code("alice");

        final LedgerResult first = ledger.pay(MCH, "T1", code, 100, Ledger.NO_USER_PAYING, false);
        final LedgerResult resend = ledger.pay(MCH, "T1", code, 100, Ledger.NO_USER_PAYING, false);

        assertThat(first.status()).isEqualTo(LedgerResult.Status.DONE);
        assertThat(first.order().state()).isEqualTo(OrderState.SUCCESS);
        assertThat(first.order().walletTxnId()).startsWith("4200").hasSize(28);
        assertThat(resend.status()).isEqualTo(LedgerResult.Status.RESEND);
        assertThat(resend.order().walletTxnId()).isEqualTo(first.order().walletTxnId());
        assertThat(balance("alice")).isEqualTo(BALANCE - 100);
        assertThat(ledger.merchantBalance(MCH)).isEqualTo(100);
        assertThat(ledger.counters().pays()).isEqualTo(1);
        assertThat(ledger.counters().resends()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAModifiedOrderAccordingToTheOrdersState()
    {
        ledger.pay(MCH, "PAID", code("alice"), 100, Ledger.NO_USER_PAYING, false);
        ledger.pay(MCH, "FAILED", "100000000000000000", 100, Ledger.NO_USER_PAYING, false);

        assertThat(ledger.pay(MCH, "PAID", code("alice"), 100, Ledger.NO_USER_PAYING, false).decline())
            .isEqualTo(Decline.ORDER_PAID);
        assertThat(ledger.pay(MCH, "FAILED", code("alice"), 100, Ledger.NO_USER_PAYING, false).decline())
            .isEqualTo(Decline.ORDER_CONFLICT);
        assertThat(balance("alice")).isEqualTo(BALANCE - 100);
    }

    @Test
    void shouldConsumeACodeEvenWhenThePaymentFails()
    {
        final String code = code("alice");

        final LedgerResult tooMuch = ledger.pay(MCH, "T1", code, BALANCE + 1, Ledger.NO_USER_PAYING, false);
        final LedgerResult again = ledger.pay(MCH, "T2", code, 100, Ledger.NO_USER_PAYING, false);

        assertThat(tooMuch.decline()).isEqualTo(Decline.LIMIT_EXCEEDED);
        assertThat(tooMuch.order().state()).isEqualTo(OrderState.PAYERROR);
        assertThat(tooMuch.order().walletTxnId()).isNull();
        assertThat(again.decline()).isEqualTo(Decline.CODE_USED);
        assertThat(ledger.pay(MCH, "T1", code, BALANCE + 1, Ledger.NO_USER_PAYING, false).decline())
            .as("a resend of the failed payment answers its failure").isEqualTo(Decline.LIMIT_EXCEEDED);
    }

    @Test
    void shouldDeclineExpiredUnknownFrozenOverLimitAndUnfundedPayments()
    {
        final String stale = code("alice");
        clock.advance(61_000);

        assertThat(ledger.pay(MCH, "T1", stale, 1, Ledger.NO_USER_PAYING, false).decline())
            .isEqualTo(Decline.CODE_EXPIRED);
        assertThat(ledger.pay(MCH, "T2", "109999990000000000", 1, Ledger.NO_USER_PAYING, false).decline())
            .isEqualTo(Decline.CODE_INVALID);
        ledger.upsertAccount(new AccountUpdate("bob", null, null, null, true));
        assertThat(ledger.pay(MCH, "T3", code("bob"), 1, Ledger.NO_USER_PAYING, false).decline())
            .isEqualTo(Decline.ACCOUNT_FROZEN);
        ledger.upsertAccount(new AccountUpdate("alice", 1_000L, 0L, 500L, null));
        assertThat(ledger.pay(MCH, "T4", code("alice"), 400, Ledger.NO_USER_PAYING, false).isOk()).isTrue();
        assertThat(ledger.pay(MCH, "T5", code("alice"), 200, Ledger.NO_USER_PAYING, false).decline())
            .as("daily limit 500 after 400 paid").isEqualTo(Decline.LIMIT_EXCEEDED);
        ledger.upsertAccount(new AccountUpdate("alice", null, null, 0L, null));
        assertThat(ledger.pay(MCH, "T6", code("alice"), 601, Ledger.NO_USER_PAYING, false).decline())
            .isEqualTo(Decline.INSUFFICIENT_FUNDS);
        assertThat(ledger.pay("unknown", "T7", code("alice"), 1, Ledger.NO_USER_PAYING, false).decline())
            .isEqualTo(Decline.MERCHANT_UNKNOWN);
        assertThat(ledger.counters().paysDeclined()).isEqualTo(5);
    }

    @Test
    void shouldResetTheDailyLimitTheNextDayInChinaStandardTime()
    {
        ledger.upsertAccount(new AccountUpdate("alice", null, null, 300L, null));
        assertThat(ledger.pay(MCH, "T1", code("alice"), 300, Ledger.NO_USER_PAYING, false).isOk()).isTrue();
        assertThat(ledger.account("alice").spentToday()).isEqualTo(300);

        clock.update(((T0 + 8 * 3_600_000L) / 86_400_000L + 1) * 86_400_000L - 8 * 3_600_000L);

        assertThat(ledger.account("alice").spentToday()).isZero();
        assertThat(ledger.pay(MCH, "T2", code("alice"), 300, Ledger.NO_USER_PAYING, false).isOk()).isTrue();
    }

    @Test
    void shouldConfirmAWaitingPaymentLazilyFromTheClock()
    {
        final LedgerResult waiting = ledger.pay(MCH, "T1", code("alice"), 100, 5_000, false);

        assertThat(waiting.order().state()).isEqualTo(OrderState.USERPAYING);
        assertThat(ledger.account("alice").held()).isEqualTo(100);
        assertThat(ledger.account("alice").available()).isEqualTo(BALANCE - 100);
        clock.advance(4_999);
        assertThat(ledger.query(MCH, "T1").order().state()).isEqualTo(OrderState.USERPAYING);
        clock.advance(1);
        final OrderSnapshot paid = ledger.query(MCH, "T1").order();

        assertThat(paid.state()).isEqualTo(OrderState.SUCCESS);
        assertThat(paid.finalAt()).isEqualTo(T0 + 5_000);
        assertThat(ledger.account("alice").held()).isZero();
        assertThat(balance("alice")).isEqualTo(BALANCE - 100);
        assertThat(ledger.merchantBalance(MCH)).isEqualTo(100);
    }

    @Test
    void shouldCloseAWaitingPaymentTheConsumerCancelsOrNeverConfirms()
    {
        ledger.pay(MCH, "CANCEL", code("alice"), 100, 3_000, true);
        ledger.pay(MCH, "SLOW", code("alice"), 200, 90_000, false);

        clock.advance(3_000);
        assertThat(ledger.query(MCH, "CANCEL").order().state()).isEqualTo(OrderState.CLOSED);
        assertThat(ledger.query(MCH, "SLOW").order().state()).isEqualTo(OrderState.USERPAYING);
        clock.advance(42_000);
        final OrderSnapshot slow = ledger.query(MCH, "SLOW").order();

        assertThat(slow.state()).as("the wallet closes it after 45 s").isEqualTo(OrderState.CLOSED);
        assertThat(slow.finalAt()).isEqualTo(T0 + 45_000);
        assertThat(balance("alice")).isEqualTo(BALANCE);
        assertThat(ledger.account("alice").held()).isZero();
    }

    @Test
    void shouldRefuseAReverseDuringUserPayingThenReverseOnTheNextCall()
    {
        ledger.pay(MCH, "T1", code("alice"), 100, 10_000, false);

        final LedgerResult first = ledger.reverse(MCH, "T1");
        assertThat(first.status()).isEqualTo(LedgerResult.Status.CALL_AGAIN);
        assertThat(ledger.query(MCH, "T1").order().state()).isEqualTo(OrderState.CLOSED);
        clock.advance(20_000);
        final LedgerResult second = ledger.reverse(MCH, "T1");

        assertThat(second.status()).isEqualTo(LedgerResult.Status.DONE);
        assertThat(second.order().state()).isEqualTo(OrderState.REVERSED);
        assertThat(ledger.query(MCH, "T1").order().state()).as("the cancelled confirmation never lands")
            .isEqualTo(OrderState.REVERSED);
        assertThat(balance("alice")).isEqualTo(BALANCE);
        assertThat(ledger.account("alice").held()).isZero();
    }

    @Test
    void shouldReverseAPaidOrderOnceAndIdempotently()
    {
        ledger.pay(MCH, "T1", code("alice"), 100, Ledger.NO_USER_PAYING, false);

        assertThat(ledger.reverse(MCH, "T1").status()).isEqualTo(LedgerResult.Status.DONE);
        assertThat(ledger.reverse(MCH, "T1").status()).isEqualTo(LedgerResult.Status.RESEND);
        assertThat(balance("alice")).isEqualTo(BALANCE);
        assertThat(ledger.merchantBalance(MCH)).isZero();
        assertThat(ledger.counters().reversals()).isEqualTo(1);
    }

    @Test
    void shouldRecordATombstoneForAReverseThatOvertakesItsPayment()
    {
        final LedgerResult reverse = ledger.reverse(MCH, "LATE");
        final LedgerResult latePay = ledger.pay(MCH, "LATE", code("alice"), 100, Ledger.NO_USER_PAYING, false);

        assertThat(reverse.order().state()).isEqualTo(OrderState.REVERSED);
        assertThat(reverse.order().account()).isNull();
        assertThat(latePay.decline()).isEqualTo(Decline.ORDER_REVERSED);
        assertThat(balance("alice")).isEqualTo(BALANCE);
    }

    @Test
    void shouldReverseDeclinedAndClosedOrdersAndCloseOnlyUnpaidOnes()
    {
        ledger.pay(MCH, "DECLINED", "100000000000000000", 100, Ledger.NO_USER_PAYING, false);
        ledger.pay(MCH, "WAITING", code("alice"), 100, 10_000, false);
        ledger.pay(MCH, "PAID", code("alice"), 100, Ledger.NO_USER_PAYING, false);

        assertThat(ledger.reverse(MCH, "DECLINED").order().state()).isEqualTo(OrderState.REVERSED);
        assertThat(ledger.close(MCH, "WAITING").order().state()).isEqualTo(OrderState.CLOSED);
        assertThat(ledger.close(MCH, "WAITING").status()).isEqualTo(LedgerResult.Status.RESEND);
        assertThat(ledger.close(MCH, "PAID").decline()).isEqualTo(Decline.ORDER_PAID);
        assertThat(ledger.close(MCH, "NONE").decline()).isEqualTo(Decline.ORDER_NOT_FOUND);
        assertThat(ledger.reverse(MCH, "WAITING").order().state()).isEqualTo(OrderState.REVERSED);
    }

    @Test
    void shouldRefundWithinThePaidAmountIdempotentlyByRefundNumber()
    {
        ledger.pay(MCH, "T1", code("alice"), 1_000, Ledger.NO_USER_PAYING, false);

        final LedgerResult first = ledger.refund(MCH, "T1", "R1", 600);
        final LedgerResult resend = ledger.refund(MCH, "T1", "R1", 600);
        final LedgerResult tooMuch = ledger.refund(MCH, "T1", "R2", 401);
        final LedgerResult rest = ledger.refund(MCH, "T1", "R3", 400);

        assertThat(first.status()).isEqualTo(LedgerResult.Status.DONE);
        assertThat(first.refundId()).isNotNull();
        assertThat(resend.status()).isEqualTo(LedgerResult.Status.RESEND);
        assertThat(resend.refundId()).isEqualTo(first.refundId());
        assertThat(tooMuch.decline()).isEqualTo(Decline.REFUND_EXCEEDED);
        assertThat(rest.order().refunded()).isEqualTo(1_000);
        assertThat(rest.order().state()).isEqualTo(OrderState.REFUNDED);
        assertThat(ledger.refund(MCH, "T1", "R1", 599).decline()).isEqualTo(Decline.REFUND_CONFLICT);
        assertThat(ledger.reverse(MCH, "T1").decline()).isEqualTo(Decline.ALREADY_REFUNDED);
        assertThat(balance("alice")).isEqualTo(BALANCE);
        assertThat(ledger.merchantBalance(MCH)).isZero();
        assertThat(ledger.counters().refunds()).isEqualTo(2);
    }

    @Test
    void shouldRefuseRefundsOfUnpaidOrUnknownOrders()
    {
        ledger.pay(MCH, "WAITING", code("alice"), 100, 10_000, false);
        ledger.reverse(MCH, "GONE");

        assertThat(ledger.refund(MCH, "WAITING", "R1", 100).decline()).isEqualTo(Decline.NOT_REFUNDABLE);
        assertThat(ledger.refund(MCH, "GONE", "R2", 100).decline()).isEqualTo(Decline.ORDER_NOT_FOUND);
        assertThat(ledger.refund(MCH, "NONE", "R3", 100).decline()).isEqualTo(Decline.ORDER_NOT_FOUND);
    }

    @Test
    void shouldHoldReleaseAndCaptureIdempotently()
    {
        assertThat(ledger.hold("alice", "H1", 300).order().state()).isEqualTo(OrderState.HELD);
        assertThat(ledger.account("alice").available()).isEqualTo(BALANCE - 300);
        assertThat(ledger.hold("alice", "H1", 300).status()).isEqualTo(LedgerResult.Status.RESEND);
        assertThat(ledger.hold("alice", "H1", 301).decline()).isEqualTo(Decline.ORDER_CONFLICT);
        assertThat(ledger.release("H1", 299).decline()).isEqualTo(Decline.ORDER_CONFLICT);

        assertThat(ledger.release("H1", 300).order().state()).isEqualTo(OrderState.RELEASED);
        assertThat(ledger.release("H1", 300).status()).isEqualTo(LedgerResult.Status.RESEND);
        assertThat(ledger.capture("H1").decline()).isEqualTo(Decline.HOLD_RELEASED);
        assertThat(ledger.account("alice").available()).isEqualTo(BALANCE);

        ledger.hold("alice", "H2", 200);
        assertThat(ledger.capture("H2").order().state()).isEqualTo(OrderState.CAPTURED);
        assertThat(ledger.capture("H2").status()).isEqualTo(LedgerResult.Status.RESEND);
        assertThat(ledger.release("H2", 200).decline()).isEqualTo(Decline.HOLD_CAPTURED);
        assertThat(balance("alice")).isEqualTo(BALANCE - 200);
        assertThat(ledger.account("alice").held()).isZero();
    }

    @Test
    void shouldRefuseAHoldAfterItsReleaseOvertookIt()
    {
        assertThat(ledger.release("H9", 100).order().state()).isEqualTo(OrderState.RELEASED);
        assertThat(ledger.hold("alice", "H9", 100).decline()).isEqualTo(Decline.HOLD_RELEASED);
        assertThat(ledger.hold("nobody", "H10", 100).decline()).isEqualTo(Decline.ACCOUNT_UNKNOWN);
        assertThat(ledger.hold("alice", "H11", BALANCE).decline()).isEqualTo(Decline.LIMIT_EXCEEDED);
        assertThat(ledger.capture("H12").decline()).isEqualTo(Decline.ORDER_NOT_FOUND);
    }

    @Test
    void shouldCreditAPayeeIdempotently()
    {
        final LedgerResult credit = ledger.credit(MCH, "C1", "payee-1", 700);

        assertThat(credit.order().kind()).isEqualTo(OrderKind.CREDIT);
        assertThat(credit.order().account()).isEqualTo("payee-1");
        assertThat(ledger.credit(MCH, "C1", "payee-1", 700).status()).isEqualTo(LedgerResult.Status.RESEND);
        assertThat(ledger.credit(MCH, "C1", "payee-1", 701).decline()).isEqualTo(Decline.ORDER_CONFLICT);
        assertThat(ledger.credit(MCH, "C2", "nobody", 700).decline()).isEqualTo(Decline.PAYEE_UNKNOWN);
        assertThat(ledger.merchantBalance("payee-1")).isEqualTo(700);
    }

    @Test
    void shouldTakeBackAReversedCreditOnceAndRefuseACreditThatArrivesAfterItsReverse()
    {
        ledger.credit(MCH, "C1", "payee-1", 700);

        final LedgerResult reversed = ledger.reverse(MCH, "C1");
        assertThat(reversed.status()).isEqualTo(LedgerResult.Status.DONE);
        assertThat(reversed.order().state()).isEqualTo(OrderState.REVERSED);
        assertThat(ledger.reverse(MCH, "C1").status()).isEqualTo(LedgerResult.Status.RESEND);
        assertThat(ledger.merchantBalance("payee-1")).isZero();
        assertThat(ledger.query(MCH, "C1").order().state()).isEqualTo(OrderState.REVERSED);
        assertThat(ledger.credit(MCH, "C1", "payee-1", 700).decline()).isEqualTo(Decline.ORDER_REVERSED);

        assertThat(ledger.reverse(MCH, "C2").order().state()).isEqualTo(OrderState.REVERSED);
        assertThat(ledger.credit(MCH, "C2", "payee-1", 700).decline()).isEqualTo(Decline.ORDER_REVERSED);
        assertThat(ledger.merchantBalance("payee-1")).isZero();
    }

    @Test
    void shouldFindOrdersByTransactionIdAndPageThemInCreationOrder()
    {
        final String txnId = ledger.pay(MCH, "T1", code("alice"), 100, Ledger.NO_USER_PAYING, false)
            .order().walletTxnId();
        ledger.hold("bob", "H1", 50);
        ledger.reverse(MCH, "T2");

        assertThat(ledger.queryByTxnId(txnId).order().orderNo()).isEqualTo("T1");
        assertThat(ledger.queryByTxnId("nope").decline()).isEqualTo(Decline.ORDER_NOT_FOUND);
        assertThat(ledger.orderCount()).isEqualTo(3);
        assertThat(ledger.orders(0, 2)).extracting(OrderSnapshot::orderNo).containsExactly("T1", "H1");
        assertThat(ledger.orders(2, 10)).extracting(OrderSnapshot::orderNo).containsExactly("T2");
        assertThat(ledger.orders(5, 10)).isEmpty();
    }

    @Test
    void shouldIssueCodesRoundRobinOrForAnAccount()
    {
        final IssuedCode first = ledger.issueCode(null);
        final IssuedCode second = ledger.issueCode(null);
        final IssuedCode bob = ledger.issueCode("bob");

        assertThat(first.account()).isEqualTo("alice");
        assertThat(second.account()).isEqualTo("bob");
        assertThat(bob.account()).isEqualTo("bob");
        assertThat(ledger.issueCode("nobody")).isNull();
        assertThat(first.toString()).doesNotContain(first.code());
        assertThat(ledger.pay(MCH, "T1", bob.code(), 10, Ledger.NO_USER_PAYING, false).order().account())
            .isEqualTo("bob");
    }

    @Test
    void shouldEndEveryDebitInOneFinalStateAndConserveMoney()
    {
        final java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++)
        {
            final String orderNo = "O" + random.nextInt(300);
            final String account = random.nextBoolean() ? "alice" : "bob";
            switch (random.nextInt(6))
            {
                case 0, 1 -> ledger.pay(MCH, orderNo, code(account), 1 + random.nextInt(300),
                    random.nextInt(4) == 0 ? random.nextInt(20_000) : Ledger.NO_USER_PAYING, random.nextBoolean());
                case 2 -> ledger.reverse(MCH, orderNo);
                case 3 -> ledger.refund(MCH, orderNo, "R" + random.nextInt(400), 1 + random.nextInt(200));
                case 4 -> ledger.query(MCH, orderNo);
                default -> clock.advance(random.nextInt(3_000));
            }
            final long money = balance("alice") + balance("bob") + ledger.merchantBalance(MCH);
            assertThat(money).as("step %d", i).isEqualTo(2 * BALANCE);
        }
        clock.advance(60_000);
        long waiting = 0;
        for (final OrderSnapshot order : ledger.orders(0, 1_000_000))
        {
            assertThat(order.state().isFinal()).as(order.toString()).isTrue();
            waiting += OrderState.USERPAYING == order.state() ? order.amount() : 0;
        }
        assertThat(waiting).isZero();
        assertThat(ledger.account("alice").held() + ledger.account("bob").held()).isZero();
    }

    private String code(final String account)
    {
        final AccountSnapshot snapshot = ledger.account(account);
        final byte[] seed = OfflineCodes.seedFor(
            "a-secret-of-at-least-16-bytes".getBytes(StandardCharsets.US_ASCII), account);
        return OfflineCodes.derive(new CodeFormat("10", 18), snapshot.number(), seed, clock.time() / 1000,
            counter++ % CodeFormat.PHONE_COUNTERS);
    }

    private long balance(final String account)
    {
        return ledger.account(account).balance();
    }
}
