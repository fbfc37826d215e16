package io.hutong.core.engine;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.PayCommand;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.WalletResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hutong.core.engine.EngineHarness.ALIPAY_CODE;
import static io.hutong.core.engine.EngineHarness.WECHAT_CODE;
import static org.assertj.core.api.Assertions.assertThat;

class CpmFlowTest
{
    private final EngineHarness h = new EngineHarness();

    @Test
    void shouldApproveJournalEveryHopAndOweTheAcquirer()
    {
        final long session = h.pay("T1", "tx-1", WECHAT_CODE, 1_500);
        h.run();

        final EngineHarness.Reply reply = h.reply(session);
        assertThat(reply.status()).isEqualTo(FinalStatus.APPROVED);
        assertThat(reply.wallet()).isEqualTo("wechat");
        assertThat(reply.walletTxnId()).isNotNull();
        assertThat(h.journal.hops(reply.txnId())).containsExactly(Hop.RECEIVED, Hop.DECODED, Hop.ROUTED,
            Hop.WALLET_SENT, Hop.WALLET_RESULT, Hop.FINAL, Hop.REPLIED);
        assertThat(h.engine.positions().owed(h.index("wechat"), h.index("alipay"))).isEqualTo(1_500);
        final PayCommand sent = (PayCommand)h.wallet("wechat").calls.get(0).command();
        assertThat(sent.authCode()).isEqualTo(WECHAT_CODE);
        assertThat(sent.amount()).isEqualTo(1_500);
    }

    @Test
    void shouldNotCallTheWalletOrReplyBeforeTheDecidingHopIsCommitted()
    {
        final long session = h.pay("T1", "tx-1", WECHAT_CODE, 100);
        h.run();

        final EngineHarness.Reply reply = h.reply(session);
        final ListJournal.Entry finalHop = h.journal.entries.stream()
            .filter((e) -> e.hop() == Hop.FINAL).findFirst().orElseThrow();
        final ListJournal.Entry sentHop = h.journal.entries.stream()
            .filter((e) -> e.hop() == Hop.WALLET_SENT).findFirst().orElseThrow();
        assertThat(reply.commitsBefore()).isGreaterThan(finalHop.commitsBefore());
        assertThat(sentHop.commitsBefore()).isLessThan(finalHop.commitsBefore());
    }

    @Test
    void shouldDeclineWithTheWalletsReason()
    {
        h.wallet("alipay").then(WalletOperation.PAY, WalletOutcome.declined(DeclineReason.INSUFFICIENT_FUNDS,
            "ACQ.BUYER_BALANCE_NOT_ENOUGH"));

        final long session = h.pay("T1", "tx-1", ALIPAY_CODE, 100);
        h.run();

        assertThat(h.reply(session).status()).isEqualTo(FinalStatus.DECLINED);
        assertThat(h.reply(session).reason()).isEqualTo(Reason.INSUFFICIENT_FUNDS);
        assertThat(h.engine.positions().owed(h.index("alipay"), h.index("alipay"))).isZero();
    }

    @Test
    void shouldAnswerARepeatWithTheOriginalAndRefuseAModifiedOne()
    {
        final long first = h.pay("T1", "tx-1", WECHAT_CODE, 100);
        h.run();
        final long repeat = h.pay("T1", "tx-1", WECHAT_CODE, 100);
        final long modified = h.pay("T1", "tx-1", WECHAT_CODE, 101);
        h.run();

        assertThat(h.reply(repeat).txnId()).isEqualTo(h.reply(first).txnId());
        assertThat(h.reply(repeat).status()).isEqualTo(FinalStatus.APPROVED);
        assertThat(h.reply(repeat).refusal()).isEqualTo(Reason.DUPLICATE);
        assertThat(h.reply(modified).refusal()).isEqualTo(Reason.MODIFIED_REQUEST);
        assertThat(h.wallet("wechat").count(WalletOperation.PAY)).isEqualTo(1);
    }

