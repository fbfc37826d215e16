package io.hutong.core.engine;

import io.hutong.codec.card.MerchantCodeCard;
import io.hutong.connector.CreditCommand;
import io.hutong.connector.DeclineReason;
import io.hutong.connector.QueryCommand;
import io.hutong.connector.ReleaseCommand;
import io.hutong.connector.ReverseCommand;
import io.hutong.connector.WalletOperation;
import io.hutong.connector.WalletOutcome;
import io.hutong.connector.WalletResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MpmFlowTest
{
    private final EngineHarness h = new EngineHarness();

    private String card(final String amount, final String... wallets)
    {
        return new MerchantCodeCard("M100200300", "Cafe Hutong", "Beijing", "CN", "5812", "156", amount,
            List.of(wallets)).toPayload(h.registry).encode();
    }

    @Test
    void shouldCreditThePayeeAndOweItFromThePayer()
    {
        final long session = h.mpmPay("alipay", "AP-1", card(null, "wechat", "jdpay"), 2_500);
        h.run();

        final EngineHarness.Reply reply = h.reply(session);
        assertThat(reply.status()).isEqualTo(FinalStatus.APPROVED);
        final CreditCommand credit = (CreditCommand)h.wallet("wechat").calls.get(0).command();
        assertThat(credit.payeeAccount()).isEqualTo("M100200300");
        assertThat(credit.amount()).isEqualTo(2_500);
        assertThat(h.engine.positions().owed(h.index("alipay"), h.index("wechat"))).isEqualTo(2_500);
        assertThat(h.journal.hops(reply.txnId())).containsExactly(Hop.RECEIVED, Hop.DECODED, Hop.ROUTED,
            Hop.CREDIT_SENT, Hop.CREDIT_RESULT, Hop.FINAL, Hop.REPLIED);
    }

    @Test
    void shouldPreferThePayersOwnWalletWhenTheMerchantIsEnrolledThere()
    {
        final long session = h.mpmPay("jdpay", "JD-1", card(null, "wechat", "jdpay"), 100);
        h.run();

        assertThat(h.reply(session).status()).isEqualTo(FinalStatus.APPROVED);
        assertThat(h.wallet("jdpay").count(WalletOperation.CREDIT)).isEqualTo(1);
        assertThat(h.wallet("wechat").count(WalletOperation.CREDIT)).isZero();
    }

    @Test
    void shouldReleaseThePayersHoldWhenTheCreditIsDeclined()
    {
        h.wallet("wechat").then(WalletOperation.CREDIT, WalletOutcome.declined(DeclineReason.MERCHANT_NOT_ENROLLED, "X"));
        h.wallet("alipay").then(WalletResult.unknown(WalletOperation.RELEASE, "TIMEOUT", "slow"));

        final long session = h.mpmPay("alipay", "AP-2", card(null, "wechat"), 900);
        h.run();
        assertThat(h.reply(session).status()).isEqualTo(FinalStatus.DECLINED);
        assertThat(h.reply(session).reason()).isEqualTo(Reason.MERCHANT_NOT_ENROLLED);
        h.advance(10_000);

        final List<ScriptedConnector.Call> releases = h.wallet("alipay").calls;
        assertThat(releases).hasSize(2).allSatisfy((c) ->
            assertThat(((ReleaseCommand)c.command()).orderNo()).isEqualTo("AP-2"));
        assertThat(h.payment(h.reply(session).txnId()).isFinal()).isTrue();
        assertThat(h.engine.positions().owed(h.index("alipay"), h.index("wechat"))).isZero();
    }

    @Test
    void shouldReverseACreditLeftInDoubtThenRelease()
    {
        final ScriptedConnector wechat = h.wallet("wechat");
        wechat.then(WalletResult.unknown(WalletOperation.CREDIT, "TIMEOUT", "slow"));
        for (int i = 0; i < 9; i++)
        {
            wechat.then(WalletResult.unknown(WalletOperation.QUERY, "TIMEOUT", "slow"));
        }

        final long session = h.mpmPay("alipay", "AP-3", card(null, "wechat"), 900);
        h.run();
        assertThat(h.reply(session).status()).isEqualTo(FinalStatus.PENDING);
        h.advance(60_000);

        final Payment payment = h.payment(h.reply(session).txnId());
        assertThat(payment.status()).isEqualTo(FinalStatus.REVERSED);
        assertThat(wechat.count(WalletOperation.REVERSE)).isEqualTo(1);
        // The payee wallet's own pay API does not know a credit: both must name the credit they are about.
        assertThat(wechat.calls).filteredOn((c) -> c.command() instanceof QueryCommand)
            .isNotEmpty()
            .allSatisfy((c) -> assertThat(((QueryCommand)c.command()).of()).isEqualTo(WalletOperation.CREDIT));
        assertThat(wechat.calls).filteredOn((c) -> c.command() instanceof ReverseCommand)
            .singleElement()
            .satisfies((c) -> assertThat(((ReverseCommand)c.command()).of()).isEqualTo(WalletOperation.CREDIT));
        assertThat(h.wallet("alipay").count(WalletOperation.RELEASE)).isEqualTo(1);
        assertThat(payment.isFinal()).isTrue();
    }

    @Test
    void shouldRefuseBadMpmRequestsWithoutCallingAnyWallet()
    {
        final long consumerCode = h.mpmPay("alipay", "AP-4", EngineHarness.WECHAT_CODE, 100);
        final long wrongAmount = h.mpmPay("alipay", "AP-5", card("12.00", "wechat"), 1_100);
        final long unknownPayer = h.mpmPay("paypal", "PP-1", card(null, "wechat"), 100);
        h.run();

        assertThat(h.reply(consumerCode).refusal()).isEqualTo(Reason.INVALID_CODE);
        assertThat(h.reply(wrongAmount).refusal()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(h.reply(unknownPayer).refusal()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(h.connectors.values()).allSatisfy((c) -> assertThat(c.calls).isEmpty());
    }

    @Test
    void shouldAnswerARepeatedMpmRequestWithTheOriginal()
    {
        final String code = card("12.00", "wechat");
        final long first = h.mpmPay("alipay", "AP-6", code, 1_200);
        h.run();
        final long repeat = h.mpmPay("alipay", "AP-6", code, 1_200);
        final long modified = h.mpmPay("alipay", "AP-6", card(null, "wechat"), 1_200);
        h.run();

        assertThat(h.reply(repeat).txnId()).isEqualTo(h.reply(first).txnId());
        assertThat(h.reply(modified).refusal()).isEqualTo(Reason.MODIFIED_REQUEST);
        assertThat(h.wallet("wechat").count(WalletOperation.CREDIT)).isEqualTo(1);
    }
}
