package io.hutong.connector;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeStatusTest
{
    @Test
    void shouldTreatOnlyApprovedAndDeclinedAsFinal()
    {
        assertThat(OutcomeStatus.APPROVED.isFinal()).isTrue();
        assertThat(OutcomeStatus.DECLINED.isFinal()).isTrue();
        assertThat(OutcomeStatus.IN_PROGRESS.isFinal()).isFalse();
        assertThat(OutcomeStatus.UNKNOWN.isFinal()).isFalse();
    }

    @Test
    void shouldLookUpDeclineReasonsByOrdinal()
    {
        for (final DeclineReason reason : DeclineReason.values())
        {
            assertThat(DeclineReason.get(reason.ordinal())).isSameAs(reason);
        }
    }
}
