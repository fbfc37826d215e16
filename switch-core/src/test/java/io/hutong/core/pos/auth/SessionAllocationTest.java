package io.hutong.core.pos.auth;

import io.hutong.core.pos.codec.Allocations;
import io.hutong.core.pos.codec.PosExample;
import io.hutong.core.pos.codec.PosMessageType;
import io.hutong.core.pos.codec.PosReason;
import io.hutong.core.pos.codec.PosStatus;
import org.junit.jupiter.api.Test;

import static io.hutong.core.pos.codec.Allocations.ITERATIONS;
import static io.hutong.core.pos.codec.Allocations.TOLERANCE_BYTES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole per-frame path after logon allocates nothing once warm, on both ends: encode, number and MAC a request;
 * check terminal, MAC, sequence and body of it at the switch; the same for the Result coming back.
 */
class SessionAllocationTest
{
    private static final String TXN_ID = "T20260101-000001";
    private static final String WALLET_TXN_ID = "4200001234";

    private final SessionPair pair = new SessionPair().logOn();

    @Test
    void shouldExchangePayAndResultWithoutAllocating()
    {
        final long allocated = Allocations.measure(() ->
        {
            pair.terminal.pay(pair.wire, 0).amount(PosExample.AMOUNT).currency(156).terminalTxnId(TXN_ID)
                .merchantId(PosExample.MERCHANT_ID).code(PosExample.CODE).subject(PosExample.SUBJECT);
            final int pay = pair.terminal.commit();
            if (pair.toSwitch(pay) != PosReason.NONE)
            {
                return -1_000_000;
            }
            final long requestSequence = pair.switchSide.frame().sequence();
            final long amount = pair.switchSide.frame().pay().amount();

            pair.switchSide.result(pair.wire, 0).switchTxnId(requestSequence).amount(amount)
                .refSequence(requestSequence).refTemplateId(PosMessageType.PAY.code()).status(PosStatus.APPROVED)
                .reason(PosReason.NONE).terminalTxnId(TXN_ID).walletId(PosExample.WALLET_ID)
                .walletTxnId(WALLET_TXN_ID);
            final int result = pair.switchSide.commit();
            if (pair.toTerminal(result) != PosReason.NONE)
            {
                return -1_000_000;
            }
            return pair.terminal.frame().result().switchTxnId();
        });

        assertThat(pair.switchSide.isLoggedOn()).isTrue();
        assertThat(pair.switchSide.nextInboundSequence()).isEqualTo(Allocations.WARM_UP + ITERATIONS + 1L);
        assertThat(allocated).as("bytes allocated by %d Pay/Result exchanges", ITERATIONS)
            .isLessThanOrEqualTo(TOLERANCE_BYTES);
    }

    @Test
    void shouldExchangeHeartbeatsWithoutAllocating()
    {
        final long allocated = Allocations.measure(() ->
        {
            pair.terminal.heartbeat(pair.wire, 0).timestampMs(pair.clock.time());
            final PosReason in = pair.toSwitch(pair.terminal.commit());
            pair.switchSide.heartbeat(pair.wire, 0).timestampMs(pair.clock.time());
            final PosReason out = pair.toTerminal(pair.switchSide.commit());
            return in == PosReason.NONE && out == PosReason.NONE ? 1 : -1_000_000;
        });

        assertThat(allocated).isLessThanOrEqualTo(TOLERANCE_BYTES);
    }
}
