package io.hutong.connector;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandsTest
{
    private static final String CODE = "134567890123456789";

    @Test
    void shouldMaskTheConsumerCodeInToString()
    {
        final PayCommand pay = new PayCommand("HT0001", CODE, 1_000, "coffee", "10.0.0.1");

        assertThat(pay.toString()).contains("134567********6789").doesNotContain(CODE);
    }

    @Test
    void shouldRefuseABadCodeWithoutEchoingIt()
    {
        assertThatThrownBy(() -> new PayCommand("HT0001", CODE + " ", 1_000, "coffee", "10.0.0.1"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("authCode[18]: not printable ASCII");
        assertThatThrownBy(() -> new PayCommand("HT0001", "", 1_000, "coffee", "10.0.0.1"))
            .hasMessage("authCode.length=0: must be 1-512");
    }

    @Test
    void shouldRefuseOrderNumbersNoWalletAccepts()
    {
        assertThatThrownBy(() -> new QueryCommand("a".repeat(33))).hasMessageContaining("must be 1-32 characters");
        assertThatThrownBy(() -> new QueryCommand("a b")).hasMessage("orderNo=a b: only [0-9A-Za-z_-] allowed");
        assertThat(new QueryCommand("HT_0001-a").orderNo()).isEqualTo("HT_0001-a");
    }

    @Test
    void shouldRefuseAmountsOutOfRange()
    {
        assertThatThrownBy(() -> new ReverseCommand("o", 0)).hasMessage("amount=0: must be 1..99999999999 fen");
        assertThatThrownBy(() -> new RefundCommand("o", "r", 100, 101))
            .hasMessage("refundAmount=101: must be <= paidAmount=100");
        assertThatThrownBy(() -> new CreditCommand("o", "", 1, "s")).hasMessageStartingWith("payeeAccount:");
        assertThat(new ReleaseCommand("o", 99_999_999_999L).amount()).isEqualTo(99_999_999_999L);
    }

    @Test
    void shouldKeepResultInvariants()
    {
        assertThatThrownBy(() -> new WalletResult(WalletOperation.PAY, OutcomeStatus.DECLINED, null, null, null, true, null))
            .hasMessageContaining("reason iff DECLINED");
        assertThatThrownBy(() -> new WalletResult(WalletOperation.PAY, OutcomeStatus.APPROVED, null, null, "t", false, null))
            .hasMessageContaining("an unsent request has no answer");
        final WalletResult declined = WalletResult.answered(WalletOperation.PAY,
            WalletOutcome.declined(DeclineReason.INSUFFICIENT_FUNDS, "NOTENOUGH"), null);
        assertThat(declined.isFinal()).isTrue();
        assertThat(declined.walletCode()).isEqualTo("NOTENOUGH");
        assertThat(WalletResult.notSent(WalletOperation.QUERY, "BUSY", "d").requestSent()).isFalse();
    }

    @Test
    void shouldBackOffReversalsUpToTheCap()
    {
        final WalletSchedule schedule = new WalletSchedule(10_000, 5_000, 45_000, 15_000, 2_000, 60_000);

        assertThat(schedule.reverseDelayMs(0)).isEqualTo(2_000);
        assertThat(schedule.reverseDelayMs(1)).isEqualTo(4_000);
        assertThat(schedule.reverseDelayMs(4)).isEqualTo(32_000);
        assertThat(schedule.reverseDelayMs(5)).isEqualTo(60_000);
        assertThat(schedule.reverseDelayMs(Integer.MAX_VALUE)).isEqualTo(60_000);
    }

    @Test
    void shouldRefuseInconsistentSchedules()
    {
        assertThatThrownBy(() -> new WalletSchedule(0, 5_000, 45_000, 0, 2_000, 60_000))
            .hasMessage("requestTimeoutMs=0: must be > 0");
        assertThatThrownBy(() -> new WalletSchedule(1, 5_000, 4_000, 0, 2_000, 60_000))
            .hasMessage("queryWindowMs=4000: must be >= queryIntervalMs=5000");
        assertThatThrownBy(() -> new WalletSchedule(1, 5_000, 5_000, -1, 2_000, 60_000))
            .hasMessage("reverseNotBeforeMs=-1: must be >= 0");
    }
}