    @Test
    void shouldDeclineCodesThatAreInvalidUnroutableOrReused()
    {
        final long invalid = h.pay("T1", "tx-1", "not a code", 100);
        final long unknown = h.pay("T1", "tx-2", "990000000000000000", 100);
        final long merchantCode = h.pay("T1", "tx-3", "https://qr.alipay.com/abc", 100);
        final long first = h.pay("T1", "tx-4", WECHAT_CODE, 100);
        final long reused = h.pay("T2", "tx-5", WECHAT_CODE, 100);
        h.run();

        assertThat(h.reply(invalid).reason()).isEqualTo(Reason.INVALID_CODE);
        assertThat(h.reply(unknown).reason()).isEqualTo(Reason.UNKNOWN_ISSUER);
        assertThat(h.reply(merchantCode).reason()).isEqualTo(Reason.INVALID_CODE);
        assertThat(h.reply(first).status()).isEqualTo(FinalStatus.APPROVED);
        assertThat(h.reply(reused).reason()).isEqualTo(Reason.CODE_REUSED);
        assertThat(h.wallet("wechat").count(WalletOperation.PAY)).isEqualTo(1);
    }

    @Test
    void shouldDeclineWithoutQueryingWhenThePayNeverReachedTheWallet()
    {
        h.wallet("wechat").then(WalletResult.notSent(WalletOperation.PAY, "CONNECT_FAILED", "refused"));

        final long session = h.pay("T1", "tx-1", WECHAT_CODE, 100);
        h.run();
        h.advance(60_000);

        assertThat(h.reply(session).reason()).isEqualTo(Reason.WALLET_UNAVAILABLE);
        assertThat(h.wallet("wechat").count(WalletOperation.QUERY)).isZero();
        assertThat(h.wallet("wechat").count(WalletOperation.REVERSE)).isZero();
    }

    @Test
    void shouldQueryAnInDoubtPaymentUntilTheWalletDecides()
    {
        h.wallet("wechat").then(WalletOperation.PAY, WalletOutcome.inProgress("USERPAYING"))
            .then(WalletOperation.QUERY, WalletOutcome.inProgress("USERPAYING"))
            .then(WalletOperation.QUERY, WalletOutcome.approved("SUCCESS"));

        final long session = h.pay("T1", "tx-1", WECHAT_CODE, 100);
        h.run();
        assertThat(h.reply(session).status()).isEqualTo(FinalStatus.PENDING);
        h.advance(4_900);
        assertThat(h.wallet("wechat").count(WalletOperation.QUERY)).isZero();
        h.advance(5_200);

        assertThat(h.wallet("wechat").count(WalletOperation.QUERY)).isEqualTo(2);
        final long txn = h.reply(session).txnId();
        assertThat(h.payment(txn).status()).isEqualTo(FinalStatus.APPROVED);
        final long query = h.query("T1", "tx-1");
        h.run();
        assertThat(h.reply(query).status()).isEqualTo(FinalStatus.APPROVED);
        assertThat(h.journal.hops(txn)).containsSubsequence(Hop.WALLET_RESULT, Hop.REPLIED, Hop.QUERY_SENT,
            Hop.QUERY_RESULT, Hop.QUERY_SENT, Hop.QUERY_RESULT, Hop.FINAL);
    }

