package io.hutong.core.journal;

import io.hutong.connector.DeclineReason;
import io.hutong.connector.OutcomeStatus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes are a file-format contract: pinned here so a renumbering fails the build.
 */
class JournalCodesTest
{
    @Test
    void shouldKeepHopCodesStable()
    {
        assertThat(codes(JournalHop.values(), JournalHop::code)).containsExactly(
            Map.entry("RECEIVED", 1), Map.entry("DECODED", 2), Map.entry("ROUTED", 3),
            Map.entry("WALLET_SENT", 10), Map.entry("WALLET_RESULT", 11), Map.entry("QUERY_SENT", 12),
            Map.entry("QUERY_RESULT", 13), Map.entry("REVERSE_SENT", 14), Map.entry("REVERSE_RESULT", 15),
            Map.entry("REFUND_SENT", 16), Map.entry("REFUND_RESULT", 17), Map.entry("CREDIT_SENT", 18),
            Map.entry("CREDIT_RESULT", 19), Map.entry("RELEASE_SENT", 20), Map.entry("RELEASE_RESULT", 21),
            Map.entry("FINAL", 30), Map.entry("REPLIED", 31), Map.entry("LOGON", 100),
            Map.entry("AUTH_FAILURE", 101), Map.entry("CONFIG_LOADED", 102), Map.entry("STARTED", 103),
            Map.entry("STOPPED", 104), Map.entry("ALERT", 105));
        for (final JournalHop hop : JournalHop.values())
        {
            assertThat(JournalHop.get(hop.code())).isSameAs(hop);
            assertThat(hop.isAudit()).isEqualTo(hop.code() >= 100);
        }
        assertThat(JournalHop.get(0)).isNull();
        assertThat(JournalHop.get(65535)).isNull();
    }

    @Test
    void shouldKeepFlowAndStatusCodesStable()
    {
        assertThat(codes(JournalFlow.values(), JournalFlow::code)).containsExactly(
            Map.entry("CPM", 1), Map.entry("MPM", 2), Map.entry("REFUND", 3), Map.entry("ADMIN", 4));
        assertThat(codes(JournalStatus.values(), JournalStatus::code)).containsExactly(
            Map.entry("NONE", 0), Map.entry("RECEIVED", 1), Map.entry("PENDING", 2), Map.entry("IN_DOUBT", 3),
            Map.entry("APPROVED", 10), Map.entry("DECLINED", 11), Map.entry("REVERSED", 12),
            Map.entry("WALLET_APPROVED", 20), Map.entry("WALLET_DECLINED", 21),
            Map.entry("WALLET_IN_PROGRESS", 22), Map.entry("WALLET_UNKNOWN", 23));
        for (final JournalStatus status : JournalStatus.values())
        {
            assertThat(JournalStatus.get(status.code())).isSameAs(status);
        }
        assertThat(JournalStatus.REVERSED.isFinal()).isTrue();
        assertThat(JournalStatus.WALLET_APPROVED.isFinal()).isFalse();
        assertThat(JournalStatus.of(OutcomeStatus.APPROVED)).isEqualTo(JournalStatus.WALLET_APPROVED);
        assertThat(JournalStatus.of(OutcomeStatus.DECLINED)).isEqualTo(JournalStatus.WALLET_DECLINED);
        assertThat(JournalStatus.of(OutcomeStatus.IN_PROGRESS)).isEqualTo(JournalStatus.WALLET_IN_PROGRESS);
        assertThat(JournalStatus.of(OutcomeStatus.UNKNOWN)).isEqualTo(JournalStatus.WALLET_UNKNOWN);
    }

    @Test
    void shouldKeepReasonCodesStable()
    {
        assertThat(codes(JournalReason.values(), JournalReason::code)).containsExactly(
            Map.entry("NONE", 0), Map.entry("INSUFFICIENT_FUNDS", 1), Map.entry("CODE_INVALID_OR_EXPIRED", 2),
            Map.entry("CODE_ALREADY_USED", 3), Map.entry("LIMIT_EXCEEDED", 4), Map.entry("MERCHANT_NOT_ENROLLED", 5),
            Map.entry("ACCOUNT_RESTRICTED", 6), Map.entry("RISK_REFUSED", 7), Map.entry("DUPLICATE_ORDER", 8),
            Map.entry("REQUEST_REJECTED", 9), Map.entry("WALLET_UNAVAILABLE", 10),
            Map.entry("CONSUMER_CANCELLED", 11), Map.entry("OTHER", 12), Map.entry("UNKNOWN_ISSUER", 100),
            Map.entry("INVALID_CODE", 101), Map.entry("MODIFIED_REQUEST", 102), Map.entry("BUSY", 103),
            Map.entry("CODE_REUSED", 104), Map.entry("TIMEOUT", 105), Map.entry("NOT_SENT", 106),
            Map.entry("BAD_MAC", 107), Map.entry("REPLAY", 108), Map.entry("UNKNOWN_TERMINAL", 109),
            Map.entry("NOT_FOUND", 110), Map.entry("INVALID_REQUEST", 111));
        for (final JournalReason reason : JournalReason.values())
        {
            assertThat(JournalReason.get(reason.code())).isSameAs(reason);
        }
    }

    @Test
    void shouldHaveAJournalReasonForEveryDeclineReason()
    {
        for (final DeclineReason decline : DeclineReason.values())
        {
            final JournalReason reason = JournalReason.of(decline);
            assertThat(reason.name()).isEqualTo(decline.name());
            assertThat(reason.isWalletDecline()).isTrue();
        }
    }

    private static <E extends Enum<E>> Iterable<Map.Entry<String, Integer>> codes(
        final E[] values, final ToIntFunction<E> code)
    {
        return Arrays.stream(values)
            .collect(Collectors.toMap(Enum::name, code::applyAsInt, (a, b) -> a, java.util.LinkedHashMap::new))
            .entrySet();
    }
}