    @Test
    void shouldReverseWhenTheWindowClosesAndRetryUntilAcknowledged()
    {
        final ScriptedConnector wechat = h.wallet("wechat");
        wechat.then(WalletResult.unknown(WalletOperation.PAY, "TIMEOUT", "no answer"));
        for (int i = 0; i < 9; i++)
        {
            wechat.then(WalletResult.unknown(WalletOperation.QUERY, "TIMEOUT", "no answer"));
        }
        wechat.then(WalletResult.unknown(WalletOperation.REVERSE, "HTTP_503", "down"))
            .then(WalletOperation.REVERSE, WalletOutcome.approved("SUCCESS"));

        final long session = h.pay("T1", "tx-1", WECHAT_CODE, 100);
        h.run();
        h.advance(120_000);

        final long txn = h.reply(session).txnId();
        final Payment payment = h.payment(txn);
        assertThat(payment.status()).isEqualTo(FinalStatus.REVERSED);
        assertThat(payment.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(wechat.count(WalletOperation.QUERY)).isEqualTo(9);
        assertThat(wechat.count(WalletOperation.REVERSE)).isEqualTo(2);
        assertThat(h.engine.positions().owed(h.index("wechat"), h.index("alipay"))).isZero();
        final List<ScriptedConnector.Call> reverses = wechat.calls.stream()
            .filter((c) -> c.operation() == WalletOperation.REVERSE).toList();
        assertThat(reverses).allSatisfy((c) -> assertThat(c.correlationId()).isEqualTo(txn));
    }

    @Test
    void shouldVoidAnApprovedPaymentAndUndoThePosition()
    {
        final long pay = h.pay("T1", "tx-1", WECHAT_CODE, 700);
        h.run();
        final long reverse = h.reverse("T1", "tx-1");
        h.run();
        assertThat(h.reply(reverse).status()).as("pending until WeChat's 15 s").isEqualTo(FinalStatus.PENDING);
        h.advance(16_000);

        assertThat(h.reply(reverse).txnId()).isEqualTo(h.reply(pay).txnId());
        final Payment payment = h.payment(h.reply(pay).txnId());
        assertThat(payment.status()).isEqualTo(FinalStatus.REVERSED);
        assertThat(h.engine.positions().owed(h.index("wechat"), h.index("alipay"))).isZero();
    }

    @Test
    void shouldLeaveATombstoneWhenVoidingAPaymentNeverSeenSoALatePayIsRefused()
    {
        final long reverse = h.reverse("T1", "tx-9");
        h.run();
        final long latePay = h.pay("T1", "tx-9", WECHAT_CODE, 100);
        h.run();

        assertThat(h.reply(reverse).status()).isEqualTo(FinalStatus.REVERSED);
        assertThat(h.reply(reverse).reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(h.reply(latePay).status()).isEqualTo(FinalStatus.REVERSED);
        assertThat(h.reply(latePay).refusal()).as("answered from the records").isEqualTo(Reason.DUPLICATE);
        assertThat(h.wallet("wechat").count(WalletOperation.PAY)).isZero();
    }

    @Test
    void shouldRefundPartlyAndRefuseMoreThanWasPaid()
    {
        h.pay("T1", "tx-1", WECHAT_CODE, 1_000);
        h.run();
        final long refund = h.refund("T1", "tx-1", "rf-1", 400);
        final long tooMuch = h.refund("T1", "tx-1", "rf-2", 700);
        h.run();

        assertThat(h.reply(refund).status()).isEqualTo(FinalStatus.APPROVED);
        assertThat(h.reply(tooMuch).refusal()).isEqualTo(Reason.REFUND_EXCEEDS_ORIGINAL);
        assertThat(h.engine.positions().owed(h.index("wechat"), h.index("alipay"))).isEqualTo(600);
        final long again = h.refund("T1", "tx-1", "rf-1", 400);
        h.run();
        assertThat(h.reply(again).txnId()).isEqualTo(h.reply(refund).txnId());
        assertThat(h.wallet("wechat").count(WalletOperation.REFUND)).isEqualTo(1);
    }

    @Test
    void shouldOpenTheBreakerAfterConsecutiveFailuresButKeepReversing()
    {
        final EngineHarness small = new EngineHarness(new EngineConfig(1, 1_024, 120_000, 256, 64, 1_000, 1_000, 3, 5_000,
            "127.0.0.1", "test"));
        for (int i = 0; i < 3; i++)
        {
            small.wallet("wechat").then(WalletResult.unknown(WalletOperation.PAY, "TIMEOUT", "no answer"));
            small.pay("T1", "tx-" + i, "13456789012345678" + i, 100);
            small.run();
        }
        final long refused = small.pay("T1", "tx-9", "134567890123456000", 100);
        small.run();

        assertThat(small.reply(refused).reason()).isEqualTo(Reason.WALLET_UNAVAILABLE);
        assertThat(small.wallet("wechat").count(WalletOperation.PAY)).isEqualTo(3);
        small.advance(60_000);
        assertThat(small.wallet("wechat").count(WalletOperation.QUERY)).isPositive();
    }

    @Test
    void shouldAnswerBusyBeyondTheTerminalsBoundWithoutStartingAPayment()
    {
        final EngineHarness small = new EngineHarness(new EngineConfig(1, 1_024, 120_000, 256, 1, 1_000, 1_000, 50, 5_000,
            "127.0.0.1", "test"));
        small.wallet("wechat").holdAnswers = true;
        final long first = small.pay("T1", "tx-1", WECHAT_CODE, 100);
        final long second = small.pay("T1", "tx-2", "134567890123456788", 100);
        small.run();

        assertThat(small.reply(first)).isNull();
        assertThat(small.reply(second).refusal()).isEqualTo(Reason.BUSY);
        small.wallet("wechat").holdAnswers = false;
        small.wallet("wechat").release();
        small.run();
        assertThat(small.reply(first).status()).isEqualTo(FinalStatus.APPROVED);
        final long third = small.pay("T1", "tx-2", "134567890123456788", 100);
        small.run();
        assertThat(small.reply(third).status()).as("BUSY must not stick to the txn id").isEqualTo(FinalStatus.APPROVED);
    }
}
